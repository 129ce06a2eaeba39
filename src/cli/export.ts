// `layergraph export FILE --format tfjs|keras --out DIR [--model NAME] [--weights FILE]`: writes a model in a form
// the other tools load — TF.js's model.json + weights.bin (built by TF.js, src/translate/exportTfjs.ts) or Keras's
// model_from_json document + a script that builds and trains it (src/translate/exportKeras.ts).

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisResult } from '../graph/ir';
import type { GivenWeight } from '../translate/exportTfjs';

export const EXPORT_HELP = `  export FILE --format tfjs|keras --out DIR [--model NAME] [--weights FILE]
                            Write the model for another tool. tfjs: DIR/model.json and
                            DIR/weights.bin, as TF.js's model.save() writes them (for
                            tf.loadLayersModel); the weights are TF.js's initial ones, or
                            those of --weights (the JSON of 'layergraph train --json').
                            keras: DIR/model.keras.json (Keras 3's model.to_json()) and
                            DIR/train_model.py, which loads it with model_from_json and
                            compiles and fits it as the code does.
`;

export interface ExportIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

export interface ExportOptions {
  format?: string;
  out?: string;
  model?: string;
  weights?: string;
}

function readWeights(file: string): GivenWeight[] {
  const doc = JSON.parse(fs.readFileSync(file, 'utf8')) as { weights?: unknown };
  const list = Array.isArray(doc) ? doc : doc.weights;
  if (!Array.isArray(list)) throw new Error(`${file}: no "weights" list (expected the output of 'layergraph train --json')`);
  return list as GivenWeight[];
}

/** Returns the exit status, or a usage error for the caller to print. */
export async function exportCommand(file: string, result: AnalysisResult, o: ExportOptions, io: ExportIo): Promise<number | { usage: string }> {
  if (o.format !== 'tfjs' && o.format !== 'keras') return { usage: `export: --format must be tfjs or keras${o.format === undefined ? '' : `, not '${o.format}'`}` };
  if (!o.out) return { usage: 'export: --out DIR is required' };
  if (o.weights && o.format !== 'tfjs') return { usage: 'export: --weights is only valid with --format tfjs' };
  try {
    fs.mkdirSync(o.out, { recursive: true });
    if (o.format === 'tfjs') {
      // Loaded only here: TF.js takes a moment to load and the other commands do not need it.
      const { exportTfjs } = await import('../translate/exportTfjs');
      const e = await exportTfjs(result, o.model, o.weights ? readWeights(o.weights) : undefined);
      fs.writeFileSync(path.join(o.out, 'model.json'), JSON.stringify(e.modelJson));
      fs.writeFileSync(path.join(o.out, 'weights.bin'), Buffer.from(e.weightData));
      io.stdout.write(`Wrote model "${e.model}" to ${path.join(o.out, 'model.json')} and weights.bin${o.weights ? ` (weights from ${o.weights})` : ' (initial weights)'}\n`);
    } else {
      const { exportKeras } = await import('../translate/exportKeras');
      const e = exportKeras(result, o.model);
      fs.writeFileSync(path.join(o.out, 'model.keras.json'), JSON.stringify(e.config, null, 2) + '\n');
      fs.writeFileSync(path.join(o.out, 'train_model.py'), e.script);
      io.stdout.write(`Wrote model "${e.model}" to ${path.join(o.out, 'model.keras.json')} and train_model.py\n`);
    }
    return 0;
  } catch (e) {
    io.stderr.write(`layergraph: ${file}: cannot export: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
