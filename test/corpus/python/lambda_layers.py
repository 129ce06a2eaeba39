"""Feature engineering with Lambda layers: scaling, a per-sample mean with keepdims, an explicit output_shape and an
expand_dims before a Conv1D; every Lambda's shape follows from its simple body."""
import keras
from keras import layers
import keras.backend as K

readings = keras.Input(shape=(48,), name="readings")
scaled = layers.Lambda(lambda t: (t - 0.5) * 2.0, name="scale")(readings)
mean = layers.Lambda(lambda t: K.mean(t, axis=-1, keepdims=True), name="mean")(scaled)
centered = layers.Lambda(lambda args: args[0] - args[1], output_shape=(48,), name="center")([scaled, mean])
seq = layers.Lambda(lambda t: K.expand_dims(t, axis=-1), name="to_sequence")(centered)
x = layers.Conv1D(8, 5, activation="relu")(seq)
x = layers.GlobalAveragePooling1D()(x)
x = layers.Concatenate()([x, mean])
out = layers.Dense(1)(x)
model = keras.Model(readings, out)
