"""Helpers normalize int-or-tuple arguments with isinstance, as library-style code does."""
import keras
from keras import layers


def to_pair(v):
    if isinstance(v, int):
        return (v, v)
    if isinstance(v, (tuple, list)) and len(v) == 2:
        return tuple(v)
    raise ValueError(f"expected an int or a pair, got {v!r}")


def conv(x, filters, kernel, strides=1):
    kh, kw = to_pair(kernel)
    sh, sw = to_pair(strides)
    return layers.Conv2D(filters, (kh, kw), strides=(sh, sw), padding="same", activation="relu")(x)


image = keras.Input((40, 40, 3), name="image")
x = conv(image, 8, 5, strides=2)
x = conv(x, 16, (3, 1))
x = conv(x, 16, [1, 3], strides=(2, 2))
x = layers.Flatten()(x)
logits = layers.Dense(2)(x)
model = keras.Model(image, logits, name="pair_conv")
