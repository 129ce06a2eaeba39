// Quick fixes for tensors of the wrong shape: wrap the offending input in `Flatten()`, `GlobalAveragePooling2D()` or
// `Reshape(target)` (target computed from the known shape), change `units`/`filters` of the layer that produced it to
// the size needed, and for merges of unequal branches a Dense / 1×1 Conv projection of the smaller branch or a change
// of its units. Every fix reads the IR's shapes and the diagnostic's detail; unknown dimensions mean no fix.

import type { CallIR, Diagnostic, LayerIR } from '../graph/ir';
import { callArgs, callAt, isPython, keyedValue, newLayer, pyTuple, splitItems, type Span } from './fixesText';
import type { Rewrite, RewriteInput, TextEdit } from './types';

type Dims = (number | null)[];

function shapeOf(input: RewriteInput, tensor: number | undefined): Dims | null {
  const s = tensor === undefined ? null : input.result.tensors[tensor]?.shape;
  return Array.isArray(s) && s.every((d) => d === null || typeof d === 'number') ? (s as Dims) : null;
}

function known(dims: Dims): dims is number[] {
  return dims.every((d) => typeof d === 'number');
}

/** The text span of the call's `index`-th tensor argument (the single argument, or an item of a list argument). */
function tensorArgument(input: RewriteInput, call: CallIR, index: number): Span | null {
  const args = callArgs(input.text, call.range);
  if (!args) return null;
  const items = splitItems(input.text, args);
  const first = items[0];
  if (!first) return null;
  const value = keyedValue(input.text, first, 'inputs') ?? first;
  if (input.text[value.start] === '[') {
    const elems = splitItems(input.text, { start: value.start + 1, end: value.end - 1 });
    return elems[index] ?? null;
  }
  return index === 0 && call.inputs.length === 1 ? value : null;
}

/** Wrap the argument `arg` of a call in a new layer's call: `Flatten()(x)` / `tf.layers.flatten().apply(x)`. */
function wrapIn(input: RewriteInput, arg: Span, layerText: string, imports: TextEdit[]): TextEdit[] {
  const inner = input.text.slice(arg.start, arg.end);
  const call = isPython(input) ? `${layerText}(${inner})` : `${layerText}.apply(${inner})`;
  return [...imports, { file: 0, start: arg.start, end: arg.end, newText: call }];
}

interface Insert {
  className: string;
  pyArgs: string;
  tsArgs: string;
  title: string;
  preferred: boolean;
}

function insertFix(input: RewriteInput, d: Diagnostic, call: CallIR, index: number, ins: Insert): Rewrite | null {
  const layer = input.result.layers[call.layer];
  const arg = tensorArgument(input, call, index);
  const made = layer && arg && newLayer(input, layer, ins.className, ins.pyArgs, ins.tsArgs);
  if (!made || !arg) return null;
  return { title: ins.title, kind: 'quickfix', isPreferred: ins.preferred || undefined, fixes: [d], edits: wrapIn(input, arg, made.text, made.imports) };
}

/** Reshape targets that bring `dims` (with batch axis) to `rank`, most natural first. */
function reshapeTargets(dims: number[], rank: number): number[][] {
  const body = dims.slice(1);
  const want = rank - 1;
  if (want < 1) return [];
  if (body.length > want) {
    const head = body.slice(0, want - 1);
    const rest = body.slice(want - 1).reduce((a, b) => a * b, 1);
    return [[...head, rest]];
  }
  const out: number[][] = [];
  if (body.length === 1 && want === 3) {
    const side = Math.round(Math.sqrt(body[0]));
    if (side * side === body[0] && side > 1) out.push([side, side, 1]);
  }
  out.push([...body, ...Array(want - body.length).fill(1)]);
  return out;
}

function rankFixes(input: RewriteInput, d: Diagnostic, call: CallIR): Rewrite[] {
  const detail = d.detail;
  if (!detail || typeof detail.expected !== 'number') return [];
  const dims = shapeOf(input, call.inputs[detail.input]);
  if (!dims || !known(dims.slice(1))) return [];
  const full = [0, ...(dims.slice(1) as number[])];
  const rank = dims.length;
  const target = detail.kind === 'min-ndim' ? Math.max(detail.expected, rank) : detail.kind === 'max-ndim' ? Math.min(detail.expected, rank) : detail.expected;
  if (target === rank) return [];
  const out: (Rewrite | null)[] = [];
  if (target < rank && target === 2) {
    out.push(insertFix(input, d, call, detail.input, { className: 'Flatten', pyArgs: '', tsArgs: '', title: 'Insert Flatten() before this layer', preferred: true }));
    if (rank === 4) {
      out.push(insertFix(input, d, call, detail.input, {
        className: 'GlobalAveragePooling2D', pyArgs: '', tsArgs: '', title: 'Insert GlobalAveragePooling2D() before this layer', preferred: false,
      }));
    }
  }
  // Reshape is preferred where Flatten does not apply: then the first target is the natural one.
  const flattens = target < rank && target === 2;
  reshapeTargets(full, target).forEach((t, i) => {
    const py = pyTuple(t);
    out.push(insertFix(input, d, call, detail.input, {
      className: 'Reshape', pyArgs: py, tsArgs: `{targetShape: [${t.join(', ')}]}`, title: `Insert Reshape(${py}) before this layer`, preferred: !flattens && i === 0,
    }));
  });
  return out.filter((r): r is Rewrite => r !== null);
}

const SIZE_ARGUMENT: Record<string, string> = {
  Dense: 'units', Conv1D: 'filters', Conv2D: 'filters', Conv3D: 'filters', Conv1DTranspose: 'filters', Conv2DTranspose: 'filters',
  SeparableConv1D: 'filters', SeparableConv2D: 'filters', LSTM: 'units', GRU: 'units', SimpleRNN: 'units', Embedding: 'output_dim',
};
const TFJS_NAMES: Record<string, string> = { output_dim: 'outputDim' };

/** The literal value of the layer's `units`/`filters` in its constructor text. */
function sizeLiteral(input: RewriteInput, layer: LayerIR): { arg: string; span: Span } | null {
  const arg = SIZE_ARGUMENT[layer.className];
  if (!arg || layer.range.file !== 0) return null;
  const args = callArgs(input.text, layer.range);
  if (!args) return null;
  let items = splitItems(input.text, args);
  if (!isPython(input)) {
    if (!items[0] || input.text[items[0].start] !== '{') return null;
    items = splitItems(input.text, { start: items[0].start + 1, end: items[0].end - 1 });
  }
  const key = isPython(input) ? arg : TFJS_NAMES[arg] ?? arg;
  let span = items.map((it) => keyedValue(input.text, it, key)).find((s) => s !== null) ?? null;
  if (!span && isPython(input) && items[0] && !/^\w+\s*=/.test(input.text.slice(items[0].start, items[0].end))) span = items[0];
  return span && /^\d+$/.test(input.text.slice(span.start, span.end)) ? { arg, span } : null;
}

/** Change the producing layer's units/filters so the tensor `tensor` gets `size` features on its last axis. */
function resizeProducer(input: RewriteInput, d: Diagnostic, tensor: number | undefined, size: number, preferred: boolean): Rewrite | null {
  const producer = tensor === undefined ? undefined : input.result.tensors[tensor]?.producer;
  const layer = producer ? input.result.layers[input.result.calls[producer.call]?.layer] : undefined;
  const lit = layer && sizeLiteral(input, layer);
  if (!layer || !lit) return null;
  const now = input.text.slice(lit.span.start, lit.span.end);
  return {
    title: `Change ${lit.arg} of ${layer.variable ?? layer.name} from ${now} to ${size}`,
    kind: 'quickfix',
    isPreferred: preferred || undefined,
    fixes: [d],
    edits: [{ file: 0, start: lit.span.start, end: lit.span.end, newText: String(size) }],
  };
}

function axisFixes(input: RewriteInput, d: Diagnostic, call: CallIR): Rewrite[] {
  const detail = d.detail;
  if (!detail || detail.kind !== 'axis' || typeof detail.expected !== 'number') return [];
  const dims = shapeOf(input, call.inputs[detail.input]);
  if (!dims || (detail.axis !== -1 && detail.axis !== dims.length - 1)) return [];
  const r = resizeProducer(input, d, call.inputs[detail.input], detail.expected, false);
  return r ? [r] : [];
}

export function shapeFixes(input: RewriteInput, d: Diagnostic): Rewrite[] {
  const call = callAt(input, d.range);
  if (!call || call.range.file !== 0) return [];
  if (d.detail && d.detail.kind !== 'axis' && d.detail.kind !== 'shape') return rankFixes(input, d, call);
  return axisFixes(input, d, call);
}

/** Merge/concatenate of branches that differ only in their last axis: project or resize the smaller ones. */
export function mergeFixes(input: RewriteInput, d: Diagnostic): Rewrite[] {
  const call = callAt(input, d.range);
  if (!call || call.range.file !== 0) return [];
  const shapes = call.inputs.map((t) => shapeOf(input, t));
  if (shapes.some((s) => !s) || shapes.length < 2) return [];
  const dims = shapes as Dims[];
  const rank = dims[0].length;
  if (dims.some((s) => s.length !== rank) || rank < 2) return [];
  const lastSizes = dims.map((s) => s[rank - 1]);
  if (lastSizes.some((n) => typeof n !== 'number')) return [];
  const same = (a: Dims, b: Dims) => a.slice(1, -1).every((x, i) => x === b[i + 1]);
  if (!dims.every((s) => same(s, dims[0]))) return [];
  const target = Math.max(...(lastSizes as number[]));
  const smaller = lastSizes.map((n, i) => (n === target ? -1 : i)).filter((i) => i >= 0);
  if (smaller.length === 0) return [];
  const layer = input.result.layers[call.layer];
  const conv = rank === 4;
  const className = conv ? 'Conv2D' : 'Dense';
  const made = layer && newLayer(input, layer, className, conv ? `${target}, 1` : String(target), conv ? `{filters: ${target}, kernelSize: 1}` : `{units: ${target}}`);
  const out: Rewrite[] = [];
  if (made) {
    const edits: TextEdit[] = [...made.imports];
    for (const i of smaller) {
      const arg = tensorArgument(input, call, i);
      if (!arg) return [];
      edits.push(...wrapIn(input, arg, made.text, []));
    }
    out.push({
      title: `Project the smaller branch with ${conv ? `a 1×1 Conv2D(${target})` : `Dense(${target})`}`,
      kind: 'quickfix',
      isPreferred: true,
      fixes: [d],
      edits,
    });
  }
  const resized = smaller.map((i) => resizeProducer(input, d, call.inputs[i], target, false));
  if (resized.every((r) => r !== null) && resized.length > 0) {
    const edits = resized.flatMap((r) => r!.edits);
    out.push({ ...resized[0]!, title: resized.length === 1 ? resized[0]!.title : `Change the smaller branches' size to ${target}`, edits });
  }
  return out;
}
