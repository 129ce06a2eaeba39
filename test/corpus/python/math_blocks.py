"""Block widths from math.ceil/math.sqrt and divmod, as hyperparameter arithmetic in research scripts does."""
import math

import keras
from keras import layers

SEQ_LEN = 100
FEATURES = 6

n_blocks, remainder = divmod(SEQ_LEN, 30)
base = math.ceil(math.sqrt(SEQ_LEN) * 1.5)

inp = keras.Input(shape=(SEQ_LEN, FEATURES))
x = inp
for i in range(n_blocks):
    x = layers.Conv1D(base * (i + 1), 5, padding="same", activation="relu")(x)
    x = layers.MaxPooling1D(2)(x)
x = layers.GlobalMaxPooling1D()(x)
x = layers.Dense(math.floor(base / 2) + remainder)(x)
out = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inp, out, name="signal_blocks")
