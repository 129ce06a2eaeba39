"""Dense autoencoder for MNIST vectors: encoder and decoder are separate models (sizes from a list, mirrored), the
autoencoder chains them as layers."""
from tensorflow import keras
from tensorflow.keras import layers

INPUT_DIM = 784
SIZES = [256, 128, 32]


def make_encoder():
    inputs = keras.Input(shape=(INPUT_DIM,), name="pixels")
    h = inputs
    for i, units in enumerate(SIZES):
        act = None if i == len(SIZES) - 1 else "relu"
        h = layers.Dense(units, activation=act, name=f"enc_{units}")(h)
    return keras.Model(inputs, h, name="encoder")


def make_decoder():
    code = keras.Input(shape=(SIZES[-1],), name="code")
    h = code
    for units in SIZES[-2::-1]:
        h = layers.Dense(units, activation="relu", name=f"dec_{units}")(h)
    out = layers.Dense(INPUT_DIM, activation="sigmoid", name="reconstruction")(h)
    return keras.Model(code, out, name="decoder")


encoder = make_encoder()
decoder = make_decoder()
x = keras.Input(shape=(INPUT_DIM,))
autoencoder = keras.Model(x, decoder(encoder(x)), name="autoencoder")
autoencoder.compile(optimizer="adam", loss="binary_crossentropy")
