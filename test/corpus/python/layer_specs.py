"""Layers described as a list of spec dicts (as read from a YAML config) and built through a name → class table."""
import keras
from keras import layers

LAYER_TYPES = {"dense": layers.Dense, "dropout": layers.Dropout, "norm": layers.LayerNormalization}

SPECS = [
    {"type": "dense", "units": 48, "activation": "relu"},
    {"type": "norm"},
    {"type": "dropout", "rate": 0.25},
    {"type": "dense", "units": 24, "activation": "relu"},
    {"type": "dense", "units": 6},
]


def from_specs(input_dim, specs):
    inp = keras.Input((input_dim,))
    x = inp
    for spec in specs:
        spec = dict(spec)
        cls = LAYER_TYPES[spec.pop("type")]
        x = cls(**spec)(x)
    return keras.Model(inp, x, name="spec_net")


model = from_specs(12, SPECS)
