# Scenario 7: Lambda layers. Shapes follow from a stated output_shape or a simple body; otherwise unknown.
from keras import layers, Input, Model
import keras.backend as K

inputs = Input(shape=(5,))
doubled = layers.Lambda(lambda t: t * 2)(inputs)
stated = layers.Lambda(lambda t: K.sum(t, axis=-1, keepdims=True), output_shape=(1,))(doubled)
opaque = layers.Lambda(lambda t: mystery(t))(inputs)
outputs = layers.Dense(3)(opaque)
model = Model(inputs, [stated, outputs])
