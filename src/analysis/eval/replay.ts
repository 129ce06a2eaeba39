// Shapes of a model called as a layer on new inputs (Keras nested models: towers, encoders, a GAN's generator
// inside the combined model): re-runs the model's recorded graph through the catalog without recording anything.

import type { CallIR } from '../../graph/ir';
import { shapesCompatible, type Shape } from '../../graph/shape';
import { callLayer } from '../../layers/apply';
import type { GraphBuilder } from './graphBuilder';
import { isInputCall, postOrder } from './models';
import type { ModelObj } from './values';

/** Nested models inside nested models beyond this are left unknown. */
export const MAX_MODEL_NESTING = 16;

export interface ReplayResult {
  outputs: (Shape | null)[];
  /** The first call inside the model that rejects the new inputs. */
  error?: { message: string; call: CallIR };
}

export function replayModel(g: GraphBuilder, model: ModelObj, inputShapes: (Shape | null)[], modelOfLayer: Map<number, ModelObj>, depth = 0): ReplayResult {
  const original = model.inputs.map((t) => g.tensors[t].shape);
  // The common case (a tower applied to inputs like the ones it was built on) needs no replay.
  if (inputShapes.length === original.length && inputShapes.every((s, i) => s && original[i] && shapesCompatible(s, original[i]!) && s.length === original[i]!.length && s.every((d, k) => d === original[i]![k]))) {
    return { outputs: model.outputs.map((t) => g.tensors[t].shape) };
  }
  if (depth > MAX_MODEL_NESTING) return { outputs: model.outputs.map(() => null) };
  const known = new Map<number, Shape | null>();
  model.inputs.forEach((t, i) => known.set(t, inputShapes[i] ?? null));
  const shapeOf = (t: number) => (known.has(t) ? known.get(t)! : g.tensors[t].shape);
  const { order } = postOrder(g, model.inputs, model.outputs);
  for (const call of order) {
    if (isInputCall(g, call) || known.has(call.outputs[0])) continue;
    const layer = g.objs[call.layer];
    const primary = g.primaryInputs.get(call.id) ?? call.inputs.length;
    const ins = call.inputs.slice(0, primary).map(shapeOf);
    const changed = ins.some((s, i) => s !== g.tensors[call.inputs[i]].shape);
    let outs: (Shape | null)[];
    const inner = modelOfLayer.get(layer.id);
    if (!changed) outs = call.outputs.map((t) => g.tensors[t].shape);
    else if (inner) {
      const r = replayModel(g, inner, ins, modelOfLayer, depth + 1);
      if (r.error) return { outputs: [], error: r.error };
      outs = r.outputs;
    } else if (!layer.def || layer.isOp || ins.some((s) => s === null) || layer.className === 'Lambda') {
      outs = call.outputs.map(() => null);
    } else {
      const outcome = callLayer(layer.def, layer.config, ins as Shape[], { dialect: g.dialect, layerName: layer.name }, layer.built);
      if (outcome.error) return { outputs: [], error: { message: outcome.error.message, call } };
      outs = outcome.internalError ? call.outputs.map(() => null) : outcome.outputs;
    }
    call.outputs.forEach((t, i) => known.set(t, outs[i] ?? null));
  }
  return { outputs: model.outputs.map(shapeOf) };
}
