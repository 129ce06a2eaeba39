// What model code says about training, read statically: arrays made with numpy or TF.js (as DataSpecs, never
// materialized), optimizer objects, and `compile()` / `fit()` arguments in both languages' calling conventions.

import { ArgReader, dictGet } from './args';
import type { DataSpec, Language, SourceRange, TrainingIR } from '../../graph/ir';
import { intOf, iterate, numOf } from './builtins';
import { list, num, NONE, tuple, UNKNOWN_VALUE, type ArgValues, type BuiltinV, type ModelObj, type Value } from './values';

function shapeOf(v: Value | undefined): number[] | null {
  if (!v) return null;
  const n = intOf(v);
  if (n !== undefined) return [n];
  const items = iterate(v);
  if (!items) return null;
  const dims = items.map(intOf);
  return dims.every((d) => d !== undefined) ? (dims as number[]) : null;
}

function data(spec: DataSpec | null, reason = 'not statically known'): Value {
  return { kind: 'data', spec: spec ?? { kind: 'unknown', reason } };
}

function fn(name: string, f: (a: ArgValues) => Value): BuiltinV {
  return { kind: 'builtin', name, fn: f };
}

/** `np.random.*` and `np.*` array makers (numpy's signatures). */
export function numpyAttr(path: 'numpy' | 'numpy.random', name: string): Value | undefined {
  const kw = (a: ArgValues, i: number, k: string) => a.positional[i] ?? a.keywords.get(k);
  const num0 = (v: Value | undefined, d: number) => numOf(v) ?? d;
  if (path === 'numpy.random') {
    switch (name) {
      case 'rand':
      case 'randn': {
        return fn(`np.random.${name}`, (a) => {
          const shape = a.positional.map(intOf);
          if (shape.some((d) => d === undefined)) return data(null);
          return data(name === 'rand' ? { kind: 'random-uniform', shape: shape as number[], low: 0, high: 1 } : { kind: 'random-normal', shape: shape as number[], mean: 0, std: 1 });
        });
      }
      case 'random':
      case 'random_sample':
      case 'sample':
        return fn(`np.random.${name}`, (a) => {
          const shape = shapeOf(kw(a, 0, 'size'));
          return shape ? data({ kind: 'random-uniform', shape, low: 0, high: 1 }) : data(null);
        });
      case 'uniform':
        return fn('np.random.uniform', (a) => {
          const shape = shapeOf(kw(a, 2, 'size'));
          return shape ? data({ kind: 'random-uniform', shape, low: num0(kw(a, 0, 'low'), 0), high: num0(kw(a, 1, 'high'), 1) }) : data(null);
        });
      case 'normal':
        return fn('np.random.normal', (a) => {
          const shape = shapeOf(kw(a, 2, 'size'));
          return shape ? data({ kind: 'random-normal', shape, mean: num0(kw(a, 0, 'loc'), 0), std: num0(kw(a, 1, 'scale'), 1) }) : data(null);
        });
      case 'randint':
        return fn('np.random.randint', (a) => {
          const lowV = numOf(kw(a, 0, 'low'));
          const highV = numOf(kw(a, 1, 'high'));
          const shape = shapeOf(kw(a, 2, 'size'));
          if (lowV === undefined || !shape) return data(null);
          // randint(n, size=…) draws from [0, n)
          return data(highV === undefined ? { kind: 'random-int', shape, low: 0, high: lowV } : { kind: 'random-int', shape, low: lowV, high: highV });
        });
      case 'seed':
        return fn('np.random.seed', () => NONE);
      default:
        return undefined;
    }
  }
  switch (name) {
    case 'zeros':
    case 'ones':
      return fn(`np.${name}`, (a) => {
        const shape = shapeOf(kw(a, 0, 'shape'));
        return shape ? data({ kind: name, shape }) : data(null);
      });
    case 'load':
      return fn('np.load', (a) => {
        const p = kw(a, 0, 'file');
        return p?.kind === 'str' ? data({ kind: 'npy', path: p.value }) : data(null, 'the file name is not a string literal');
      });
    case 'loadtxt':
    case 'genfromtxt':
      return fn(`np.${name}`, (a) => {
        const p = kw(a, 0, 'fname');
        const d = a.keywords.get('delimiter');
        const skip = intOf(a.keywords.get(name === 'loadtxt' ? 'skiprows' : 'skip_header')) ?? 0;
        return p?.kind === 'str' ? data({ kind: 'csv', path: p.value, delimiter: d?.kind === 'str' ? d.value : null, skiprows: skip }) : data(null, 'the file name is not a string literal');
      });
    case 'array':
    case 'asarray':
      return fn(`np.${name}`, (a) => literal(a.positional[0]));
    default:
      return undefined;
  }
}

/** `tf.randomUniform`, `tf.randomNormal`, `tf.zeros`, `tf.ones`, `tf.tensor*` (TF.js signatures). */
export function tfjsDataAttr(name: string): Value | undefined {
  switch (name) {
    case 'randomUniform':
      return fn('tf.randomUniform', (a) => {
        const shape = shapeOf(a.positional[0]);
        return shape ? data({ kind: 'random-uniform', shape, low: numOf(a.positional[1]) ?? 0, high: numOf(a.positional[2]) ?? 1 }) : data(null);
      });
    case 'randomNormal':
    case 'truncatedNormal':
      return fn(`tf.${name}`, (a) => {
        const shape = shapeOf(a.positional[0]);
        return shape ? data({ kind: 'random-normal', shape, mean: numOf(a.positional[1]) ?? 0, std: numOf(a.positional[2]) ?? 1 }) : data(null);
      });
    case 'randomUniformInt':
      return fn('tf.randomUniformInt', (a) => {
        const shape = shapeOf(a.positional[0]);
        const low = numOf(a.positional[1]);
        const high = numOf(a.positional[2]);
        return shape && low !== undefined && high !== undefined ? data({ kind: 'random-int', shape, low, high }) : data(null);
      });
    case 'zeros':
    case 'ones':
      return fn(`tf.${name}`, (a) => {
        const shape = shapeOf(a.positional[0]);
        return shape ? data({ kind: name, shape }) : data(null);
      });
    case 'tensor':
    case 'tensor1d':
    case 'tensor2d':
    case 'tensor3d':
    case 'tensor4d':
      return fn(`tf.${name}`, (a) => {
        const values = literal(a.positional[0]);
        const shape = shapeOf(a.positional[1]);
        if (values.kind === 'data' && values.spec.kind === 'literal' && shape) return data({ ...values.spec, shape });
        return values;
      });
    default:
      return undefined;
  }
}

/** A nested list of numbers as a literal array with its shape. */
function literal(v: Value | undefined): Value {
  const toJs = (x: Value): unknown => {
    const n = numOf(x);
    if (n !== undefined) return n;
    const items = iterate(x);
    if (!items || x.kind === 'str') throw new Error('not numeric');
    return items.map(toJs);
  };
  if (!v) return data(null);
  try {
    const values = toJs(v);
    const shape: number[] = [];
    for (let cur: unknown = values; Array.isArray(cur); cur = cur[0]) shape.push(cur.length);
    return data({ kind: 'literal', values, shape });
  } catch {
    return data(null, 'the array literal holds values that are not numbers');
  }
}

/** Attributes of a data value: `.shape`, `.reshape(...)` keeps it describable. */
export function dataAttr(v: { spec: DataSpec }, name: string, language: Language): Value | undefined {
  const shape = 'shape' in v.spec ? v.spec.shape : null;
  if (name === 'shape') {
    if (!shape) return UNKNOWN_VALUE;
    const dims = shape.map((d) => num(d));
    return language === 'python' ? tuple(dims) : list(dims);
  }
  if (name === 'astype') return fn('astype', () => ({ kind: 'data', spec: v.spec }));
  return undefined;
}

/** `keras.optimizers.Adam(learning_rate=…)`, `tf.train.adam(0.01)`. */
export function optimizerFactory(name: string, tfjs: boolean): BuiltinV {
  return fn(`optimizer.${name}`, (a) => {
    const lr = numOf(tfjs ? a.positional[0] : a.positional[0] ?? a.keywords.get('learning_rate') ?? a.keywords.get('lr'));
    return { kind: 'optimizer', name: name.toLowerCase(), learningRate: lr ?? null };
  });
}

function emptyTraining(): TrainingIR {
  return { loss: null, optimizer: null, learningRate: null, metrics: [], epochs: null, batchSize: null, x: null, y: null, compileRange: null, fitRange: null };
}

function lossOf(v: Value | undefined): TrainingIR['loss'] {
  if (!v || v.kind === 'none') return null;
  if (v.kind === 'str') return v.value;
  if (v.kind === 'list' || v.kind === 'tuple') {
    const names = v.items.map((x) => (x.kind === 'str' ? x.value : null));
    return names.every((n) => n !== null) ? (names as string[]) : null;
  }
  if (v.kind === 'dict') {
    const out: Record<string, string> = {};
    for (const { key, value } of v.entries.values()) if (key.kind === 'str' && value.kind === 'str') out[key.value] = value.value;
    return out;
  }
  return null;
}

function metricsOf(v: Value | undefined): string[] {
  if (!v) return [];
  if (v.kind === 'str') return [v.value];
  return (iterate(v) ?? []).flatMap((x) => (x.kind === 'str' ? [x.value] : []));
}

/** The arrays in `x` / `y`: one spec per model input/output (a list, tuple or dict of arrays, or one array). */
function dataList(v: Value | undefined): DataSpec[] | null {
  if (!v || v.kind === 'none') return null;
  if (v.kind === 'data') return [v.spec];
  if (v.kind === 'dict') return [...v.entries.values()].map((e) => (e.value.kind === 'data' ? e.value.spec : { kind: 'unknown', reason: 'not statically known' }));
  const items = iterate(v);
  if (items && v.kind !== 'str') return items.map((x) => (x.kind === 'data' ? x.spec : { kind: 'unknown', reason: 'not statically known' }));
  return [{ kind: 'unknown', reason: 'not statically known' }];
}

/** `model.compile(...)`: Keras `compile(optimizer, loss, loss_weights, metrics, …)`; TF.js `compile({…})`. */
export function recordCompile(model: ModelObj, a: ArgValues, tfjs: boolean, range: SourceRange): void {
  const t = (model.training ??= emptyTraining());
  const args = new ArgReader(a, tfjs);
  const get = (i: number, k: string): Value | undefined => args.get(i, k);
  const opt = get(0, 'optimizer') ?? (tfjs ? undefined : { kind: 'str', value: 'rmsprop' });
  if (opt?.kind === 'str') {
    t.optimizer = opt.value;
    t.learningRate = null;
  } else if (opt?.kind === 'optimizer') {
    t.optimizer = opt.name;
    t.learningRate = opt.learningRate;
  }
  t.loss = lossOf(get(1, 'loss'));
  t.metrics = metricsOf(get(3, 'metrics'));
  t.compileRange = range;
}

/** `model.fit(...)`: Keras `fit(x, y, batch_size, epochs, …)`; TF.js `fit(x, y, {epochs, batchSize})`. */
export function recordFit(model: ModelObj, a: ArgValues, tfjs: boolean, range: SourceRange): void {
  const t = (model.training ??= emptyTraining());
  const x = a.positional[0] ?? a.keywords.get('x');
  const y = a.positional[1] ?? a.keywords.get('y');
  let epochs: Value | undefined;
  let batch: Value | undefined;
  if (tfjs) {
    // TF.js: fit(x, y, {epochs, batchSize})
    epochs = dictGet(a.positional[2], 'epochs');
    batch = dictGet(a.positional[2], 'batchSize');
  } else {
    batch = a.positional[2] ?? a.keywords.get('batch_size');
    epochs = a.positional[3] ?? a.keywords.get('epochs');
  }
  t.x = dataList(x);
  t.y = dataList(y);
  // Keras and TF.js both default to one epoch and a batch of 32
  t.epochs = epochs ? intOf(epochs) ?? null : 1;
  t.batchSize = batch && batch.kind !== 'none' ? intOf(batch) ?? null : 32;
  t.fitRange = range;
}
