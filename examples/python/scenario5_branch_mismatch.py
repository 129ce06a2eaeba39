# Scenario 5 with one branch changed to Dense(8): the Multiply cannot combine (None, 10) and (None, 8).
from keras import layers, Input, Model

input_a = Input(shape=(5,))
input_b = Input(shape=(5,))
branch_a = layers.Dense(10)(input_a)
branch_b = layers.Dense(8)(input_b)
merged = layers.Multiply()([branch_a, branch_b])
hidden = layers.Dense(5)(merged)
output_1 = layers.Activation('softmax')(hidden)
hidden_2 = layers.Dense(5)(hidden)
output_2 = layers.Activation('softmax')(hidden_2)
model = Model(inputs=[input_a, input_b], outputs=[output_1, output_2])
