"""DCGAN for 28x28 digits: Sequential generator and discriminator, frozen discriminator inside the combined model
(both models used as layers on a new latent input)."""
import keras
from keras import layers

latent_dim = 64


def make_generator():
    return keras.Sequential(
        [
            keras.Input(shape=(latent_dim,)),
            layers.Dense(7 * 7 * 64),
            layers.LeakyReLU(negative_slope=0.2),
            layers.Reshape((7, 7, 64)),
            layers.Conv2DTranspose(64, 4, strides=2, padding="same"),
            layers.LeakyReLU(negative_slope=0.2),
            layers.Conv2DTranspose(32, 4, strides=2, padding="same"),
            layers.LeakyReLU(negative_slope=0.2),
            layers.Conv2D(1, 7, padding="same", activation="sigmoid"),
        ],
        name="generator",
    )


def make_discriminator():
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.Conv2D(32, 3, strides=2, padding="same"),
            layers.LeakyReLU(negative_slope=0.2),
            layers.Conv2D(64, 3, strides=2, padding="same"),
            layers.LeakyReLU(negative_slope=0.2),
            layers.GlobalMaxPooling2D(),
            layers.Dense(1, activation="sigmoid"),
        ],
        name="discriminator",
    )


generator = make_generator()
discriminator = make_discriminator()
discriminator.compile(optimizer="adam", loss="binary_crossentropy")

discriminator.trainable = False
z = keras.Input(shape=(latent_dim,), name="z")
validity = discriminator(generator(z))
gan = keras.Model(z, validity, name="gan")
gan.compile(optimizer="adam", loss="binary_crossentropy")
