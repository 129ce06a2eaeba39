// Prints a Keras (Python) file's models as a TypeScript module for TF.js: `tf.layers.*` objects and `apply` calls in
// the planned order, each model exported under its source variable (`export const model = tf.model(...)`), compile()
// at module level and fit() in an exported async function, so importing the module builds the models and trains
// nothing. Every line that comes from the source says where (file:line). Planning is src/translate/program.ts.

import type { AnalysisResult, ModelIR } from '../graph/ir';
import { tfjsArgs, type LayerArgs } from './args';
import { planProgram, type Program } from './program';
import { tfjsTraining } from './training';
import { commentText, tsLiteral, tsString } from './values';
import { outputLayerNames, type Translation } from './types';

function layerExpr(a: LayerArgs): string {
  const fields = a.args.map(([k, v]) => {
    if (k === 'layer' && typeof v === 'object' && v !== null && 'callee' in v) {
      const inner = v as LayerArgs;
      // Bidirectional takes an RNN; TimeDistributed any layer: the factory's return type is the base Layer.
      return `layer: ${layerExpr(inner)}${a.callee === 'bidirectional' ? ' as tf.RNN' : ''}`;
    }
    return `${k}: ${tsLiteral(v)}`;
  });
  return `tf.layers.${a.callee}({${fields.join(', ')}})`;
}

function remarks(a: LayerArgs | null): string {
  const all = a ? [...a.remarks, ...(a.inner?.remarks ?? [])] : [];
  return all.length ? ` (${commentText(all.join('; '))})` : '';
}

function shapeArgs(shape: (number | null)[]): string {
  return shape[0] === null ? `shape: ${tsLiteral(shape.slice(1))}` : `batchShape: ${tsLiteral(shape)}`;
}

export function printTfjs(analysis: AnalysisResult, program: Program, sourceName: string): string {
  const lines: string[] = [
    `// Translated by LayerGraph from ${commentText(sourceName)} (Keras). Each statement's comment says where it comes from.`,
    `import * as tf from '@tensorflow/tfjs';`,
    '',
  ];
  for (const r of program.refused) lines.push(`// Not translated: ${commentText(r.model)}: ${commentText(r.reason)}`);
  if (program.refused.length) lines.push('');
  const exported = new Set(program.models.map((m) => m.name));
  for (const s of program.statements) {
    switch (s.kind) {
      case 'input': {
        const dtype = s.layer.config.dtype === 'int32' ? `, dtype: 'int32'` : '';
        lines.push(`const ${s.name} = tf.input({${shapeArgs(s.shape)}${dtype}, name: ${tsString(s.layer.name)}}); // ${s.from}`);
        break;
      }
      case 'layer':
        lines.push(`const ${s.name} = ${layerExpr(s.args)}; // ${s.from}${remarks(s.args)}`);
        break;
      case 'call': {
        const callee = s.layerName ?? layerExpr(s.args!);
        const arg = s.list ? `[${s.inputs.join(', ')}]` : s.inputs[0];
        const lhs = s.outputs.length === 1 ? `const ${s.outputs[0]}` : `const [${s.outputs.join(', ')}]`;
        const cast = s.outputs.length === 1 ? 'tf.SymbolicTensor' : 'tf.SymbolicTensor[]';
        const state = s.initialState ? `, {initialState: [${s.initialState.join(', ')}]}` : '';
        lines.push(`${lhs} = ${callee}.apply(${arg}${state}) as ${cast}; // ${s.from}${remarks(s.args)}`);
        break;
      }
      case 'model': {
        const io = (xs: string[]) => (xs.length === 1 ? xs[0] : `[${xs.join(', ')}]`);
        const exp = exported.has(s.name) ? 'export ' : '';
        lines.push(`${exp}const ${s.name} = tf.model({inputs: ${io(s.inputs)}, outputs: ${io(s.outputs)}, name: ${tsString(s.model.name)}}); // ${s.from}`);
        break;
      }
      case 'sequential': {
        const items = s.items.map((it, i) => {
          if ('ref' in it) return it.ref;
          const a = i === 0 ? { ...it.args, args: [...it.args.args.slice(0, -1), [s.shape[0] === null ? 'inputShape' : 'batchInputShape', s.shape[0] === null ? s.shape.slice(1) : s.shape], it.args.args[it.args.args.length - 1]] as [string, unknown][] } : it.args;
          return layerExpr(a);
        });
        lines.push(`export const ${s.name} = tf.sequential({`, `  layers: [`, ...items.map((x) => `    ${x},`), `  ],`, `  name: ${tsString(s.model.name)},`, `}); // ${s.from}`);
        break;
      }
    }
  }
  for (const { name, model } of program.models) lines.push(...trainingLines(analysis, model, name, program.notes));
  return lines.join('\n') + '\n';
}

function trainingLines(analysis: AnalysisResult, model: ModelIR, name: string, notes: string[]): string[] {
  if (!model.training) return [];
  const t = tfjsTraining(model.training, name, outputLayerNames(analysis, model), notes);
  const out = ['', ...t.compile.map((l) => `${l} // ${where(analysis, model.training!.compileRange)}`)];
  if (t.skipped) out.push(`// ${commentText(t.skipped)}`);
  if (t.fit.length) {
    const fn = `train${name[0].toUpperCase()}${name.slice(1)}`;
    out.push(`// fit() at ${where(analysis, model.training.fitRange)}: call ${fn}() to train.`, `export async function ${fn}(): Promise<tf.History> {`, ...t.fit.map((l) => `  ${l}`), '}');
  }
  return out;
}

function where(analysis: AnalysisResult, r: { line: number; file: number } | null): string {
  if (!r) return '?';
  const file = analysis.files[r.file] ?? analysis.file;
  return `${file.split(/[\\/]/).pop()}:${r.line}`;
}

/** Keras source → TypeScript module text. */
export function translateToTfjs(analysis: AnalysisResult, text: string, modelName?: string): Translation {
  const program = planProgram(analysis, text, 'typescript', tfjsArgs, modelName);
  const code = program.models.length > 0 ? printTfjs(analysis, program, analysis.file.split(/[\\/]/).pop() ?? analysis.file) : '';
  return { code, language: 'typescript', translated: program.models.map((m) => m.name), refused: program.refused, notes: program.notes };
}
