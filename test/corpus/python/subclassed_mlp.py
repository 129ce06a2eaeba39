"""A subclassed model (layers made in __init__, wired in call) for tabular data, built by calling it on an Input,
plus the usual functional wrapper so it can be summarized."""
import keras
from keras import layers


class ResidualMLP(keras.Model):
    def __init__(self, hidden=64, blocks=2, num_classes=3, **kwargs):
        super().__init__(**kwargs)
        self.stem = layers.Dense(hidden, activation="relu")
        self.blocks = [layers.Dense(hidden, activation="relu") for _ in range(blocks)]
        self.norm = layers.LayerNormalization()
        self.head = layers.Dense(num_classes, activation="softmax")

    def call(self, inputs, training=False):
        x = self.stem(inputs)
        for block in self.blocks:
            x = x + block(x)
        return self.head(self.norm(x))


features = keras.Input(shape=(20,), name="features")
mlp = ResidualMLP(name="residual_mlp")
probs = mlp(features)
model = keras.Model(features, probs, name="wrapper")
