"""ECG beat classifier on 1-D signals: Conv1D/BatchNormalization/MaxPooling1D stages from a config of dicts, then a
bidirectional LSTM and a dense head."""
import keras
from keras import layers

SIGNAL_LENGTH = 360
STAGES = [
    {"filters": 16, "kernel": 7, "pool": 2},
    {"filters": 32, "kernel": 5, "pool": 2},
    {"filters": 64, "kernel": 3, "pool": 3},
]


def conv_stage(x, filters, kernel, pool, index):
    x = layers.Conv1D(filters, kernel, padding="same", name=f"conv{index}")(x)
    x = layers.BatchNormalization(name=f"bn{index}")(x)
    x = layers.Activation("relu", name=f"relu{index}")(x)
    return layers.MaxPooling1D(pool_size=pool, name=f"pool{index}")(x)


signal = keras.Input(shape=(SIGNAL_LENGTH, 1), name="ecg")
x = signal
for i, stage in enumerate(STAGES):
    x = conv_stage(x, index=i, **stage)
x = layers.Bidirectional(layers.LSTM(32), name="bilstm")(x)
x = layers.Dense(32, activation="relu")(x)
beat_class = layers.Dense(5, activation="softmax", name="beat_class")(x)
model = keras.Model(signal, beat_class, name="ecg_net")
