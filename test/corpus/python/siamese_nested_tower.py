"""Siamese image similarity with the tower as a nested functional model: one `tower` Model called on both images,
embeddings merged with a Lambda L1 distance and a sigmoid head."""
import keras
from keras import layers, ops


def build_tower(input_shape, embedding_dim=64):
    inp = keras.Input(shape=input_shape)
    x = inp
    for filters in [16, 32, 64]:
        x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
        x = layers.MaxPooling2D()(x)
    x = layers.Flatten()(x)
    x = layers.Dense(embedding_dim)(x)
    return keras.Model(inp, x, name="tower")


tower = build_tower((32, 32, 1))
left = keras.Input(shape=(32, 32, 1), name="left")
right = keras.Input(shape=(32, 32, 1), name="right")
emb_left = tower(left)
emb_right = tower(right)
l1 = layers.Lambda(lambda t: ops.abs(t[0] - t[1]), name="l1_distance")([emb_left, emb_right])
score = layers.Dense(1, activation="sigmoid", name="same")(l1)
siamese = keras.Model([left, right], score, name="siamese")
