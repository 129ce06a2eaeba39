#!/usr/bin/env python
# coding: utf-8

# # Predicting house prices
# Exported from a notebook: data preparation cells first, the model at the end.

# In[1]:


import random
import numpy as np
import tensorflow as tf
from tensorflow import keras


# In[2]:


rows = []
for i in range(20000):
    rooms = random.randint(1, 8)
    area = rooms * 25 + random.random() * 10
    rows.append([rooms, area, area / rooms, random.random()])
features = np.array(rows)
mean = features.mean(axis=0)
features = (features - mean) / features.std(axis=0)


# In[3]:


n_features = len(rows[0])
model = keras.Sequential([
    keras.layers.Input(shape=(n_features,)),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(64, activation="relu"),
    keras.layers.Dense(1),
], name="price_regressor")
model.summary()


# In[4]:


model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
