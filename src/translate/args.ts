// One layer's arguments in the other language: Keras (Python) config → TF.js config keys and values, and TF.js
// config → Keras keywords and values, leaving out what is at the default on both sides. The catalog (src/layers/)
// knows each argument's two names and defaults; src/train/translate.ts knows the value spellings and what TF.js
// refuses. This file prints nothing and decides nothing about the program around the layer.

import type { LayerIR } from '../graph/ir';
import { layerByKerasName } from '../layers/registry';
import { isNestedLayer, isUnknown, type ArgDef, type ConfigValue, type LayerDef } from '../layers/types';
import { ACTIVATIONS, CONSTRAINTS, HANDLED_ARGS, INITIALIZERS, mapValue, planLayer, UnsupportedError } from '../train/translate';

/** Arguments in the order to print them (the name last), with a remark per argument that is emulated, not equal. */
export interface LayerArgs {
  /** `tf.layers.<factory>` (TF.js target) or the Keras class name (Keras target). */
  callee: string;
  args: [string, unknown][];
  /** The wrapped layer of Bidirectional / TimeDistributed. */
  inner?: LayerArgs;
  /** Said in a comment next to the layer: where the two runtimes differ and what was done about it. */
  remarks: string[];
}

// TF.js's defaults the catalog does not record as `jsDefault` (it fills Keras's): Dense's kernel initializer is
// glorotNormal in tfjs-layers (core.ts DEFAULT_KERNEL_INITIALIZER), like the conv and recurrent layers that do record it.
const TFJS_DEFAULTS: Record<string, Record<string, ConfigValue>> = { Dense: { kernel_initializer: 'glorotNormal' } };

const COMMON: ArgDef[] = [
  { py: 'dtype', js: 'dtype', default: null },
  { py: 'trainable', js: 'trainable', default: true },
];

function argsOf(def: LayerDef): ArgDef[] {
  const own = new Set(def.args.map((a) => a.py));
  return [...def.args, ...COMMON.filter((a) => !own.has(a.py))];
}

/** What TF.js does when the argument is not given. */
function tfjsDefault(className: string, arg: ArgDef): ConfigValue | undefined {
  return TFJS_DEFAULTS[className]?.[arg.py] ?? ('jsDefault' in arg ? arg.jsDefault : arg.default);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function mapped(py: string, v: ConfigValue | undefined): unknown {
  if (v === undefined || isUnknown(v)) return undefined;
  const m = mapValue(py, v);
  return 'value' in m ? m.value : { error: m.error };
}

// TF.js's hardSigmoid is Keras 2's clip(0.2·x + 0.5, 0, 1); Keras 3's hard_sigmoid is relu6(x + 3) / 6.
const HARD_SIGMOID = "TF.js's hardSigmoid is clip(0.2*x + 0.5, 0, 1) and Keras 3's hard_sigmoid is relu6(x + 3) / 6: the nearest activation of the other side, not the same function";

function keyOrder(def: LayerDef): Map<string, number> {
  return new Map(argsOf(def).map((a, i) => [a.py, i]));
}

/** Keras source → TF.js: the trainer's plan (which refuses what TF.js lacks), minus arguments at both defaults. */
export function tfjsArgs(layer: LayerIR, notes: string[]): LayerArgs {
  const plan = planLayer(layer, true, notes);
  const def = layerByKerasName(layer.className)!;
  const config = layer.config as Record<string, ConfigValue>;
  const build = (d: LayerDef, cfg: Record<string, ConfigValue>, tf: Record<string, unknown>, factory: string): LayerArgs => {
    const remarks: string[] = [];
    const args: [string, unknown][] = [];
    for (const arg of argsOf(d)) {
      if (arg.js === undefined || !(arg.js in tf) || HANDLED_ARGS.has(arg.py)) continue;
      const v = cfg[arg.py];
      // Left out when TF.js does the same without it (whatever Keras's default is).
      if (same(mapped(arg.py, v), mapped(arg.py, tfjsDefault(d.className, arg)))) continue;
      if (arg.py === 'trainable' && v === true) continue;
      if (arg.py === 'dtype' && (v === null || v === 'float32')) continue;
      if ((arg.py === 'activation' || arg.py === 'recurrent_activation') && v === 'hard_sigmoid') remarks.push(HARD_SIGMOID);
      args.push([arg.js, tf[arg.js]]);
    }
    args.push(['name', tf.name]);
    return { callee: factory, args, remarks };
  };
  const out = build(def, config, plan.config, plan.factory);
  const nested = config.layer;
  if (plan.inner && isNestedLayer(nested)) {
    out.inner = build(layerByKerasName(nested.$layer)!, nested.config, plan.inner.config, plan.inner.factory);
    out.args.unshift(['layer', out.inner]);
  }
  return out;
}

function snakeKeys(table: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(table)) if (/^[a-z0-9_]+$/.test(k) && k !== 'uniform' && k !== 'normal' && !(v in out)) out[v] = k;
  return out;
}
const KERAS_INITIALIZERS = snakeKeys(INITIALIZERS);
const KERAS_CONSTRAINTS = snakeKeys(CONSTRAINTS);
const KERAS_ACTIVATIONS: Record<string, string> = { ...Object.fromEntries(Object.entries(ACTIVATIONS).map(([k, v]) => [v, k])) };
const KERAS_REGULARIZERS: Record<string, string> = { l1: 'l1', l2: 'l2', l1l2: 'l1_l2' };

function snake(s: string): string {
  return s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

/** A TF.js config value in Keras's spelling, or an error when Keras has no spelling for it. */
function kerasValue(py: string, v: ConfigValue): { value: unknown } | { error: string } {
  if (typeof v !== 'string') {
    if (py.endsWith('_initializer') || py.endsWith('_regularizer') || py.endsWith('_constraint')) {
      return { error: `${py} ${JSON.stringify(v)} is not a plain name LayerGraph can translate` };
    }
    return { value: v };
  }
  if (py.endsWith('_initializer')) return { value: KERAS_INITIALIZERS[v] ?? (v in INITIALIZERS ? v : snake(v)) };
  if (py.endsWith('_constraint')) return { value: KERAS_CONSTRAINTS[v] ?? v };
  if (py.endsWith('_regularizer')) return KERAS_REGULARIZERS[v] ? { value: KERAS_REGULARIZERS[v] } : { error: `regularizer '${v}'` };
  if (py === 'activation' || py === 'recurrent_activation') {
    if (v === 'gelu_new') return { error: "activation 'gelu_new' has no Keras equivalent" };
    return { value: KERAS_ACTIVATIONS[v] ?? v };
  }
  if (py === 'data_format' || py === 'output_mode') return { value: snake(v) };
  return { value: v };
}

function refuse(layer: LayerIR, what: string): UnsupportedError {
  return new UnsupportedError(`Keras cannot take layer "${layer.name}" (${layer.className}, line ${layer.range.line}) as written: ${what}.`, layer.name, layer.range.line);
}

/** TF.js source → Keras: every argument where TF.js's effective value differs from Keras's default. */
export function kerasArgs(layer: LayerIR): LayerArgs {
  if (layer.op) throw refuse(layer, 'an operation, not a layer');
  const def = layerByKerasName(layer.className);
  if (!layer.known || def === undefined) throw refuse(layer, `${layer.className} is not a layer class LayerGraph knows, so it cannot rewrite it`);
  const build = (d: LayerDef, className: string, cfg: Record<string, ConfigValue>, name: string): LayerArgs => {
    const remarks: string[] = [];
    const args: [string, unknown][] = [];
    const byPy = new Map(argsOf(d).map((a) => [a.py, a]));
    const order = keyOrder(d);
    const keys = Object.keys(cfg).sort((a, b) => (order.get(a) ?? 999) - (order.get(b) ?? 999));
    for (const py of keys) {
      let v = cfg[py];
      if (HANDLED_ARGS.has(py) || (py === 'layer' && isNestedLayer(v))) continue;
      const arg = byPy.get(py);
      if (isUnknown(v)) throw refuse(layer, `the value of \`${arg?.js ?? py}\` is not statically known`);
      if (arg === undefined || arg.js === undefined) continue;
      // A value equal to Keras's default in Keras's spelling is the catalog's filler for an argument the TF.js code
      // did not give; TF.js then applies its own default, which is what the Keras code must say.
      const fill = TFJS_DEFAULTS[d.className]?.[py];
      if (fill !== undefined && same(v, arg.default)) v = fill;
      if (v === null) continue;
      const k = kerasValue(py, v);
      if ('error' in k) throw refuse(layer, k.error);
      if (same(k.value, arg.default)) continue;
      // Keras's data_format=None means its configured image_data_format, 'channels_last' unless changed.
      if (py === 'data_format' && k.value === 'channels_last' && arg.default === null) continue;
      if (py === 'trainable' && k.value === true) continue;
      if (py === 'dtype' && k.value === 'float32') continue;
      if ((py === 'activation' || py === 'recurrent_activation') && k.value === 'hard_sigmoid') remarks.push(HARD_SIGMOID);
      args.push([py, k.value]);
    }
    args.push(['name', name]);
    return { callee: className, args, remarks };
  };
  const config = layer.config as Record<string, ConfigValue>;
  const out = build(def, def.className, config, layer.name);
  const nested = config.layer;
  if (isNestedLayer(nested)) {
    const innerDef = layerByKerasName(nested.$layer);
    if (!innerDef) throw refuse(layer, `it wraps ${nested.$layer}, which LayerGraph does not know`);
    out.inner = build(innerDef, innerDef.className, nested.config, nested.name);
    out.args.unshift(['layer', out.inner]);
  }
  return out;
}
