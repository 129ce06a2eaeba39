# Scenario 3: one Dense(5) object called twice in a row: shared weights, 30 parameters (not 60).
import numpy as np
import tensorflow as tf

inputs = tf.keras.Input(shape=(5,))
shared = tf.keras.layers.Dense(5)
x = shared(inputs)
x = shared(x)
outputs = tf.keras.layers.Activation('softmax')(x)
model = tf.keras.Model(inputs=inputs, outputs=outputs)

model.compile(loss='mean_squared_error', optimizer='adam')
x_train = np.random.rand(10, 5)
y_train = np.random.rand(10, 5)
model.fit(x_train, y_train, epochs=5)
