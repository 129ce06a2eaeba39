// Test support: runs a layer both through LayerGraph's catalog and through TensorFlow.js itself, so tests can
// compare output shapes, parameter counts and whether each one rejects the input.

import * as tf from '@tensorflow/tfjs';
import { isDeepStrictEqual } from 'node:util';
import { formatShapeJs, type Shape } from '../../src/graph/shape';
import { callLayer, countParams, instantiateLayer } from '../../src/layers/apply';
import { layerByKerasName, layerByTfjsFactory } from '../../src/layers/registry';
import type { CallContext, ConfigValue, Dialect, LayerDef } from '../../src/layers/types';

tf.setBackend('cpu');

export interface Outcome {
  /** Output shapes (one per output tensor), batch axis included, unknown as null. */
  shapes?: Shape[];
  trainable?: number;
  nonTrainable?: number;
  /** The error message when the layer rejects its config or input. */
  error?: string;
}

/** Builds `tf.layers[factory](config)` and applies it to symbolic inputs of the given batch shapes. */
export function tfjsOutcome(factory: string, config: Record<string, unknown>, inputShapes: Shape[], multiInput = false): Outcome {
  try {
    const make = (tf.layers as unknown as Record<string, (c: unknown) => tf.layers.Layer>)[factory];
    if (!make) throw new Error(`tf.layers.${factory} does not exist`);
    const layer = make(config);
    const inputs = inputShapes.map((s) => tf.input({ batchShape: s as number[] }));
    const out = layer.apply(multiInput ? inputs : inputs[0]) as tf.SymbolicTensor | tf.SymbolicTensor[];
    const outs = Array.isArray(out) ? out : [out];
    const trainable = layer.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    const nonTrainable = layer.nonTrainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    return { shapes: outs.map((t) => t.shape as Shape), trainable, nonTrainable };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The same through LayerGraph's catalog, with a TF.js-style config (camelCase keys) and TF.js dialect. */
export function catalogOutcome(factory: string, config: Record<string, unknown>, inputShapes: Shape[], dialect: Dialect = 'tfjs'): Outcome {
  const def = layerByTfjsFactory(factory);
  if (!def) return { error: `catalog has no tf.layers.${factory}` };
  return runCatalog(def, [], config, inputShapes, { dialect, layerName: `${factory}_test` });
}

/** One layer through the catalog's product entry point (instantiateLayer, as the evaluator makes layers): config,
 *  constructor checks, first call, counts. */
function runCatalog(def: LayerDef, positional: unknown[], config: Record<string, unknown>, inputShapes: Shape[], ctx: CallContext): Outcome {
  const made = instantiateLayer(def, { positional: positional as ConfigValue[], keywords: config as Record<string, ConfigValue> }, ctx.dialect, () => ctx.layerName);
  if (made.error) return { error: made.error.message };
  const resolved = made.config;
  const outcome = callLayer(def, resolved, inputShapes, ctx, undefined);
  if (outcome.error) return { error: outcome.error.message };
  if (outcome.internalError) throw new Error(`catalog crashed: ${outcome.internalError}`);
  const counts = countParams(outcome.build?.weights ?? [], resolved.trainable !== false);
  return { shapes: outcome.outputs, trainable: counts.trainable ?? undefined, nonTrainable: counts.nonTrainable ?? undefined };
}

/** A small seeded PRNG (mulberry32) so random configurations are reproducible. */
export function rng(seed: number): { int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; bool(): boolean } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    bool: () => next() < 0.5,
  };
}

// --- Additions for the conv / pooling / padding / recurrent tests (additive; signatures above unchanged) -------

/** The catalog outcome for a LayerDef that may not be registered yet (e.g. a family file awaiting registration). */
export function catalogOutcomeForDef(
  def: import('../../src/layers/types').LayerDef,
  config: Record<string, unknown>,
  inputShapes: Shape[],
  dialect: Dialect = 'tfjs',
  layerName = `${def.tfjsFactory ?? def.className}_test`,
): Outcome {
  return catalogCalls(def, config, [inputShapes], dialect, layerName);
}

/** One layer object called once per entry of `calls` (a shared layer): built on the first call, checked against
 *  its built InputSpec on later ones. The outcome of the last call, or the first error. */
function catalogCalls(
  def: import('../../src/layers/types').LayerDef,
  config: Record<string, unknown>,
  calls: Shape[][],
  dialect: Dialect,
  layerName: string,
): Outcome {
  const made = instantiateLayer(def, { positional: [], keywords: config as Record<string, ConfigValue> }, dialect, () => layerName);
  if (made.error) return { error: made.error.message };
  const resolved = made.config;
  const ctx = { dialect, layerName };
  let built: import('../../src/layers/types').BuildResult | undefined;
  let outputs: Shape[] = [];
  for (const inputShapes of calls) {
    const outcome = callLayer(def, resolved, inputShapes, ctx, built);
    if (outcome.error) return { error: outcome.error.message };
    if (outcome.internalError) throw new Error(`catalog crashed: ${outcome.internalError}`);
    built = built ?? outcome.build;
    outputs = outcome.outputs;
  }
  const counts = countParams(built?.weights ?? [], resolved.trainable !== false);
  return { shapes: outputs, trainable: counts.trainable ?? undefined, nonTrainable: counts.nonTrainable ?? undefined };
}

/** TF.js's outcome with its auto-generated layer name (`conv2d_Conv2D7`) replaced, so messages compare. TF.js
 *  factories may write into the config they get (RNNs add `cell`, Pooling1D fills `poolSize`), so a copy is passed. */
export function tfjsOutcomeNamed(factory: string, config: Record<string, unknown>, inputShapes: Shape[], name = `${factory}_test`, multiInput = false): Outcome {
  const out = tfjsOutcome(factory, JSON.parse(JSON.stringify(config)) as Record<string, unknown>, inputShapes, multiInput);
  if (out.error) out.error = withTestName(out.error, name);
  return out;
}

/** TF.js's auto-generated layer names (`conv2d_Conv2D7`) replaced by the catalog oracle's `name`. */
function withTestName(message: string, name: string): string {
  return message.replace(/\b[a-z][a-z0-9_]*_[A-Z][A-Za-z0-9]*?\d+\b/g, name);
}

export const NON_POSITIVE = 'TF.js builds an output size <= 0; the catalog rejects it, naming TF.js\'s shape';

/**
 * A `documented` explanation for runOracle (conv/pooling): TF.js 4.22 builds a layer whose output has a size
 * <= 0 without complaint, while the catalog raises 'negative-dim' in both dialects (see nonPositiveSizeError in
 * src/layers/conv.ts). The evidence: TF.js's shape has such a size and the catalog's message quotes it.
 */
export function nonPositiveSize(_c: OracleCase, cmp: Comparison): string | undefined {
  const shape = cmp.expected.shapes?.[0];
  if (!shape || !shape.some((d) => typeof d === 'number' && d <= 0)) return undefined;
  const message = cmp.actual.error ?? '';
  return message.startsWith('Computed output size would be zero or negative') && message.includes(formatShapeJs(shape)) ? NON_POSITIVE : undefined;
}

/** Runs `tf.layers[factory](config)` on concrete zero tensors (an unknown batch size becomes 2), for the checks
 *  TF.js defers from apply() to execution (e.g. Reshape's total size while the batch size is unknown). */
export function tfjsExecOutcome(factory: string, config: Record<string, unknown>, inputShapes: Shape[], multiInput = false): Outcome {
  try {
    const make = (tf.layers as unknown as Record<string, (c: unknown) => tf.layers.Layer>)[factory];
    if (!make) throw new Error(`tf.layers.${factory} does not exist`);
    const layer = make(config);
    const inputs = inputShapes.map((s) => tf.zeros(s.map((d, i) => (d === null && i === 0 ? 2 : (d as number)))));
    const out = layer.apply(multiInput ? inputs : inputs[0]) as tf.Tensor | tf.Tensor[];
    const outs = Array.isArray(out) ? out : [out];
    const shapes = outs.map((t) => t.shape as Shape);
    tf.dispose([...inputs, ...outs]);
    return { shapes };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** TF.js names layers `flatten_Flatten3`, the catalog oracle `flatten_test`; messages are compared without them. */
export function withoutLayerName(message: string): string {
  return message.replace(/\b[a-z0-9_]+_[A-Z][A-Za-z0-9]*?\d+\b/g, '<layer>').replace(/\b[a-zA-Z0-9]+_test\b/g, '<layer>');
}

export interface Comparison {
  /** TF.js's outcome (layer names in messages replaced). */
  expected: Outcome;
  /** The catalog's outcome in the TF.js dialect (layer names in messages replaced). */
  actual: Outcome;
  agree: boolean;
}

/** Runs one configuration through TF.js and the catalog (each on its own copy: TF.js mutates some configs, e.g.
 *  Reshape's targetShape and LayerNormalization's axis) and says whether shapes, counts and errors agree. */
export function compareWithTfjs(factory: string, config: Record<string, unknown>, inputShapes: Shape[], multiInput = false): Comparison {
  const clean = (o: Outcome): Outcome => (o.error === undefined ? o : { error: withoutLayerName(o.error) });
  // TF.js's computeOutputShape may write into the input shape array it is given (CategoryEncoding, CenterCrop),
  // even at negative indices (a property, not an entry): it gets copies, and its shapes are read back as plain arrays.
  const fromTfjs = tfjsOutcome(factory, structuredClone(config), inputShapes.map((s) => s.slice()), multiInput);
  if (fromTfjs.shapes) fromTfjs.shapes = fromTfjs.shapes.map((s) => Array.from(s));
  const expected = clean(fromTfjs);
  const actual = clean(catalogOutcome(factory, structuredClone(config), inputShapes));
  return { expected, actual, agree: isDeepStrictEqual(expected, actual) };
}

/** The catalog's outcome for a Keras class (Python files: Keras names and defaults, Keras 3 messages), for table
 *  tests of Keras-only behaviour. The layer is named `<snake>_test` in messages. */
export function kerasCatalogOutcome(className: string, config: Record<string, unknown>, inputShapes: Shape[], positional: unknown[] = []): Outcome {
  const def = layerByKerasName(className);
  if (!def) return { error: `catalog has no ${className}` };
  return runCatalog(def, positional, config, inputShapes, { dialect: 'keras', layerName: 'layer_test' });
}

export interface OracleCase {
  config: Record<string, unknown>;
  shapes: Shape[];
}

export interface OracleReport {
  total: number;
  agreed: number;
  /** Of the agreed cases, those where both reject the config or input (the invalid configurations tested). */
  agreedErrors: number;
  /** Disagreements explained by a documented divergence, by name. */
  documented: Record<string, number>;
}

/**
 * Compares every case with TF.js. A disagreement must be explained by `documented`, which gets the case and both
 * outcomes, checks the evidence for a known divergence and returns its name (or undefined); otherwise it throws.
 */
export function runOracle(
  factory: string,
  cases: OracleCase[],
  options: { multiInput?: boolean; documented?: (c: OracleCase, cmp: Comparison) => string | undefined } = {},
): OracleReport {
  const report: OracleReport = { total: 0, agreed: 0, agreedErrors: 0, documented: {} };
  for (const c of cases) {
    const cmp = compareWithTfjs(factory, c.config, c.shapes, options.multiInput);
    report.total++;
    if (cmp.agree) {
      report.agreed++;
      if (cmp.expected.error !== undefined) report.agreedErrors++;
      continue;
    }
    const why = options.documented?.(c, cmp);
    if (!why) {
      throw new Error(`catalog and TF.js disagree on tf.layers.${factory}: ${JSON.stringify({ ...c, tfjs: cmp.expected, catalog: cmp.actual })}`);
    }
    report.documented[why] = (report.documented[why] ?? 0) + 1;
  }
  return report;
}

/** TF.js: one layer object applied to several inputs in turn (a shared layer); the outcome of the last call, or
 *  the first error. Trainable/non-trainable counts are the layer's after all calls. */
export function tfjsOutcomeShared(factory: string, config: Record<string, unknown>, inputShapes: Shape[], name = `${factory}_test`): Outcome {
  try {
    const make = (tf.layers as unknown as Record<string, (c: unknown) => tf.layers.Layer>)[factory];
    const layer = make(JSON.parse(JSON.stringify(config)));
    let outs: tf.SymbolicTensor[] = [];
    for (const s of inputShapes) {
      const out = layer.apply(tf.input({ batchShape: s as number[] })) as tf.SymbolicTensor | tf.SymbolicTensor[];
      outs = Array.isArray(out) ? out : [out];
    }
    const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    return { shapes: outs.map((t) => t.shape as Shape), trainable: size(layer.trainableWeights), nonTrainable: size(layer.nonTrainableWeights) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: withTestName(message, name) };
  }
}

/** The catalog's counterpart of `tfjsOutcomeShared`. */
export function catalogOutcomeShared(
  def: import('../../src/layers/types').LayerDef,
  config: Record<string, unknown>,
  inputShapes: Shape[],
  dialect: Dialect = 'tfjs',
  layerName = `${def.tfjsFactory ?? def.className}_test`,
): Outcome {
  return catalogCalls(def, config, inputShapes.map((s) => [s]), dialect, layerName);
}

/** TF.js config keys and values in Keras spelling (`kernelSize` → `kernel_size`, `channelsFirst` → `channels_first`). */
export function toKerasConfig(config: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    const snake = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    out[snake] = value === 'channelsFirst' ? 'channels_first' : value === 'channelsLast' ? 'channels_last' : value;
  }
  return out;
}

/** Where Keras and TF.js document the same rule: the catalog's Keras-dialect outcome (config respelled) must accept
 *  or reject as its TF.js-dialect outcome does, and give the same shapes and counts when both accept. */
export function assertDialectsAgree(factory: string, config: Record<string, unknown>, inputShapes: Shape[]): void {
  const tfjs = catalogOutcome(factory, config, inputShapes);
  const keras = catalogOutcome(factory, toKerasConfig(config), inputShapes, 'keras');
  const where = JSON.stringify({ factory, config, inputShapes, tfjs, keras });
  if ((keras.error === undefined) !== (tfjs.error === undefined)) throw new Error(`dialects disagree on accepting: ${where}`);
  if (!tfjs.error && !isDeepStrictEqual(keras, tfjs)) throw new Error(`dialects disagree on the outcome: ${where}`);
}
