// Test support: analyze a bundled example or a snippet, and read results by names rather than ids.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/analysis/analyze';
import type { AnalysisResult, ModelIR } from '../../src/graph/ir';

export const ROOT = join(__dirname, '..', '..', '..');

export function analyzeExample(relative: string): AnalysisResult {
  const file = join(ROOT, 'examples', relative);
  return analyzeText(readFileSync(file, 'utf8'), file);
}

export function modelNamed(r: AnalysisResult, variable: string): ModelIR {
  const m = r.models.find((x) => x.variable === variable);
  if (!m) throw new Error(`no model bound to ${variable}; have ${r.models.map((x) => x.variable).join(', ')}`);
  return m;
}

/** `name (Class): shape` per layer of a model, with each call's output shapes. */
export function layerRows(r: AnalysisResult, m: ModelIR): string[] {
  return m.layers.map((id) => {
    const l = r.layers[id];
    const shapes = l.calls.map((c) => r.calls[c].outputs.map((t) => JSON.stringify(r.tensors[t].shape)).join('+'));
    return `${l.name} (${l.className}) ${shapes.join(' ')} ${l.params}`;
  });
}

export function errors(r: AnalysisResult): AnalysisResult['diagnostics'] {
  return r.diagnostics.filter((d) => d.severity === 'error');
}
