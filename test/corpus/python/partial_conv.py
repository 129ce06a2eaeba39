"""functools.partial fixes the shared convolution options; np.prod sizes the bottleneck."""
import functools

import numpy as np
from tensorflow.keras import Model, layers

INPUT_SHAPE = (28, 28, 1)
Conv = functools.partial(layers.Conv2D, kernel_size=3, padding="same", activation="relu")

inputs = layers.Input(INPUT_SHAPE)
x = Conv(16)(inputs)
x = layers.MaxPooling2D()(x)
x = Conv(32, strides=2)(x)
x = layers.Flatten()(x)
code_size = int(np.prod(INPUT_SHAPE) // 49)
x = layers.Dense(code_size, activation="relu")(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = Model(inputs, outputs, name="partial_cnn")
