// Scenario 6: sequential models, list form and add form.
import * as tf from '@tensorflow/tfjs';

const listed = tf.sequential({
  layers: [
    tf.layers.dense({inputShape: [5], units: 10}),
    tf.layers.activation({activation: 'softmax'}),
  ],
});

const added = tf.sequential();
added.add(tf.layers.dense({units: 10, inputShape: [5]}));
added.add(tf.layers.activation({activation: 'softmax'}));
