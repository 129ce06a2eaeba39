"""Layer options kept in dicts and splatted with **, one dict merged from defaults with setdefault."""
from tensorflow import keras

dense_defaults = {"activation": "relu", "kernel_initializer": "he_normal"}
head_config = {"units": 3, "activation": "softmax", "name": "species"}


def dense(units, **overrides):
    options = dict(dense_defaults)
    options.update(overrides)
    options.setdefault("use_bias", True)
    return keras.layers.Dense(units, **options)


sizes = [16, 12, 8]
inputs = keras.Input(shape=(4,), name="measurements")
x = inputs
for i, units in enumerate(sizes):
    x = dense(units, name="dense_%d" % i, use_bias=i != 1)(x)
outputs = keras.layers.Dense(**head_config)(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="iris_kwargs")
