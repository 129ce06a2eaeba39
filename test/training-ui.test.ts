// Train & Show Weights' editor logic without VS Code: model under the cursor, the trainer request, end-of-line texts,
// hover markdown, histograms and the graph's weights message, on real analyses and a real (short) trainer run.
// The VS Code adapter (src/extension/training.ts) is exercised by the host's e2e tests, not here.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import type { AnalysisResult } from '../src/graph/ir';
import { startTraining, TrainError } from '../src/train/client';
import { estimateTrainingMemory } from '../src/train/estimate';
import type { TrainResult, WeightArray } from '../src/train/protocol';
import { pickModel } from '../src/train/translate';
import { isHostMessage } from '../src/webview-protocol';
import { formatMessage } from '../src/extension/text';
import {
  asMatrix,
  buildTrainRequest,
  heatMap,
  histogram,
  largeModelWarning,
  modelAtCursor,
  modelKey,
  progressText,
  trainFailure,
  trainedInfo,
  valuesTable,
  weightsByLine,
  weightsDocument,
  weightsForGraph,
  weightsHoverMarkdown,
} from '../src/extension/weightsModel';

const ROOT = path.resolve(__dirname, '../..');
const PY = path.join(ROOT, 'examples/python/scenario3_shared_dense.py');
const TS = path.join(ROOT, 'examples/tfjs/scenario3_shared_dense.ts');

function analyze(file: string): AnalysisResult {
  return analyzeText(fs.readFileSync(file, 'utf8'), file);
}

function analyzeCode(code: string, file: string): AnalysisResult {
  return analyzeText(code, path.join(ROOT, 'examples/python', file));
}

/** 0-based line of the first line containing `needle`. */
function lineOf(file: string, needle: string): number {
  const i = fs.readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
}

function weight(layer: string, short: string, shape: number[], values: WeightArray['values'], line = 1): WeightArray {
  const flat = ([] as number[]).concat(...(JSON.parse(JSON.stringify([values])) as number[][]).flat(9));
  const mean = flat.reduce((a, b) => a + b, 0) / flat.length;
  const std = Math.sqrt(flat.reduce((a, b) => a + (b - mean) ** 2, 0) / flat.length);
  return { layer, name: `${layer}/${short}`, shape, dtype: 'float32', trainable: true, values, stats: { mean, std, min: Math.min(...flat), max: Math.max(...flat) }, line };
}

describe('training UI: which model and what request', () => {
  const multi = analyzeCode(
    [
      'import keras',
      'a = keras.Input(shape=(4,))',
      'h = keras.layers.Dense(3)(a)',
      'first = keras.Model(a, h)',
      'b = keras.Input(shape=(6,))',
      'enc = keras.layers.Dense(2)',
      'y = enc(b)',
      'second = keras.Model(b, y)',
      "second.compile(loss='mse', optimizer='sgd')",
      '',
    ].join('\n'),
    'two_models.py',
  );

  it('picks the model whose Model(...), compile() or layer lines hold the cursor', () => {
    assert.equal(multi.models.length, 2);
    assert.equal(modelAtCursor(multi, { line: 3, character: 4 })?.variable, 'first');
    assert.equal(modelAtCursor(multi, { line: 2, character: 0 })?.variable, 'first'); // Dense(3) line
    assert.equal(modelAtCursor(multi, { line: 5, character: 2 })?.variable, 'second'); // enc = Dense(2)
    assert.equal(modelAtCursor(multi, { line: 6, character: 0 })?.variable, 'second'); // y = enc(b)
    assert.equal(modelAtCursor(multi, { line: 8, character: 10 })?.variable, 'second'); // compile()
    assert.equal(modelAtCursor(multi, { line: 0, character: 0 }), undefined); // import: ask with a quick pick
  });

  it('builds the request the CLI builds, naming the model so pickModel finds this very one', () => {
    const second = multi.models[1];
    const request = buildTrainRequest(multi, second);
    assert.equal(pickModel(request.analysis, request.model).id, second.id);
    assert.equal(request.baseDir, path.join(ROOT, 'examples/python'));
    assert.equal(request.epochs, undefined); // fit()'s epochs, else the trainer's default
    assert.equal(buildTrainRequest(multi, second, { epochs: 2 }).epochs, 2);
    // Two models with the same name: the variable tells them apart.
    const clash: AnalysisResult = { ...multi, models: multi.models.map((m) => ({ ...m, name: 'functional' })) };
    assert.equal(modelKey(clash, clash.models[1]), 'second');
  });

  it('asks before training a large model and not before a small one', () => {
    const py = analyze(PY);
    assert.equal(largeModelWarning(estimateTrainingMemory(py, py.models[0]), 'model', formatMessage), null);
    const big = analyzeCode('import keras\nx = keras.Input(shape=(8192,))\nh = keras.layers.Dense(8192)(x)\ny = keras.layers.Dense(8192)(h)\nm = keras.Model(x, y)\n', 'big.py');
    const text = largeModelWarning(estimateTrainingMemory(big, big.models[0]), 'm', formatMessage);
    assert.ok(text);
    assert.match(text, /^Training "m" needs about \d+(\.\d)? (MB|GB) of memory/);
  });

  it('says epochs 1-based as Keras prints them', () => {
    assert.equal(progressText(0, 5, 0.21094, formatMessage), 'Epoch 1/5 · loss 0.2109');
  });
});

describe('training UI: texts for given weights', () => {
  it('bins values into equal-width bins, a constant array into the middle bin', () => {
    assert.deepEqual(histogram([0, 0.1, 0.5, 0.9, 1], 4), [2, 0, 1, 2]);
    assert.deepEqual(histogram([0, 0, 0], 4), [0, 0, 3, 0]);
    assert.deepEqual(histogram([NaN, 1, 3], 2), [1, 1]);
    assert.deepEqual(histogram([], 3), [0, 0, 0]);
  });

  it('tables small arrays in full and large ones by their corners, with a heat map', () => {
    const small = weight('d', 'kernel', [2, 3], [[1, -2, 0.5], [0, 0.25, 3]]);
    assert.equal(valuesTable(small), ['| |0|1|2|', '|--|--:|--:|--:|', '|**0**|1.000|-2.000|0.500|', '|**1**|0.000|0.250|3.000|'].join('\n'));
    const rows = Array.from({ length: 20 }, (_, i) => Array.from({ length: 12 }, (_, j) => i * 12 + j));
    const big = weight('d', 'kernel', [20, 12], rows);
    const table = valuesTable(big).split('\n');
    assert.equal(table.length, 2 + 7); // header, rule, 3 rows, ⋮, 3 rows
    assert.equal(table[0], '| |0|1|2|⋯|9|10|11|');
    assert.ok(table[5].startsWith('|⋮|'));
    assert.ok(table[8].startsWith('|**19**|228.000|'));
    const map = heatMap(big).split('\n');
    assert.equal(map.length, 16);
    assert.equal(map[0].length, 12 * 2);
    assert.equal(map.at(-1)!.slice(-2), '██'); // the largest values are bottom right
    // A 3-D array is rows of its last axis, as numpy prints it.
    assert.deepEqual(asMatrix({ shape: [2, 1, 2], values: [[[1, 2]], [[3, 4]]] }), [[1, 2], [3, 4]]);
  });

  it('groups layers created on one line into one end-of-line text', () => {
    const r = analyzeCode('import keras\nx = keras.Input(shape=(3,))\ny = keras.layers.Dense(2)(keras.layers.Dense(4)(x))\nm = keras.Model(x, y)\n', 'one_line.py');
    const names = r.layers.filter((l) => l.className === 'Dense').map((l) => l.name);
    const trained = { weights: names.flatMap((n) => [weight(n, 'kernel', [1, 2], [[0.5, -0.5]], 3), weight(n, 'bias', [2], [0, 0], 3)]) };
    const lines = weightsByLine(r, trained);
    assert.equal(lines.length, 1);
    assert.equal(lines[0].line, 2);
    assert.equal(lines[0].layers.length, 2);
    assert.match(lines[0].text, /^dense(_1)?: kernel 1×2 μ=0\.00 σ=0\.50 · bias 2 {2}dense(_1)?: kernel 1×2/);
  });
});

describe('training UI: scenario 3 trained for real', () => {
  const runs: Record<string, { analysis: AnalysisResult; trained: TrainResult; epochsSeen: number[]; file: string }> = {};

  before(async () => {
    for (const [lang, file] of [
      ['python', PY],
      ['typescript', TS],
    ] as const) {
      const analysis = analyze(file);
      const request = buildTrainRequest(analysis, analysis.models[0]);
      const epochsSeen: number[] = [];
      const handle = startTraining({ ...request, backend: 'cpu' }, { onEpoch: (epoch) => epochsSeen.push(epoch) });
      runs[lang] = { analysis, trained: await handle.result, epochsSeen, file };
    }
  });

  for (const lang of ['python', 'typescript'] as const) {
    it(`${lang}: exactly two arrays, 5×5 and 5, on the single Dense layer's line`, () => {
      const { analysis, trained, epochsSeen, file } = runs[lang];
      assert.deepEqual(epochsSeen, [0, 1, 2, 3, 4]); // fit(epochs=5), one progress event each
      const denseLine = lineOf(file, lang === 'python' ? 'layers.Dense(5)' : 'layers.dense({units: 5})');
      const lines = weightsByLine(analysis, trained);
      assert.equal(lines.length, 1, JSON.stringify(lines.map((l) => l.text)));
      const [only] = lines;
      assert.equal(only.line, denseLine);
      assert.equal(only.layers.length, 1);
      assert.deepEqual(only.layers[0].arrays.map((a) => a.shape), [[5, 5], [5]]);
      assert.equal(only.layers[0].arrays.reduce((n, a) => n + a.shape.reduce((x, y) => x * y, 1), 0), 30);
      const dense = lang === 'python' ? 'dense' : analysis.layers.find((l) => l.className === 'Dense')!.name;
      const k = only.layers[0].arrays[0].stats;
      assert.equal(only.text, `${dense}: kernel 5×5 μ=${fmt(k.mean)} σ=${fmt(k.std)} · bias 5`);

      const hover = weightsHoverMarkdown(only, trainedInfo(trained), formatMessage);
      assert.match(hover, /^\*Trained weights of model "[^"]+" after 5 epochs \(cpu backend\) · loss \d\.\d{4}\*/);
      assert.match(hover, new RegExp(`\\*\\*${dense}/kernel\\*\\* \`5×5\` float32 — mean `));
      assert.match(hover, new RegExp(`\\*\\*${dense}/bias\\*\\* \`5\` float32`));
      assert.equal(hover.split('\n').filter((l) => l.startsWith('|**')).length, 5 + 1); // 5 kernel rows, 1 bias row
      assert.doesNotMatch(hover, /heat map/); // 25 values fit a table
    });

    it(`${lang}: one histogram per array on the Dense node, a valid weights message, and the text document`, () => {
      const { analysis, trained } = runs[lang];
      const layers = weightsForGraph(analysis, trained);
      assert.equal(layers.length, 1);
      assert.equal(analysis.layers[layers[0].layerId].className, 'Dense');
      assert.deepEqual(layers[0].arrays.map((a) => [a.name, a.shape, a.histogram.reduce((x, y) => x + y, 0)]), [
        ['kernel', [5, 5], 25],
        ['bias', [5], 5],
      ]);
      const message = { type: 'weights', uri: `file://${analysis.file}`, version: 1, layers };
      assert.ok(isHostMessage(JSON.parse(JSON.stringify(message))));
      const text = weightsDocument(path.basename(analysis.file), trained);
      assert.equal(text.match(/^<KerasVariable /gm)?.length, 2);
      assert.match(text, /shape=\(5, 5\), dtype=float32, path=[\w]+\/kernel>/);
      assert.match(text, /shape=\(5,\), dtype=float32, path=[\w]+\/bias>/);
    });
  }
});

describe('training UI: failures show nothing', () => {
  it('an unsupported layer is refused naming the layer and its line, before any process starts', async () => {
    const code = 'import keras\na = keras.Input(shape=(4,))\nb = keras.Input(shape=(4,))\nd = keras.layers.Subtract()([a, b])\nm = keras.Model([a, b], d)\n';
    const analysis = analyzeCode(code, 'sub.py');
    const handle = startTraining(buildTrainRequest(analysis, analysis.models[0]));
    assert.equal(handle.child, null);
    const error = await handle.result.then(() => assert.fail('trained'), (e: unknown) => e);
    const failure = trainFailure(error, 'm', formatMessage);
    assert.equal(failure.cancelled, false);
    assert.equal(failure.line, 4);
    assert.match(failure.message, /^Cannot train "m": .*"subtract" \(Subtract, line 4\)/);
  });

  it('cancel kills the trainer and rejects as cancelled: no weights', async () => {
    const analysis = analyze(PY);
    const handle = startTraining({ ...buildTrainRequest(analysis, analysis.models[0], { epochs: 100000 }), backend: 'cpu' }, {
      onEpoch: (epoch) => {
        if (epoch === 1) handle.cancel();
      },
    });
    const error = await handle.result.then(() => assert.fail('trained'), (e: unknown) => e);
    assert.ok(error instanceof TrainError && error.kind === 'cancelled');
    assert.deepEqual(trainFailure(error, 'm', formatMessage), { cancelled: true, message: 'Training cancelled; no weights are shown.' });
    const exit = await handle.exited;
    assert.equal(exit.signal, 'SIGKILL');
  });
});

function fmt(x: number): string {
  const s = Math.abs(x) >= 1000 || (x !== 0 && Math.abs(x) < 0.005) ? x.toExponential(1) : x.toFixed(2);
  return s === '-0.00' ? '0.00' : s;
}
