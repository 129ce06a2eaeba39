// The one entry for translating model code: an analysis (and its source text) → the program in the other language.
// Python files translate to TF.js, TS/JS files to Keras; asking for the language a file is already in is refused.

import type { AnalysisResult } from '../graph/ir';
import { translateToKeras } from './keras';
import { translateToTfjs } from './tfjs';
import type { Target, Translation } from './types';

export type { Target, Translation } from './types';

export function translate(analysis: AnalysisResult, text: string, to: Target, modelName?: string): Translation {
  const python = analysis.language === 'python';
  if ((to === 'tfjs') !== python) {
    const reason = `the file is already ${python ? 'Keras (Python)' : 'TF.js'} code`;
    return { code: '', language: to === 'tfjs' ? 'typescript' : 'python', translated: [], refused: [{ model: '*', reason }], notes: [] };
  }
  try {
    return to === 'tfjs' ? translateToTfjs(analysis, text, modelName) : translateToKeras(analysis, text, modelName);
  } catch (e) {
    // A plan that cannot be printed (a model name that does not exist, a loss the other side lacks) is a refusal.
    return { code: '', language: to === 'tfjs' ? 'typescript' : 'python', translated: [], refused: [{ model: modelName ?? '*', reason: e instanceof Error ? e.message : String(e) }], notes: [] };
  }
}
