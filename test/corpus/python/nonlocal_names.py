"""A closure counter (nonlocal) numbers the blocks; any/all validate the stage list first."""
import keras
from keras import layers

STAGES = [(32, 2), (64, 2), (96, 1)]
assert all(f > 0 for f, _ in STAGES)
use_residual = any(n > 1 for _, n in STAGES)


def block_namer(prefix):
    count = 0

    def next_name():
        nonlocal count
        count += 1
        return f"{prefix}{count}"

    return next_name


name = block_namer("block")
inp = keras.Input((32, 32, 3))
x = layers.Conv2D(32, 3, padding="same", name="stem")(inp)
for filters, repeats in STAGES:
    for _ in range(repeats):
        y = layers.Conv2D(filters, 3, padding="same", activation="relu", name=name())(x)
        x = layers.Add()([x, y]) if use_residual and y.shape[-1] == x.shape[-1] else y
x = layers.GlobalAveragePooling2D()(x)
model = keras.Model(inp, layers.Dense(10)(x), name="named_blocks")
