"""VGG-style networks from the classic configuration table ("M" = max pooling), a scaled-down VGG-11 for 32x32."""
from tensorflow.keras import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense, Dropout, InputLayer

CFGS = {
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg13": [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
}


def make_vgg(cfg_name, width_divisor=4, num_classes=10):
    model = Sequential(name=cfg_name)
    model.add(InputLayer(shape=(32, 32, 3)))
    for v in CFGS[cfg_name]:
        if v == "M":
            model.add(MaxPooling2D(pool_size=2, strides=2))
        else:
            model.add(Conv2D(v // width_divisor, kernel_size=3, padding="same", activation="relu"))
    model.add(Flatten())
    for units in (256, 256):
        model.add(Dense(units, activation="relu"))
        model.add(Dropout(0.5))
    model.add(Dense(num_classes, activation="softmax"))
    return model


vgg11 = make_vgg("vgg11")
