"""VAE training script: latent size from argparse, encoder and decoder models built in main(), the VAE chaining
them on the encoder's mean."""
import argparse

from keras import Input, Model, layers


def encoder_net(input_dim, hidden, latent):
    x_in = Input((input_dim,), name="x")
    h = layers.Dense(hidden, activation="relu")(x_in)
    z_mean = layers.Dense(latent, name="z_mean")(h)
    z_log_var = layers.Dense(latent, name="z_log_var")(h)
    return Model(x_in, [z_mean, z_log_var], name="encoder")


def decoder_net(latent, hidden, output_dim):
    z_in = Input((latent,), name="z")
    h = layers.Dense(hidden, activation="relu")(z_in)
    return Model(z_in, layers.Dense(output_dim, activation="sigmoid")(h), name="decoder")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--latent-dim", type=int, default=2)
    ap.add_argument("--hidden", type=int, default=512)
    ap.add_argument("--original-dim", type=int, default=784)
    args = ap.parse_args()
    encoder = encoder_net(args.original_dim, args.hidden, args.latent_dim)
    decoder = decoder_net(args.latent_dim, args.hidden, args.original_dim)
    inputs = Input((args.original_dim,), name="vae_in")
    z_mean, _ = encoder(inputs)
    vae = Model(inputs, decoder(z_mean), name="vae")
    vae.compile(optimizer="adam", loss="binary_crossentropy")


if __name__ == "__main__":
    main()
