"""A model-zoo file in Keras 3's application layout (keras.src imports, obtain_input_shape, Functional), called
with a small input and class count the way a user fine-tunes it."""
from keras.src import backend
from keras.src import layers
from keras.src.applications import imagenet_utils
from keras.src.models import Functional


def MiniVGG(include_top=True, input_shape=None, classes=1000, width=16, name="mini_vgg"):
    input_shape = imagenet_utils.obtain_input_shape(
        input_shape, default_size=64, min_size=32, data_format=backend.image_data_format(),
        require_flatten=include_top, weights=None)
    img_input = layers.Input(shape=input_shape)
    x = img_input
    for b, convs in enumerate((1, 2, 2), start=1):
        for c in range(convs):
            x = layers.Conv2D(width * 2 ** (b - 1), 3, padding="same", activation="relu", name=f"block{b}_conv{c + 1}")(x)
        x = layers.MaxPooling2D(2, name=f"block{b}_pool")(x)
    if include_top:
        x = layers.Flatten(name="flatten")(x)
        x = layers.Dense(classes, activation="softmax", name="predictions")(x)
    else:
        x = layers.GlobalAveragePooling2D()(x)
    return Functional(img_input, x, name=name)


model = MiniVGG(input_shape=(32, 32, 3), classes=10)
