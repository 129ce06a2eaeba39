"""Bahdanau (additive) attention pooling over a BiLSTM encoder for document classification: score = v^T tanh(W h),
softmax over time, weighted sum by Dot; the layers live in a small helper."""
from tensorflow import keras
from tensorflow.keras import layers


def additive_attention_pool(sequence, units, prefix="attn"):
    energy = layers.Dense(units, activation="tanh", name=f"{prefix}_energy")(sequence)
    scores = layers.Dense(1, use_bias=False, name=f"{prefix}_score")(energy)        # (batch, T, 1)
    scores = layers.Flatten(name=f"{prefix}_flatten")(scores)                          # (batch, T)
    alphas = layers.Activation("softmax", name=f"{prefix}_weights")(scores)
    return layers.Dot(axes=(1, 1), name=f"{prefix}_context")([alphas, sequence])


def build(vocab_size=20000, maxlen=120, embed_dim=100, rnn_units=64, n_classes=5):
    tokens = keras.Input(shape=(maxlen,), dtype="int32", name="tokens")
    x = layers.Embedding(vocab_size, embed_dim, mask_zero=False)(tokens)
    x = layers.Bidirectional(layers.LSTM(rnn_units, return_sequences=True))(x)
    context = additive_attention_pool(x, units=rnn_units)
    x = layers.Dropout(0.3)(context)
    out = layers.Dense(n_classes, activation="softmax", name="label")(x)
    return keras.Model(tokens, out, name="han_lite")


classifier = build()
