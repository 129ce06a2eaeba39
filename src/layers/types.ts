// The layer catalog's contract: what one layer class must tell the analyzer (arguments in both languages, output
// shapes, weights, input checks). Pure data and pure functions; no evaluator, no syntax, no TF.js.

import type { DiagnosticDetail } from '../graph/diagnostics';
import type { Language } from '../graph/ir';
import type { Shape } from '../graph/shape';

/**
 * The runtime whose messages and defaults we reproduce: Keras for Python files, TF.js for TypeScript/JavaScript.
 * Not a second language axis: it is always derived from the file's `Language` by `dialectOf`.
 */
export type Dialect = 'keras' | 'tfjs';

/** The runtime a file's language follows. */
export function dialectOf(language: Language): Dialect {
  return language === 'python' ? 'keras' : 'tfjs';
}

/** A config value as the evaluator hands it over: plain JSON-like data, or UNKNOWN for what is not statically known. */
export type ConfigValue =
  | number
  | string
  | boolean
  | null
  | ConfigValue[]
  | { [key: string]: ConfigValue }
  | Unknown;

export interface Unknown {
  readonly $unknown: true;
}
export const UNKNOWN: Unknown = Object.freeze({ $unknown: true as const });
export function isUnknown(v: unknown): v is Unknown {
  return typeof v === 'object' && v !== null && (v as { $unknown?: unknown }).$unknown === true;
}

/** Config keyed by the Keras (Python, snake_case) argument name, defaults already filled in. */
export type LayerConfig = Record<string, ConfigValue>;

export interface ArgDef {
  /** Keras (Python) keyword, e.g. `kernel_size`. This is the key in LayerConfig. */
  py: string;
  /** TF.js config key, e.g. `kernelSize`; omit when TF.js has no such option. */
  js?: string;
  /** Keras 3 default (used for Python files). UNKNOWN default means "required". */
  default?: ConfigValue;
  /** TF.js default where it differs from Keras's (used for TS/JS files); see the comment at the layer. */
  jsDefault?: ConfigValue;
}

/** Keras's InputSpec: what a layer accepts. Checked generically (src/layers/inputSpec.ts) with Keras's/TF.js's words. */
export interface InputSpec {
  ndim?: number;
  minNdim?: number;
  maxNdim?: number;
  /** axis (may be negative) → required size */
  axes?: Record<number, number>;
  /** full shape; null entries are wildcards */
  shape?: (number | null)[];
}

export interface WeightDef {
  /** Keras weight name, e.g. `kernel`, `bias`, `gamma`, `moving_mean`. */
  name: string;
  shape: Shape;
  trainable: boolean;
}

export interface CallContext {
  dialect: Dialect;
  /** The layer's name as the runtime would print it (`dense`, `dense_Dense1`). */
  layerName: string;
}

/** What a layer builds on its first call: its weights, and the spec later calls must satisfy. */
export interface BuildResult {
  weights: WeightDef[];
  /** One per input for multi-input layers; one spec for single-input layers. */
  inputSpec?: InputSpec | InputSpec[];
}

export interface LayerDef {
  /** Keras class name: `Dense`. The registry also finds it by TF.js factory name. */
  className: string;
  /** `tf.layers.<factory>` name, e.g. `dense`, `conv2d`; omit when TF.js has no such layer. */
  tfjsFactory?: string;
  /** Other `tf.layers` factory names for the same class (e.g. `avgPool2d`, `avgPooling2d`). */
  tfjsAliases?: string[];
  /** Other Keras names for the same class (e.g. `Convolution2D`, `MaxPool2D`). */
  aliases?: string[];
  /** Arguments in Keras signature order (Python positional arguments fill them in this order). */
  args: ArgDef[];
  /** Merge-style layers take a list of tensors. */
  multiInput?: boolean;
  /** Checked before build, on every call (e.g. Conv2D: ndim 4). */
  inputSpec?(config: LayerConfig, ctx: CallContext): InputSpec | InputSpec[] | undefined;
  /** First call: weights and the spec that later calls must satisfy. Throws LayerError on bad input. */
  build?(config: LayerConfig, inputShapes: Shape[], ctx: CallContext): BuildResult;
  /** Output shape(s) for the given input shapes. Throws LayerError on bad input. Unknown dims are null. */
  computeOutputShape(config: LayerConfig, inputShapes: Shape[], ctx: CallContext): Shape | Shape[];
  /** True when the layer returns a list of tensors for this config (e.g. LSTM with return_state). */
  returnsList?(config: LayerConfig): boolean;
  /** Checks on the config alone, run when the layer object is created (TF.js throws in constructors). */
  validateConfig?(config: LayerConfig, ctx: CallContext): void;
  /** Known Keras/TF.js divergences and what is not modelled, for the generated reference page (docs/layers.md). */
  notes?: string;
}

/** Diagnostic codes a layer can raise. */
export type LayerErrorCode =
  | 'input-spec' // ndim / axis mismatch (InputSpec)
  | 'merge-shape' // Add/Multiply/... incompatible shapes
  | 'concat-shape' // Concatenate off-axis mismatch
  | 'reshape-size' // Reshape total size mismatch
  | 'dot-axes' // Dot axes mismatch
  | 'negative-dim' // conv/pool output size would be negative
  | 'invalid-config' // a config value that the runtime rejects
  | 'invalid-input'; // wrong number/kind of inputs

/** A message in the runtime's words, raised by shape rules; the evaluator turns it into a diagnostic. */
export class LayerError extends Error {
  constructor(
    readonly code: LayerErrorCode,
    message: string,
    /** Structured facts (InputSpec checks set them), so nobody parses the message. */
    readonly detail?: DiagnosticDetail,
  ) {
    super(message);
    this.name = 'LayerError';
  }
}

/** How a layer object passed as an argument (to Bidirectional, TimeDistributed…) appears in its wrapper's config. */
export interface NestedLayer {
  [key: string]: ConfigValue;
  $layer: string;
  name: string;
  config: LayerConfig;
}
export function isNestedLayer(v: ConfigValue | undefined): v is NestedLayer {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { $layer?: unknown }).$layer === 'string';
}
