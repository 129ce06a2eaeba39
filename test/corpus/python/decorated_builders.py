"""Builders under decorators (a registry, functools.wraps-based logging, lru_cache) and a serializable layer."""
import functools

import keras
from keras import layers

REGISTRY = {}


def register(name):
    def wrap(fn):
        REGISTRY[name] = fn
        return fn
    return wrap


def logged(fn):
    @functools.wraps(fn)
    def inner(*args, **kwargs):
        print("building", fn.__name__)
        return fn(*args, **kwargs)
    return inner


@register("small")
@logged
def small_net(input_dim=8, width=24):
    inp = keras.Input((input_dim,))
    h = layers.Dense(width, activation="gelu")(inp)
    return keras.Model(inp, layers.Dense(1)(h), name="small_net")


@functools.lru_cache(maxsize=None)
def wide_net(width=96):
    inp = keras.Input((8,))
    h = layers.Dense(width, activation="relu")(inp)
    h = layers.Dense(width // 2, activation="relu")(h)
    return keras.Model(inp, layers.Dense(1)(h), name="wide_net")


small = REGISTRY["small"](width=32)
wide = wide_net()
