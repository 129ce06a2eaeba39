"""MobileNet v1 at alpha=0.5 on 96x96 images: depthwise-separable blocks from a (filters, strides) table."""
import keras
from keras import layers

ALPHA = 0.5
DEPTHWISE_BLOCKS = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 2 + [(1024, 2)]


def conv_block(inputs, filters, strides=(1, 1)):
    filters = int(filters * ALPHA)
    x = layers.Conv2D(filters, (3, 3), padding="same", use_bias=False, strides=strides, name="conv1")(inputs)
    x = layers.BatchNormalization(name="conv1_bn")(x)
    return layers.ReLU(6.0, name="conv1_relu")(x)


def depthwise_conv_block(inputs, pointwise_conv_filters, strides=(1, 1), block_id=1):
    pointwise_conv_filters = int(pointwise_conv_filters * ALPHA)
    x = layers.DepthwiseConv2D((3, 3), padding="same", strides=strides, use_bias=False, name="conv_dw_%d" % block_id)(inputs)
    x = layers.BatchNormalization(name="conv_dw_%d_bn" % block_id)(x)
    x = layers.ReLU(6.0, name="conv_dw_%d_relu" % block_id)(x)
    x = layers.Conv2D(pointwise_conv_filters, (1, 1), padding="same", use_bias=False, strides=(1, 1), name="conv_pw_%d" % block_id)(x)
    x = layers.BatchNormalization(name="conv_pw_%d_bn" % block_id)(x)
    return layers.ReLU(6.0, name="conv_pw_%d_relu" % block_id)(x)


img_input = layers.Input(shape=(96, 96, 3))
x = conv_block(img_input, 32, strides=(2, 2))
for block_id, (filters, stride) in enumerate(DEPTHWISE_BLOCKS, start=1):
    x = depthwise_conv_block(x, filters, strides=(stride, stride), block_id=block_id)
x = layers.GlobalAveragePooling2D(keepdims=True)(x)
x = layers.Dropout(1e-3, name="dropout")(x)
x = layers.Conv2D(5, (1, 1), padding="same", name="conv_preds")(x)
x = layers.Reshape((5,), name="reshape_2")(x)
x = layers.Activation("softmax", name="predictions")(x)
model = keras.Model(img_input, x, name="mobilenet_0.50_96")
