"""keras.io "Bidirectional LSTM on IMDB": variable-length int sequences, embedding, two stacked bidirectional LSTMs."""
import keras
from keras import layers

max_features = 20000  # Only consider the top 20k words

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
