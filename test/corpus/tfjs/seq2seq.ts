// Seq2seq translation in TF.js: the encoder LSTM returns its states, the decoder LSTM starts from them
// (initialState in apply's kwargs); inference models reuse the trained layers.
import * as tf from '@tensorflow/tfjs';

const numEncoderTokens = 40;
const numDecoderTokens = 55;
const latentDim = 128;

const encoderInputs = tf.input({shape: [null, numEncoderTokens], name: 'encoderInputs'});
const encoder = tf.layers.lstm({units: latentDim, returnState: true, name: 'encoderLstm'});
const [, stateH, stateC] = encoder.apply(encoderInputs) as tf.SymbolicTensor[];
const encoderStates = [stateH, stateC];

const decoderInputs = tf.input({shape: [null, numDecoderTokens], name: 'decoderInputs'});
const decoderLstm = tf.layers.lstm({units: latentDim, returnSequences: true, returnState: true, name: 'decoderLstm'});
const [decoderSeq] = decoderLstm.apply(decoderInputs, {initialState: encoderStates}) as tf.SymbolicTensor[];
const decoderDense = tf.layers.dense({units: numDecoderTokens, activation: 'softmax', name: 'decoderDense'});
const decoderOutputs = decoderDense.apply(decoderSeq) as tf.SymbolicTensor;

const model = tf.model({inputs: [encoderInputs, decoderInputs], outputs: decoderOutputs});

const encoderModel = tf.model({inputs: encoderInputs, outputs: encoderStates});

const stateInputH = tf.input({shape: [latentDim], name: 'decoderStateInputH'});
const stateInputC = tf.input({shape: [latentDim], name: 'decoderStateInputC'});
const [seq2, h2, c2] = decoderLstm.apply(decoderInputs, {initialState: [stateInputH, stateInputC]}) as tf.SymbolicTensor[];
const decoderModel = tf.model({
  inputs: [decoderInputs, stateInputH, stateInputC],
  outputs: [decoderDense.apply(seq2) as tf.SymbolicTensor, h2, c2],
});
