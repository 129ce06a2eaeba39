"""A part-of-speech tagger: Embedding, two stacked GRUs (the second bidirectional) and a TimeDistributed softmax over
tags. Keras 3's GRU has reset_after=True by default (TF.js defaults to False)."""
import keras
from keras import layers

MAX_WORDS, N_TAGS, MAXLEN = 12000, 17, 50

words = keras.Input(shape=(MAXLEN,), name="words")
x = layers.Embedding(MAX_WORDS, 64)(words)
x = layers.GRU(64, return_sequences=True)(x)
x = layers.Bidirectional(layers.GRU(32, return_sequences=True), merge_mode="concat")(x)
tags = layers.TimeDistributed(layers.Dense(N_TAGS, activation="softmax"), name="tags")(x)
tagger = keras.Model(words, tags, name="pos_tagger")
