"""DenseNet-BC blocks on 32x32 images: each conv block's output is concatenated onto the running features in a loop;
transition blocks compress and downsample between dense blocks."""
from tensorflow import keras
from tensorflow.keras import layers

GROWTH_RATE = 12
BLOCKS = [4, 4, 4]
COMPRESSION = 0.5


def conv_block(x, growth_rate, name):
    y = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_0_bn")(x)
    y = layers.Activation("relu", name=name + "_0_relu")(y)
    y = layers.Conv2D(4 * growth_rate, 1, use_bias=False, name=name + "_1_conv")(y)
    y = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_1_bn")(y)
    y = layers.Activation("relu", name=name + "_1_relu")(y)
    y = layers.Conv2D(growth_rate, 3, padding="same", use_bias=False, name=name + "_2_conv")(y)
    return layers.Concatenate(name=name + "_concat")([x, y])


def dense_block(x, blocks, name):
    for i in range(blocks):
        x = conv_block(x, GROWTH_RATE, name=name + "_block" + str(i + 1))
    return x


def transition_block(x, reduction, name):
    x = layers.BatchNormalization(epsilon=1.001e-5, name=name + "_bn")(x)
    x = layers.Activation("relu", name=name + "_relu")(x)
    x = layers.Conv2D(int(x.shape[-1] * reduction), 1, use_bias=False, name=name + "_conv")(x)
    return layers.AveragePooling2D(2, strides=2, name=name + "_pool")(x)


img_input = keras.Input(shape=(32, 32, 3))
x = layers.Conv2D(2 * GROWTH_RATE, 3, padding="same", use_bias=False, name="conv1")(img_input)
for i, n in enumerate(BLOCKS):
    x = dense_block(x, n, name="conv%d" % (i + 2))
    if i != len(BLOCKS) - 1:
        x = transition_block(x, COMPRESSION, name="pool%d" % (i + 2))
x = layers.BatchNormalization(epsilon=1.001e-5, name="bn")(x)
x = layers.Activation("relu", name="relu")(x)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
x = layers.Dense(10, activation="softmax", name="predictions")(x)
densenet = keras.Model(img_input, x, name="densenet_bc")
