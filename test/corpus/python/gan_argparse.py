"""GAN script in the style of the Keras examples: latent size from argparse, generator and discriminator
builders, the combined model, all under main()."""
import argparse

import numpy as np
from keras.layers import Input, Dense, LeakyReLU, BatchNormalization, Reshape, Flatten
from keras.models import Sequential, Model
from keras.optimizers import Adam


def build_generator(latent_size, img_shape):
    generator = Sequential(name="generator")
    generator.add(Input(shape=(latent_size,)))
    for units in (128, 256):
        generator.add(Dense(units))
        generator.add(LeakyReLU(negative_slope=0.2))
        generator.add(BatchNormalization(momentum=0.8))
    generator.add(Dense(int(np.prod(img_shape)), activation="tanh"))
    generator.add(Reshape(img_shape))
    return generator


def build_discriminator(img_shape):
    discriminator = Sequential(name="discriminator")
    discriminator.add(Input(shape=img_shape))
    discriminator.add(Flatten())
    discriminator.add(Dense(256))
    discriminator.add(LeakyReLU(negative_slope=0.2))
    discriminator.add(Dense(1, activation="sigmoid"))
    return discriminator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--latent_size", type=int, default=100)
    parser.add_argument("--img_rows", type=int, default=28)
    parser.add_argument("--batch_size", type=int, default=64)
    args = parser.parse_args()
    img_shape = (args.img_rows, args.img_rows, 1)

    discriminator = build_discriminator(img_shape)
    discriminator.compile(loss="binary_crossentropy", optimizer=Adam(0.0002, 0.5))
    generator = build_generator(args.latent_size, img_shape)

    z = Input(shape=(args.latent_size,), name="z")
    discriminator.trainable = False
    validity = discriminator(generator(z))
    combined = Model(z, validity, name="combined")
    combined.compile(loss="binary_crossentropy", optimizer=Adam(0.0002, 0.5))


if __name__ == "__main__":
    main()
