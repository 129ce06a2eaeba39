"""Module globals set by the builder (`global`) and read by helper functions, as older model zoos do."""
from keras import layers, models

WIDTH = None
BN_AXIS = None


def conv_bn(x, filters, kernel=3):
    x = layers.Conv2D(int(filters * WIDTH), kernel, padding="same", use_bias=False)(x)
    x = layers.BatchNormalization(axis=BN_AXIS)(x)
    return layers.Activation("relu")(x)


def build(width_multiplier=0.5, input_shape=(48, 48, 1), classes=7):
    global WIDTH, BN_AXIS
    WIDTH = width_multiplier
    BN_AXIS = -1
    img = layers.Input(shape=input_shape)
    x = conv_bn(img, 32)
    x = conv_bn(x, 64)
    x = layers.MaxPooling2D()(x)
    x = conv_bn(x, 128)
    x = layers.GlobalAveragePooling2D()(x)
    return models.Model(img, layers.Dense(classes, activation="softmax")(x), name="emotion_net")


model = build()
