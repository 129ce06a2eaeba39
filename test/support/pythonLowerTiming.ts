// Micro timing for the Python front-end: parse-only vs. lowering of a generated ~2,000-line Keras program.
// Not a test (no assertions; machines differ): run `node out/test/support/pythonLowerTiming.js` after building.

import { parser } from '@lezer/python';
import { lowerPythonTree } from '../../src/analysis/python/lower';

export function generatedKerasProgram(minLines: number): string {
  const block = (i: number) => `
def block_${i}(x, units=${i + 1}, activation='relu'):
    for _ in range(2):
        x = layers.Dense(units, activation=activation, name=f"dense_${i}_{_}")(x)
    return x

inp_${i} = keras.Input(shape=(5,), name='in_${i}')
h_${i} = block_${i}(inp_${i})
h_${i} = layers.Dropout(0.5)(h_${i}) if ${i} % 2 else layers.BatchNormalization()(h_${i})
m_${i} = layers.Multiply()([h_${i}, layers.Dense(${i + 1})(inp_${i})])
out_${i} = layers.Dense(5, activation='softmax')(m_${i}[:, :5])
model_${i} = keras.Model(inputs=[inp_${i}], outputs={'o': out_${i}, 'aux': m_${i}})
`;
  let src = 'import tensorflow as tf\nfrom tensorflow import keras\nfrom tensorflow.keras import layers\n';
  let lines = 3;
  for (let i = 0; lines < minLines; i++) {
    const b = block(i);
    src += b;
    lines += b.split('\n').length - 1;
  }
  return src;
}

function timings(run: () => void, times: number): { min: number; median: number } {
  for (let i = 0; i < 3; i++) run();
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = process.hrtime.bigint();
    run();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { min: ms[0], median: ms[Math.floor(ms.length / 2)] };
}

if (require.main === module) {
  const src = generatedKerasProgram(2000);
  const tree = parser.parse(src);
  const parse = timings(() => parser.parse(src), 20);
  const lower = timings(() => lowerPythonTree(tree, src), 40);
  const f = (x: number) => x.toFixed(1);
  console.log(`${src.split('\n').length} lines, ${src.length} chars`);
  console.log(`parser.parse:        min ${f(parse.min)} ms, median ${f(parse.median)} ms`);
  console.log(`lowering (the tree): min ${f(lower.min)} ms, median ${f(lower.median)} ms`);
  console.log(`lowering / parse:    ${(lower.min / parse.min).toFixed(2)}x (min), ${(lower.median / parse.median).toFixed(2)}x (median)`);
}
