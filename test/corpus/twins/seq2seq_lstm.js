// TF.js twin of python/seq2seq_lstm.py.
module.exports = (tf) => {
  const latent = 256;
  const encoderInputs = tf.input({ shape: [null, 71] });
  const encoder = tf.layers.lstm({ units: latent, returnState: true });
  const [, h, c] = encoder.apply(encoderInputs);
  const decoderInputs = tf.input({ shape: [null, 93] });
  const decoderLstm = tf.layers.lstm({ units: latent, returnSequences: true, returnState: true });
  let [decoderOutputs] = decoderLstm.apply(decoderInputs, { initialState: [h, c] });
  const decoderDense = tf.layers.dense({ units: 93, activation: 'softmax' });
  decoderOutputs = decoderDense.apply(decoderOutputs);
  const model = tf.model({ inputs: [encoderInputs, decoderInputs], outputs: decoderOutputs });
  const encoderModel = tf.model({ inputs: encoderInputs, outputs: [h, c] });
  const hIn = tf.input({ shape: [latent] });
  const cIn = tf.input({ shape: [latent] });
  const [out2, h2, c2] = decoderLstm.apply(decoderInputs, { initialState: [hIn, cIn] });
  const decoderModel = tf.model({ inputs: [decoderInputs, hIn, cIn], outputs: [decoderDense.apply(out2), h2, c2] });
  return { model, encoder_model: encoderModel, decoder_model: decoderModel };
};
