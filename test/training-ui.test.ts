// Train & Show Weights' editor logic without VS Code: model under the cursor, the trainer request, end-of-line texts,
// hover markdown, histograms and the graph's weights message, on real analyses and a real (short) trainer run.
// The VS Code adapter (src/extension/training.ts) is exercised by the host's e2e tests, not here.

import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { escapeMarkdown } from '../src/extension/escape';
import type { AnalysisResult } from '../src/graph/ir';
import { startTraining, TrainError } from '../src/train/client';
import { estimateTrainingMemory } from '../src/train/estimate';
import type { TrainResult, WeightArray } from '../src/train/protocol';
import { pickModel } from '../src/train/translate';
import { isHostMessage, type HostMessage } from '../src/webview-protocol';
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
      // Names from the code reach the hover Markdown-escaped (dense_Dense1 → dense\_Dense1).
      const shownName = escapeMarkdown(dense).replace(/[\\*]/g, (c) => `\\${c}`);
      assert.match(hover, new RegExp(`\\*\\*${shownName}/kernel\\*\\* \`5×5\` float32 — mean `));
      assert.match(hover, new RegExp(`\\*\\*${shownName}/bias\\*\\* \`5\` float32`));
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

// ---- the VS Code adapter, against a minimal stand-in for the `vscode` module ----

/** Just enough of the VS Code API for training.ts: records what it registers, shows and decorates. */
function fakeVscode() {
  class EventEmitter<T> {
    private listeners: ((e: T) => void)[] = [];
    event = (l: (e: T) => void) => {
      this.listeners.push(l);
      return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
    };
    fire(e: T) {
      this.listeners.forEach((l) => l(e));
    }
    dispose() {}
  }
  class Position {
    constructor(readonly line: number, readonly character: number) {}
  }
  class Range {
    constructor(readonly start: Position | number, readonly end: Position | number, a?: number, b?: number) {
      if (typeof start === 'number') {
        this.start = new Position(start, end as number);
        this.end = new Position(a!, b!);
      }
    }
  }
  class Uri {
    constructor(readonly scheme: string, readonly path: string, readonly query = '') {}
    get fsPath() {
      return this.path;
    }
    toString() {
      return `${this.scheme}://${this.path}${this.query ? `?${this.query}` : ''}`;
    }
    static file(p: string) {
      return new Uri('file', p);
    }
    static from(c: { scheme: string; path: string; query?: string }) {
      return new Uri(c.scheme, c.path, c.query);
    }
    static parse(s: string) {
      return new Uri(s.split('://')[0], s.split('://')[1]);
    }
  }
  const log = {
    commands: new Map<string, (...a: unknown[]) => unknown>(),
    hovers: [] as { provideHover(d: unknown, p: Position): { contents: { value: string } } | undefined }[],
    contentProviders: new Map<string, { provideTextDocumentContent(u: Uri): string }>(),
    changeListeners: [] as ((e: unknown) => void)[],
    decorations: [] as { range: Range; renderOptions: { after: { contentText: string } } }[][],
    messages: [] as string[],
    progress: [] as { message?: string; increment?: number }[],
    cancel: new EventEmitter<void>(),
  };
  const disposable = { dispose() {} };
  const vscode = {
    EventEmitter,
    Position,
    Range,
    Uri,
    ThemeColor: class {},
    MarkdownString: class {
      isTrusted: unknown;
      constructor(public value = '') {}
      appendMarkdown(s: string) {
        this.value += s;
      }
    },
    Hover: class {
      constructor(readonly contents: unknown) {}
    },
    CodeLens: class {
      constructor(readonly range: Range, readonly command: { title: string; command: string; arguments: unknown[] }) {}
    },
    Disposable: { from: (...d: { dispose(): void }[]) => ({ dispose: () => d.forEach((x) => x.dispose()) }) },
    DecorationRangeBehavior: { ClosedClosed: 1 },
    ProgressLocation: { Notification: 15 },
    ViewColumn: { Beside: -2 },
    l10n: { t: formatMessage },
    commands: { registerCommand: (id: string, f: (...a: unknown[]) => unknown) => (log.commands.set(id, f), disposable) },
    languages: { registerHoverProvider: (_s: unknown, p: (typeof log.hovers)[number]) => (log.hovers.push(p), disposable) },
    workspace: {
      registerTextDocumentContentProvider: (scheme: string, p: { provideTextDocumentContent(u: Uri): string }) => (log.contentProviders.set(scheme, p), disposable),
      onDidChangeTextDocument: (l: (e: unknown) => void) => (log.changeListeners.push(l), disposable),
      openTextDocument: async (u: Uri) => ({ uri: u }),
      getWorkspaceFolder: () => undefined,
    },
    window: {
      activeTextEditor: undefined as unknown,
      visibleTextEditors: [] as unknown[],
      createTextEditorDecorationType: () => disposable,
      onDidChangeVisibleTextEditors: () => disposable,
      showInformationMessage: async (m: string) => void log.messages.push(m),
      showErrorMessage: async (m: string) => void log.messages.push(m),
      showWarningMessage: async (m: string) => void log.messages.push(m),
      showQuickPick: async () => undefined,
      showTextDocument: async () => undefined,
      withProgress: async (_o: unknown, task: (p: { report(v: object): void }, token: { onCancellationRequested: typeof log.cancel.event }) => Promise<unknown>) =>
        task({ report: (v) => log.progress.push(v) }, { onCancellationRequested: log.cancel.event }),
    },
  };
  return { vscode, log };
}

describe('training UI: the VS Code adapter (stand-in API)', () => {
  const { vscode, log } = fakeVscode();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _load(request: string, ...rest: unknown[]): unknown };
  let training: typeof import('../src/extension/training');
  let registration: import('../src/extension/training').Training;
  const analysis = analyze(PY);
  const lines = fs.readFileSync(PY, 'utf8').split('\n');
  let version = 1;
  const document = {
    uri: vscode.Uri.file(PY),
    fileName: PY,
    get version() {
      return version;
    },
    get lineCount() {
      return lines.length;
    },
    lineAt: (n: number) => ({ range: { end: new vscode.Position(n, lines[n].length) } }),
  };
  const editor = {
    document,
    selection: { active: new vscode.Position(0, 0) },
    setDecorations: (_t: unknown, d: (typeof log.decorations)[number]) => log.decorations.push(d),
  };
  const posted: HostMessage[] = [];
  let cancelled = 0;
  let finish: (r: TrainResult) => void = () => undefined;
  let fail: (e: unknown) => void = () => undefined;

  before(() => {
    const load = Module._load;
    Module._load = function (request: string, ...rest: unknown[]) {
      return request === 'vscode' ? vscode : load.call(this, request, ...rest);
    };
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      training = require('../src/extension/training');
    } finally {
      Module._load = load;
    }
    vscode.window.activeTextEditor = editor;
    vscode.window.visibleTextEditors = [editor];
    registration = training.registerTraining({
      getAnalysis: () => analysis,
      postToPreview: (m) => posted.push(m),
      output: { appendLine: () => undefined } as never,
      start: (_request, listeners) => {
        const result = new Promise<TrainResult>((resolve, reject) => {
          finish = resolve;
          fail = reject;
        });
        result.catch(() => undefined);
        setImmediate(() => {
          listeners.onBackend?.('cpu', []);
          listeners.onEpoch?.(0, 5, 0.3, { loss: 0.3 });
          listeners.onEpoch?.(1, 5, 0.25, { loss: 0.25 });
        });
        return { result, cancel: () => (cancelled++, fail(new TrainError('training was cancelled', 'cancelled'))), exited: Promise.resolve({ code: 0, signal: null }), child: null };
      },
    });
  });

  const fakeResult = (): TrainResult => ({
    backend: 'cpu',
    model: analysis.models[0].name,
    epochs: 5,
    history: { loss: [0.3, 0.25, 0.2, 0.18, 0.17] },
    weights: [weight('dense', 'kernel', [5, 5], Array.from({ length: 5 }, (_, i) => [i, -i, 0.5, 0, 1].map((x) => x / 10))), weight('dense', 'bias', [5], [0, 0, 0, 0, 0.01])],
    synthetic: false,
    notes: [],
    seconds: 0.5,
  });

  it('trains with progress, then decorates the Dense line, hovers it and posts weights to the graph', async () => {
    const run = registration.train();
    await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(log.progress.map((p) => p.message), ['starting on the TF.js cpu backend…', 'Epoch 1/5 · loss 0.3000', 'Epoch 2/5 · loss 0.2500']);
    // Throttled and incremental: the start at once; the two epochs that end within the same 50 ms in one later post.
    await new Promise((r) => setTimeout(r, 60));
    const runningPosts = posted.filter((m) => m.type === 'trainProgress').map((m) => m.type === 'trainProgress' && [m.epoch, m.status, m.from, m.history]);
    assert.deepEqual(runningPosts, [[0, 'running', 0, []], [2, 'running', 0, [0.3, 0.25]]]);
    finish(fakeResult());
    await run;
    const denseLine = lineOf(PY, 'layers.Dense(5)');
    const last = log.decorations.at(-1)!;
    assert.equal(last.length, 1);
    assert.equal((last[0].range.start as { line: number }).line, denseLine);
    assert.match(last[0].renderOptions.after.contentText, /^dense: kernel 5×5 μ=\S+ σ=\S+ · bias 5$/);
    const weightsMessage = posted.find((m) => m.type === 'weights');
    assert.ok(weightsMessage && weightsMessage.type === 'weights' && weightsMessage.layers.length === 1 && weightsMessage.version === 1);
    assert.equal(posted.filter((m) => m.type === 'trainProgress').at(-1)!.type === 'trainProgress' && (posted.filter((m) => m.type === 'trainProgress').at(-1) as { status: string }).status, 'done');
    const hover = log.hovers[0].provideHover(document, new vscode.Position(denseLine, 3));
    assert.match(hover!.contents.value, /\*\*dense\/kernel\*\* `5×5`/);
    assert.equal(log.hovers[0].provideHover(document, new vscode.Position(denseLine + 1, 0)), undefined);
    const text = log.contentProviders.get(training.WEIGHTS_SCHEME)!.provideTextDocumentContent(vscode.Uri.from({ scheme: training.WEIGHTS_SCHEME, path: '/scenario3_shared_dense.py weights.txt', query: document.uri.toString() }));
    assert.match(text, /path=dense\/kernel>/);
  });

  it('keeps the last loss curve and weights for a preview that reloads', () => {
    const replay = registration.replay(document.uri.toString()).map((m) => m.type === 'trainProgress' ? `${m.type}:${m.status}` : m.type);
    assert.deepEqual(replay, ['trainProgress:done', 'weights']);
    assert.deepEqual(registration.replay('file:///elsewhere.py'), []);
  });

  it('an edit removes the weights from the editor and the graph', () => {
    version = 2;
    posted.length = 0;
    log.changeListeners.forEach((l) => l({ document, contentChanges: [{}] }));
    assert.deepEqual(log.decorations.at(-1), []);
    assert.deepEqual(posted, [{ type: 'weights', uri: document.uri.toString(), version: 2, layers: [] }]);
    assert.equal(log.hovers[0].provideHover(document, new vscode.Position(lineOf(PY, 'layers.Dense(5)'), 3)), undefined);
  });

  it('Cancel in the notification cancels the trainer and shows nothing', async () => {
    const decorated = log.decorations.length;
    posted.length = 0;
    const run = registration.train();
    await new Promise((r) => setTimeout(r, 20));
    log.cancel.fire();
    await run;
    assert.equal(cancelled, 1);
    assert.equal(log.messages.at(-1), 'Training cancelled; no weights are shown.');
    assert.equal(log.decorations.length, decorated);
    assert.equal(posted.some((m) => m.type === 'weights'), false);
    assert.equal((posted.at(-1) as { status: string }).status, 'cancelled');
    // After the edit there are no weights to replay; the curve is the cancelled run's.
    assert.deepEqual(registration.replay(document.uri.toString()).map((m) => m.type === 'trainProgress' && m.status), ['cancelled']);
  });

  it('the CodeLens provider puts ▶ Train on each model with its id', async () => {
    const lenses = (await new training.TrainCodeLensProvider(() => analysis).provideCodeLenses(document as never)) as unknown as { range: { start: { line: number } }; command: { title: string; command: string; arguments: unknown[] } }[];
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].command.title, '▶ Train');
    assert.equal(lenses[0].command.command, 'layergraph.train');
    assert.deepEqual(lenses[0].command.arguments, [document.uri, analysis.models[0].id]);
    assert.equal(lenses[0].range.start.line, lineOf(PY, 'keras.Model('));
  });
});

describe('weights hover: names from the code stay plain text', () => {
  it('a model or layer named as a Markdown command link or image shows literally, with no link syntax left', () => {
    const hostile = '[Open the notes](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%22%7D)';
    const image = '![x](https://example.invalid/p.png)';
    const arrays = [{ layer: hostile, name: `${hostile}/kernel`, shape: [1], dtype: 'float32' as const, trainable: true, values: [0.5], stats: { mean: 0.5, std: 0, min: 0.5, max: 0.5 }, line: 0 }];
    const line = { line: 0, layers: [{ layer: hostile, layerId: 0, line: 0, arrays }], text: '' };
    const md = weightsHoverMarkdown(line, { model: image, epochs: 1, backend: 'wasm', finalLoss: 0.1, synthetic: false }, formatMessage);
    // Every bracket and bang is backslash-escaped, so CommonMark renders neither a link nor an image.
    assert.doesNotMatch(md, /(^|[^\\])\[Open the notes(\\)?\]\(command:/);
    assert.doesNotMatch(md, /(^|[^\\])!\[x/);
    assert.match(md, /\\\[Open the notes\\\]/);
  });
});
