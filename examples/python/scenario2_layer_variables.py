# Scenario 2: layer objects held in variables, created first and called later. Same graph as scenario 1.
from tensorflow import keras
from tensorflow.keras import layers

dense = layers.Dense(10)
softmax = layers.Activation('softmax')

inputs = keras.Input(shape=(5,))
hidden = dense(inputs)
outputs = softmax(hidden)
model = keras.Model(inputs, outputs)
