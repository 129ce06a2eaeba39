// `layergraph convert FILE --to functional|sequential [--model NAME] [--input-shape DIMS]`: prints the file with one
// model rewritten between the Sequential and functional APIs (src/rewrite/convert*.ts decides the edits), or says
// why it will not (exit 1). It never writes the file: redirect the output, or compare it, as you like.

import * as fs from 'node:fs';
import { analyzeText, languageOf } from '../analysis/analyze';
import { diskWorkspace } from '../analysis/workspace';
import { convertModel, type ConversionTarget } from '../rewrite/convert';
import { fillAnswer } from '../rewrite';
import { applyEdits } from '../rewrite/types';
import type { CliIo } from './main';

export const CONVERT_HELP = `  convert FILE --to functional|sequential [--model NAME] [--input-shape DIMS]
                            Print FILE with one model rewritten: a Sequential model into
                            the functional API (an explicit Input, one line per layer
                            call), or a functional model that is a plain chain into a
                            Sequential. Layer names, arguments and comments are kept.
                            Exit 1, with the reason, when the model cannot be converted
                            safely (e.g. add() inside a loop).
`;

export const CONVERT_OPTIONS_HELP = `  --to functional|sequential
                            (convert) The API to convert the model to.
  --input-shape DIMS        (convert) The input shape, without the batch axis (e.g.
                            28,28,1), for a Sequential model whose code does not say it.
`;

export interface ConvertOptions {
  to?: string;
  model?: string;
  'input-shape'?: string;
  root: string;
}

/** Exit status: 0 printed, 1 refused (reason on stderr), 2 usage or unreadable file. */
export function convertCommand(files: string[], options: ConvertOptions, io: CliIo): number {
  const usage = (message: string) => {
    io.stderr.write(`layergraph: ${message}\nRun 'layergraph --help' for usage.\n`);
    return 2;
  };
  if (files.length !== 1) return usage(files.length === 0 ? 'convert: no input file' : 'convert: one file at a time');
  if (options.to !== 'functional' && options.to !== 'sequential') return usage(`convert: --to must be 'functional' or 'sequential'${options.to === undefined ? '' : `, not '${options.to}'`}`);
  const to: ConversionTarget = options.to;
  const file = files[0];
  const language = languageOf(file);
  if (language === undefined) return usage(`${file}: unknown language`);
  let text: string;
  try {
    text = (io.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8')))(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    io.stderr.write(`layergraph: ${file}: cannot read file: ${err.code === 'ENOENT' ? 'no such file' : err.message}\n`);
    return 2;
  }
  const result = (io.analyze ?? ((t: string, f: string) => analyzeText(t, f, { workspace: diskWorkspace(options.root) })))(text, file);
  const outcome = convertModel({ text, fileName: file, result }, to, options.model);
  if (!('edits' in outcome)) {
    io.stderr.write(`layergraph: ${file}: cannot ${outcome.title.charAt(0).toLowerCase()}${outcome.title.slice(1)}: ${outcome.reason}\n`);
    return 1;
  }
  let rewrite = outcome;
  if (rewrite.ask) {
    if (options['input-shape'] === undefined) {
      io.stderr.write(`layergraph: ${file}: cannot ${rewrite.title.charAt(0).toLowerCase()}${rewrite.title.slice(1)}: ${rewrite.ask.reason} (give it with --input-shape)\n`);
      return 1;
    }
    const filled = fillAnswer(rewrite, options['input-shape'], result.language);
    if ('error' in filled) return usage(`--input-shape: ${filled.error}`);
    rewrite = filled;
  }
  io.stdout.write(applyEdits(text, rewrite.edits.filter((e) => e.file === 0)));
  return 0;
}
