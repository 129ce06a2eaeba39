// Turns the models a program built into ModelIR: Keras's graph mapping (keras/src/ops/function.py `map_graph`)
// for layer order and depths, connectivity errors, unused inputs, "sequential-like", and parameter totals.

import { messages } from '../../graph/diagnostics';
import type { CallIR, ModelIR } from '../../graph/ir';
import type { GraphBuilder } from './graphBuilder';
import type { ModelObj } from './values';

/**
 * Keras's `build_map`: a post-order walk from the outputs back to the inputs (stopping at model inputs and Input
 * layers), and each layer's first-visit index, which orders layers of equal depth.
 */
export function postOrder(g: GraphBuilder, inputs: number[], outputs: number[]): { order: CallIR[]; layerIndex: Map<number, number> } {
  const inputSet = new Set(inputs);
  const finished = new Set<number>();
  const inProgress = new Set<number>();
  const order: CallIR[] = [];
  const layerIndex = new Map<number, number>();
  // An explicit stack, not recursion: a chain of 100,000 layers is as deep as the graph, far deeper than the JS stack.
  // Each frame is a call and how many of its inputs were visited; the order produced is the recursive walk's.
  const stack: { call: CallIR; next: number; inputs: readonly number[] }[] = [];
  const enter = (t: number): void => {
    const producer = g.tensors[t]?.producer;
    if (!producer) return;
    const call = g.calls[producer.call];
    if (finished.has(call.id) || inProgress.has(call.id)) return;
    if (!layerIndex.has(call.layer)) layerIndex.set(call.layer, layerIndex.size);
    inProgress.add(call.id);
    stack.push({ call, next: 0, inputs: !isInputCall(g, call) && !inputSet.has(t) ? call.inputs : [] });
  };
  for (const t of outputs) {
    enter(t);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.inputs.length) {
        enter(top.inputs[top.next++]);
        continue;
      }
      stack.pop();
      inProgress.delete(top.call.id);
      finished.add(top.call.id);
      order.push(top.call);
    }
  }
  return { order, layerIndex };
}

export function isInputCall(g: GraphBuilder, c: CallIR): boolean {
  return g.layers[c.layer].className === 'InputLayer';
}

export function finalizeModel(g: GraphBuilder, model: ModelObj): ModelIR {
  const keras = g.dialect === 'keras';
  const inputSet = new Set(model.inputs);
  const isInput = (c: CallIR) => isInputCall(g, c);

  const { order, layerIndex } = postOrder(g, model.inputs, model.outputs);
  const finished = new Set(order.map((c) => c.id));

  // Depths: outputs are 0; a node's parents are one deeper; a shared layer takes its deepest node's depth.
  const nodeDepth = new Map<number, number>();
  const layerDepth = new Map<number, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const call = order[i];
    let depth = nodeDepth.get(call.id) ?? 0;
    depth = Math.max(depth, layerDepth.get(call.layer) ?? 0);
    layerDepth.set(call.layer, depth);
    nodeDepth.set(call.id, depth);
    if (isInput(call)) continue;
    for (const x of call.inputs) {
      if (inputSet.has(x) && !isInput(g.calls[g.tensors[x].producer?.call ?? call.id])) continue;
      const p = g.tensors[x].producer;
      if (p && finished.has(p.call)) nodeDepth.set(p.call, Math.max(depth + 1, nodeDepth.get(p.call) ?? 0));
    }
  }
  // Inputs not connected to the outputs still belong to the model (Keras allows them: losses may use them).
  const unused: number[] = [];
  for (const t of model.inputs) {
    const p = g.tensors[t].producer;
    if (!p) continue;
    const layer = g.calls[p.call].layer;
    if (!layerDepth.has(layer)) {
      layerDepth.set(layer, 0);
      layerIndex.set(layer, -1);
      unused.push(t);
    }
  }

  // Deepest first; within a depth, in first-visit order (Keras sorts by `operation_indices`).
  const layers = [...layerDepth.keys()].sort((a, b) => layerDepth.get(b)! - layerDepth.get(a)! || layerIndex.get(a)! - layerIndex.get(b)!);
  const position = new Map(order.map((c, i) => [c.id, i]));
  const calls = [...order].sort((a, b) => nodeDepth.get(b.id)! - nodeDepth.get(a.id)! || position.get(a.id)! - position.get(b.id)!);

  // Connectivity: walking deepest-first, every input tensor must be a model input or computed earlier. An Input
  // that is not among the model's inputs cannot be fed (TF.js and tf.keras report it at that input layer).
  const computable = new Set(model.inputs);
  const accessed: string[] = [];
  for (const call of calls) {
    const layer = g.layers[call.layer];
    if (isInput(call)) {
      const t = call.outputs[0];
      if (!computable.has(t)) {
        const list = keras ? `[${accessed.map((n) => `'${n}'`).join(', ')}]` : accessed.join(',');
        g.report(messages.graphDisconnected(layer.name, list), model.node, [{ range: call.range, message: `${layer.name} is created here but is not one of the model's inputs` }]);
      }
    }
    accessed.push(layer.name);
    for (const t of call.outputs) computable.add(t);
  }
  // When the graph passes through values the analyzer could not follow, an input may well be used: say nothing.
  const followed = !model.opaque && !order.some((c) => c.opaqueInputs && !isInput(c));
  for (const t of followed ? unused : []) {
    const call = g.calls[g.tensors[t].producer!.call];
    g.report(messages.unusedInput(g.layers[call.layer].name, model.name), call.range, [
      { range: g.range(model.node), message: `model "${model.name}" is created here` },
    ]);
  }

  // Sequential and subclassed models list no InputLayer (Keras creates none for a subclassed model).
  const operations = model.kind === 'sequential' ? (model.seqLayers ?? []).map((l) => l.id) : model.subclass ? layers.filter((l) => g.layers[l].className !== 'InputLayer') : layers;
  const modelLayers = operations.filter((l) => !g.layers[l].op);
  let total: number | null = 0;
  let trainable: number | null = 0;
  let nonTrainable: number | null = 0;
  for (const id of modelLayers) {
    const l = g.layers[id];
    total = total === null || l.params === null ? null : total + l.params;
    trainable = trainable === null || l.trainableParams === null ? null : trainable + l.trainableParams;
    nonTrainable = nonTrainable === null || l.nonTrainableParams === null ? null : nonTrainable + l.nonTrainableParams;
  }

  let totalExpr: string | undefined;
  if (total === null && modelLayers.every((id) => g.layers[id].params !== null || g.layers[id].paramsExpr !== undefined)) {
    totalExpr = modelLayers.map((id) => g.layers[id].paramsExpr ?? String(g.layers[id].params)).filter((x) => x !== '0').join(' + ');
  }
  return {
    id: model.id,
    name: model.name,
    kind: model.kind,
    variable: model.variable,
    range: g.range(model.node),
    inputs: model.inputs,
    outputs: model.outputs,
    layers: modelLayers,
    operations,
    calls: calls.map((c) => c.id),
    totalParams: total,
    trainableParams: trainable,
    nonTrainableParams: nonTrainable,
    ...(totalExpr ? { totalParamsExpr: totalExpr } : {}),
    sequentialLike: model.kind === 'sequential' || isSequentialLike(g, calls, nodeDepth),
    ...(model.training ? { training: model.training } : {}),
    ...(model.builder ? { builder: model.builder } : {}),
  };
}

/** Keras's `print_summary` test: one node per depth, each with one input, and no layer called twice. */
function isSequentialLike(g: GraphBuilder, calls: CallIR[], depth: Map<number, number>): boolean {
  const perDepth = new Map<number, number>();
  for (const c of calls) {
    const d = depth.get(c.id)!;
    perDepth.set(d, (perDepth.get(d) ?? 0) + 1);
    if (perDepth.get(d)! > 1 || c.inputs.length > 1) return false;
  }
  const seen = new Set<number>();
  for (const c of calls) {
    if (seen.has(c.layer)) return false;
    seen.add(c.layer);
  }
  void g;
  return true;
}
