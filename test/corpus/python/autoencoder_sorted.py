"""Autoencoder whose decoder mirrors the encoder: widths sorted, the decoder reversed, star-args to a helper."""
import keras
from keras import layers

WIDTHS = [64, 256, 128]


def stack(x, *widths, prefix="enc"):
    for i, w in enumerate(widths):
        x = layers.Dense(w, activation="relu", name=f"{prefix}_{i}")(x)
    return x


encoder_widths = sorted(WIDTHS, reverse=True)
decoder_widths = list(reversed(encoder_widths))[1:]

inp = keras.Input((784,), name="pixels")
code = stack(inp, *encoder_widths)
x = stack(code, *decoder_widths, prefix="dec")
recon = layers.Dense(784, activation="sigmoid", name="recon")(x)
model = keras.Model(inp, recon, name="mirror_ae")
