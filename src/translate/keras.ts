// Prints a TF.js (TypeScript/JavaScript) file's models as a Keras 3 Python module: `layers.*` objects and calls in the
// planned order, each model defined at module level under its source variable, then compile() and fit() as the TF.js
// code does them (fit runs when the file is run as a script). Every line that comes from the source says where
// (file:line). 4-space indentation. Planning is src/translate/program.ts.

import type { AnalysisResult } from '../graph/ir';
import { kerasArgs, type LayerArgs } from './args';
import { planProgram, type Program } from './program';
import { kerasTraining } from './training';
import type { Translation } from './types';
import { commentText, pyLiteral, pyString } from './values';

function layerExpr(a: LayerArgs): string {
  const fields = a.args.map(([k, v]) => {
    if (k === 'layer' && typeof v === 'object' && v !== null && 'callee' in v) return `layer=${layerExpr(v as LayerArgs)}`;
    return `${k}=${pyLiteral(v)}`;
  });
  return `layers.${a.callee}(${fields.join(', ')})`;
}

function remarks(a: LayerArgs | null): string {
  const all = a ? [...a.remarks, ...(a.inner?.remarks ?? [])] : [];
  return all.length ? ` (${commentText(all.join('; '))})` : '';
}

function inputArgs(shape: (number | null)[]): string {
  return shape[0] === null ? `shape=${pyLiteral(shape.slice(1))}` : `batch_shape=${pyLiteral(shape)}`;
}

function where(analysis: AnalysisResult, r: { line: number; file: number } | null): string {
  if (!r) return '?';
  const file = analysis.files[r.file] ?? analysis.file;
  return `${file.split(/[\\/]/).pop()}:${r.line}`;
}

export function printKeras(analysis: AnalysisResult, program: Program, sourceName: string): string {
  const body: string[] = [];
  for (const r of program.refused) body.push(`# Not translated: ${commentText(r.model)}: ${commentText(r.reason)}`);
  if (program.refused.length) body.push('');
  for (const s of program.statements) {
    switch (s.kind) {
      case 'input': {
        const dtype = s.layer.config.dtype === 'int32' ? `, dtype='int32'` : '';
        body.push(`${s.name} = keras.Input(${inputArgs(s.shape)}${dtype}, name=${pyString(s.layer.name)})  # ${s.from}`);
        break;
      }
      case 'layer':
        body.push(`${s.name} = ${layerExpr(s.args)}  # ${s.from}${remarks(s.args)}`);
        break;
      case 'call': {
        const callee = s.layerName ?? layerExpr(s.args!);
        const arg = s.list ? `[${s.inputs.join(', ')}]` : s.inputs[0];
        const state = s.initialState ? `, initial_state=[${s.initialState.join(', ')}]` : '';
        body.push(`${s.outputs.join(', ')} = ${callee}(${arg}${state})  # ${s.from}${remarks(s.args)}`);
        break;
      }
      case 'model': {
        const io = (xs: string[]) => (xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`);
        body.push(`${s.name} = keras.Model(inputs=${io(s.inputs)}, outputs=${io(s.outputs)}, name=${pyString(s.model.name)})  # ${s.from}`);
        break;
      }
      case 'sequential': {
        const items = [`keras.Input(${inputArgs(s.shape)})`, ...s.items.map((it) => ('ref' in it ? it.ref : layerExpr(it.args)))];
        body.push(`${s.name} = keras.Sequential(  # ${s.from}`, `    [`, ...items.map((x) => `        ${x},`), `    ],`, `    name=${pyString(s.model.name)},`, `)`);
        break;
      }
    }
  }
  const fits: string[] = [];
  for (const { name, model } of program.models) {
    if (!model.training) continue;
    const t = kerasTraining(model.training, name, program.notes);
    if (t.compile.length) body.push('', ...t.compile.map((l) => `${l}  # ${where(analysis, model.training!.compileRange)}`));
    if (t.skipped) body.push(`# ${commentText(t.skipped)}`);
    if (t.fit.length) fits.push(`    # fit() at ${where(analysis, model.training.fitRange)}`, ...t.fit.map((l) => `    ${l}`));
  }
  const head = [
    `# Translated by LayerGraph from ${commentText(sourceName)} (TensorFlow.js). Each statement's comment says where it comes from.`,
    ...(fits.length ? ['import numpy as np'] : []),
    'import keras',
    'from keras import layers',
    '',
  ];
  const tail = fits.length ? ['', '', "if __name__ == '__main__':", ...fits] : [];
  return [...head, ...body, ...tail].join('\n') + '\n';
}

/** TF.js source → Keras Python text. */
export function translateToKeras(analysis: AnalysisResult, text: string, modelName?: string): Translation {
  const program = planProgram(analysis, text, 'python', (l) => kerasArgs(l), modelName);
  const code = program.models.length > 0 ? printKeras(analysis, program, analysis.file.split(/[\\/]/).pop() ?? analysis.file) : '';
  return { code, language: 'python', translated: program.models.map((m) => m.name), refused: program.refused, notes: program.notes };
}
