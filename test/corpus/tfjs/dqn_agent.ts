// A reinforcement-learning agent: the constructor takes a config and builds an online and a target network
// with the same factory (two models, auto-named in creation order).
import * as tf from '@tensorflow/tfjs';

interface AgentConfig { stateSize: number; actions: number; hidden?: number[] }

function createQNetwork(stateSize: number, actions: number, hidden: number[]): tf.Sequential {
  const net = tf.sequential();
  hidden.forEach((units, i) => net.add(tf.layers.dense({ units, activation: 'relu', ...(i === 0 && { inputShape: [stateSize] }) })));
  net.add(tf.layers.dense({ units: actions }));
  return net;
}

class DQNAgent {
  onlineNet: tf.Sequential;
  targetNet: tf.Sequential;
  epsilon = 1.0;

  constructor(private config: AgentConfig) {
    const hidden = config.hidden ?? [64, 64];
    this.onlineNet = createQNetwork(config.stateSize, config.actions, hidden);
    this.targetNet = createQNetwork(config.stateSize, config.actions, hidden);
    this.onlineNet.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError' });
  }

  syncTarget(): void {
    this.targetNet.setWeights(this.onlineNet.getWeights());
  }
}

const agent = new DQNAgent({ stateSize: 4, actions: 2 });
const online = agent.onlineNet;
const target = agent.targetNet;
agent.syncTarget();
