// Scenario 4: a dense(10) layer reused: the second call feeds it 10 features, but it was built for 5.
import {input, layers, model} from '@tensorflow/tfjs';

const inp = input({shape: [5]});
const shared = layers.dense({units: 10});
let x = shared.apply(inp) as any;
x = shared.apply(x);
const out = layers.activation({activation: 'softmax'}).apply(x);
const m = model({inputs: inp, outputs: out});
