# Scenario 1: Input(5) -> Dense(10) -> softmax. 60 parameters.
from keras.layers import Input, Dense, Activation
from keras.models import Model

inputs = Input(shape=(5,))
x = Dense(10)(inputs)
outputs = Activation('softmax')(x)
model = Model(inputs=inputs, outputs=outputs)
model.summary()
