"""Config dict passed through a Trainer's constructor into the builder method; dict.get supplies defaults."""
from tensorflow import keras


class Trainer:
    DEFAULTS = {"hidden": 32, "activation": "tanh"}

    def __init__(self, config):
        self.config = dict(self.DEFAULTS)
        self.config.update(config)
        self.model = self.build_model()

    def build_model(self):
        c = self.config
        inp = keras.layers.Input(shape=(c["features"],))
        h = keras.layers.Dense(c.get("hidden", 16), activation=c.get("activation"))(inp)
        h = keras.layers.Dense(c.get("hidden2", c["hidden"] // 2), activation="relu")(h)
        out = keras.layers.Dense(c.get("outputs", 1))(h)
        return keras.Model(inp, out, name="regressor")

    def train(self, x, y):
        self.model.compile("adam", "mse")
        return self.model.fit(x, y, epochs=3)


trainer = Trainer({"features": 13, "hidden": 40})
model = trainer.model
