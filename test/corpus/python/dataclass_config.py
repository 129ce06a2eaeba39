"""A config dataclass drives the builder: field defaults, one field overridden at construction."""
from dataclasses import dataclass, field

import keras
from keras import layers


@dataclass
class ModelConfig:
    vocab_size: int = 5000
    seq_len: int = 40
    embed_dim: int = 32
    lstm_units: int = 48
    num_labels: int = 4
    bidirectional: bool = True
    dropout: float = field(default=0.2)


def build(cfg: ModelConfig) -> keras.Model:
    tokens = keras.Input(shape=(cfg.seq_len,), dtype="int32", name="tokens")
    x = layers.Embedding(cfg.vocab_size, cfg.embed_dim)(tokens)
    rnn = layers.LSTM(cfg.lstm_units)
    x = layers.Bidirectional(rnn)(x) if cfg.bidirectional else rnn(x)
    x = layers.Dropout(cfg.dropout)(x)
    out = layers.Dense(cfg.num_labels, activation="softmax")(x)
    return keras.Model(tokens, out, name="tagger")


config = ModelConfig(embed_dim=64)
model = build(config)
