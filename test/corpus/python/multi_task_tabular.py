"""Multi-task tabular model: a shared trunk from a helper, one head per task from a dict (regression and
classification), outputs as a list comprehension."""
import keras
from keras import layers

TASKS = {"price": (1, None), "segment": (4, "softmax"), "churn": (1, "sigmoid")}


def trunk(x, widths=(64, 32), dropout=0.2):
    for i, w in enumerate(widths):
        x = layers.Dense(w, activation="relu", name=f"trunk_dense_{i}")(x)
        x = layers.BatchNormalization(name=f"trunk_bn_{i}")(x)
        x = layers.Dropout(dropout, name=f"trunk_drop_{i}")(x)
    return x


features = keras.Input(shape=(24,), name="features")
shared = trunk(features)
heads = [layers.Dense(units, activation=act, name=task)(shared) for task, (units, act) in TASKS.items()]
model = keras.Model(inputs=features, outputs=heads, name="multi_task")
