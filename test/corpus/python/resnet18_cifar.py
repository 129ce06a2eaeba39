"""A small ResNet-18 for 32x32 CIFAR images: basic blocks built by a helper, stages built in a loop."""
import keras
from keras import layers


def conv_bn(x, filters, kernel_size=3, strides=1):
    x = layers.Conv2D(filters, kernel_size, strides=strides, padding="same", use_bias=False)(x)
    return layers.BatchNormalization()(x)


def basic_block(x, filters, strides=1):
    shortcut = x
    y = conv_bn(x, filters, strides=strides)
    y = layers.Activation("relu")(y)
    y = conv_bn(y, filters)
    if strides != 1 or shortcut.shape[-1] != filters:
        shortcut = conv_bn(shortcut, filters, kernel_size=1, strides=strides)
    y = layers.Add()([y, shortcut])
    return layers.Activation("relu")(y)


def resnet18(input_shape=(32, 32, 3), num_classes=10, widths=(16, 32, 64, 128)):
    inputs = keras.Input(shape=input_shape)
    x = conv_bn(inputs, widths[0])
    x = layers.Activation("relu")(x)
    for stage, filters in enumerate(widths):
        for block in range(2):
            strides = 2 if stage > 0 and block == 0 else 1
            x = basic_block(x, filters, strides)
    x = layers.GlobalAveragePooling2D()(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs, name="resnet18")


model = resnet18()
model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
