// Test support: analyze a snippet of Python or TS in memory and read the result by layer names, for the evaluator
// tests. It checks nothing itself.

import assert from 'node:assert/strict';
import { analyzeText } from '../../src/analysis/analyze';
import type { AnalysisResult } from '../../src/graph/ir';

export const py = (text: string) => analyzeText(text, 'snippet.py');
export const ts = (text: string) => analyzeText(text, 'snippet.ts');
/** Layer names of the first model, in model.layers order. */
export const names = (r: AnalysisResult) => r.models[0].layers.map((id) => r.layers[id].name);
/** Output shape of a layer's call (the first by default). */
export const shapeOf = (r: AnalysisResult, layerName: string, call = 0) => {
  const l = r.layers.find((x) => x.name === layerName);
  assert.ok(l, `no layer ${layerName}; have ${r.layers.map((x) => x.name).join(', ')}`);
  return r.tensors[r.calls[l.calls[call]].outputs[0]].shape;
};
/** `severity:code@line` per diagnostic. */
export const codes = (r: AnalysisResult) => r.diagnostics.map((d) => `${d.severity}:${d.code}@${d.range.line}`);
