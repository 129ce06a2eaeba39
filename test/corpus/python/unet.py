"""A small U-Net for 64x64 segmentation: encoder blocks in a loop keep their skips, the decoder upsamples with
Conv2DTranspose (and UpSampling2D on the last level) and concatenates the matching skip."""
import tensorflow as tf
from tensorflow.keras import layers


def double_conv(x, filters, name):
    for i in range(2):
        x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv{i + 1}")(x)
        x = layers.BatchNormalization(name=f"{name}_bn{i + 1}")(x)
        x = layers.ReLU(name=f"{name}_relu{i + 1}")(x)
    return x


def build_unet(img_size=(64, 64), channels=1, num_classes=3, depth=3, base_filters=16):
    inputs = tf.keras.Input(shape=img_size + (channels,), name="image")
    skips = []
    x = inputs
    for level in range(depth):
        x = double_conv(x, base_filters * 2 ** level, name=f"down{level}")
        skips.append(x)
        x = layers.MaxPooling2D(2, name=f"pool{level}")(x)
    x = double_conv(x, base_filters * 2 ** depth, name="bottleneck")
    for level in reversed(range(depth)):
        filters = base_filters * 2 ** level
        if level == 0:
            x = layers.UpSampling2D(2, name=f"up{level}")(x)
        else:
            x = layers.Conv2DTranspose(filters, 2, strides=2, padding="same", name=f"up{level}")(x)
        x = layers.Concatenate(name=f"skip{level}")([x, skips[level]])
        x = double_conv(x, filters, name=f"dec{level}")
    outputs = layers.Conv2D(num_classes, 1, activation="softmax", name="mask")(x)
    return tf.keras.Model(inputs, outputs, name="unet")


unet = build_unet()
