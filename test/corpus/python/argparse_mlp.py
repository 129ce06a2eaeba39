"""Training script: sizes come from argparse defaults read in main(), run under the __main__ guard."""
import argparse

import numpy as np
from tensorflow import keras
from tensorflow.keras import layers


def build_model(input_dim, hidden, depth, num_classes, dropout):
    inputs = keras.Input(shape=(input_dim,), name="features")
    x = inputs
    for i in range(depth):
        x = layers.Dense(hidden, activation="relu", name=f"hidden_{i}")(x)
        if dropout > 0:
            x = layers.Dropout(dropout)(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="probs")(x)
    return keras.Model(inputs, outputs, name="mlp")


def main():
    parser = argparse.ArgumentParser(description="Train an MLP on tabular data")
    parser.add_argument("--input-dim", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=64)
    parser.add_argument("--depth", type=int, default=2)
    parser.add_argument("--classes", type=int, default=3)
    parser.add_argument("--dropout", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()

    x = np.random.rand(256, args.input_dim)
    y = np.random.randint(0, args.classes, size=(256,))
    model = build_model(args.input_dim, args.hidden, args.depth, args.classes, args.dropout)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=args.epochs, batch_size=32)


if __name__ == "__main__":
    main()
