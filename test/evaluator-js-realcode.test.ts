// Real JS/TS code at the evaluator level: entry points, callbacks the framework calls, and the JS built-ins
// real programs compute their sizes with. Each program ends in one Dense layer on a 1-feature input whose units are
// the value under test, so the layer's parameter count (2 × units) shows what the evaluator computed.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';

const TF = "import * as tf from '@tensorflow/tfjs';\n";
const dense = (units: string) => `const model = tf.sequential(); model.add(tf.layers.dense({units: ${units}, inputShape: [1]}));`;

/** The units of the only Dense layer the program builds (undefined: unknown), and how many models it found. */
function unitsBuilt(src: string, file = 'app.ts'): { units: number | undefined; models: number } {
  const r = analyzeText(src, file);
  const d = r.layers.find((l) => l.className === 'Dense');
  assert.ok(!r.diagnostics.some((x) => x.severity === 'error'), JSON.stringify(r.diagnostics));
  return { units: d?.params == null ? undefined : d.params / 2, models: r.models.length };
}
const valueOf = (setup: string, expr: string) => unitsBuilt(`${TF}${setup}\nconst n = ${expr};\n${dense('n')}`).units;

describe('JS entry points', () => {
  it('async function run() with run().catch(...)', () => {
    assert.deepEqual(unitsBuilt(`${TF}async function run() { ${dense('5')} await model.fit(null, null); }\nrun().catch(console.error);`), { units: 5, models: 1 });
  });
  it('main() called at the bottom', () => {
    assert.deepEqual(unitsBuilt(`${TF}function main() { ${dense('6')} }\nmain();`), { units: 6, models: 1 });
  });
  it('process.argv with a default for the missing argument, process.env with a fallback', () => {
    assert.equal(valueOf('', "parseInt(process.argv[2] || '16', 10) + Number(process.env.EXTRA ?? 4)"), 20);
  });
  it('const {a = 3, b} = opts', () => {
    assert.equal(valueOf('const opts = {b: 2};\nconst {a = 3, b} = opts;', 'a + b'), 5);
  });
  it('config through a class constructor into the builder', () => {
    const src = `${TF}function createModel(u) { const m = tf.sequential(); m.add(tf.layers.dense({units: u, inputShape: [1]})); return m; }\nclass Agent { constructor(config) { this.config = config; this.model = createModel(config.units); } }\nconst agent = new Agent({units: 7});`;
    assert.deepEqual(unitsBuilt(src), { units: 7, models: 1 });
  });
});

describe('JS callbacks the framework calls', () => {
  const cases: [string, (body: string) => string][] = [
    ["import('./data.js').then(m => ...)", (b) => `import('./data.js').then(m => { ${b} });`],
    ['promise.then(...)', (b) => `const p = fetch('data.json');\np.then((res) => { ${b} });`],
    ['async IIFE', (b) => `(async () => { ${b} })();`],
    ["addEventListener('load', ...)", (b) => `window.addEventListener('load', () => { ${b} });`],
    ["addEventListener('click', async ...)", (b) => `document.getElementById('train').addEventListener('click', async (ev) => { ${b} });`],
    ['setTimeout', (b) => `setTimeout(() => { ${b} }, 100);`],
    ['button onclick =', (b) => `const btn = document.getElementById('train');\nbtn.onclick = () => { ${b} };`],
    ['tf.ready().then(...)', (b) => `tf.ready().then(() => { ${b} });`],
    ['nested .then chains', (b) => `fetch('x').then((r) => r.json()).then((cfg) => { setTimeout(() => { ${b} }); });`],
  ];
  for (const [what, wrap] of cases) {
    it(`${what} runs once after the module body`, () => {
      assert.deepEqual(unitsBuilt(`${TF}${wrap(dense('9'))}`), { units: 9, models: 1 });
    });
  }
  it('React useEffect(() => ..., []) sees useState defaults', () => {
    const src = `${TF}import React, {useEffect, useState} from 'react';\nexport default function App() {\n  const [units] = useState(12);\n  const [ready, setReady] = useState(() => false);\n  useEffect(() => { const model = tf.sequential(); model.add(tf.layers.dense({units, inputShape: [1]})); setReady(true); }, []);\n  return null;\n}`;
    assert.deepEqual(unitsBuilt(src, 'App.tsx'), { units: 12, models: 1 });
  });
  it('a callback the code calls itself is not run again', () => {
    const src = `${TF}const build = () => { ${dense('3')} };\nbuild();\nsetTimeout(build, 10);`;
    assert.deepEqual(unitsBuilt(src), { units: 3, models: 1 });
  });
  it('a builder reached only from an uncalled function is analyzed once, and TF.js auto-names do not drift', () => {
    const src = `${TF}function build() { const input = tf.input({shape: [4]}); const out = tf.layers.conv1d({filters: 2, kernelSize: 1}).apply(tf.layers.reshape({targetShape: [4, 1]}).apply(input)); return tf.model({inputs: input, outputs: out}); }\nfunction train() { const m = build(); m.compile({optimizer: 'adam', loss: 'mse'}); }`;
    const r = analyzeText(src, 'app.ts');
    assert.equal(r.models.length, 1);
    assert.deepEqual(r.models[0].layers.map((id) => r.layers[id].name), ['input1', 'reshape_Reshape1', 'conv1d_Conv1D1']);
    assert.equal(r.models[0].builder?.function, 'train');
  });
});

describe('JS built-ins', () => {
  const s = "const s = 'Hello-World';";
  const cases: [string, string, string, number][] = [
    ['string slice / toLowerCase / split', s, "s.slice(0, 5).toLowerCase().split('').length", 5],
    ['string split on a separator', s, "s.split('-').length", 2],
    ['padStart', '', "'ab'.padStart(4, '0').length", 4],
    ['charCodeAt', '', "'D'.charCodeAt(0) - 'A'.charCodeAt(0)", 3],
    ['substring / includes / indexOf', s, "s.substring(6).length + (s.includes('World') ? 1 : 0) + s.indexOf('-')", 11],
    ['filter with index and array', 'const xs = [1, 2, 3, 4, 5];', 'xs.filter((item, i, arr) => i < arr.length - 2).length', 3],
    ['map with the array argument', 'const xs = [1, 2, 3];', 'xs.map((x, i, arr) => arr.length)[0]', 3],
    ['reduce with an initial value', '', '[1, 2, 3].reduce((a, b) => a + b, 10)', 16],
    ['flatMap', '', '[[1, 2], [3]].flatMap((x) => x).length + [[1], [2, [3]]].flat().length', 6],
    ['find / some / every', 'const xs = [4, 8, 16];', 'xs.find((x) => x > 5) + (xs.some((x) => x > 10) ? 1 : 0) + (xs.every((x) => x > 10) ? 100 : 0)', 9],
    ['Array.from({length}, fn)', '', 'Array.from({length: 3}, (_, i) => 8 * (i + 1))[2]', 24],
    ['Object.keys / entries / assign', 'const cfg = Object.assign({}, {a: 2}, {b: 3});', 'Object.keys(cfg).length + Object.entries(cfg).map(([k, v]) => v).reduce((a, b) => a + b, 0)', 7],
    ['Object.fromEntries', '', "Object.fromEntries([['u', 6]]).u", 6],
    ['Math.*', '', 'Math.floor(Math.sqrt(50)) + Math.ceil(1.2) + Math.round(2.5) + Math.min(3, 9) + Math.pow(2, 3) + Math.abs(-1) + Math.log2(8) + Math.trunc(2.7)', 29],
    ['new Set(...) / .size / .has / spread', "const t = new Set(['a', 'b', 'a', 'c']);", "t.size + (t.has('a') ? 1 : 0) + [...new Set([1, 1, 2])].length", 6],
    ['optional chaining and ?? defaults', 'const cfg = {model: {units: 6}};', 'cfg?.model?.units + (cfg.other?.units ?? 4)', 10],
    ['a missing property of a known object is undefined', 'const cfg = {units: 6};', 'cfg.hidden || cfg.units', 6],
    ['class fields, static fields and getters', 'class Net { units = 9; static depth = 2; get width() { return this.units * 2; } }', 'new Net().width + Net.depth', 20],
  ];
  for (const [what, setup, expr, want] of cases) {
    it(what, () => assert.equal(valueOf(setup, expr), want));
  }
  it('an object with an unknown spread keeps missing properties unknown', () => {
    assert.equal(valueOf('const cfg = {...loadConfig()};', 'cfg.units ?? 4'), undefined);
  });
  it('export default function is analyzed as a builder', () => {
    assert.deepEqual(unitsBuilt(`${TF}export default function createModel() { ${dense('3')} return model; }`), { units: 3, models: 1 });
  });
  it('CommonJS module.exports = createModel()', () => {
    assert.deepEqual(unitsBuilt(`const tf = require('@tensorflow/tfjs');\nfunction createModel() { ${dense('3')} return model; }\nmodule.exports = createModel();`, 'model.js'), { units: 3, models: 1 });
  });
  it('inputShape: 1 (a bare number) is a 1-D input, as TF.js reads it', () => {
    const r = analyzeText(`${TF}const model = tf.sequential(); model.add(tf.layers.dense({units: 3, inputShape: 1}));`, 'a.ts');
    assert.equal(r.layers.find((l) => l.className === 'Dense')?.params, 6);
  });
  it('tf.sequential({layers: [...]})', () => {
    const r = analyzeText(`${TF}const model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [4]}), tf.layers.dense({units: 1})]});`, 'a.ts');
    assert.equal(r.models[0]?.totalParams, 19);
  });
  it("a nested functional model's class is Model in TF.js", () => {
    const r = analyzeText(`${TF}const i1 = tf.input({shape: [4]});\nconst inner = tf.model({inputs: i1, outputs: tf.layers.dense({units: 2}).apply(i1)});\nconst i2 = tf.input({shape: [4]});\nconst outer = tf.model({inputs: i2, outputs: inner.apply(i2)});`, 'a.ts');
    assert.deepEqual(r.models[1].layers.map((id) => r.layers[id].className), ['InputLayer', 'Model']);
  });
});
