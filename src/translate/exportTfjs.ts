// A model as a TF.js layers-model: `model.json` (topology and weights manifest, as `model.save()` writes it) and
// `weights.bin`, built by TF.js itself from the IR (src/train/buildModel.ts), so `tf.loadLayersModel` reads it back.
// Given trained weights (the trainer's, in Keras's model.weights order) they replace the initial ones; without, the
// weights are TF.js's fresh initialization. Needs a TF.js backend; it writes no files (the caller does).

import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { AnalysisResult } from '../graph/ir';
import { buildModel } from '../train/buildModel';
import { pickModel, UnsupportedError } from '../train/translate';
import type { NestedNumbers } from '../train/protocol';

/** A weight as `layergraph train --json` prints it. */
export interface GivenWeight {
  layer: string;
  name: string;
  shape: number[];
  values: NestedNumbers;
}

export interface TfjsExport {
  modelJson: Record<string, unknown>;
  weightData: ArrayBuffer;
  /** Model name in the file. */
  model: string;
}

function flat(v: NestedNumbers, out: number[]): number[] {
  if (typeof v === 'number') out.push(v);
  else for (const x of v) flat(x, out);
  return out;
}

function setWeights(model: tfl.LayersModel, built: Map<number, tfl.layers.Layer>, analysis: AnalysisResult, given: GivenWeight[]): void {
  const byLayer = new Map<string, GivenWeight[]>();
  for (const w of given) byLayer.set(w.layer, [...(byLayer.get(w.layer) ?? []), w]);
  const names = new Map(analysis.layers.map((l) => [l.id, l.name]));
  let used = 0;
  for (const [id, layer] of built) {
    const ws = byLayer.get(names.get(id) ?? '');
    if (!ws || layer.weights.length === 0) continue;
    if (ws.length !== layer.weights.length) throw new UnsupportedError(`layer "${names.get(id)}" has ${layer.weights.length} weights, the weights file gives ${ws.length}`);
    const tensors = ws.map((w, i) => {
      const shape = layer.weights[i].shape as number[];
      if (JSON.stringify(shape) !== JSON.stringify(w.shape)) throw new UnsupportedError(`weight "${w.name}" has shape ${JSON.stringify(w.shape)}, the model's is ${JSON.stringify(shape)}`);
      return tfc.tensor(flat(w.values, []), shape, 'float32');
    });
    layer.setWeights(tensors);
    tensors.forEach((t) => t.dispose());
    used += ws.length;
  }
  if (used !== given.length) throw new UnsupportedError(`the weights file has ${given.length - used} weight(s) for layers the model does not have`);
  void model;
}

/** Builds the model in TF.js and serializes it the way `model.save()` does. */
export async function exportTfjs(analysis: AnalysisResult, modelName: string | undefined, weights?: GivenWeight[]): Promise<TfjsExport> {
  if (tfc.getBackend() === undefined || tfc.getBackend() === null) await tfc.setBackend('cpu');
  await tfc.ready();
  const ir = pickModel(analysis, modelName);
  const built = buildModel(analysis, ir);
  try {
    if (weights) setWeights(built.model, built.layers, analysis, weights);
    let saved: tfc.io.ModelArtifacts | undefined;
    await built.model.save(
      tfc.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    if (!saved) throw new UnsupportedError('TF.js saved nothing');
    const data = saved.weightData;
    const weightData = data === undefined ? new ArrayBuffer(0) : Array.isArray(data) ? tfc.io.concatenateArrayBuffers(data) : data;
    const modelJson: Record<string, unknown> = {
      modelTopology: saved.modelTopology,
      format: 'layers-model',
      generatedBy: saved.generatedBy,
      convertedBy: 'LayerGraph',
      weightsManifest: [{ paths: ['weights.bin'], weights: saved.weightSpecs ?? [] }],
    };
    return { modelJson, weightData, model: ir.name };
  } finally {
    built.model.dispose();
  }
}
