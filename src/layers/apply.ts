// Using a catalog entry: turn given arguments into a config (defaults per dialect), and run one call of a layer
// (input checks, build on first call, output shapes, weights). The evaluator and the oracle tests both use this;
// it knows nothing about syntax, names or diagnostics.

import type { Shape } from '../graph/shape';
import { commonArgs } from './core';
import { checkInputSpecs } from './inputSpec';
import { isUnknown, LayerError, UNKNOWN, type ArgDef, type BuildResult, type CallContext, type ConfigValue, type Dialect, type LayerConfig, type LayerDef, type WeightDef } from './types';

export interface ResolvedConfig {
  config: LayerConfig;
  /** Arguments the layer does not take (Keras would raise TypeError; TF.js ignores or throws). */
  unexpected: string[];
  /** More positional arguments than the signature has. */
  extraPositional: number;
}

/**
 * Builds a config keyed by Keras names. `positional` fill `def.args` in order (Python); `keywords` are keyed by
 * Keras names for Python and by TF.js config keys for TS/JS. Missing arguments get the dialect's default;
 * required ones without a value are UNKNOWN.
 */
export function resolveConfig(
  def: LayerDef,
  positional: ConfigValue[],
  keywords: Record<string, ConfigValue>,
  dialect: Dialect,
): ResolvedConfig {
  const sig = signatureOf(def);
  const config: LayerConfig = {};
  const unexpected: string[] = [];
  const n = Math.min(positional.length, def.args.length);
  for (let i = 0; i < n; i++) config[def.args[i].py] = positional[i];
  const byName = dialect === 'keras' ? sig.byPy : sig.byJs;
  for (const key in keywords) {
    const arg = byName.get(key);
    if (arg) config[arg.py] = keywords[key];
    else unexpected.push(key);
  }
  for (const arg of sig.all) {
    if (arg.py in config) continue;
    const fallback = dialect === 'tfjs' && 'jsDefault' in arg ? arg.jsDefault : arg.default;
    config[arg.py] = fallback === undefined ? UNKNOWN : fallback;
  }
  return { config, unexpected, extraPositional: Math.max(0, positional.length - def.args.length) };
}

interface Signature {
  all: ArgDef[];
  byPy: Map<string, ArgDef>;
  byJs: Map<string, ArgDef>;
}
const signatures = new WeakMap<LayerDef, Signature>();

/** A layer's own arguments plus the common ones, indexed by both languages' names (built once per class). */
function signatureOf(def: LayerDef): Signature {
  let sig = signatures.get(def);
  if (!sig) {
    const all = [...def.args, ...commonArgs.filter((c) => !def.args.some((a) => a.py === c.py))];
    // The layer's own arguments win over the common ones (InputLayer's `shape` is TF.js's `inputShape` too).
    const byPy = new Map<string, ArgDef>();
    const byJs = new Map<string, ArgDef>();
    for (const a of all) {
      if (!byPy.has(a.py)) byPy.set(a.py, a);
      if (a.js && !byJs.has(a.js)) byJs.set(a.js, a);
    }
    sig = { all, byPy, byJs };
    signatures.set(def, sig);
  }
  return sig;
}

export interface CallOutcome {
  /** One shape per output tensor; empty when the call failed. */
  outputs: Shape[];
  /** True when the call returns a list of tensors (merge of states, return_state …). */
  returnsList: boolean;
  /** Set on the first successful call. */
  build?: BuildResult;
  error?: LayerError;
  /** A failure inside the catalog itself (a bug of ours, not the user's): reported, never thrown. */
  internalError?: string;
}

/** Runs one call: input specs (the built ones after the first call), build if not built, output shapes. */
export function callLayer(
  def: LayerDef,
  config: LayerConfig,
  inputShapes: Shape[],
  ctx: CallContext,
  built: BuildResult | undefined,
): CallOutcome {
  try {
    checkInputSpecs(built?.inputSpec ?? def.inputSpec?.(config, ctx), inputShapes, ctx);
    const build = built ?? def.build?.(config, inputShapes, ctx) ?? { weights: [] };
    const result = def.computeOutputShape(config, inputShapes, ctx);
    const returnsList = def.returnsList?.(config) ?? false;
    const outputs = returnsList ? (result as Shape[]) : [result as Shape];
    return { outputs, returnsList, build: built ? undefined : build };
  } catch (e) {
    if (e instanceof LayerError) return { outputs: [], returnsList: false, error: e };
    return { outputs: [], returnsList: false, internalError: e instanceof Error ? e.message : String(e) };
  }
}

export interface Instantiated extends ResolvedConfig {
  /** The name the layer gets: `name=` when given, else the one `autoName` makes. */
  name: string;
  /** The constructor's refusal in the runtime's words; set only when known values conflict. */
  error?: LayerError;
}

/**
 * The one way a layer object is made from arguments, for the evaluator and the oracle tests alike: the config
 * with the dialect's defaults, the arguments the layer does not take, and the constructor's checks
 * (`validateConfig`, as Keras's and TF.js's constructors raise). `checked` (optional) is the same arguments with
 * values that are not facts (symbolic dimensions, which the config keeps as names) replaced by UNKNOWN, so they
 * never raise.
 */
export function instantiateLayer(
  def: LayerDef,
  args: { positional: ConfigValue[]; keywords: Record<string, ConfigValue> },
  dialect: Dialect,
  autoName: () => string,
  checked?: { positional: ConfigValue[]; keywords: Record<string, ConfigValue> },
): Instantiated {
  const resolved = resolveConfig(def, args.positional, args.keywords, dialect);
  const name = typeof resolved.config.name === 'string' ? resolved.config.name : autoName();
  const forChecks = checked ? resolveConfig(def, checked.positional, checked.keywords, dialect).config : resolved.config;
  const error = validateConfig(def, forChecks, { dialect, layerName: name });
  return { ...resolved, name, error };
}

/** Runs the constructor-time checks (TF.js validates some configs when the layer is created). */
export function validateConfig(def: LayerDef, config: LayerConfig, ctx: CallContext): LayerError | undefined {
  try {
    def.validateConfig?.(config, ctx);
    return undefined;
  } catch (e) {
    if (e instanceof LayerError) return e;
    return undefined;
  }
}

export interface ParamCounts {
  total: number | null;
  trainable: number | null;
  nonTrainable: number | null;
}

function weightSize(w: WeightDef): number | null {
  let n = 1;
  for (const d of w.shape) {
    if (typeof d !== 'number') return null;
    n *= d;
  }
  return n;
}

/** Sums weight sizes; a weight of unknown size makes the sum unknown (null). A frozen layer's are non-trainable. */
export function countParams(weights: WeightDef[], layerTrainable = true): ParamCounts {
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  for (const w of weights) {
    const size = weightSize(w);
    if (w.trainable && layerTrainable) trainable = trainable === null || size === null ? null : trainable + size;
    else nonTrainable = nonTrainable === null || size === null ? null : nonTrainable + size;
  }
  const total = trainable === null || nonTrainable === null ? null : trainable + nonTrainable;
  return { total, trainable, nonTrainable };
}

export { isUnknown };
