// What a translation returns, and the one fact both printers read from the IR beyond the plan: the names of a
// model's outputs (the producing layers' names), which Keras and TF.js use as keys of per-output losses.

import type { AnalysisResult, ModelIR } from '../graph/ir';
import type { Refusal } from './program';

export type Target = 'tfjs' | 'keras';

export interface Translation {
  /** The program in the other language; empty when no model could be translated. */
  code: string;
  language: 'typescript' | 'python';
  /** Variables of the translated models in the output. */
  translated: string[];
  refused: Refusal[];
  /** What was dropped or adapted that does not change the network (e.g. a seed TF.js does not take). */
  notes: string[];
}

export function outputLayerNames(analysis: AnalysisResult, model: ModelIR): string[] {
  const tensors = new Map(analysis.tensors.map((t) => [t.id, t]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  const layers = new Map(analysis.layers.map((l) => [l.id, l]));
  return model.outputs.map((id) => {
    const p = tensors.get(id)?.producer;
    const c = p ? calls.get(p.call) : undefined;
    return (c && layers.get(c.layer)?.name) ?? `output_${id}`;
  });
}
