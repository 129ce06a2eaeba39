// `npm run bench -- notebook`: a 60-cell notebook (imports, a Dense per cell with markdown between, Model and
// compile at the end): the first analysis from the .ipynb JSON, the re-analysis after one cell is edited (its
// lowering cache warm, as in the editor), and the share of each spent joining cells versus analyzing the program.

import { analyzeText } from '../src/analysis/analyze';
import { analyzeNotebookCells } from '../src/notebook/analyze';
import { parseNotebook, type NotebookCell } from '../src/notebook/nbformat';
import { assembleProgram, LoweringCache } from '../src/notebook/program';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function sample(fn: () => void, runs = 15): number {
  fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    out.push(performance.now() - t);
  }
  return median(out);
}

function sixtyCellNotebook(): string {
  const cells: { cell_type: string; source: string; outputs?: unknown[] }[] = [
    { cell_type: 'code', source: '%matplotlib inline\n!pip install -q tensorflow\nimport numpy as np\nfrom tensorflow import keras\nx = inputs = keras.Input(shape=(32,))', outputs: [] },
  ];
  for (let i = 1; i < 59; i++) {
    cells.push(i % 4 === 0 ? { cell_type: 'markdown', source: `## Block ${i}\nWhy this layer.` } : { cell_type: 'code', source: `# block ${i}\nx = keras.layers.Dense(32, activation="relu", name="d${i}")(x)\nx = keras.layers.Dropout(0.1)(x)`, outputs: [{ output_type: 'stream', name: 'stdout', text: ['ok\n'] }] });
  }
  cells.push({ cell_type: 'code', source: 'model = keras.Model(inputs, x)\nmodel.compile(optimizer="adam", loss="mse")\nmodel.summary()', outputs: [] });
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } }, cells });
}

export function benchNotebook(): void {
  const json = sixtyCellNotebook();
  const cells = parseNotebook(json).cells;
  const codeCells = cells.filter((c) => c.kind === 'code').length;
  const first = sample(() => analyzeNotebookCells(parseNotebook(json).cells, 'nb.ipynb', {}, new LoweringCache()));
  const cache = new LoweringCache();
  analyzeNotebookCells(cells, 'nb.ipynb', {}, cache);
  let n = 0;
  // Each run edits cell 30 to a new text, so the cache misses exactly once, as a keystroke does.
  const edited = (): NotebookCell[] => cells.map((c) => (c.index === 30 ? { ...c, source: `${c.source}\n# edit ${n++}` } : c));
  const reanalysis = sample(() => analyzeNotebookCells(edited(), 'nb.ipynb', {}, cache));
  const joinOnly = sample(() => assembleProgram(edited(), cache));
  const program = assembleProgram(cells).text;
  const analyzeOnly = sample(() => analyzeText(program, 'nb.ipynb', { language: 'python' }));
  const layers = analyzeText(program, 'nb.ipynb', { language: 'python' }).layers.length;
  console.log(`\nnotebook: ${cells.length} cells (${codeCells} code), ${program.split('\n').length} program lines, ${layers} layers, ${(json.length / 1024).toFixed(0)} KB of JSON`);
  console.log(`  first analysis (parse JSON, lower and join cells, analyze): ${first.toFixed(2)} ms`);
  console.log(`  re-analysis after editing one cell (lowering cached):       ${reanalysis.toFixed(2)} ms`);
  console.log(`    of which lowering + joining the cells:                   ${joinOnly.toFixed(3)} ms`);
  console.log(`    of which analyzing the joined program:                   ${analyzeOnly.toFixed(2)} ms`);
}
