"""Luong (dot) attention for a seq2seq translator, built only from core layers: Dot scores, a softmax Activation,
a Dot context, Concatenate and a TimeDistributed-free Dense over the time axis."""
from keras.layers import Input, Embedding, LSTM, Dense, Dot, Activation, Concatenate
from keras.models import Model

SRC_VOCAB, TGT_VOCAB = 5000, 6000
SRC_LEN, TGT_LEN = 20, 22
EMB, UNITS = 64, 128

src = Input(shape=(SRC_LEN,), name="source_tokens")
tgt = Input(shape=(TGT_LEN,), name="target_tokens")

enc_emb = Embedding(SRC_VOCAB, EMB, name="src_embedding")(src)
enc_seq, enc_h, enc_c = LSTM(UNITS, return_sequences=True, return_state=True, name="encoder")(enc_emb)

dec_emb = Embedding(TGT_VOCAB, EMB, name="tgt_embedding")(tgt)
dec_seq = LSTM(UNITS, return_sequences=True, name="decoder")(dec_emb, initial_state=[enc_h, enc_c])

scores = Dot(axes=[2, 2], name="scores")([dec_seq, enc_seq])          # (batch, TGT_LEN, SRC_LEN)
weights = Activation("softmax", name="attention")(scores)
context = Dot(axes=[2, 1], name="context")([weights, enc_seq])       # (batch, TGT_LEN, UNITS)
combined = Concatenate(name="combined")([context, dec_seq])
hidden = Dense(UNITS, activation="tanh", name="attentional")(combined)
probs = Dense(TGT_VOCAB, activation="softmax", name="probs")(hidden)

translator = Model(inputs=[src, tgt], outputs=probs, name="luong_translator")
