"""keras.applications-style ResNet (bottleneck conv_block / identity_block with string block ids), channel axis
from backend.image_data_format(), small enough for 64x64 inputs."""
from keras import backend
from keras import layers
from keras import models


def identity_block(input_tensor, kernel_size, filters, stage, block):
    filters1, filters2, filters3 = filters
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1
    conv_name_base = "res" + str(stage) + block + "_branch"
    bn_name_base = "bn" + str(stage) + block + "_branch"

    x = layers.Conv2D(filters1, (1, 1), kernel_initializer="he_normal", name=conv_name_base + "2a")(input_tensor)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2a")(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters2, kernel_size, padding="same", kernel_initializer="he_normal", name=conv_name_base + "2b")(x)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2b")(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters3, (1, 1), kernel_initializer="he_normal", name=conv_name_base + "2c")(x)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2c")(x)
    x = layers.add([x, input_tensor])
    return layers.Activation("relu")(x)


def conv_block(input_tensor, kernel_size, filters, stage, block, strides=(2, 2)):
    filters1, filters2, filters3 = filters
    bn_axis = 3 if backend.image_data_format() == "channels_last" else 1
    conv_name_base = "res" + str(stage) + block + "_branch"
    bn_name_base = "bn" + str(stage) + block + "_branch"

    x = layers.Conv2D(filters1, (1, 1), strides=strides, kernel_initializer="he_normal", name=conv_name_base + "2a")(input_tensor)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2a")(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters2, kernel_size, padding="same", kernel_initializer="he_normal", name=conv_name_base + "2b")(x)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2b")(x)
    x = layers.Activation("relu")(x)
    x = layers.Conv2D(filters3, (1, 1), kernel_initializer="he_normal", name=conv_name_base + "2c")(x)
    x = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "2c")(x)
    shortcut = layers.Conv2D(filters3, (1, 1), strides=strides, kernel_initializer="he_normal", name=conv_name_base + "1")(input_tensor)
    shortcut = layers.BatchNormalization(axis=bn_axis, name=bn_name_base + "1")(shortcut)
    x = layers.add([x, shortcut])
    return layers.Activation("relu")(x)


if backend.image_data_format() == "channels_first":
    input_shape = (3, 64, 64)
else:
    input_shape = (64, 64, 3)
bn_axis = 3 if backend.image_data_format() == "channels_last" else 1

img_input = layers.Input(shape=input_shape)
x = layers.ZeroPadding2D(padding=(3, 3), name="conv1_pad")(img_input)
x = layers.Conv2D(16, (7, 7), strides=(2, 2), padding="valid", kernel_initializer="he_normal", name="conv1")(x)
x = layers.BatchNormalization(axis=bn_axis, name="bn_conv1")(x)
x = layers.Activation("relu")(x)
x = layers.ZeroPadding2D(padding=(1, 1), name="pool1_pad")(x)
x = layers.MaxPooling2D((3, 3), strides=(2, 2))(x)

x = conv_block(x, 3, [16, 16, 64], stage=2, block="a", strides=(1, 1))
x = identity_block(x, 3, [16, 16, 64], stage=2, block="b")
x = conv_block(x, 3, [32, 32, 128], stage=3, block="a")
for block in "bc":
    x = identity_block(x, 3, [32, 32, 128], stage=3, block=block)

x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
x = layers.Dense(10, activation="softmax", name="fc10")(x)
model = models.Model(img_input, x, name="resnet_mini")
