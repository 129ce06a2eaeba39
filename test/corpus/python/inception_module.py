"""GoogLeNet-style Inception modules: four parallel branches concatenated, modules described by a dict config."""
from keras import layers, models, Input

INCEPTION_CONFIG = {
    "3a": dict(f1=16, f3r=24, f3=32, f5r=4, f5=8, proj=8),
    "3b": dict(f1=32, f3r=32, f3=48, f5r=8, f5=24, proj=16),
    "4a": dict(f1=48, f3r=24, f3=52, f5r=4, f5=12, proj=16),
}


def inception_module(x, f1, f3r, f3, f5r, f5, proj, name=None):
    b1 = layers.Conv2D(f1, 1, padding="same", activation="relu")(x)
    b2 = layers.Conv2D(f3r, 1, padding="same", activation="relu")(x)
    b2 = layers.Conv2D(f3, 3, padding="same", activation="relu")(b2)
    b3 = layers.Conv2D(f5r, 1, padding="same", activation="relu")(x)
    b3 = layers.Conv2D(f5, 5, padding="same", activation="relu")(b3)
    b4 = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    b4 = layers.Conv2D(proj, 1, padding="same", activation="relu")(b4)
    return layers.Concatenate(axis=-1, name=name)([b1, b2, b3, b4])


inputs = Input(shape=(64, 64, 3))
x = layers.Conv2D(32, 7, strides=2, padding="same", activation="relu")(inputs)
x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
for key, cfg in INCEPTION_CONFIG.items():
    x = inception_module(x, **cfg, name=f"inception_{key}")
    if key == "3b":
        x = layers.MaxPooling2D(3, strides=2, padding="same")(x)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dropout(0.4)(x)
outputs = layers.Dense(100, activation="softmax")(x)
model = models.Model(inputs=inputs, outputs=outputs, name="mini_googlenet")
