"""Config objects built through super().__init__(**kwargs) chains, with class attributes as constants."""
from tensorflow import keras
from tensorflow.keras import layers


class BaseConfig:
    NUM_CLASSES = 5

    def __init__(self, image_size=64, channels=3, **kwargs):
        self.image_size = image_size
        self.channels = channels
        self.extra = kwargs


class ClassifierConfig(BaseConfig):
    def __init__(self, filters=(16, 32), **kwargs):
        super().__init__(**kwargs)
        self.filters = list(filters)


class LargeConfig(ClassifierConfig):
    def __init__(self, **kwargs):
        super(LargeConfig, self).__init__(filters=(32, 64, 128), **kwargs)


def make_classifier(cfg):
    inp = keras.Input((cfg.image_size, cfg.image_size, cfg.channels))
    x = inp
    for f in cfg.filters:
        x = layers.SeparableConv2D(f, 3, padding="same", activation="relu")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    out = layers.Dense(cfg.NUM_CLASSES, activation="softmax")(x)
    return keras.Model(inp, out, name="sepconv_classifier")


model = make_classifier(LargeConfig(image_size=96))
