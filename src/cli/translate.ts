// `layergraph translate FILE --to tfjs|keras [--model NAME]`: prints the file's models in the other language
// (src/translate/), refusals on stderr with their reasons. It reads and analyzes the file; it does not run anything.

import { translate, type Target } from '../translate';
import type { AnalysisResult } from '../graph/ir';

export const TRANSLATE_HELP = `  translate FILE --to tfjs|keras [--model NAME]
                            Print the file's models as code for the other runtime: a
                            TypeScript module for TF.js (each model exported under its
                            variable) from Python, a Keras Python file from TS/JS. The
                            same layers, names, shapes and sharing; compile()/fit() with
                            mapped losses and optimizers. What the other side lacks
                            (Lambda, Subtract in TF.js, a Keras GRU's reset_after) is
                            refused with the reason on stderr.
`;

export interface TranslateIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/** Returns the exit status: 0 when at least one model was translated and none refused, 1 otherwise. */
export function translateCommand(file: string, result: AnalysisResult, text: string, to: string | undefined, model: string | undefined, io: TranslateIo): number | { usage: string } {
  if (to !== 'tfjs' && to !== 'keras') return { usage: `translate: --to must be tfjs or keras${to === undefined ? '' : `, not '${to}'`}` };
  const t = translate(result, text, to as Target, model);
  if (t.code) io.stdout.write(t.code);
  for (const r of t.refused) io.stderr.write(`layergraph: ${file}: not translated: ${r.model === '*' ? '' : `${r.model}: `}${r.reason}\n`);
  for (const n of t.notes) io.stderr.write(`layergraph: ${file}: note: ${n}\n`);
  return t.translated.length > 0 && t.refused.length === 0 ? 0 : 1;
}
