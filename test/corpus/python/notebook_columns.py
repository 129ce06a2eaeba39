#!/usr/bin/env python
# coding: utf-8

# # Predicting house prices
# Exported from a notebook: data preparation cells first (a long sample loop), the model at the end, its input
# width taken from the list of feature columns.

# In[1]:


import random
import numpy as np
import tensorflow as tf
from tensorflow import keras

FEATURE_COLUMNS = ["rooms", "area", "area_per_room", "noise"]


# In[2]:


rows = []
for i in range(20000):
    rooms = random.randint(1, 8)
    area = rooms * 25 + random.random() * 10
    rows.append([rooms, area, area / rooms, random.random()])
features = np.array(rows)


# In[3]:


model = keras.Sequential([
    keras.layers.Input(shape=(len(FEATURE_COLUMNS),)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
], name="price_regressor")
model.summary()


# In[4]:


model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
