// Builds a real TF.js LayersModel from an IR model: one TF.js layer object per LayerIR, applied once per CallIR, so a
// shared Keras layer is one TF.js layer with several inbound nodes. It does not train, and never builds an approximation.

import * as tfl from '@tensorflow/tfjs-layers';
import type { AnalysisResult, ModelIR } from '../graph/ir';
import { layerByKerasName } from '../layers/registry';
import { registerChainedOps } from './chainedOps';
import { planModel, UnsupportedError, type ModelPlan, type TfjsLayerPlan } from './translate';

export { UnsupportedError } from './translate';

registerChainedOps();

export interface BuiltModel {
  model: tfl.LayersModel;
  /** IR layer id → the TF.js layer object built for it (InputLayers included). */
  layers: Map<number, tfl.layers.Layer>;
  plan: ModelPlan;
}

type LayerFactory = (config: Record<string, unknown>) => tfl.layers.Layer;

function factory(name: string): LayerFactory | undefined {
  const f = (tfl.layers as unknown as Record<string, unknown>)[name];
  return typeof f === 'function' ? (f as LayerFactory) : undefined;
}

function createLayer(p: TfjsLayerPlan): tfl.layers.Layer {
  const what = `layer "${p.layer.name}" (${p.layer.className}, line ${p.layer.range.line})`;
  const make = factory(p.factory);
  if (!make) throw new UnsupportedError(`TF.js has no tf.layers.${p.factory}, needed for ${what}.`, p.layer.name, p.layer.range.line);
  try {
    const config = { ...p.config };
    if (p.inner) {
      const inner = factory(p.inner.factory);
      if (!inner) throw new Error(`TF.js has no tf.layers.${p.inner.factory}`);
      config.layer = inner(p.inner.config);
    }
    return make(config);
  } catch (e) {
    throw new UnsupportedError(`TF.js refused to create ${what}: ${e instanceof Error ? e.message : String(e)}`, p.layer.name, p.layer.range.line);
  }
}

function sameShape(a: (number | null)[], b: readonly (number | string | null)[] | null): boolean {
  if (b === null) return true;
  return a.length === b.length && a.every((d, i) => typeof b[i] !== 'number' || d === b[i]);
}

/** Builds and checks the model; needs a TF.js backend to be set (variables are created here). */
export function buildModel(analysis: AnalysisResult, model: ModelIR, plan: ModelPlan = planModel(analysis, model)): BuiltModel {
  const layerById = new Map(analysis.layers.map((l) => [l.id, l]));
  const callById = new Map(analysis.calls.map((c) => [c.id, c]));
  const tensorById = new Map(analysis.tensors.map((t) => [t.id, t]));
  const symbolic = new Map<number, tfl.SymbolicTensor>();
  const built = new Map<number, tfl.layers.Layer>();

  for (const callId of model.calls) {
    const call = callById.get(callId)!;
    const layer = layerById.get(call.layer)!;
    const p = plan.layers.get(call.layer)!;
    const at = `layer "${layer.name}" (${layer.className}) at line ${call.range.line}`;
    if (p.factory === 'input') {
      const shape = tensorById.get(call.outputs[0])?.shape ?? null;
      if (shape === null || shape.slice(1).some((d) => typeof d !== 'number')) {
        throw new UnsupportedError(`Input ${at} has a shape LayerGraph does not know statically (${JSON.stringify(shape)}); TF.js needs every dimension but the batch.`, layer.name, call.range.line);
      }
      const dtype = layer.config.dtype === 'int32' ? 'int32' : 'float32';
      const t = tfl.input({ batchShape: shape.map((d) => (typeof d === 'number' ? d : null)), dtype, name: layer.name });
      symbolic.set(call.outputs[0], t);
      built.set(layer.id, t.sourceLayer as tfl.layers.Layer);
      continue;
    }
    let tfLayer = built.get(layer.id);
    if (!tfLayer) {
      tfLayer = createLayer(p);
      built.set(layer.id, tfLayer);
    }
    const inputs = call.inputs.map((id) => symbolic.get(id));
    if (inputs.some((t) => t === undefined) || inputs.length === 0) {
      throw new UnsupportedError(`The call of ${at} takes a tensor LayerGraph cannot trace back to the model's inputs.`, layer.name, call.range.line);
    }
    const multi = layerByKerasName(layer.className)?.multiInput === true;
    let out: tfl.SymbolicTensor | tfl.SymbolicTensor[];
    try {
      out = tfLayer.apply(multi || inputs.length > 1 ? (inputs as tfl.SymbolicTensor[]) : inputs[0]!) as tfl.SymbolicTensor | tfl.SymbolicTensor[];
    } catch (e) {
      throw new UnsupportedError(`TF.js cannot call ${at}: ${e instanceof Error ? e.message : String(e)}`, layer.name, call.range.line);
    }
    const outs = Array.isArray(out) ? out : [out];
    call.outputs.forEach((id, i) => {
      const t = outs[i];
      if (!t) throw new UnsupportedError(`TF.js's ${at} returns ${outs.length} tensor(s), the analysis expected ${call.outputs.length}.`, layer.name, call.range.line);
      // The analyzer and TF.js must agree on every shape; if not, TF.js would train a different network.
      const expected = tensorById.get(id)?.shape ?? null;
      if (!sameShape(t.shape, expected)) {
        throw new UnsupportedError(`TF.js computes output shape ${JSON.stringify(t.shape)} for ${at}, the analysis says ${JSON.stringify(expected)}; not training a network that differs from the code.`, layer.name, call.range.line);
      }
      symbolic.set(id, t);
    });
  }

  const pick = (ids: number[], what: string) =>
    ids.map((id) => {
      const t = symbolic.get(id);
      if (!t) throw new UnsupportedError(`Model "${model.name}": one of its ${what} was not built from its inputs.`);
      return t;
    });
  let tfModel: tfl.LayersModel;
  try {
    tfModel = tfl.model({ inputs: pick(model.inputs, 'inputs'), outputs: pick(model.outputs, 'outputs'), name: model.name });
  } catch (e) {
    throw new UnsupportedError(`TF.js cannot assemble model "${model.name}": ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof model.totalParams === 'number' && tfModel.countParams() !== model.totalParams) {
    const n = tfModel.countParams();
    tfModel.dispose();
    throw new UnsupportedError(`TF.js's model "${model.name}" has ${n} parameters, the analysis counts ${model.totalParams}; not training a network that differs from the code.`);
  }
  return { model: tfModel, layers: built, plan };
}
