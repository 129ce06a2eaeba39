// Luong dot attention in TF.js from core layers: dot scores, softmax, dot context, concatenate, dense.
import * as tf from '@tensorflow/tfjs';

const SRC_LEN = 15, TGT_LEN = 12, VOCAB = 3000, UNITS = 64;

const src = tf.input({shape: [SRC_LEN], name: 'src'});
const tgt = tf.input({shape: [TGT_LEN], name: 'tgt'});
const embedding = tf.layers.embedding({inputDim: VOCAB, outputDim: 32, name: 'sharedEmbedding'});

const [encSeq, encH, encC] = tf.layers.lstm({units: UNITS, returnSequences: true, returnState: true}).apply(embedding.apply(src));
const decSeq = tf.layers.lstm({units: UNITS, returnSequences: true}).apply(embedding.apply(tgt), {initialState: [encH, encC]});

const scores = tf.layers.dot({axes: [2, 2]}).apply([decSeq, encSeq]);
const weights = tf.layers.activation({activation: 'softmax', name: 'attentionWeights'}).apply(scores);
const context = tf.layers.dot({axes: [2, 1]}).apply([weights, encSeq]);
const combined = tf.layers.concatenate().apply([context, decSeq]);
const attentional = tf.layers.dense({units: UNITS, activation: 'tanh'}).apply(combined);
const logits = tf.layers.dense({units: VOCAB, activation: 'softmax'}).apply(attentional);

export const model = tf.model({inputs: [src, tgt], outputs: logits, name: 'luong'});
