// A notebook's analysis: parse the nbformat JSON, join the code cells into one program (program.ts), analyze it
// with the ordinary Python pipeline, and keep the program so every range can be mapped back to its cell. Ranges in
// the result stay in program coordinates; callers map what they show (toCellPosition, cellJson). Never throws on
// a file: malformed JSON and non-Python kernels come back as a message.

import { analyzeText, type AnalyzeOptions } from '../analysis/analyze';
import type { AnalysisResult } from '../graph/ir';
import { isForeignKernel, NotebookFormatError, parseNotebook, type NotebookCell } from './nbformat';
import { assembleProgram, LoweringCache, type NotebookProgram } from './program';

export type NotebookAnalysis =
  | { kind: 'analyzed'; result: AnalysisResult; program: NotebookProgram; cells: NotebookCell[] }
  /** Not a notebook we can read: the reason, one line. */
  | { kind: 'invalid'; message: string }
  /** An R, Julia, … notebook: nothing to analyze, said once. */
  | { kind: 'foreign'; language: string; message: string };

export function isNotebookFile(fileName: string): boolean {
  return /\.ipynb$/i.test(fileName);
}

export type PreparedNotebook =
  | { kind: 'program'; program: NotebookProgram; cells: NotebookCell[] }
  | Exclude<NotebookAnalysis, { kind: 'analyzed' }>;

/** Parses and joins the cells without analyzing: the CLI analyzes the program with its own analyzer. */
export function prepareNotebook(json: string, cache?: LoweringCache): PreparedNotebook {
  let cells: NotebookCell[];
  let language: string | undefined;
  try {
    ({ cells, language } = parseNotebook(json));
  } catch (e) {
    if (e instanceof NotebookFormatError) return { kind: 'invalid', message: e.message };
    throw e;
  }
  if (isForeignKernel(language)) {
    return { kind: 'foreign', language: language!, message: `the notebook's kernel language is ${language}; only Python notebooks are analyzed` };
  }
  return { kind: 'program', program: assembleProgram(cells, cache), cells };
}

export function analyzeNotebookText(json: string, fileName: string, options: AnalyzeOptions = {}, cache?: LoweringCache): NotebookAnalysis {
  const prepared = prepareNotebook(json, cache);
  if (prepared.kind !== 'program') return prepared;
  const result = analyzeText(prepared.program.text, fileName, { ...options, language: 'python' });
  return { kind: 'analyzed', result, program: prepared.program, cells: prepared.cells };
}

/** The cells as an editor holds them (VS Code's notebook document): no JSON involved. */
export function analyzeNotebookCells(cells: NotebookCell[], fileName: string, options: AnalyzeOptions = {}, cache?: LoweringCache): NotebookAnalysis {
  const program = assembleProgram(cells, cache);
  const result = analyzeText(program.text, fileName, { ...options, language: 'python' });
  return { kind: 'analyzed', result, program, cells };
}
