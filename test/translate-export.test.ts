// Export: model.json + weights.bin that TF.js's own tf.loadLayersModel reads back, with the trainer's trained weights
// exactly; the Keras model_from_json document's structure; the CLI's translate/export commands end to end.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { analyzeText } from '../src/analysis/analyze';
import { runAsync } from '../src/cli/main';
import { train } from '../src/train/session';
import { exportKeras } from '../src/translate/exportKeras';
import { exportTfjs } from '../src/translate/exportTfjs';

const ROOT = path.resolve(__dirname, '../..');

function analyze(rel: string) {
  const file = path.join(ROOT, rel);
  return analyzeText(fs.readFileSync(file, 'utf8'), file);
}

function flat(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (Array.isArray(v)) for (const x of v) flat(x, out);
  return out;
}

/** tf.loadLayersModel over files on disk (tfjs-node's file:// handler is not installed). */
function fileHandler(dir: string): tf.io.IOHandler {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      const bin = fs.readFileSync(path.join(dir, json.weightsManifest[0].paths[0]));
      return { modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) };
    },
  };
}

function capture() {
  let out = '';
  let err = '';
  return { io: { stdout: { write: (t: string) => (out += t) }, stderr: { write: (t: string) => (err += t) } }, out: () => out, err: () => err };
}

describe('export to TF.js', () => {
  for (const file of ['examples/python/scenario3_shared_dense.py', 'examples/tfjs/scenario5_two_inputs.ts']) {
    it(`${file}: tf.loadLayersModel loads it with the trainer's weights`, async () => {
      const analysis = analyze(file);
      const trained = await train({ analysis, epochs: 2, backend: 'cpu' });
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-export-'));
      const c = capture();
      const weightsFile = path.join(dir, 'trained.json');
      fs.writeFileSync(weightsFile, JSON.stringify({ weights: trained.weights }));
      const status = await runAsync(['export', path.join(ROOT, file), '--format', 'tfjs', '--out', dir, '--weights', weightsFile], c.io);
      assert.equal(status, 0, c.err());
      const loaded = await tf.loadLayersModel(fileHandler(dir));
      assert.equal(loaded.countParams(), analysis.models[0].totalParams);
      // Same weights, in Keras's model.weights order, bit for bit (float32).
      const got = loaded.weights.map((w) => Array.from(w.read().dataSync()));
      const want = trained.weights.map((w) => flat(w.values).map(Math.fround));
      assert.equal(got.length, want.length);
      got.forEach((g, i) => assert.deepEqual(g, want[i], `weight ${trained.weights[i].name}`));
      // Shared layer stays one layer in the loaded model.
      if (file.includes('shared')) assert.equal(loaded.layers.filter((l) => l.getClassName() === 'Dense').length, 1);
    });
  }

  it('without weights the topology loads with the analysis shapes', async () => {
    const analysis = analyze('test/corpus/python/inception_module.py');
    const e = await exportTfjs(analysis, undefined);
    const loaded = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: e.modelJson.modelTopology as object, weightSpecs: (e.modelJson.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[])[0].weights, weightData: e.weightData }));
    assert.equal(loaded.countParams(), analysis.models[0].totalParams);
    assert.deepEqual(loaded.outputs.map((t) => t.shape), analysis.models[0].outputs.map((t) => analysis.tensors[t].shape));
  });

  it('refuses a model TF.js cannot build, with the reason', async () => {
    const c = capture();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-export-'));
    const status = await runAsync(['export', path.join(ROOT, 'examples/python/scenario7_lambda.py'), '--format', 'tfjs', '--out', dir], c.io);
    assert.equal(status, 1);
    assert.match(c.err(), /cannot export: .*Lambda/);
  });
});

describe('export to Keras', () => {
  it('scenario 5 (TF.js): a Functional config whose nodes name layers of the model, and a loading script', () => {
    const analysis = analyze('examples/tfjs/scenario5_two_inputs.ts');
    const e = exportKeras(analysis, undefined);
    const config = e.config as { class_name: string; config: { layers: { class_name: string; name: string; inbound_nodes: { args: unknown[] }[] }[]; input_layers: unknown[]; output_layers: unknown[] } };
    assert.equal(config.class_name, 'Functional');
    const names = config.config.layers.map((l) => l.name);
    assert.deepEqual(config.config.layers.map((l) => l.class_name), analysis.models[0].layers.map((id) => analysis.layers[id].className));
    assert.deepEqual([...new Set(config.config.layers.map((l) => l.class_name))].sort(), ['Activation', 'Dense', 'InputLayer', 'Multiply']);
    const refs = JSON.stringify(config.config.layers.map((l) => l.inbound_nodes)).match(/"keras_history":\["([^"]+)"/g) ?? [];
    for (const r of refs) assert.ok(names.includes(r.split('"')[3]), `${r} names a layer of the model`);
    assert.deepEqual(config.config.input_layers, [['input1', 0, 0], ['input2', 0, 0]]);
    assert.equal(config.config.output_layers.length, 2);
    // TF.js's Dense default initializer is glorotNormal; the Keras config must say so.
    assert.equal((config.config.layers[2] as unknown as { config: { kernel_initializer: string } }).config.kernel_initializer, 'glorot_normal');
    assert.match(e.script, /keras\.models\.model_from_json/);
  });
});

describe('CLI translate', () => {
  it('prints the TF.js module and exits 0; refusals go to stderr with exit 1', async () => {
    const ok = capture();
    assert.equal(await runAsync(['translate', path.join(ROOT, 'examples/python/scenario3_shared_dense.py'), '--to', 'tfjs'], ok.io), 0, ok.err());
    assert.match(ok.out(), /^export const model = tf\.model\(/m);
    // One Dense object called twice stays one object called twice.
    assert.equal((ok.out().match(/tf\.layers\.dense\(/g) ?? []).length, 1);
    assert.equal((ok.out().match(/shared\.apply\(/g) ?? []).length, 2);
    const bad = capture();
    assert.equal(await runAsync(['translate', path.join(ROOT, 'examples/python/scenario7_lambda.py'), '--to', 'tfjs'], bad.io), 1);
    assert.match(bad.err(), /not translated: model: .*Lambda/);
    const usage = capture();
    assert.equal(await runAsync(['translate', path.join(ROOT, 'examples/python/scenario3_shared_dense.py'), '--to', 'onnx'], usage.io), 2);
  });
});
