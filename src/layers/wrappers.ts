// Wrappers: TimeDistributed and Bidirectional (keras/src/layers/core/wrapper.py, rnn/bidirectional.py,
// rnn/time_distributed.py; tfjs-layers/src/layers/wrappers.ts). They run the wrapped layer's own catalog rules on
// the shape it would see; they know no particular inner layer. A wrapped layer we cannot read makes sizes unknown.

import { dimMul, formatShapePython, type Shape } from '../graph/shape';
import { callLayer, type CallOutcome } from './apply';
import { checkJsUnion, invalid, pyStr } from './config';
// A cycle (the registry lists this family): lookups happen at call time only, never while modules load.
import { layerByKerasName, layerByTfjsFactory } from './registry';
import { isNestedLayer, isUnknown, LayerError, type CallContext, type ConfigValue, type LayerConfig, type LayerDef, type NestedLayer, type WeightDef } from './types';

/** The wrapped layer's catalog entry, if the argument is a layer we know. */
function innerDef(v: ConfigValue | undefined): { nested: NestedLayer; def: LayerDef } | undefined {
  if (!isNestedLayer(v)) return undefined;
  const def = layerByKerasName(v.$layer) ?? layerByTfjsFactory(v.$layer);
  return def ? { nested: v, def } : undefined;
}

/** One call of the wrapped layer on `shape`; its error (if any) is rethrown as the wrapper's. */
function runInner(inner: { nested: NestedLayer; def: LayerDef }, shape: Shape, ctx: CallContext, layerName: string): CallOutcome & { build: NonNullable<CallOutcome['build']> } {
  const outcome = callLayer(inner.def, inner.nested.config, [shape], { dialect: ctx.dialect, layerName }, undefined);
  if (outcome.error) throw outcome.error;
  if (outcome.internalError) throw new Error(outcome.internalError);
  return { ...outcome, build: outcome.build ?? { weights: [] } };
}

/** TF.js's TimeDistributed calls the inner layer's build() and computeOutputShape() directly, without the inner
 *  InputSpec check (Flatten's min_ndim=3, LSTM's ndim=3): TS/JS files get that; Python files the checked call. */
function runInnerUnchecked(inner: { nested: NestedLayer; def: LayerDef }, shape: Shape, ctx: CallContext): { outputs: Shape[]; weights: WeightDef[] } {
  const config = inner.nested.config;
  const weights = inner.def.build?.(config, [shape], ctx)?.weights ?? [];
  // An axis the inner layer reads that the input does not have (LSTM's features on a 2-D child): TF.js then fails
  // creating the weight, in these words.
  const broken = weights.find((w) => w.shape.some((d) => d === undefined));
  if (broken) {
    throw new LayerError('input-spec', `Tensor must have a shape comprised of positive integers but got shape [${broken.shape.map((d) => d ?? '').join(',')}].`);
  }
  const result = inner.def.computeOutputShape(config, [shape], ctx);
  return { outputs: inner.def.returnsList?.(config) ? (result as Shape[]) : [result as Shape], weights };
}

/** Weights of unknown size: what a wrapper reports when the wrapped layer is not statically known. */
const unknownWeights = (): WeightDef[] => [{ name: 'layer', shape: [null], trainable: true }];

function notALayer(className: string, v: ConfigValue | undefined, ctx: CallContext): void {
  // Only a value we know is not a layer (a number, a string …) is an error; an unknown one may well be a layer.
  if (v === undefined || isUnknown(v) || isNestedLayer(v)) return;
  if (ctx.dialect === 'keras') {
    throw invalid(
      className === 'Bidirectional'
        ? `Please initialize \`Bidirectional\` layer with a \`keras.layers.Layer\` instance. Received: ${pyStr(v)}`
        : `Please initialize \`TimeDistributed\` layer with a \`keras.layers.Layer\` instance. Received: ${pyStr(v)}`,
    );
  }
}

const TimeDistributed: LayerDef = {
  className: 'TimeDistributed',
  notes: 'TF.js builds the wrapped layer directly, skipping its InputSpec; Keras checks it. An unknown wrapped layer keeps the rank with unknown sizes.',
  tfjsFactory: 'timeDistributed',
  args: [{ py: 'layer', js: 'layer' }],
  validateConfig(config, ctx) {
    notALayer('TimeDistributed', config.layer, ctx);
  },
  build(config, [input], ctx) {
    checkTimeRank(input, ctx);
    const inner = innerDef(config.layer);
    const child = [input[0], ...input.slice(2)];
    const weights = !inner
      ? unknownWeights()
      : ctx.dialect === 'tfjs'
        ? runInnerUnchecked(inner, child, ctx).weights
        : runInner(inner, child, ctx, innerName(inner, ctx, ctx.layerName)).build.weights;
    // TF.js pins the whole input shape for later calls; Keras 3 pins nothing of its own.
    return { weights, inputSpec: ctx.dialect === 'tfjs' ? { shape: input.map((d) => (typeof d === 'number' ? d : null)) } : undefined };
  },
  computeOutputShape(config, [input], ctx) {
    checkTimeRank(input, ctx);
    const inner = innerDef(config.layer);
    // Unknown inner layer: keep the rank (right for Dense, convolutions, normalization…), sizes unknown.
    if (!inner) return [input[0], input[1], ...input.slice(2).map(() => null)];
    const childInput = [input[0], ...input.slice(2)];
    const child =
      ctx.dialect === 'tfjs' ? runInnerUnchecked(inner, childInput, ctx).outputs[0] : runInner(inner, childInput, ctx, innerName(inner, ctx, ctx.layerName)).outputs[0];
    return [child[0], input[1], ...child.slice(1)];
  },
};

/** Whose name the wrapped layer's messages carry: Keras runs the inner layer itself (its own name); TF.js checks
 *  inputs against the wrapper (Bidirectional copies the RNN's InputSpec), so its messages name the wrapper. */
function innerName(inner: { nested: NestedLayer }, ctx: CallContext, wrapperName: string, prefix = ''): string {
  return ctx.dialect === 'keras' ? `${prefix}${inner.nested.name}` : wrapperName;
}

function checkTimeRank(input: Shape, ctx: CallContext): void {
  if (input.length >= 3) return;
  throw new LayerError(
    'input-spec',
    ctx.dialect === 'keras'
      ? `\`TimeDistributed\` Layer should be passed an \`input_shape\` with at least 3 dimensions, received: ${formatShapePython(input)}`
      : `TimeDistributed layer expects an input shape >= 3D, but received input shape ${JSON.stringify(input)}`,
  );
}

const MERGE_MODES = ['sum', 'mul', 'concat', 'ave'];

/** Does the wrapped RNN return its states too? */
const innerReturnsState = (config: LayerConfig): boolean => isNestedLayer(config.layer) && config.layer.config.return_state === true;

const Bidirectional: LayerDef = {
  className: 'Bidirectional',
  notes: 'TF.js has no backward_layer; Keras 3 rejects a layer without go_backwards (Dense). initial_state / constants not modelled.',
  tfjsFactory: 'bidirectional',
  args: [
    { py: 'layer', js: 'layer' },
    { py: 'merge_mode', js: 'mergeMode', default: 'concat' },
    { py: 'weights', js: 'weights', default: null },
    // Keras only: TF.js always builds the backward layer as a copy of `layer` with go_backwards flipped.
    { py: 'backward_layer', default: null },
  ],
  returnsList: (config) => config.merge_mode === null || innerReturnsState(config),
  validateConfig(config, ctx) {
    notALayer('Bidirectional', config.layer, ctx);
    const mode = config.merge_mode;
    if (ctx.dialect === 'tfjs') {
      checkJsUnion(mode, MERGE_MODES, 'BidirectionalMergeMode');
      if (config.weights !== null && config.weights !== undefined && !isUnknown(config.weights)) {
        throw invalid('weights support is not implemented for Bidirectional layer yet.');
      }
      return;
    }
    if (typeof mode === 'string' && !MERGE_MODES.includes(mode)) {
      throw invalid(`Invalid merge mode. Received: ${mode}. Merge mode should be one of {"sum", "mul", "ave", "concat", None}`);
    }
    const inner = innerDef(config.layer);
    // Keras 3 re-creates the layer with go_backwards flipped: a layer without that argument (Dense …) fails there.
    if (inner && !inner.def.args.some((a) => a.py === 'go_backwards')) {
      throw invalid(`Unrecognized keyword arguments passed to ${inner.nested.$layer}: {'go_backwards': True}`);
    }
    const backward = config.backward_layer;
    if (inner && isNestedLayer(backward)) {
      const f = inner.nested.config;
      const b = backward.config;
      if (typeof f.go_backwards === 'boolean' && f.go_backwards === b.go_backwards) {
        throw invalid(
          `Forward layer and backward layer should have different \`go_backwards\` value. Received: forward_layer.go_backwards ${pyStr(f.go_backwards)}, backward_layer.go_backwards=${pyStr(b.go_backwards)}`,
        );
      }
      for (const a of ['stateful', 'return_sequences', 'return_state']) {
        if (typeof f[a] === 'boolean' && typeof b[a] === 'boolean' && f[a] !== b[a]) {
          throw invalid(
            `Forward layer and backward layer are expected to have the same value for attribute "${a}", got "${pyStr(f[a])}" for forward layer and "${pyStr(b[a])}" for backward layer`,
          );
        }
      }
    }
  },
  build(config, [input], ctx) {
    const forward = innerDef(config.layer);
    if (!forward) return { weights: unknownWeights() };
    const backward = (ctx.dialect === 'keras' ? innerDef(config.backward_layer) : undefined) ?? forward;
    const prefixed = (ws: WeightDef[], side: string, name: string) => ws.map((w) => ({ ...w, name: `${side}_${name}/${w.name}` }));
    const fw = runInner(forward, input, ctx, innerName(forward, ctx, ctx.layerName, 'forward_')).build.weights;
    const bw = runInner(backward, input, ctx, innerName(backward, ctx, ctx.layerName, 'backward_')).build.weights;
    return { weights: [...prefixed(fw, 'forward', forward.nested.name), ...prefixed(bw, 'backward', backward.nested.name)] };
  },
  computeOutputShape(config, [input], ctx): Shape | Shape[] {
    const forward = innerDef(config.layer);
    const mode = config.merge_mode;
    if (!forward) {
      const unknown: Shape = [input[0], null];
      return config.merge_mode === null ? [unknown, unknown] : unknown;
    }
    const outputs = runInner(forward, input, ctx, innerName(forward, ctx, ctx.layerName, 'forward_')).outputs;
    const returnState = innerReturnsState(config);
    const output = outputs[0];
    const states = returnState ? outputs.slice(1) : [];
    let merged: Shape[];
    if (mode === 'concat') merged = [[...output.slice(0, -1), dimMul(output[output.length - 1], 2)]];
    else if (mode === null) merged = [output, output.slice()];
    else if (isUnknown(mode)) merged = [[...output.slice(0, -1), null]]; // concat or not: the last size is unknown
    else merged = [output];
    if (returnState) return [...merged, ...states, ...states.map((s) => s.slice())];
    return mode === null ? merged : merged[0];
  },
};

export const wrapperLayers: LayerDef[] = [TimeDistributed, Bidirectional];
