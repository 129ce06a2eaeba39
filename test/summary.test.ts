// Summary rendering checked character for character against summaries Keras 3 and TF.js really printed:
// Keras texts copied from published program output (sources next to each), TF.js's captured live in the test.

import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import {
  formatCount,
  formatShapeKeras,
  kerasLineLength,
  readableMemorySize,
  renderSummary,
  renderSummaryTfjs,
  richColumnWidths,
  wrapCell,
} from '../src/graph/summary';
import { IrBuilder } from './support/irBuilder';
import { KERAS_SCENARIO_1 } from './support/kerasPrinted';

tf.setBackend('cpu');

/** Template literals in this file start with a newline for readability. */
function text(s: string): string {
  return s.replace(/^\n/, '');
}

/** The table part (from ┏ to └) of a summary. */
function tableOf(summary: string): string {
  const lines = summary.split('\n');
  const start = lines.findIndex((l) => l.startsWith('┏'));
  const end = lines.findIndex((l) => l.startsWith('└'));
  return lines.slice(start, end + 1).join('\n') + '\n';
}

describe('Keras 3 summary: sizes and widths', () => {
  it('uses 76 columns when not on a terminal, and the Keras defaults on wide terminals', () => {
    assert.equal(kerasLineLength(true), 76);
    assert.equal(kerasLineLength(false), 76);
    assert.equal(kerasLineLength(true, 200), 88);
    assert.equal(kerasLineLength(false, 200), 108);
    assert.equal(kerasLineLength(false, 84), 80);
  });

  it("shares the width out like rich's ratio_reduce (widths seen in printed summaries)", () => {
    assert.deepEqual(richColumnWidths(76, [0.45, 0.8, 1.0]), [33, 24, 15]);
    assert.deepEqual(richColumnWidths(88, [0.45, 0.8, 1.0]), [38, 29, 17]);
    assert.deepEqual(richColumnWidths(76, [0.3, 0.56, 0.74, 1.0]), [21, 19, 12, 19]);
    assert.deepEqual(richColumnWidths(80, [0.3, 0.56, 0.74, 1.0]), [23, 19, 13, 20]);
    assert.deepEqual(richColumnWidths(108, [0.3, 0.56, 0.74, 1.0]), [31, 27, 17, 28]);
  });

  it('formats sizes like readable_memory_size, rounding halves to even as Python does', () => {
    assert.equal(readableMemorySize(0), '0.00 B');
    assert.equal(readableMemorySize(240), '240.00 B');
    assert.equal(readableMemorySize(1023), '1023.00 B');
    assert.equal(readableMemorySize(1023 * 4), '4.00 KB');
    assert.equal(readableMemorySize(1024), '1.00 KB');
    assert.equal(readableMemorySize(1152), '1.12 KB'); // 1.125 → 1.12 (toFixed would say 1.13)
    assert.equal(readableMemorySize(1664), '1.62 KB'); // 1.625 → 1.62
    assert.equal(readableMemorySize(1408), '1.38 KB'); // 1.375 → 1.38
    assert.equal(readableMemorySize(138357544 * 4), '527.79 MB'); // VGG16
    assert.equal(readableMemorySize(2 ** 30 * 3), '3.00 GB');
  });

  it('prints counts with thousands separators and unknowns as ?', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(1000), '1,000');
    assert.equal(formatCount(138357544), '138,357,544');
    assert.equal(formatCount(null), '?');
  });

  it("formats shapes like Keras's format_shape: None, symbolic names, and (None) for rank 1", () => {
    assert.equal(formatShapeKeras([null, 10]), '(None, 10)');
    assert.equal(formatShapeKeras([null]), '(None)');
    assert.equal(formatShapeKeras([]), '()');
    assert.equal(formatShapeKeras([null, 'seq_len', 64]), '(None, seq_len, 64)');
    assert.equal(formatShapeKeras(null), '?');
  });

  it('wraps words, cuts over-long words with an ellipsis, right-aligns numbers', () => {
    assert.deepEqual(wrapCell('concatenate_4 (Concatenate)', 19, 'left'), ['concatenate_4      ', '(Concatenate)      ']);
    assert.deepEqual(wrapCell('batch_normalization_1 (BatchNormalization)', 19, 'left'), [
      'batch_normalizatio…',
      '(BatchNormalizatio…',
    ]);
    assert.deepEqual(wrapCell('12,608', 10, 'right'), ['    12,608']);
    assert.deepEqual(wrapCell('23,556,544', 7, 'right'), ['23,556…']);
    assert.deepEqual(wrapCell('-', 3, 'left'), ['-  ']);
  });
});

describe('Keras 3 summary: real printed outputs', () => {
  it('scenario 1 (the layout in docs/keras-facts.md): sequential-like, 3 columns, 76 wide', () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 5]);
    const d = b.apply('dense', 'Dense', 60, [x], [null, 10]);
    const a = b.apply('activation', 'Activation', 0, [d], [null, 10]);
    const model = b.model('functional', [x], [a]);
    assert.equal(
      renderSummary(b.build(), model),
      KERAS_SCENARIO_1,
    );
  });

  // Printed by Keras 3 (TensorFlow backend, Colab) in a smart-contract vulnerability notebook's logged output: three
  // inputs, BatchNormalization (non-trainable moving statistics), a Concatenate of three tensors, 76 columns.
  it('multi-input functional model, 76 wide: wrapping, ellipses, non-trainable params', () => {
    const b = new IrBuilder();
    const lstm = b.input('lstm_features', [null, 128]);
    const unet = b.input('unet_features', [null, 64]);
    const bn = b.apply('batch_normalization', 'BatchNormalization', 512, [lstm], [null, 128], { nonTrainable: 256 });
    const bn1 = b.apply('batch_normalization_1', 'BatchNormalization', 256, [unet], [null, 64], { nonTrainable: 128 });
    const prob = b.input('prob_features', [null, 4]);
    const cat = b.apply('concatenate_4', 'Concatenate', 0, [bn, bn1, prob], [null, 196]);
    let x = b.apply('dense_4', 'Dense', 12608, [cat], [null, 64]);
    x = b.apply('dropout_2', 'Dropout', 0, [x], [null, 64]);
    x = b.apply('dense_5', 'Dense', 2080, [x], [null, 32]);
    x = b.apply('dropout_3', 'Dropout', 0, [x], [null, 32]);
    x = b.apply('dense_6', 'Dense', 528, [x], [null, 16]);
    x = b.apply('dense_7', 'Dense', 17, [x], [null, 1]);
    const model = b.model('functional_12', [lstm, unet, prob], [x], { sequentialLike: false });
    assert.equal(
      renderSummary(b.build(), model),
      text(`
Model: "functional_12"
┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ lstm_features       │ (None, 128)       │          0 │ -                 │
│ (InputLayer)        │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ unet_features       │ (None, 64)        │          0 │ -                 │
│ (InputLayer)        │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ batch_normalization │ (None, 128)       │        512 │ lstm_features[0]… │
│ (BatchNormalizatio… │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ batch_normalizatio… │ (None, 64)        │        256 │ unet_features[0]… │
│ (BatchNormalizatio… │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ prob_features       │ (None, 4)         │          0 │ -                 │
│ (InputLayer)        │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ concatenate_4       │ (None, 196)       │          0 │ batch_normalizat… │
│ (Concatenate)       │                   │            │ batch_normalizat… │
│                     │                   │            │ prob_features[0]… │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense_4 (Dense)     │ (None, 64)        │     12,608 │ concatenate_4[0]… │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dropout_2 (Dropout) │ (None, 64)        │          0 │ dense_4[0][0]     │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense_5 (Dense)     │ (None, 32)        │      2,080 │ dropout_2[0][0]   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dropout_3 (Dropout) │ (None, 32)        │          0 │ dense_5[0][0]     │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense_6 (Dense)     │ (None, 16)        │        528 │ dropout_3[0][0]   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense_7 (Dense)     │ (None, 1)         │         17 │ dense_6[0][0]     │
└─────────────────────┴───────────────────┴────────────┴───────────────────┘
 Total params: 16,001 (62.50 KB)
 Trainable params: 15,617 (61.00 KB)
 Non-trainable params: 384 (1.50 KB)
`),
    );
  });

  // Printed by Keras 3 in a terminal at least 112 columns wide (a blog post on an event-detection library's
  // transformer): the 108-column layout, MultiHeadAttention called on the same tensor three times.
  it('transformer block, 108 wide: repeated inputs, wrapped and cut Connected-to cells', () => {
    const b = new IrBuilder();
    const s = [null, 76, 50];
    const input = b.input('input', s);
    const mha = b.apply('multi_head_attention', 'MultiHeadAttention', 415794, [input, input, input], s);
    const add = b.apply('add', 'Add', 0, [input, mha], s);
    const ln = b.apply('layer_normalization', 'LayerNormalization', 100, [add], s);
    const dense = b.apply('dense', 'Dense', 2550, [ln], s);
    const drop1 = b.apply('dropout_1', 'Dropout', 0, [dense], s);
    const add1 = b.apply('add_1', 'Add', 0, [ln, drop1], s);
    const mha1 = b.apply('multi_head_attention_1', 'MultiHeadAttention', 415794, [add1, add1, add1], s);
    const add2 = b.apply('add_2', 'Add', 0, [input, mha1], s);
    const ln1 = b.apply('layer_normalization_1', 'LayerNormalization', 100, [add2], s);
    const dense1 = b.apply('dense_1', 'Dense', 2550, [ln1], s);
    const drop3 = b.apply('dropout_3', 'Dropout', 0, [dense1], s);
    const add3 = b.apply('add_3', 'Add', 0, [ln1, drop3], s);
    const gap = b.apply('global_average_pooling1d', 'GlobalAveragePooling1D', 0, [add3], [null, 50]);
    const out = b.apply('dense_2', 'Dense', 51, [gap], [null, 1]);
    const model = b.model('transformer', [input], [out], { sequentialLike: false });
    assert.equal(
      renderSummary(b.build(), model, { terminalColumns: 120 }),
      text(`
Model: "transformer"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ input (InputLayer)            │ (None, 76, 50)            │               0 │ -                          │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ multi_head_attention          │ (None, 76, 50)            │         415,794 │ input[0][0], input[0][0],  │
│ (MultiHeadAttention)          │                           │                 │ input[0][0]                │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ add (Add)                     │ (None, 76, 50)            │               0 │ input[0][0],               │
│                               │                           │                 │ multi_head_attention[0][0] │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ layer_normalization           │ (None, 76, 50)            │             100 │ add[0][0]                  │
│ (LayerNormalization)          │                           │                 │                            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dense (Dense)                 │ (None, 76, 50)            │           2,550 │ layer_normalization[0][0]  │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dropout_1 (Dropout)           │ (None, 76, 50)            │               0 │ dense[0][0]                │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ add_1 (Add)                   │ (None, 76, 50)            │               0 │ layer_normalization[0][0], │
│                               │                           │                 │ dropout_1[0][0]            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ multi_head_attention_1        │ (None, 76, 50)            │         415,794 │ add_1[0][0], add_1[0][0],  │
│ (MultiHeadAttention)          │                           │                 │ add_1[0][0]                │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ add_2 (Add)                   │ (None, 76, 50)            │               0 │ input[0][0],               │
│                               │                           │                 │ multi_head_attention_1[0]… │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ layer_normalization_1         │ (None, 76, 50)            │             100 │ add_2[0][0]                │
│ (LayerNormalization)          │                           │                 │                            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dense_1 (Dense)               │ (None, 76, 50)            │           2,550 │ layer_normalization_1[0][… │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dropout_3 (Dropout)           │ (None, 76, 50)            │               0 │ dense_1[0][0]              │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ add_3 (Add)                   │ (None, 76, 50)            │               0 │ layer_normalization_1[0][… │
│                               │                           │                 │ dropout_3[0][0]            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ global_average_pooling1d      │ (None, 50)                │               0 │ add_3[0][0]                │
│ (GlobalAveragePooling1D)      │                           │                 │                            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dense_2 (Dense)               │ (None, 1)                 │              51 │ global_average_pooling1d[… │
└───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘
 Total params: 836,939 (3.19 MB)
 Trainable params: 836,939 (3.19 MB)
 Non-trainable params: 0 (0.00 B)
`),
    );
  });

  /** The Keras seq2seq example: an encoder LSTM with return_state (three outputs) feeding the decoder's state. */
  function seq2seq(units: number, features: [number, number], dense: number) {
    const b = new IrBuilder();
    const enc = b.input('input_layer', [null, null, features[0]]);
    const dec = b.input('input_layer_1', [null, null, features[1]]);
    const lstmParams = 4 * units * (features[0] + units + 1);
    const lstm1Params = 4 * units * (features[1] + units + 1);
    const lstm = b.layer('lstm', 'LSTM', lstmParams);
    const [, h, c] = b.call(lstm, [enc], [[null, units], [null, units], [null, units]]);
    const lstm1 = b.layer('lstm_1', 'LSTM', lstm1Params);
    const [seq] = b.call(lstm1, [dec, h, c], [[null, null, units], [null, units], [null, units]]);
    const out = b.apply('dense', 'Dense', dense, [seq], [null, null, features[1]]);
    const model = b.model('functional', [enc, dec], [out], { sequentialLike: false });
    return { result: b.build(), model };
  }

  // Printed by Keras 3 (a Korean blog post on TensorFlow seq2seq, 108 columns): multi-output cells wrap as the str()
  // of a list, and lstm_1's cell lists the decoder input and the encoder's two states.
  it('seq2seq LSTM with return_state, 108 wide: several outputs per layer', () => {
    const { result, model } = seq2seq(128, [9, 8], 1032);
    assert.equal(
      renderSummary(result, model, { lineLength: 108 }),
      text(`
Model: "functional"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                  ┃ Output Shape              ┃         Param # ┃ Connected to               ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━┩
│ input_layer (InputLayer)      │ (None, None, 9)           │               0 │ -                          │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ input_layer_1 (InputLayer)    │ (None, None, 8)           │               0 │ -                          │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ lstm (LSTM)                   │ [(None, 128), (None,      │          70,656 │ input_layer[0][0]          │
│                               │ 128), (None, 128)]        │                 │                            │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ lstm_1 (LSTM)                 │ [(None, None, 128),       │          70,144 │ input_layer_1[0][0],       │
│                               │ (None, 128), (None, 128)] │                 │ lstm[0][1], lstm[0][2]     │
├───────────────────────────────┼───────────────────────────┼─────────────────┼────────────────────────────┤
│ dense (Dense)                 │ (None, None, 8)           │           1,032 │ lstm_1[0][0]               │
└───────────────────────────────┴───────────────────────────┴─────────────────┴────────────────────────────┘
 Total params: 141,832 (554.03 KB)
 Trainable params: 141,832 (554.03 KB)
 Non-trainable params: 0 (0.00 B)
`),
    );
  });

  // The same program with 256 units and 50 features, printed 76 wide (a Korean study-notes README; the table only).
  it('seq2seq LSTM with return_state, 76 wide: shapes wrapped over four lines', () => {
    const { result, model } = seq2seq(256, [50, 50], 12850);
    assert.equal(
      tableOf(renderSummary(result, model)),
      text(`
┏━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)        ┃ Output Shape      ┃    Param # ┃ Connected to      ┃
┡━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━┩
│ input_layer         │ (None, None, 50)  │          0 │ -                 │
│ (InputLayer)        │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ input_layer_1       │ (None, None, 50)  │          0 │ -                 │
│ (InputLayer)        │                   │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ lstm (LSTM)         │ [(None, 256),     │    314,368 │ input_layer[0][0] │
│                     │ (None, 256),      │            │                   │
│                     │ (None, 256)]      │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ lstm_1 (LSTM)       │ [(None, None,     │    314,368 │ input_layer_1[0]… │
│                     │ 256), (None,      │            │ lstm[0][1],       │
│                     │ 256), (None,      │            │ lstm[0][2]        │
│                     │ 256)]             │            │                   │
├─────────────────────┼───────────────────┼────────────┼───────────────────┤
│ dense (Dense)       │ (None, None, 50)  │     12,850 │ lstm_1[0][0]      │
└─────────────────────┴───────────────────┴────────────┴───────────────────┘
`),
    );
  });

  // Printed by Keras 3 on a terminal (88 columns; an operon-prediction tool's log): still sequential-like although
  // the LSTM and the custom attention layer return several tensors.
  it('sequential-like model on a wide terminal, 88 wide: multi-output rows', () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 150, 6, 3]);
    const conv = b.apply('conv2d', 'Conv2D', 5824, [x], [null, 146, 1, 64]);
    const lam = b.apply('lambda', 'Lambda', 0, [conv], [null, 146, 64]);
    const [seq] = b.call(b.layer('lstm', 'LSTM', 33024), [lam], [[null, 146, 64], [null, 64], [null, 64]]);
    const [att] = b.call(b.layer('self_attention', 'SelfAttention', 2560), [seq], [[null, 1024], [null, 16, 146]]);
    const out = b.apply('dense', 'Dense', 2050, [att], [null, 2]);
    const model = b.model('functional', [x], [out]);
    assert.equal(
      renderSummary(b.build(), model, { terminalColumns: 100 }),
      text(`
Model: "functional"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━┓
┃ Layer (type)                         ┃ Output Shape                ┃         Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━┩
│ input_layer (InputLayer)             │ (None, 150, 6, 3)           │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ conv2d (Conv2D)                      │ (None, 146, 1, 64)          │           5,824 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ lambda (Lambda)                      │ (None, 146, 64)             │               0 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ lstm (LSTM)                          │ [(None, 146, 64), (None,    │          33,024 │
│                                      │ 64), (None, 64)]            │                 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ self_attention (SelfAttention)       │ [(None, 1024), (None, 16,   │           2,560 │
│                                      │ 146)]                       │                 │
├──────────────────────────────────────┼─────────────────────────────┼─────────────────┤
│ dense (Dense)                        │ (None, 2)                   │           2,050 │
└──────────────────────────────────────┴─────────────────────────────┴─────────────────┘
 Total params: 43,458 (169.76 KB)
 Trainable params: 43,458 (169.76 KB)
 Non-trainable params: 0 (0.00 B)
`),
    );
  });
  // Printed by Keras 3 in "Deep Learning with Python", 3rd edition, chapter 15 (80 columns): `mask_zero=True` makes
  // a `not_equal` operation, which is a row although it is not in model.layers; a GRU given an initial state.
  it('seq2seq GRU with a mask, 80 wide: an operation row between layers', () => {
    const b = new IrBuilder();
    const english = b.input('english', [null, null]);
    const spanish = b.input('spanish', [null, null]);
    const emb1 = b.apply('embedding_1', 'Embedding', 3840000, [english], [null, null, 256]);
    const mask = b.apply('not_equal', 'NotEqual', null, [english], [null, null], { op: true });
    const emb2 = b.apply('embedding_2', 'Embedding', 3840000, [spanish], [null, null, 256]);
    const enc = b.apply('bidirectional', 'Bidirectional', 7876608, [emb1, mask], [null, 1024]);
    const gru = b.apply('gru_2', 'GRU', 3938304, [emb2, enc], [null, null, 1024]);
    const drop = b.apply('dropout_1', 'Dropout', 0, [gru], [null, null, 1024]);
    const out = b.apply('dense_1', 'Dense', 15375000, [drop], [null, null, 15000]);
    const model = b.model('functional_1', [english, spanish], [out], { sequentialLike: false });
    assert.ok(!model.layers.includes(3), 'the operation is not in model.layers');
    assert.equal(
      renderSummary(b.build(), model, { terminalColumns: 84 }),
      text(`
Model: "functional_1"
┏━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━┓
┃ Layer (type)          ┃ Output Shape      ┃     Param # ┃ Connected to       ┃
┡━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━┩
│ english (InputLayer)  │ (None, None)      │           0 │ -                  │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ spanish (InputLayer)  │ (None, None)      │           0 │ -                  │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ embedding_1           │ (None, None, 256) │   3,840,000 │ english[0][0]      │
│ (Embedding)           │                   │             │                    │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ not_equal (NotEqual)  │ (None, None)      │           0 │ english[0][0]      │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ embedding_2           │ (None, None, 256) │   3,840,000 │ spanish[0][0]      │
│ (Embedding)           │                   │             │                    │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ bidirectional         │ (None, 1024)      │   7,876,608 │ embedding_1[0][0], │
│ (Bidirectional)       │                   │             │ not_equal[0][0]    │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ gru_2 (GRU)           │ (None, None,      │   3,938,304 │ embedding_2[0][0], │
│                       │ 1024)             │             │ bidirectional[0][… │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ dropout_1 (Dropout)   │ (None, None,      │           0 │ gru_2[0][0]        │
│                       │ 1024)             │             │                    │
├───────────────────────┼───────────────────┼─────────────┼────────────────────┤
│ dense_1 (Dense)       │ (None, None,      │  15,375,000 │ dropout_1[0][0]    │
│                       │ 15000)            │             │                    │
└───────────────────────┴───────────────────┴─────────────┴────────────────────┘
 Total params: 34,869,912 (133.02 MB)
 Trainable params: 34,869,912 (133.02 MB)
 Non-trainable params: 0 (0.00 B)
`),
    );
  });
  // Printed by Keras 3 (Colab) for a Sequential never built (no input shape): every row `?`, layers that would own
  // weights `0 (unbuilt)`, and the totals count only weights that exist.
  it('an unbuilt Sequential: ?, 0 (unbuilt) and zero totals', () => {
    const b = new IrBuilder();
    const ids = [
      b.layer('embedding_6', 'Embedding', null),
      b.layer('lstm_6', 'LSTM', null),
      b.layer('dense_12', 'Dense', null),
      b.layer('dropout_6', 'Dropout', 0),
      b.layer('dense_13', 'Dense', null),
    ];
    // The analyzer may record calls on unknown inputs for such a model; it is still unbuilt.
    b.call(ids[1], [], [null]);
    const model = b.model('sequential_6', [], [], { kind: 'sequential', layers: ids });
    assert.equal(model.totalParams, null);
    assert.equal(
      renderSummary(b.build(), model),
      text(`
Model: "sequential_6"
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
│ embedding_6 (Embedding)         │ ?                      │   0 (unbuilt) │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ lstm_6 (LSTM)                   │ ?                      │   0 (unbuilt) │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_12 (Dense)                │ ?                      │   0 (unbuilt) │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dropout_6 (Dropout)             │ ?                      │             0 │
├─────────────────────────────────┼────────────────────────┼───────────────┤
│ dense_13 (Dense)                │ ?                      │   0 (unbuilt) │
└─────────────────────────────────┴────────────────────────┴───────────────┘
 Total params: 0 (0.00 B)
 Trainable params: 0 (0.00 B)
 Non-trainable params: 0 (0.00 B)
`),
    );
  });
});

describe('Keras 3 summary: what the source says for cases without a printed sample', () => {
  // summary_utils.format_layer_shape keeps the last inbound node's outputs; get_connections concatenates the inputs
  // of every node that belongs to the model.
  it('a shared layer is one row: its last call’s shape, every call’s inputs in Connected to', () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 5]);
    const dense = b.layer('dense', 'Dense', 30);
    const [y1] = b.call(dense, [x], [[null, 5]], 3);
    const [y2] = b.call(dense, [y1], [[null, 5]], 4);
    const a = b.apply('activation', 'Activation', 0, [y2], [null, 5]);
    const model = b.model('functional', [x], [a], { sequentialLike: false });
    const summary = renderSummary(b.build(), model, { lineLength: 108 });
    assert.match(summary, /│ dense \(Dense\) +│ \(None, 5\) +│ +30 │ input_layer\[0\]\[0\], +│\n│ +│ +│ +│ dense\[0\]\[0\] +│\n/);
    assert.match(summary, /│ activation \(Activation\) +│ \(None, 5\) +│ +0 │ dense\[1\]\[0\] +│/);
    assert.equal(summary.split('\n').filter((l) => l.includes('dense (Dense)')).length, 1);
    assert.match(summary, / Total params: 30 \(120\.00 B\)\n/);
  });

  it('the last call decides the printed shape when calls differ', () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 8, 4]);
    const flat = b.layer('flatten', 'Flatten', 0);
    const [f1] = b.call(flat, [x], [[null, 32]]);
    const y = b.input('input_layer_1', [null, 2, 3]);
    const [f2] = b.call(flat, [y], [[null, 6]]);
    const model = b.model('functional', [x, y], [f1, f2], { sequentialLike: false, layers: [0, 2, 1] });
    assert.match(renderSummary(b.build(), model), /│ flatten \(Flatten\) +│ \(None, 6\) +│/);
  });

  it("follows a model's `operations` list (Keras's _operations order) when the analyzer gives one", () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 4]);
    const y = b.input('input_layer_1', [null, 4]);
    const sum = b.apply('add', 'Add', null, [x, y], [null, 4], { op: true });
    const d = b.apply('dense', 'Dense', 20, [sum], [null, 4]);
    const model = b.model('functional', [x, y], [d], { sequentialLike: false });
    const withOps = { ...model, operations: [1, 0, 2, 3] };
    const rows = renderSummary(b.build(), withOps)
      .split('\n')
      .filter((l) => /^│ \w/.test(l))
      .map((l) => l.split('│')[1].trim());
    assert.deepEqual(rows, ['input_layer_1', 'input_layer', 'add (Add)', 'dense (Dense)']);
  });

  it('unknown parameter counts and shapes print ?, symbolic dimensions print as themselves', () => {
    const b = new IrBuilder();
    const x = b.input('input_layer', [null, 'seq_len', 16]);
    const c = b.apply('custom', 'MyLayer', null, [x], null);
    const model = b.model('functional', [x], [c]);
    const summary = renderSummary(b.build(), model);
    assert.match(summary, /│ input_layer \(InputLayer\) +│ \(None, seq_len, 16\) +│ +0 │/);
    assert.match(summary, /│ custom \(MyLayer\) +│ \? +│ +\? │/);
    assert.match(summary, / Total params: \?\n Trainable params: \?\n Non-trainable params: \?\n$/);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// TF.js: the same models built with @tensorflow/tfjs in the test, their summary() captured and compared.
// ---------------------------------------------------------------------------------------------------------------

function tfjsPrinted(model: tf.LayersModel): string {
  const lines: string[] = [];
  model.summary(undefined, undefined, (line: string) => lines.push(line));
  return lines.map((l) => l + '\n').join('');
}

function names(model: tf.LayersModel): string[] {
  return model.layers.map((l) => l.name);
}

describe('TF.js summary matches model.summary() of the same model built in TF.js', () => {
  it('scenario 1: input → dense(10) → softmax (sequential-like)', () => {
    const input = tf.input({ shape: [5] });
    const out = tf.layers.activation({ activation: 'softmax' }).apply(tf.layers.dense({ units: 10 }).apply(input)) as tf.SymbolicTensor;
    const real = tf.model({ inputs: input, outputs: out });
    const [nIn, nDense, nAct] = names(real);

    const b = new IrBuilder('model.ts');
    const x = b.input(nIn, [null, 5]);
    const d = b.apply(nDense, 'Dense', 60, [x], [null, 10]);
    const a = b.apply(nAct, 'Activation', 0, [d], [null, 10]);
    const model = b.model('model1', [x], [a]);
    assert.equal(renderSummaryTfjs(b.build(), model), tfjsPrinted(real));
  });

  it('scenario 3: one dense(5) applied twice (shared, so not sequential-like: Receives inputs)', () => {
    const input = tf.input({ shape: [5] });
    const dense = tf.layers.dense({ units: 5 });
    const out = tf.layers.activation({ activation: 'softmax' }).apply(dense.apply(dense.apply(input))) as tf.SymbolicTensor;
    const real = tf.model({ inputs: input, outputs: out });
    const [nIn, nDense, nAct] = names(real);

    const b = new IrBuilder('model.ts');
    const x = b.input(nIn, [null, 5]);
    const shared = b.layer(nDense, 'Dense', 30);
    const [y1] = b.call(shared, [x], [[null, 5]]);
    const [y2] = b.call(shared, [y1], [[null, 5]]);
    const a = b.apply(nAct, 'Activation', 0, [y2], [null, 5]);
    const model = b.model('model1', [x], [a], { sequentialLike: false });
    const rendered = renderSummaryTfjs(b.build(), model);
    assert.equal(rendered, tfjsPrinted(real));
    assert.match(rendered, /Total params: 30\n/);
  });

  it('scenario 5: two inputs, multiply, two outputs (205 params, TF.js layer order)', () => {
    const i1 = tf.input({ shape: [5] });
    const i2 = tf.input({ shape: [5] });
    const x1 = tf.layers.dense({ units: 10 }).apply(i1) as tf.SymbolicTensor;
    const x2 = tf.layers.dense({ units: 10 }).apply(i2) as tf.SymbolicTensor;
    const m = tf.layers.multiply().apply([x1, x2]) as tf.SymbolicTensor;
    const h = tf.layers.dense({ units: 5 }).apply(m) as tf.SymbolicTensor;
    const o1 = tf.layers.activation({ activation: 'softmax' }).apply(h) as tf.SymbolicTensor;
    const o2 = tf.layers.activation({ activation: 'softmax' }).apply(tf.layers.dense({ units: 5 }).apply(h)) as tf.SymbolicTensor;
    const real = tf.model({ inputs: [i1, i2], outputs: [o1, o2] });
    const byName = (t: tf.SymbolicTensor) => t.sourceLayer.name;

    const b = new IrBuilder('model.ts');
    const in1 = b.input(byName(i1), [null, 5]);
    const in2 = b.input(byName(i2), [null, 5]);
    const d1 = b.apply(byName(x1), 'Dense', 60, [in1], [null, 10]);
    const d2 = b.apply(byName(x2), 'Dense', 60, [in2], [null, 10]);
    const mul = b.apply(byName(m), 'Multiply', 0, [d1, d2], [null, 10]);
    const hid = b.apply(byName(h), 'Dense', 55, [mul], [null, 5]);
    const out1 = b.apply(byName(o1), 'Activation', 0, [hid], [null, 5]);
    const hid2 = b.apply(o2.sourceLayer.inboundNodes[0].inboundLayers[0].name, 'Dense', 30, [hid], [null, 5]);
    const out2 = b.apply(byName(o2), 'Activation', 0, [hid2], [null, 5]);
    const result = b.build();
    // TF.js orders model.layers by depth from the outputs, which puts the second Dense before the first softmax.
    const order = names(real).map((n) => result.layers.find((l) => l.name === n)!.id);
    const model = b.model('model1', [in1, in2], [out1, out2], { sequentialLike: false, layers: order });
    const rendered = renderSummaryTfjs(result, model);
    assert.equal(rendered, tfjsPrinted(real));
    assert.match(rendered, /Total params: 205\n/);
  });

  it('tf.sequential: no InputLayer row, 4 columns', () => {
    const real = tf.sequential();
    real.add(tf.layers.dense({ units: 10, inputShape: [5] }));
    real.add(tf.layers.dense({ units: 1 }));
    const [n1, n2] = names(real);

    const b = new IrBuilder('model.js', 'javascript');
    const x = b.input('input', [null, 5]);
    const d1 = b.apply(n1, 'Dense', 60, [x], [null, 10]);
    const d2 = b.apply(n2, 'Dense', 11, [d1], [null, 1]);
    const model = b.model('sequential_1', [x], [d2], { kind: 'sequential', layers: [1, 2] });
    assert.equal(renderSummaryTfjs(b.build(), model), tfjsPrinted(real));
  });

  it('an LSTM returning its states: the output column is a list of shapes, cut at the column end', () => {
    const input = tf.input({ shape: [3, 4] });
    const outs = tf.layers.lstm({ units: 6, returnState: true }).apply(input) as tf.SymbolicTensor[];
    const real = tf.model({ inputs: input, outputs: outs });
    const [nIn, nLstm] = names(real);

    const b = new IrBuilder('model.ts');
    const x = b.input(nIn, [null, 3, 4]);
    const lstm = b.layer(nLstm, 'LSTM', 264);
    const ys = b.call(lstm, [x], [[null, 6], [null, 6], [null, 6]]);
    const model = b.model('model1', [x], ys);
    assert.equal(renderSummaryTfjs(b.build(), model), tfjsPrinted(real));
  });

  it('a shared layer whose calls give different shapes prints "multiple", like the outputShape getter', () => {
    const a = tf.input({ shape: [8, 4] });
    const c = tf.input({ shape: [2, 3] });
    const flatten = tf.layers.flatten();
    const fa = flatten.apply(a) as tf.SymbolicTensor;
    const fc = flatten.apply(c) as tf.SymbolicTensor;
    const real = tf.model({ inputs: [a, c], outputs: [fa, fc] });
    const [nA, nC, nFlat] = names(real);

    const b = new IrBuilder('model.ts');
    const x = b.input(nA, [null, 8, 4]);
    const y = b.input(nC, [null, 2, 3]);
    const flat = b.layer(nFlat, 'Flatten', 0);
    const [f1] = b.call(flat, [x], [[null, 32]]);
    const [f2] = b.call(flat, [y], [[null, 6]]);
    const model = b.model('model1', [x, y], [f1, f2], { sequentialLike: false });
    const rendered = renderSummaryTfjs(b.build(), model);
    assert.equal(rendered, tfjsPrinted(real));
    assert.match(rendered, / multiple /);
  });
});
