"""Siamese sentence matcher with plain shared layers: one Embedding and one LSTM object applied to both questions,
then the classic |a-b|, a*b feature concatenation for a duplicate classifier."""
from keras import Input, Model
from keras.layers import Embedding, LSTM, Dense, Concatenate, Multiply, Dropout

MAX_LEN = 30
VOCAB = 8000

q1 = Input(shape=(MAX_LEN,), name="question1")
q2 = Input(shape=(MAX_LEN,), name="question2")

shared_embedding = Embedding(VOCAB, 50)
shared_lstm = LSTM(64)

encoded = [shared_lstm(shared_embedding(q)) for q in (q1, q2)]
a, b = encoded
product = Multiply()([a, b])
features = Concatenate()([a, b, product])
x = Dropout(0.2)(features)
x = Dense(64, activation="relu")(x)
is_duplicate = Dense(1, activation="sigmoid")(x)

model = Model(inputs=[q1, q2], outputs=is_duplicate)
