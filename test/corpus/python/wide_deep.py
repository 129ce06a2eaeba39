"""Wide & deep recommender: a wide linear part on crossed one-hot features, a deep part on embeddings of categorical
ids (one Embedding per feature from a dict of vocab sizes) plus numeric features; joined for one sigmoid output."""
import keras
from keras import layers

CATEGORICAL = {"user_id": 5000, "item_id": 2000, "category": 40}
EMBED_DIM = 16
NUM_NUMERIC = 6
WIDE_DIM = 300

wide_in = keras.Input(shape=(WIDE_DIM,), name="wide")
numeric_in = keras.Input(shape=(NUM_NUMERIC,), name="numeric")
cat_inputs = {name: keras.Input(shape=(1,), name=name, dtype="int32") for name in CATEGORICAL}

embedded = []
for name, vocab in CATEGORICAL.items():
    e = layers.Embedding(vocab, EMBED_DIM, name=f"{name}_emb")(cat_inputs[name])
    embedded.append(layers.Flatten(name=f"{name}_flat")(e))

deep = layers.Concatenate(name="deep_concat")(embedded + [numeric_in])
for i, units in enumerate([128, 64]):
    deep = layers.Dense(units, activation="relu", name=f"deep_{i}")(deep)

both = layers.concatenate([wide_in, deep], name="wide_and_deep")
click = layers.Dense(1, activation="sigmoid", name="click")(both)
model = keras.Model(inputs=[wide_in, numeric_in, *cat_inputs.values()], outputs=click, name="wide_deep")
