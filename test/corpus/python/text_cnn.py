"""Kim-style text CNN: parallel Conv1D branches with different kernel sizes from a list comprehension, each
max-pooled over time, concatenated."""
from keras import layers, Model, Input

VOCAB_SIZE = 15000
SEQ_LEN = 200
EMBED_DIM = 128
KERNEL_SIZES = [3, 4, 5]


def build_text_cnn(num_filters=64, dropout=0.5):
    tokens = Input(shape=(SEQ_LEN,), dtype="int64")
    emb = layers.Embedding(VOCAB_SIZE, EMBED_DIM, name="embedding")(tokens)
    pooled = [
        layers.GlobalMaxPooling1D(name=f"pool_{k}")(layers.Conv1D(num_filters, k, activation="relu", name=f"conv_{k}")(emb))
        for k in KERNEL_SIZES
    ]
    x = layers.Concatenate(name="features")(pooled)
    x = layers.Dropout(dropout)(x)
    return Model(tokens, layers.Dense(2, activation="softmax")(x), name="text_cnn")


model = build_text_cnn()
