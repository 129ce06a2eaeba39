"""Hyperparameters as class attributes, a @tf.function training step beside the builder, and parse_args([])
as notebooks call it."""
import argparse

import tensorflow as tf


class HParams:
    SEQ_LEN = 30
    FEATURES = 8
    UNITS = 32
    HORIZON = 5


def build(hp=HParams):
    inp = tf.keras.Input((hp.SEQ_LEN, hp.FEATURES))
    x = tf.keras.layers.LSTM(hp.UNITS, return_sequences=True)(inp)
    x = tf.keras.layers.LSTM(hp.UNITS // 2)(x)
    out = tf.keras.layers.Dense(hp.HORIZON)(x)
    return tf.keras.Model(inp, out, name="forecaster")


@tf.function
def train_step(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(tf.square(model(x, training=True) - y))
    grads = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(grads, model.trainable_variables))
    return loss


parser = argparse.ArgumentParser()
parser.add_argument("--lr", type=float, default=1e-3)
args = parser.parse_args([])
model = build()
optimizer = tf.keras.optimizers.Adam(args.lr)
