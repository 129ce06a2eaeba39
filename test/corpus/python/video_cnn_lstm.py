"""Video clip classifier: a per-frame CNN wrapped in TimeDistributed layers, then an LSTM over the frames."""
from tensorflow import keras
from tensorflow.keras import layers

FRAMES, H, W, C = 8, 32, 32, 3

clip = keras.Input(shape=(FRAMES, H, W, C), name="clip")
x = clip
for filters in (16, 32):
    x = layers.TimeDistributed(layers.Conv2D(filters, 3, padding="same", activation="relu"))(x)
    x = layers.TimeDistributed(layers.MaxPooling2D(2))(x)
x = layers.TimeDistributed(layers.GlobalAveragePooling2D())(x)
x = layers.LSTM(32)(x)
action = layers.Dense(6, activation="softmax", name="action")(x)
model = keras.Model(clip, action, name="cnn_lstm")
