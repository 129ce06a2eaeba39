# Scenario 6: Sequential models, list form and add form.
from keras.models import Sequential
from keras.layers import Dense, Activation, Input

listed = Sequential([
    Input(shape=(5,)),
    Dense(10),
    Activation('softmax'),
])

added = Sequential()
added.add(Dense(10, input_shape=(5,)))
added.add(Activation('softmax'))
