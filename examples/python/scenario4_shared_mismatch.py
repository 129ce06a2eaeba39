# Scenario 4: a Dense(10) object reused: the second call feeds it 10 features, but it was built for 5.
from keras.layers import Input, Dense, Activation
from keras.models import Model

inputs = Input(shape=(5,))
shared = Dense(10)
x = shared(inputs)
x = shared(x)
outputs = Activation('softmax')(x)
model = Model(inputs=inputs, outputs=outputs)
