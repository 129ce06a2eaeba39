"""CNN training script: parse_known_args()[0] (notebook-safe), a store_true flag, dest= and string defaults."""
import argparse

import tensorflow as tf
from tensorflow.keras import layers, models


def get_args():
    p = argparse.ArgumentParser()
    p.add_argument("--img-size", dest="size", type=int, default="32")
    p.add_argument("--channels", type=int, default=3)
    p.add_argument("--base-filters", type=int, default=16)
    p.add_argument("--no-bn", action="store_true", help="disable batch norm")
    p.add_argument("--classes", type=int, default=10)
    return p.parse_known_args()[0]


def conv_net(args):
    model = models.Sequential(name="cnn")
    model.add(layers.Input(shape=(args.size, args.size, args.channels)))
    filters = args.base_filters
    for _ in range(3):
        model.add(layers.Conv2D(filters, 3, padding="same", use_bias=args.no_bn))
        if not args.no_bn:
            model.add(layers.BatchNormalization())
        model.add(layers.ReLU())
        model.add(layers.MaxPooling2D())
        filters *= 2
    model.add(layers.GlobalAveragePooling2D())
    model.add(layers.Dense(args.classes))
    return model


args = get_args()
model = conv_net(args)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="sparse_categorical_crossentropy")
