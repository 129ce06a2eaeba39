// The pipeline's entry: text in, AnalysisResult out. Picks the front-end by file name, lowers, evaluates.
// (Skeleton: the evaluator is being written; until then this returns an empty result.)

import type { AnalysisResult, Language } from '../graph/ir';

export function languageOf(fileName: string): Language | undefined {
  if (/\.pyi?$/i.test(fileName)) return 'python';
  if (/\.(ts|tsx|mts|cts)$/i.test(fileName)) return 'typescript';
  if (/\.(js|jsx|mjs|cjs)$/i.test(fileName)) return 'javascript';
  return undefined;
}

export interface AnalyzeOptions {
  /** Evaluation budget (steps); see DEFAULT_FUEL in the evaluator. */
  fuel?: number;
  version?: number;
}

export function analyzeText(text: string, fileName: string, options: AnalyzeOptions = {}): AnalysisResult {
  const language = languageOf(fileName) ?? 'python';
  void text;
  return {
    file: fileName,
    language,
    version: options.version,
    models: [],
    layers: [],
    calls: [],
    tensors: [],
    diagnostics: [],
    stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 },
  };
}
