// The `layergraph` command line, run in-process with injected output, files and analyses: help, version, usage
// errors and exit codes, `check` lines, `summary` text and the documented JSON document, `train` with a
// stand-in trainer. Also the bin shim, once, and `train` end to end once.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { run, runAsync, type CliIo } from '../src/cli/main';
import type { AnalysisResult } from '../src/graph/ir';
import { toCliJson } from '../src/graph/json';
import { renderSummary, renderSummaryTfjs } from '../src/graph/summary';
import type { TrainRequest, TrainResult } from '../src/train/protocol';
import { IrBuilder, range } from './support/irBuilder';

const ROOT = path.resolve(__dirname, '../..');

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with in-memory files; `analyses` stand in for the analyzer by file name. */
function cli(argv: string[], files: Record<string, string> = {}, analyses: Record<string, AnalysisResult> = {}): Ran {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readFile: (f) => {
      if (!(f in files)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${f}'`), { code: 'ENOENT' });
      return files[f];
    },
    analyze: (_text, f) => {
      const r = analyses[f];
      if (!r) throw new Error(`test has no analysis for ${f}`);
      return r;
    },
  };
  const code = run(argv, io);
  return { code, stdout, stderr };
}

/** Mission scenario 3, as the analyzer should see it: one Dense(5) called twice, then softmax. */
function sharedDense(file = 'shared.py'): AnalysisResult {
  const b = new IrBuilder(file);
  const x = b.input('input_layer', [null, 5], 4);
  const dense = b.layer('dense', 'Dense', 30, { line: 5, variable: 'shared' });
  const [y1] = b.call(dense, [x], [[null, 5]], 6, 5);
  const [y2] = b.call(dense, [y1], [[null, 5]], 7, 5);
  const a = b.apply('activation', 'Activation', 0, [y2], [null, 5], { line: 8 });
  b.model('functional', [x], [a], { sequentialLike: false, line: 9, variable: 'model' });
  return b.build();
}

/** Mission scenario 4: Dense(10) reused on its own 10-feature output — an error at the second call. */
function sharedDenseError(file = 'shared_error.py'): AnalysisResult {
  const b = new IrBuilder(file);
  const x = b.input('input_layer', [null, 5], 4);
  const dense = b.layer('dense', 'Dense', 60, { line: 5 });
  const [y1] = b.call(dense, [x], [[null, 10]], 6, 5);
  const [y2] = b.call(dense, [y1], [null], 7, 5);
  b.model('functional', [x], [y2], { sequentialLike: false, line: 8 });
  b.diagnostic(
    'error',
    'shared-layer-input',
    'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10)',
    range(7, 5, 7, 14),
    [{ at: range(6, 5, 6, 13), message: 'dense was built here for inputs of shape (None, 5)' }],
  );
  b.diagnostic('warning', 'unused-input', 'Input "input_layer_1" of model "functional" is not connected to any of its outputs.', range(3, 1, 3, 20));
  return b.build();
}

describe('layergraph: help, version, usage errors', () => {
  for (const argv of [['--help'], ['-h'], ['help'], ['summary', '--help']]) {
    it(`${argv.join(' ')} prints the usage and exits 0`, () => {
      const r = cli(argv);
      assert.equal(r.code, 0);
      assert.match(r.stdout, /^Usage: layergraph <command>/);
      assert.match(r.stdout, /summary FILE\.\.\. \[--json\]/);
      assert.match(r.stdout, /check FILE\.\.\./);
      assert.match(r.stdout, /train FILE \[--model NAME\] \[--epochs N\] \[--json\]/);
      assert.equal(r.stderr, '');
    });
  }

  it('--version prints the version from package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = cli(['--version']);
    assert.deepEqual(r, { code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  const usage: [string, string[], RegExp][] = [
    ['no command', [], /missing command/],
    ['an unknown command', ['render', 'a.py'], /unknown command 'render'/],
    ['an unknown option', ['summary', '--yaml', 'a.py'], /Unknown option '--yaml'/],
    ['no files', ['check'], /check: no input files/],
    ['--json with check', ['check', '--json', 'a.py'], /--json is only valid with 'summary'/],
    ['--epochs with summary', ['summary', '--epochs', '3', 'a.py'], /--epochs is only valid with 'train'/],
  ];
  for (const [what, argv, message] of usage) {
    it(`${what} is a usage error: exit 2, message and hint on stderr`, () => {
      const r = cli(argv, { 'a.py': '' }, { 'a.py': new IrBuilder('a.py').build() });
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, message);
      assert.match(r.stderr, /Run 'layergraph --help' for usage\.\n$/);
    });
  }

  it('a file of unknown language is exit 2 with the supported extensions', () => {
    const r = cli(['check', 'notes.txt'], { 'notes.txt': 'x' });
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^layergraph: notes\.txt: unknown language; expected a \.py, .*\.ts, .*\.js/);
  });

  it('an unreadable file is exit 2, and the other files are still processed', () => {
    const r = cli(['check', 'missing.py', 'shared_error.py'], { 'shared_error.py': '' }, { 'shared_error.py': sharedDenseError() });
    assert.equal(r.code, 2);
    assert.equal(r.stderr, 'layergraph: missing.py: cannot read file: no such file\n');
    assert.match(r.stdout, /^shared_error\.py:7:5: error: /);
  });

  it('an analyzer crash is reported as one line, not a stack trace', () => {
    let stderr = '';
    const code = run(['summary', 'a.py'], {
      stdout: { write: () => undefined },
      stderr: { write: (s: string) => (stderr += s) },
      readFile: () => '',
      analyze: () => {
        throw new Error('boom');
      },
    });
    assert.equal(code, 2);
    assert.equal(stderr, 'layergraph: a.py: internal error while analyzing: boom\n');
  });
});

describe('layergraph check', () => {
  it('prints path:line:col: severity: message [code], related locations as notes, exit 1 on an error', () => {
    const r = cli(['check', 'shared_error.py'], { 'shared_error.py': '' }, { 'shared_error.py': sharedDenseError() });
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.equal(
      r.stdout,
      'shared_error.py:7:5: error: Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10) [shared-layer-input]\n' +
        'shared_error.py:6:5: note: dense was built here for inputs of shape (None, 5)\n' +
        'shared_error.py:3:1: warning: Input "input_layer_1" of model "functional" is not connected to any of its outputs. [unused-input]\n',
    );
  });

  it('exits 0 with no output on a clean file, and 0 when there are only warnings', () => {
    assert.deepEqual(cli(['check', 'shared.py'], { 'shared.py': '' }, { 'shared.py': sharedDense() }), { code: 0, stdout: '', stderr: '' });
    const b = new IrBuilder('w.py');
    b.diagnostic('warning', 'unused-input', 'unused', range(2, 3));
    b.diagnostic('information', 'unknown-layer', 'unknown', range(4, 1));
    const r = cli(['check', 'w.py'], { 'w.py': '' }, { 'w.py': b.build() });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, 'w.py:2:3: warning: unused [unused-input]\nw.py:4:1: information: unknown [unknown-layer]\n');
  });

  it('checks several files and exits 1 if any has an error', () => {
    const r = cli(
      ['check', 'shared.py', 'shared_error.py'],
      { 'shared.py': '', 'shared_error.py': '' },
      { 'shared.py': sharedDense(), 'shared_error.py': sharedDenseError() },
    );
    assert.equal(r.code, 1);
    assert.equal(r.stdout.split('\n').filter((l) => l.startsWith('shared_error.py:')).length, 3);
  });
});

describe('layergraph summary', () => {
  it('prints the Keras 3 summary of each model in a Python file, exit 0', () => {
    const result = sharedDense();
    const r = cli(['summary', 'shared.py'], { 'shared.py': '' }, { 'shared.py': result });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, renderSummary(result, result.models[0]));
    assert.match(r.stdout, /^Model: "functional"\n┏/);
    assert.match(r.stdout, /Connected to/);
    assert.match(r.stdout, / Total params: 30 \(120\.00 B\)\n/);
  });

  it('follows the summary with the diagnostics, in check format, and still exits 0', () => {
    const result = sharedDenseError();
    const r = cli(['summary', 'shared_error.py'], { 'shared_error.py': '' }, { 'shared_error.py': result });
    assert.equal(r.code, 0);
    const [table, diagnostics] = r.stdout.split('\n\n');
    assert.match(table, /^Model: "functional"/);
    assert.match(diagnostics, /^shared_error\.py:7:5: error: Input 0 of layer "dense" is incompatible/);
  });

  it('says so when a file has no models, and still lists its diagnostics', () => {
    const b = new IrBuilder('empty.py');
    b.diagnostic('error', 'syntax-error', "expected ':'", range(3, 10));
    const r = cli(['summary', 'empty.py'], { 'empty.py': 'def f(' }, { 'empty.py': b.build() });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, "empty.py: no models found\nempty.py:3:10: error: expected ':' [syntax-error]\n");
  });

  it('uses TF.js summary format for TypeScript and JavaScript files, titled with the model name', () => {
    const b = new IrBuilder('model.ts');
    const x = b.input('input1', [null, 5]);
    const d = b.apply('dense_Dense1', 'Dense', 60, [x], [null, 10]);
    const model = b.model('model1', [x], [d]);
    const result = b.build();
    const r = cli(['summary', 'model.ts'], { 'model.ts': '' }, { 'model.ts': result });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `Model: "model1"\n${renderSummaryTfjs(result, model)}`);
    assert.match(r.stdout, /Layer \(type\) +Input Shape +Output shape +Param #/);
  });

  it('heads each file when given several', () => {
    const r = cli(
      ['summary', 'shared.py', 'empty.py'],
      { 'shared.py': '', 'empty.py': '' },
      { 'shared.py': sharedDense(), 'empty.py': new IrBuilder('empty.py').build() },
    );
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^==> shared\.py <==\nModel: "functional"\n/);
    assert.match(r.stdout, /\n\n==> empty\.py <==\nempty\.py: no models found\n$/);
  });
});

describe('layergraph summary --json', () => {
  it('prints exactly the documented JSON document, for the shared-layer scenario', () => {
    const r = cli(['summary', 'shared.py', '--json'], { 'shared.py': '' }, { 'shared.py': sharedDense() });
    assert.equal(r.code, 0);
    const doc = JSON.parse(r.stdout);
    const documented = {
      file: doc.file,
      language: doc.language,
      models: doc.models.map((m: Record<string, unknown>) => ({
        name: m.name,
        variable: m.variable,
        line: m.line,
        inputs: m.inputs,
        outputs: m.outputs,
        layers: (m.layers as Record<string, unknown>[]).map((l) => ({
          name: l.name,
          className: l.className,
          line: l.line,
          params: l.params,
          trainableParams: l.trainableParams,
          calls: (l.calls as Record<string, unknown>[]).map((c) => ({ line: c.line, inputShapes: c.inputShapes, outputShapes: c.outputShapes })),
        })),
        totalParams: m.totalParams,
        trainableParams: m.trainableParams,
        nonTrainableParams: m.nonTrainableParams,
      })),
      diagnostics: doc.diagnostics,
    };
    assert.deepEqual(documented, {
      file: 'shared.py',
      language: 'python',
      models: [
        {
          name: 'functional',
          variable: 'model',
          line: 9,
          inputs: ['input_layer'],
          outputs: ['activation'],
          layers: [
            { name: 'input_layer', className: 'InputLayer', line: 4, params: 0, trainableParams: 0, calls: [{ line: 4, inputShapes: [], outputShapes: [[null, 5]] }] },
            {
              name: 'dense',
              className: 'Dense',
              line: 5,
              params: 30,
              trainableParams: 30,
              calls: [
                { line: 6, inputShapes: [[null, 5]], outputShapes: [[null, 5]] },
                { line: 7, inputShapes: [[null, 5]], outputShapes: [[null, 5]] },
              ],
            },
            { name: 'activation', className: 'Activation', line: 8, params: 0, trainableParams: 0, calls: [{ line: 8, inputShapes: [[null, 5]], outputShapes: [[null, 5]] }] },
          ],
          totalParams: 30,
          trainableParams: 30,
          nonTrainableParams: 0,
        },
      ],
      diagnostics: [],
    });
    // Extras ride along without disturbing the documented fields.
    assert.equal(doc.models[0].layers[1].shared, true);
    assert.equal(doc.models[0].layers[1].nonTrainableParams, 0);
    assert.deepEqual(doc.models[0].layers[1].calls[1].inputs, ['dense[0][0]']);
    assert.equal(doc.models[0].sequentialLike, false);
  });

  it('diagnostics carry 1-based ranges and related locations', () => {
    const json = toCliJson(sharedDenseError());
    assert.deepEqual(json.diagnostics[0], {
      severity: 'error',
      code: 'shared-layer-input',
      message:
        'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10)',
      line: 7,
      column: 5,
      endLine: 7,
      endColumn: 14,
      related: [{ line: 6, column: 5, message: 'dense was built here for inputs of shape (None, 5)', endLine: 6, endColumn: 13 }],
    });
    assert.deepEqual(json.models[0].layers[1].calls[1].outputShapes, [null], 'an unknown shape is null');
  });

  it('lists only the model’s own calls of a layer shared between two models', () => {
    const b = new IrBuilder('two.py');
    const x = b.input('input_layer', [null, 4]);
    const enc = b.apply('dense', 'Dense', 20, [x], [null, 4]);
    b.model('encoder', [x], [enc]);
    const y = b.input('input_layer_1', [null, 4]);
    const [z] = b.call(1, [y], [[null, 4]], 12);
    const result = b.build();
    const second = b.model('reuse', [y], [z], { layers: [2, 1] });
    second.calls = [2, 3];
    const json = toCliJson(result);
    assert.deepEqual(json.models[1].layers[1].calls.map((c) => c.line), [12]);
    assert.deepEqual(json.models[0].layers[1].calls.map((c) => c.line), [2], 'and the first model only its own');
  });

  it('prints an array for several files', () => {
    const r = cli(['summary', '--json', 'shared.py', 'model.js'], { 'shared.py': '', 'model.js': '' }, {
      'shared.py': sharedDense(),
      'model.js': new IrBuilder('model.js', 'javascript').build(),
    });
    assert.equal(r.code, 0);
    const docs = JSON.parse(r.stdout);
    assert.equal(docs.length, 2);
    assert.deepEqual(docs.map((d: { file: string; language: string }) => [d.file, d.language]), [['shared.py', 'python'], ['model.js', 'javascript']]);
  });
});

describe('layergraph with the real analyzer and the bin shim', () => {
  it('runs end to end on a file on disk (default analyzer and file reader)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-cli-'));
    const file = path.join(dir, 'model.py');
    fs.writeFileSync(file, 'from keras import layers, Input, Model\nx = Input(shape=(5,))\ny = layers.Dense(10)(x)\nmodel = Model(x, y)\n');
    let stdout = '';
    const code = run(['summary', '--json', file], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => undefined } });
    assert.equal(code, 0);
    const doc = JSON.parse(stdout);
    assert.equal(doc.file, file);
    assert.equal(doc.language, 'python');
    assert.ok(Array.isArray(doc.models) && Array.isArray(doc.diagnostics));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a directory stands for the model files under it (sorted, skipping node_modules, dot-dirs, .d.ts)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-dir-'));
    for (const f of ['b.py', 'a/model.ts', 'a/notes.txt', 'a/types.d.ts', 'node_modules/x.py', '.venv/y.py', 'c.js']) {
      fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      fs.writeFileSync(path.join(dir, f), '');
    }
    const seen: string[] = [];
    let stdout = '';
    const code = run(['check', dir], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => undefined },
      analyze: (_t, f) => {
        seen.push(path.relative(dir, f));
        const b = new IrBuilder(f);
        b.diagnostic('warning', 'unused-input', 'unused', range(1, 1));
        return b.build();
      },
    });
    assert.equal(code, 0);
    assert.deepEqual(seen, [path.join('a', 'model.ts'), 'b.py', 'c.js']);
    assert.equal(stdout.split('\n').filter(Boolean).length, 3);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('bin/layergraph.js is executable and answers --version', () => {
    const bin = path.join(ROOT, 'bin/layergraph.js');
    assert.ok(fs.statSync(bin).mode & 0o111, 'bin/layergraph.js has the executable bit');
    assert.match(fs.readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
    const out = execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
    assert.match(out, /^\d+\.\d+\.\d+\n$/);
  });

  it('bin/layergraph.js exits 2 on a usage error', () => {
    const bin = path.join(ROOT, 'bin/layergraph.js');
    assert.throws(() => execFileSync(process.execPath, [bin, 'frobnicate'], { encoding: 'utf8', stdio: 'pipe' }), (e: { status: number; stderr: string }) => {
      assert.equal(e.status, 2);
      assert.match(e.stderr, /unknown command 'frobnicate'/);
      return true;
    });
  });
});

/** A trained scenario 3 as the trainer would report it (values chosen to print exactly). */
function trainedSharedDense(): TrainResult {
  const kernel = [[0.5, -0.25, 0, 1, 0.125], [0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [-1, -1, -1, -1, -1], [0.5, 0.5, 0.5, 0.5, 0.5]];
  const stats = { mean: 0, std: 0, min: 0, max: 0 };
  return {
    backend: 'wasm',
    model: 'functional',
    epochs: 2,
    history: { loss: [0.25, 0.125] },
    weights: [
      { layer: 'dense', name: 'dense/kernel', shape: [5, 5], dtype: 'float32', trainable: true, values: kernel, stats, line: 5 },
      { layer: 'dense', name: 'dense/bias', shape: [5], dtype: 'float32', trainable: true, values: [0, 0, 0, 0, 0.5], stats, line: 5 },
    ],
    synthetic: true,
    notes: ['the training data is not statically known: training on 32 samples of synthetic data of the model\'s shapes'],
    seconds: 0.5,
  };
}

/** Runs `train` in-process with a stand-in trainer that replays `result` (or throws `error`). */
async function cliTrain(argv: string[], outcome: TrainResult | Error = trainedSharedDense()) {
  let stdout = '';
  let stderr = '';
  const requests: TrainRequest[] = [];
  const code = await runAsync(argv, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    readFile: () => '',
    analyze: (_t, f) => sharedDense(f),
    train: async (request, listeners) => {
      requests.push(request);
      if (outcome instanceof Error) throw outcome;
      listeners.onBackend?.(outcome.backend, []);
      outcome.history.loss.forEach((loss, i) => listeners.onEpoch?.(i, outcome.epochs, loss, { loss }));
      return outcome;
    },
  });
  return { code, stdout, stderr, requests };
}

describe('layergraph train', () => {
  it('prints the backend, Keras-style epoch lines, notes, then the weights as numpy prints them; exit 0', async () => {
    const r = await cliTrain(['train', 'shared.py', '--epochs', '2']);
    assert.equal(r.code, 0);
    assert.equal(r.stderr, '');
    assert.equal(r.requests[0].epochs, 2);
    assert.equal(
      r.stdout,
      [
        'Training model "functional" from shared.py on the TF.js wasm backend',
        'Epoch 1/2 - loss: 0.2500',
        'Epoch 2/2 - loss: 0.1250',
        "note: the training data is not statically known: training on 32 samples of synthetic data of the model's shapes",
        '',
        '<KerasVariable shape=(5, 5), dtype=float32, path=dense/kernel>',
        'array([[ 0.5  , -0.25 ,  0.   ,  1.   ,  0.125],',
        '       [ 0.   ,  0.   ,  0.   ,  0.   ,  0.   ],',
        '       [ 1.   ,  1.   ,  1.   ,  1.   ,  1.   ],',
        '       [-1.   , -1.   , -1.   , -1.   , -1.   ],',
        '       [ 0.5  ,  0.5  ,  0.5  ,  0.5  ,  0.5  ]], dtype=float32)',
        '',
        '<KerasVariable shape=(5,), dtype=float32, path=dense/bias>',
        'array([0. , 0. , 0. , 0. , 0.5], dtype=float32)',
        '',
      ].join('\n'),
    );
  });

  it('--json prints the documented training document (backend, model, epochs, history, weights) plus synthetic, seconds, notes', async () => {
    const r = await cliTrain(['train', 'shared.py', '--json', '--model', 'model']);
    assert.equal(r.code, 0);
    assert.equal(r.requests[0].model, 'model');
    const doc = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(doc), ['backend', 'model', 'epochs', 'history', 'weights', 'synthetic', 'seconds', 'notes']);
    assert.deepEqual({ backend: doc.backend, model: doc.model, epochs: doc.epochs, history: doc.history }, { backend: 'wasm', model: 'functional', epochs: 2, history: { loss: [0.25, 0.125] } });
    assert.deepEqual(doc.weights.map((w: { layer: string; name: string; shape: number[] }) => [w.layer, w.name, w.shape]), [['dense', 'dense/kernel', [5, 5]], ['dense', 'dense/bias', [5]]]);
    assert.deepEqual(doc.weights[1].values, [0, 0, 0, 0, 0.5]);
    assert.match(r.stdout, /"values": \[0, 0, 0, 0, 0\.5\]/, 'a row of numbers stays on one line');
  });

  it('a model the trainer refuses is exit 1 with file:line and the reason on stderr', async () => {
    const { TrainError } = await import('../src/train/client');
    const r = await cliTrain(['train', 'shared.py'], new TrainError('TF.js cannot build layer "lambda" (Lambda, line 6): TF.js 4.22 has no Lambda layer.', 'unsupported', 'lambda', 6));
    assert.equal(r.code, 1);
    assert.equal(r.stderr, 'layergraph: shared.py:6: cannot train: TF.js cannot build layer "lambda" (Lambda, line 6): TF.js 4.22 has no Lambda layer.\n');
  });

  for (const [what, argv, message] of [
    ['no file', ['train'], /train: no input file/],
    ['two files', ['train', 'a.py', 'b.py'], /train: one file at a time/],
    ['a bad --epochs', ['train', 'shared.py', '--epochs', '0'], /--epochs must be a positive integer, not '0'/],
    ['an unknown --backend', ['train', 'shared.py', '--backend', 'gpu'], /--backend must be one of tensorflow, wasm, cpu, not 'gpu'/],
    ['an unknown --model', ['train', 'shared.py', '--model', 'other'], /no model named "other" \(models: model\)/],
  ] as const) {
    it(`${what} is a usage error (exit 2)`, async () => {
      const r = await cliTrain([...argv]);
      assert.equal(r.code, 2);
      assert.match(r.stderr, message);
      assert.equal(r.requests.length, 0);
    });
  }

  it('end to end: bin/layergraph.js train --json on mission scenario 3 gives two arrays, 5x5 and 5', () => {
    const bin = path.join(ROOT, 'bin/layergraph.js');
    const out = execFileSync(process.execPath, [bin, 'train', path.join(ROOT, 'examples/python/scenario3_shared_dense.py'), '--json'], { encoding: 'utf8' });
    const doc = JSON.parse(out);
    assert.equal(doc.model, 'functional');
    assert.equal(doc.epochs, 5);
    assert.equal(doc.history.loss.length, 5);
    assert.deepEqual(doc.weights.map((w: { name: string; shape: number[] }) => [w.name, w.shape]), [['dense/kernel', [5, 5]], ['dense/bias', [5]]]);
  });
});
