// Every diagnostic LayerGraph reports, in one table: its code, default severity, a title and what it means
// (docs/diagnostics.md and the README's list are rendered from it by diagnosticsDoc.ts), plus typed
// builders for the messages the analyzer writes itself. Catalog errors keep the runtime's words; their structured
// facts travel in `detail`, so no consumer parses message text. Data and pure functions only.

import type { LayerErrorCode } from '../layers/types';

export type Severity = 'error' | 'warning' | 'information';

export interface DiagnosticInfo {
  severity: Severity;
  title: string;
  /** What it means and when it is reported (one paragraph of Markdown). */
  docs: string;
}

/** The table. The order is the order of the docs. */
export const DIAGNOSTICS = {
  'shape-mismatch': {
    severity: 'error',
    title: 'Input does not fit the layer',
    docs: "A layer's input violates its InputSpec (an axis of the wrong size, or a shape the layer was not built for), in Keras's or TF.js's words. Also reported at the call of a nested model whose inner layer rejects the new input.",
  },
  'shared-layer-input': {
    severity: 'error',
    title: 'Shared layer called on an incompatible input',
    docs: 'The same as `shape-mismatch`, at the second or later call of a shared layer: the layer was built by its first call (related information points there), and every call uses those weights.',
  },
  'rank-mismatch': {
    severity: 'error',
    title: 'Input of the wrong rank',
    docs: 'A layer expects inputs of a given number of dimensions (`ndim`, `min_ndim`, `max_ndim`) and got another, e.g. Conv2D on a 2-D tensor.',
  },
  'merge-shape-mismatch': {
    severity: 'error',
    title: 'Merge of incompatible shapes',
    docs: 'Add, Subtract, Multiply, Average, Maximum or Minimum on tensors whose shapes do not broadcast.',
  },
  'concat-shape-mismatch': {
    severity: 'error',
    title: 'Concatenate of mismatched shapes',
    docs: 'Concatenate on tensors that differ on an axis other than the concatenation axis.',
  },
  'reshape-size-mismatch': {
    severity: 'error',
    title: 'Reshape to a different size',
    docs: "Reshape's target shape does not hold the same number of elements as its input.",
  },
  'dot-axes-mismatch': {
    severity: 'error',
    title: 'Dot over axes of different sizes',
    docs: 'Dot (or `layers.dot`) over axes whose sizes differ.',
  },
  'invalid-config': {
    severity: 'error',
    title: 'Arguments the runtime rejects',
    docs: "A layer's arguments that its constructor or first call rejects (`Dropout(1.5)`, `padding='bogus'`, `filters: 0`, input channels not divisible by `groups`, a negative output size), in the runtime's words. Unrecognized keyword arguments are a warning. Only known values conflict: a value the analyzer cannot follow never raises.",
  },
  'invalid-input': {
    severity: 'error',
    title: 'Wrong number or kind of inputs',
    docs: 'A layer called on the wrong number of tensors (e.g. a merge layer on one tensor, an attention layer without its value).',
  },
  'graph-disconnected': {
    severity: 'error',
    title: 'Graph disconnected',
    docs: "A model's outputs depend on an Input that is not among the model's inputs, so the model cannot be built.",
  },
  'model-not-mapped': {
    severity: 'error',
    title: 'Model could not be mapped',
    docs: 'LayerGraph built the tensors of a `Model(...)` / `tf.model(...)` but could not turn them into a layer graph (a failure of ours): the model is missing from the summary and the graph. It is an error so that `layergraph check` fails instead of passing a file whose model it never saw.',
  },
  'unused-input': {
    severity: 'warning',
    title: 'Model input not used',
    docs: "An Input given to `Model(inputs=…)` that none of the model's outputs depends on.",
  },
  'syntax-error': {
    severity: 'error',
    title: 'Syntax error',
    docs: 'The file (or a project file it imports) does not parse; the analysis goes on with the statements around it.',
  },
  'unknown-layer': {
    severity: 'information',
    title: 'Layer class not in the catalog',
    docs: 'A layer class LayerGraph does not know (a custom or newer layer): a node with unknown output shape, never a false error.',
  },
  'assumed-layer-class': {
    severity: 'information',
    title: 'Layer class taken by its name',
    docs: '`something.Dense(…)` where `something` cannot be resolved statically (a `layers` module passed as an argument): a known Keras class name is taken as that class.',
  },
  'analysis-limit': {
    severity: 'information',
    title: 'Analysis budget reached',
    docs: 'The evaluation budget (fuel) or a size or nesting limit cut the analysis short at this place; the graph shows what was built up to it.',
  },
  'internal-error': {
    severity: 'information',
    title: 'Internal error of LayerGraph',
    docs: "A failure inside LayerGraph itself (a bug of ours, not of the code): reported once, with a partial graph, instead of stopping the analysis.",
  },
} as const satisfies Record<string, DiagnosticInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTICS;
export const DIAGNOSTIC_CODES = Object.keys(DIAGNOSTICS) as DiagnosticCode[];

/**
 * Structured facts of an error, beside its message (which keeps the runtime's words): what was checked, on which
 * axis, what was expected and what was received. Shapes use the IR's shape form.
 */
export interface DiagnosticDetail {
  kind: 'ndim' | 'min-ndim' | 'max-ndim' | 'axis' | 'shape';
  /** The input's index among the call's inputs. */
  input: number;
  axis?: number;
  expected?: number | (number | null)[];
  received?: number | (number | string | null)[];
}

/** A diagnostic the analyzer writes: code, severity and message, ready for GraphBuilder.report. */
export interface Message {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  detail?: DiagnosticDetail;
}

function msg(code: DiagnosticCode, message: string, severity: Severity = DIAGNOSTICS[code].severity): Message {
  return { code, severity, message };
}

/** The messages LayerGraph words itself (catalog errors come with the runtime's words instead). */
export const messages = {
  syntaxError: (text: string) => msg('syntax-error', text),
  unparsable: (reason: string) => msg('syntax-error', `LayerGraph could not parse this file: ${reason}`),
  unknownLayer: (what: string) => msg('unknown-layer', `LayerGraph does not know the layer ${what} yet; its output shape is treated as unknown.`),
  invalidConfig: (runtimeWords: string) => msg('invalid-config', runtimeWords),
  unrecognizedKeywords: (className: string, keys: string[]) =>
    msg('invalid-config', `Unrecognized keyword arguments passed to ${className}: {${keys.map((k) => `'${k}': …`).join(', ')}}`, 'warning'),
  notAShape: (value: number) => msg('invalid-config', `Cannot convert '${value}' to a shape.`),
  assumedLayerClass: (name: string) => msg('assumed-layer-class', `"${name}" is taken to be keras.layers.${name}: where it comes from is not known statically.`),
  nestedModelRejects: (runtimeWords: string, model: string) => msg('shape-mismatch', `${runtimeWords} (inside model "${model}", called here)`),
  graphDisconnected: (tensor: string, accessed: string) =>
    msg('graph-disconnected', `Graph disconnected: cannot obtain value for tensor ${tensor} at layer "${tensor}". The following previous layers were accessed without issue: ${accessed}`),
  unusedInput: (input: string, model: string) => msg('unused-input', `Input "${input}" of model "${model}" is not connected to any of its outputs.`),
  fuelExhausted: (fuel: number) =>
    msg('analysis-limit', `LayerGraph stopped analyzing here: the file needs more than ${fuel.toLocaleString('en-US')} evaluation steps (a very long or endless loop?). The graph shows what was built up to this point.`),
  limit: (text: string) => msg('analysis-limit', text),
  modelNotMapped: (name: string, error: unknown) =>
    msg('model-not-mapped', `LayerGraph could not map model "${name}", so it is not shown: ${error instanceof Error ? error.message : String(error)}`),
  internalError: (phase: string, error: unknown) => msg('internal-error', `LayerGraph ${phase}: ${error instanceof Error ? error.message : String(error)}`),
};

/** Which diagnostic a catalog error becomes (`input-spec` is refined by its detail and the call, see GraphBuilder). */
export const LAYER_ERROR_CODES: Record<LayerErrorCode, DiagnosticCode> = {
  'input-spec': 'shape-mismatch',
  'merge-shape': 'merge-shape-mismatch',
  'concat-shape': 'concat-shape-mismatch',
  'reshape-size': 'reshape-size-mismatch',
  'dot-axes': 'dot-axes-mismatch',
  'negative-dim': 'invalid-config',
  'invalid-config': 'invalid-config',
  'invalid-input': 'invalid-input',
};

/** The code of an InputSpec failure: a rank check is `rank-mismatch`; a later call of a shared layer says so. */
export function inputSpecCode(detail: DiagnosticDetail | undefined, callIndex: number): DiagnosticCode {
  if (detail && (detail.kind === 'ndim' || detail.kind === 'min-ndim' || detail.kind === 'max-ndim')) return 'rank-mismatch';
  return callIndex > 0 ? 'shared-layer-input' : 'shape-mismatch';
}
