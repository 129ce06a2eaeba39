// The multi-input / multi-output ticket classifier in TF.js: title and body text plus tags in, priority and
// department out.
import * as tf from '@tensorflow/tfjs';

const numTags = 12;
const numWords = 5000;
const numDepartments = 4;

const titleInput = tf.input({shape: [null], name: 'title'});
const bodyInput = tf.input({shape: [null], name: 'body'});
const tagsInput = tf.input({shape: [numTags], name: 'tags'});

const titleFeatures = tf.layers.lstm({units: 64}).apply(
  tf.layers.embedding({inputDim: numWords, outputDim: 32}).apply(titleInput)) as tf.SymbolicTensor;
const bodyFeatures = tf.layers.lstm({units: 16}).apply(
  tf.layers.embedding({inputDim: numWords, outputDim: 32}).apply(bodyInput)) as tf.SymbolicTensor;

const x = tf.layers.concatenate().apply([titleFeatures, bodyFeatures, tagsInput]) as tf.SymbolicTensor;
const priority = tf.layers.dense({units: 1, name: 'priority'}).apply(x) as tf.SymbolicTensor;
const department = tf.layers.dense({units: numDepartments, name: 'department'}).apply(x) as tf.SymbolicTensor;

const model = tf.model({inputs: [titleInput, bodyInput, tagsInput], outputs: [priority, department]});
