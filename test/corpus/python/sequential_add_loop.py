"""A tabular regressor grown with Sequential.add in a loop over hidden sizes, with dropout every other layer."""
from keras.models import Sequential
from keras.layers import Dense, Dropout, BatchNormalization

N_FEATURES = 13
HIDDEN = [128, 64, 64, 32]

model = Sequential()
model.add(Dense(HIDDEN[0], activation="relu", input_shape=(N_FEATURES,)))
model.add(BatchNormalization())
for i, units in enumerate(HIDDEN[1:]):
    model.add(Dense(units, activation="relu"))
    if i % 2 == 0:
        model.add(Dropout(0.1))
model.add(Dense(1))
model.compile(loss="mse", optimizer="rmsprop", metrics=["mae"])
