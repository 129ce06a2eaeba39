// Translates an IR model's layers into TF.js layer configs (Keras argument names and values → TF.js keys and values)
// and decides, without loading TF.js, whether TF.js can build the model at all. It builds nothing itself.

import type { AnalysisResult, LayerIR, ModelIR } from '../graph/ir';
import { layerByKerasName } from '../layers/registry';
import { isNestedLayer, isUnknown, type ArgDef, type ConfigValue, type LayerDef } from '../layers/types';

/** TF.js cannot build (or train) what the code describes; thrown instead of building something different. */
export class UnsupportedError extends Error {
  constructor(
    message: string,
    readonly layer?: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'UnsupportedError';
  }
}

/** One layer as TF.js needs it: which factory, with which config. */
export interface TfjsLayerPlan {
  layer: LayerIR;
  /** `tf.layers.<factory>`; 'input' for InputLayer (built with `tf.input`). */
  factory: string;
  config: Record<string, unknown>;
  /** Wrapped layer (Bidirectional/TimeDistributed): built first and passed as `layer`. */
  inner?: { factory: string; config: Record<string, unknown> };
}

export interface ModelPlan {
  model: ModelIR;
  layers: Map<number, TfjsLayerPlan>;
  /** Things dropped on the way that do not change the network (e.g. a Keras-only seed), for the report. */
  notes: string[];
}

// Arguments every layer takes that the trainer handles itself: the model is always built with explicit Inputs,
// so shape hints on later layers are redundant, and the name is set from the IR.
export const HANDLED_ARGS = new Set(['name', 'input_shape', 'batch_input_shape', 'batch_size']);

function where(layer: LayerIR): string {
  return `"${layer.name}" (${layer.className}, line ${layer.range.line})`;
}

function unsupported(layer: LayerIR, what: string): UnsupportedError {
  return new UnsupportedError(`TF.js cannot build layer ${where(layer)}: ${what}. LayerGraph does not train a different network instead.`, layer.name, layer.range.line);
}

/** Keras snake_case → TF.js camelCase for identifiers whose spelling differs; camelCase input passes through. */
function camel(s: string): string {
  return s.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

// Keras initializer identifiers (functions and class names) → TF.js's. TF.js spells LeCun with a capital C, and
// Keras's 'uniform'/'normal' aliases mean RandomUniform/RandomNormal (same defaults: ±0.05, stddev 0.05).
export const INITIALIZERS: Record<string, string> = {
  zeros: 'zeros', Zeros: 'zeros', ones: 'ones', Ones: 'ones',
  glorot_uniform: 'glorotUniform', GlorotUniform: 'glorotUniform', glorot_normal: 'glorotNormal', GlorotNormal: 'glorotNormal',
  he_uniform: 'heUniform', HeUniform: 'heUniform', he_normal: 'heNormal', HeNormal: 'heNormal',
  lecun_uniform: 'leCunUniform', LecunUniform: 'leCunUniform', lecun_normal: 'leCunNormal', LecunNormal: 'leCunNormal',
  random_uniform: 'randomUniform', RandomUniform: 'randomUniform', uniform: 'randomUniform',
  random_normal: 'randomNormal', RandomNormal: 'randomNormal', normal: 'randomNormal',
  truncated_normal: 'truncatedNormal', TruncatedNormal: 'truncatedNormal',
  orthogonal: 'orthogonal', Orthogonal: 'orthogonal', identity: 'identity', Identity: 'identity',
  variance_scaling: 'varianceScaling', VarianceScaling: 'varianceScaling',
};
const TFJS_INITIALIZERS = new Set(Object.values(INITIALIZERS));

// Activations whose names differ; the rest (relu, sigmoid, softmax, tanh, linear, elu, selu, softplus, softsign,
// relu6, swish, mish, gelu) are spelled the same. Keras 'silu' is TF.js 'swish' (x·sigmoid(x)).
export const ACTIVATIONS: Record<string, string> = { hard_sigmoid: 'hardSigmoid', log_softmax: 'logSoftmax', silu: 'swish' };
const TFJS_ACTIVATIONS = new Set(['elu', 'hardSigmoid', 'linear', 'relu', 'relu6', 'selu', 'sigmoid', 'softmax', 'logSoftmax', 'softplus', 'softsign', 'tanh', 'swish', 'mish', 'gelu', 'gelu_new']);

export const CONSTRAINTS: Record<string, string> = { max_norm: 'maxNorm', MaxNorm: 'maxNorm', non_neg: 'nonNeg', NonNeg: 'nonNeg', unit_norm: 'unitNorm', UnitNorm: 'unitNorm', min_max_norm: 'minMaxNorm', MinMaxNorm: 'minMaxNorm' };
const TFJS_CONSTRAINTS = new Set(Object.values(CONSTRAINTS));

/** Keras's string regularizers use 0.01 (keras/src/regularizers); TF.js's 'l1l2' identifier would use 0.01 for both. */
const REGULARIZERS: Record<string, { l1: number; l2: number }> = { l1: { l1: 0.01, l2: 0 }, l2: { l1: 0, l2: 0.01 }, l1_l2: { l1: 0.01, l2: 0.01 }, l1l2: { l1: 0.01, l2: 0.01 } };

/** Maps one known config value to TF.js; returns an error string when TF.js has no equivalent. */
export function mapValue(py: string, value: ConfigValue): { value: unknown } | { error: string } {
  if (value === null) return { value: undefined };
  if (py.endsWith('_initializer')) {
    if (typeof value !== 'string') return { error: `${py}=${JSON.stringify(value)} is not a plain initializer name` };
    const v = INITIALIZERS[value] ?? (TFJS_INITIALIZERS.has(value) ? value : undefined);
    return v ? { value: v } : { error: `initializer '${value}' has no TF.js equivalent` };
  }
  if (py === 'activation' || py === 'recurrent_activation') {
    if (typeof value !== 'string') return { error: `${py} is not an activation name` };
    const v = ACTIVATIONS[value] ?? value;
    return TFJS_ACTIVATIONS.has(v) ? { value: v } : { error: `activation '${value}' has no TF.js equivalent` };
  }
  if (py.endsWith('_constraint')) {
    if (typeof value !== 'string') return { error: `${py} is not a plain constraint name` };
    const v = CONSTRAINTS[value] ?? (TFJS_CONSTRAINTS.has(value) ? value : undefined);
    return v ? { value: v } : { error: `constraint '${value}' has no TF.js equivalent` };
  }
  if (py.endsWith('_regularizer')) {
    const r = typeof value === 'string' ? REGULARIZERS[value] : undefined;
    return r ? { value: { className: 'L1L2', config: r } } : { error: `regularizer ${JSON.stringify(value)} is not one LayerGraph can translate` };
  }
  if (py === 'data_format') {
    if (value === 'channels_last' || value === 'channelsLast') return { value: 'channelsLast' };
    if (value === 'channels_first' || value === 'channelsFirst') return { value: 'channelsFirst' };
    return { error: `data_format ${JSON.stringify(value)}` };
  }
  if (py === 'merge_mode' && typeof value === 'string') return { value };
  if (py === 'dtype' && typeof value === 'string' && value !== 'float32' && value !== 'int32') {
    return { error: `dtype '${value}' (TF.js layers compute in float32 or int32)` };
  }
  return { value };
}

function sameValue(a: ConfigValue | undefined, b: ConfigValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** Config of one layer (or a wrapped one) in TF.js terms. `dialect` decides how defaults are read: a TS/JS file's
 *  config holds TF.js values, and an argument at its default is left out so TF.js applies its own default exactly as
 *  the user's code would (the catalog fills Keras's default where it does not record TF.js's, e.g. Dense's kernel
 *  initializer, which TF.js defaults to glorotNormal). */
function translateConfig(layer: LayerIR, def: LayerDef, config: Record<string, ConfigValue>, python: boolean, notes: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const args = new Map<string, ArgDef>(def.args.map((a) => [a.py, a]));
  for (const [py, value] of Object.entries(config)) {
    if (HANDLED_ARGS.has(py) || (py === 'layer' && isNestedLayer(value))) continue;
    const arg = args.get(py) ?? commonArg(py);
    const atDefault = arg !== undefined && (sameValue(value, arg.default) || (!python && arg.jsDefault !== undefined && sameValue(value, arg.jsDefault)));
    if (isUnknown(value)) {
      throw unsupported(layer, `the value of \`${python ? py : arg?.js ?? py}\` is not statically known`);
    }
    if (arg === undefined) {
      if (value === null) continue;
      throw unsupported(layer, `LayerGraph does not know the argument \`${py}\``);
    }
    if (arg.js === undefined) {
      if (atDefault || value === null) continue;
      if (py === 'seed') {
        notes.push(`${layer.name}: TF.js's ${layer.className} takes no seed; seed=${JSON.stringify(value)} was dropped.`);
        continue;
      }
      throw unsupported(layer, `TF.js's ${def.tfjsFactory ?? layer.className} has no option \`${py}\` (here ${JSON.stringify(value)})`);
    }
    if (!python && atDefault) continue;
    if (py === 'trainable' && value === true) continue;
    const mapped = mapValue(py, value);
    if ('error' in mapped) throw unsupported(layer, mapped.error);
    if (mapped.value !== undefined) out[arg.js] = mapped.value;
  }
  return out;
}

const COMMON: Record<string, ArgDef> = {
  name: { py: 'name', js: 'name', default: null },
  dtype: { py: 'dtype', js: 'dtype', default: null },
  trainable: { py: 'trainable', js: 'trainable', default: true },
};
function commonArg(py: string): ArgDef | undefined {
  return COMMON[py];
}

/** The TF.js plan for one layer object, or an UnsupportedError naming it, its line and what is missing. */
export function planLayer(layer: LayerIR, python: boolean, notes: string[]): TfjsLayerPlan {
  if (layer.op) throw unsupported(layer, 'tensor arithmetic written as an operator has no TF.js layer (use a merge layer such as Add or Multiply)');
  const def = layerByKerasName(layer.className);
  if (!layer.known || def === undefined) throw unsupported(layer, `${layer.className} is not a layer class LayerGraph knows (a custom layer's code is not read), so it cannot rebuild it`);
  if (layer.className === 'InputLayer') return { layer, factory: 'input', config: {} };
  if (!def.tfjsFactory) throw unsupported(layer, `TF.js 4.22 has no ${layer.className} layer`);
  if (layer.className === 'GRU' && layer.config.reset_after === true) {
    // TF.js's GRUCell throws for resetAfter=true; Keras 3 defaults to it, so say how to get a trainable model.
    throw unsupported(layer, "TF.js's GRU supports only reset_after=False, and Keras 3 defaults to reset_after=True (pass reset_after=False to train it here)");
  }
  const config = translateConfig(layer, def, layer.config as Record<string, ConfigValue>, python, notes);
  config.name = layer.name;
  const nested = (layer.config as Record<string, ConfigValue>).layer;
  if (isNestedLayer(nested)) {
    const innerDef = layerByKerasName(nested.$layer);
    if (!innerDef?.tfjsFactory) throw unsupported(layer, `TF.js has no ${nested.$layer} layer to wrap`);
    const innerConfig = translateConfig(layer, innerDef, nested.config, python, notes);
    innerConfig.name = nested.name;
    return { layer, factory: def.tfjsFactory, config, inner: { factory: innerDef.tfjsFactory, config: innerConfig } };
  }
  return { layer, factory: def.tfjsFactory, config };
}

/** Plans every layer of a model; throws UnsupportedError on the first thing TF.js cannot build. */
export function planModel(analysis: AnalysisResult, model: ModelIR): ModelPlan {
  const python = analysis.language === 'python';
  const notes: string[] = [];
  const layers = new Map<number, TfjsLayerPlan>();
  const byId = new Map(analysis.layers.map((l) => [l.id, l]));
  const callsById = new Map(analysis.calls.map((c) => [c.id, c]));
  const errorCall = model.calls.map((id) => callsById.get(id)).find((c) => c?.error !== undefined);
  if (errorCall) {
    const d = analysis.diagnostics[errorCall.error!];
    throw new UnsupportedError(`Model "${model.name}" has an error at line ${errorCall.range.line}${d ? `: ${d.message}` : ''}. Fix it before training.`, byId.get(errorCall.layer)?.name, errorCall.range.line);
  }
  for (const id of model.calls) {
    const call = callsById.get(id);
    if (!call) continue;
    if (call.opaqueInputs) {
      const l = byId.get(call.layer)!;
      throw new UnsupportedError(`The call of ${where(l)} at line ${call.range.line} takes values LayerGraph cannot follow, so the graph is incomplete and cannot be rebuilt.`, l.name, call.range.line);
    }
    if (layers.has(call.layer)) continue;
    const layer = byId.get(call.layer);
    if (!layer) throw new UnsupportedError(`Model "${model.name}": a call refers to an unknown layer.`);
    if (layer.className === 'InputLayer') {
      // TF.js needs every dimension but the batch; a symbolic one (a parameter of a model-building function) or an
      // unknown one cannot be trained without guessing.
      const shape = analysis.tensors.find((t) => t.id === call.outputs[0])?.shape ?? null;
      if (shape === null || shape.slice(1).some((d) => typeof d !== 'number')) {
        const shown = shape === null ? 'unknown' : `(${shape.map((d) => (d === null ? 'None' : String(d))).join(', ')})`;
        throw new UnsupportedError(`Input ${where(layer)} of model "${model.name}" has shape ${shown}; training needs every dimension but the batch to be a known number.`, layer.name, layer.range.line);
      }
    }
    layers.set(call.layer, planLayer(layer, python, notes));
  }
  return { model, layers, notes };
}

/** The model to train: by name (Keras/TF.js model name or the variable it is bound to), else the first. */
export function pickModel(analysis: AnalysisResult, name?: string): ModelIR {
  if (analysis.models.length === 0) throw new UnsupportedError(`${analysis.file}: no models found`);
  if (name === undefined) return analysis.models[0];
  const m = analysis.models.find((x) => x.name === name || x.variable === name);
  if (!m) throw new UnsupportedError(`${analysis.file}: no model named "${name}" (models: ${analysis.models.map((x) => x.variable ?? x.name).join(', ')})`);
  return m;
}
