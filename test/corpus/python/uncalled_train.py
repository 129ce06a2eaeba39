"""The builder is called only from train(), which nothing calls (the script is imported by a runner): the model is
analyzed once, inside train()'s run, with train()'s arguments."""
import tensorflow as tf
from tensorflow import keras


def build_model(vocab=1000, embed=16, units=24):
    tokens = keras.Input((None,), dtype="int32")
    x = keras.layers.Embedding(vocab, embed)(tokens)
    x = keras.layers.LSTM(units)(x)
    return keras.Model(tokens, keras.layers.Dense(1, activation="sigmoid")(x), name="sentiment")


def train(dataset, epochs=3):
    model = build_model(vocab=2000)
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(dataset, epochs=epochs)
    return model
