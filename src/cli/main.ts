// The `layergraph` command line: `summary` (Keras/TF.js model.summary() tables or JSON), `check` (compiler-style
// diagnostics, CI exit codes), `fix` (applies quick fixes, in fix.ts), `train` (TF.js training in a child process,
// weights as text or JSON) and `convert` (convert.ts: Sequential <-> functional) over files it reads and analyzes.
// It formats; it never analyzes, renders or trains by itself.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeText, languageOf } from '../analysis/analyze';
import { diskWorkspace } from '../analysis/workspace';
import { fileOf, type AnalysisResult, type Diagnostic } from '../graph/ir';
import { toCliJson } from '../graph/json';
import { renderSummary, renderSummaryTfjs } from '../graph/summary';
import { runFix } from './fix';
import { CONVERT_HELP, CONVERT_OPTIONS_HELP, convertCommand } from './convert';
import { TrainError, trainInChild, type TrainListeners } from '../train/client';
import { formatWeights } from '../train/format';
import type { BackendName, TrainRequest, TrainResult } from '../train/protocol';
import { pickModel, UnsupportedError } from '../train/translate';
import { isNotebookFile, prepareNotebook } from '../notebook/analyze';
import { cellJson } from '../notebook/cellJson';
import type { NotebookProgram } from '../notebook/program';
import { cellLine, cellLocation } from './notebook';
import { EXPORT_HELP, exportCommand } from './export';
import { TRANSLATE_HELP, translateCommand } from './translate';

export const EXIT_OK = 0;
/** `check` found at least one error-severity diagnostic; `train` could not build, feed or train the model. */
export const EXIT_ERRORS_FOUND = 1;
/** Bad command line, unknown language or unreadable file: the analysis did not happen. */
export const EXIT_USAGE = 2;

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** The analyzer; tests inject hand-built results. Defaults to the real `analyzeText`. */
  analyze?: (text: string, fileName: string) => AnalysisResult;
  /** Defaults to reading UTF-8 from disk. */
  readFile?: (file: string) => string;
  /** Width of the terminal stdout is, if it is one: Keras sizes its table from it (80 otherwise). */
  terminalColumns?: number;
  /** The trainer; tests inject a stand-in. Defaults to a trainer child process (src/train/client.ts). */
  train?: (request: TrainRequest, listeners: TrainListeners) => Promise<TrainResult>;
}

const SUPPORTED_EXTENSIONS = '.py, .pyi, .ipynb, .ts, .tsx, .mts, .cts, .js, .jsx, .mjs or .cjs';

const HELP = `Usage: layergraph <command> [options] FILE...

Static analysis of Keras (Python) and TensorFlow.js (TypeScript/JavaScript) model code.
Your code is never executed.

Commands:
  summary FILE... [--json] [--expand-nested] [--cost]
                            Print model.summary() for every model in each file (Keras 3's
                            table for Python, TF.js's for TypeScript/JavaScript), followed
                            by the file's diagnostics. With --json, print the analysis as
                            JSON instead: one object per file (an array for several files).
                            Imports of the project's own files are followed.
  check FILE...             Print each diagnostic as
                              path:line:col: severity: message [code]
                            with related locations as "path:line:col: note: message".
                            In a notebook (.ipynb) a position is "path:cell N:line:col",
                            N counting all cells from 1 as the notebook editor shows them.
  train FILE [--model NAME] [--epochs N] [--json]
                            Build the model in TensorFlow.js (in a separate process),
                            train it as the code's compile()/fit() say - on synthetic
                            data of the right shapes when the data is not statically
                            known - and print each epoch's loss, then the weights as
                            Keras prints model.weights (numpy-style). With --json,
                            print one JSON document with the history and weights.
  fix FILE [--write]        Apply the preferred quick fix of each diagnostic, one at a
                            time (apply, analyze again, repeat) until none is left that
                            does not add an error, and print the fixed file (with
                            --write, write it back). Each applied fix, and each error
                            left, is reported as path:line:col (on stderr without --write).
${CONVERT_HELP}${TRANSLATE_HELP}${EXPORT_HELP}  help                      Show this help.

Options:
  --json                    (summary, train) Print JSON.
  --expand-nested           (summary) List the layers of nested models under their row,
                            as Keras's summary(expand_nested=True).
  --cost                    (summary) Add MACs, FLOPs and activation memory columns (per
                            sample) and totals under the table: weights memory, and per
                            batch and peak training memory when fit() gives batch_size.
                            --json always carries these figures.
  --model NAME              (train, export) The model: its name or its variable
                            (default: the first model in the file).
                            (convert) The model to convert (default: the only one
                            that can be). (translate) Default: every model.
${CONVERT_OPTIONS_HELP}  --epochs N                (train) Number of epochs, instead of fit()'s (default 5).
  --backend NAME            (train) tensorflow, wasm or cpu (default: the first of
                            those that loads).
  --write                   (fix) Write the fixed text back to FILE instead of printing it.
  --to LANG                 (translate) tfjs or keras.
  --format FORMAT           (export) tfjs or keras.
  --out DIR                 (export) The folder to write to (created if missing).
  --weights FILE            (export) Trained weights: the JSON of 'train --json'.
  --root DIR                The project folder (default: the current directory).
                            Imports are followed, and train reads data files
                            (np.load, np.loadtxt), only from regular files inside it.
  -h, --help                Show this help.
  --version                 Print the version.

Files: ${SUPPORTED_EXTENSIONS}. A directory stands for the files of those kinds under it.
A notebook's code cells are analyzed as one program, in document order; IPython lines
(%magics, !shell, ?help) are skipped. In --json its ranges carry "cell" (0-based among
all cells) with line and column counted within that cell.

Exit status:
  0  success (summary always, check when no error was found, train when trained,
     fix when no error is left)
  1  check found at least one error; fix left an error; train could not build or
     train the model; convert refused the conversion
  2  usage error, unknown language or unreadable file
`;

/** Runs one command line (without the `node layergraph` prefix) and returns the exit status. */
export function run(argv: string[], io: CliIo): number {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch (e) {
    return usageError(io, e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  const [command, ...files] = positionals;
  if (values.help || command === 'help') {
    io.stdout.write(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout.write(`${readVersion()}\n`);
    return EXIT_OK;
  }
  if (command === undefined) return usageError(io, 'missing command');
  if (command === 'train' || command === 'export') return usageError(io, `${command} runs asynchronously: call runAsync`);
  if (command === 'translate') return translateCli(files, values, io);
  if (command === 'fix') {
    if (files.length !== 1) return usageError(io, 'fix: exactly one input file');
    const root = projectRoot(values);
    return runFix(files[0], values.write === true, io, io.analyze ?? ((t: string, f: string) => analyzeText(t, f, { workspace: diskWorkspace(root) })));
  }
  if (values.write) return usageError(io, `--write is only valid with 'fix'`);
  if (command === 'convert') return convertCommand(files, { to: values.to, model: values.model, 'input-shape': values['input-shape'], root: projectRoot(values) }, io);
  const convertOnly = (['to', 'input-shape'] as const).find((o) => values[o] !== undefined);
  if (convertOnly) return usageError(io, `--${convertOnly} is only valid with 'convert'`);
  if (command !== 'summary' && command !== 'check') return usageError(io, `unknown command '${command}'`);
  if (files.length === 0) return usageError(io, `${command}: no input files`);
  if (values.json && command !== 'summary') return usageError(io, `--json is only valid with 'summary' and 'train'`);
  if (values.cost && command !== 'summary') return usageError(io, `--cost is only valid with 'summary'`);
  const trainOnly = (['model', 'epochs', 'backend'] as const).find((o) => values[o] !== undefined);
  if (trainOnly) return usageError(io, `--${trainOnly} is only valid with 'train'`);
  const otherOnly = (['to', 'format', 'out', 'weights'] as const).find((o) => values[o] !== undefined);
  if (otherOnly) return usageError(io, `--${otherOnly} is only valid with '${otherOnly === 'to' ? 'translate' : 'export'}'`);

  const analyses: { file: string; result: AnalysisResult; program?: NotebookProgram }[] = [];
  let failed = false;
  const inputs = expandDirectories(files);
  const root = projectRoot(values);
  for (const file of inputs) {
    const outcome = analyzeFile(file, io, root);
    if ('error' in outcome) {
      io.stderr.write(`layergraph: ${outcome.error}\n`);
      failed = true;
    } else if ('note' in outcome) {
      io.stderr.write(`layergraph: ${outcome.note}\n`);
    } else {
      analyses.push({ file, result: outcome.result, program: outcome.program });
    }
  }

  if (command === 'check') {
    for (const { file, result, program } of analyses) io.stdout.write(result.diagnostics.map((d) => formatDiagnostic(file, d, result, program)).join(''));
    if (failed) return EXIT_USAGE;
    const anyError = analyses.some(({ result }) => result.diagnostics.some((d) => d.severity === 'error'));
    return anyError ? EXIT_ERRORS_FOUND : EXIT_OK;
  }

  if (values.json) {
    const docs = analyses.map(({ file, result, program }) => ({ ...(program ? cellJson(toCliJson(result), program) : toCliJson(result)), file }));
    const single = files.length === 1 && inputs.length === 1 && inputs[0] === files[0];
    if (single && docs.length === 1) io.stdout.write(JSON.stringify(docs[0], null, 2) + '\n');
    else if (!single) io.stdout.write(JSON.stringify(docs, null, 2) + '\n');
  } else {
    analyses.forEach(({ file, result, program }, i) => {
      if (i > 0) io.stdout.write('\n');
      io.stdout.write(formatSummaryText(file, result, inputs.length > 1, io.terminalColumns, values['expand-nested'] === true, values.cost === true, program));
    });
  }
  return failed ? EXIT_USAGE : EXIT_OK;
}

/** A directory argument stands for the model files under it (sorted; dot-directories and node_modules skipped), so
 *  `layergraph check src/` works in CI. Anything else is passed through and reported when it cannot be read. */
function expandDirectories(args: string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full);
      } else if ((languageOf(entry.name) !== undefined && !entry.name.endsWith('.d.ts')) || isNotebookFile(entry.name)) {
        out.push(full);
      }
    }
  };
  for (const arg of args) {
    let isDirectory = false;
    try {
      isDirectory = fs.statSync(arg).isDirectory();
    } catch {
      // Not on disk (or injected by a test): analyzeFile reports it.
    }
    if (isDirectory) walk(arg);
    else out.push(arg);
  }
  return out;
}

function parseCommandLine(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      json: { type: 'boolean' },
      'expand-nested': { type: 'boolean' },
      cost: { type: 'boolean' },
      model: { type: 'string' },
      to: { type: 'string' },
      'input-shape': { type: 'string' },
      epochs: { type: 'string' },
      backend: { type: 'string' },
      root: { type: 'string' },
      write: { type: 'boolean' },
      format: { type: 'string' },
      out: { type: 'string' },
      weights: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    },
  });
}

function usageError(io: CliIo, message: string): number {
  io.stderr.write(`layergraph: ${message}\nRun 'layergraph --help' for usage.\n`);
  return EXIT_USAGE;
}

/**
 * The project root (`--root DIR`, default the current directory): imports are followed only to files inside it,
 * and training reads data files only inside it.
 */
export function projectRoot(values: { root?: string }): string {
  return path.resolve(values.root ?? '.');
}

function analyzeFile(file: string, io: CliIo, root: string): { result: AnalysisResult; program?: NotebookProgram } | { error: string } | { note: string } {
  if (languageOf(file) === undefined && !isNotebookFile(file)) {
    return { error: `${file}: unknown language; expected a ${SUPPORTED_EXTENSIONS} file` };
  }
  let text: string;
  try {
    text = (io.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8')))(file);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const reason = err.code === 'ENOENT' ? 'no such file' : err.code === 'EISDIR' ? 'is a directory' : err.message;
    return { error: `${file}: cannot read file: ${reason}` };
  }
  let program: NotebookProgram | undefined;
  if (isNotebookFile(file)) {
    const prepared = prepareNotebook(text);
    if (prepared.kind === 'invalid') return { error: `${file}: ${prepared.message}` };
    if (prepared.kind === 'foreign') return { note: `${file}: note: ${prepared.message}` };
    program = prepared.program;
    text = program.text;
  }
  try {
    const analyze = io.analyze ?? ((t: string, f: string) => analyzeText(t, f, { workspace: diskWorkspace(root), ...(program ? { language: 'python' as const } : {}) }));
    return { result: analyze(text, file), program };
  } catch (e) {
    // The analyzer is built never to throw on user code; if it does anyway, report it instead of a stack trace.
    return { error: `${file}: internal error while analyzing: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Each model's summary in its language's format, then the diagnostics. */
function formatSummaryText(file: string, result: AnalysisResult, withHeading: boolean, terminalColumns?: number, expandNested = false, cost = false, program?: NotebookProgram): string {
  const parts: string[] = [];
  if (withHeading) parts.push(`==> ${file} <==\n`);
  if (result.models.length === 0) parts.push(`${file}: no models found\n`);
  result.models.forEach((model, i) => {
    if (i > 0) parts.push('\n');
    if (result.language === 'python') {
      parts.push(renderSummary(result, model, { terminalColumns, expandNested, cost }));
    } else {
      // TF.js's summary has no title line; with several models in a file the reader needs to know which is which.
      parts.push(`Model: "${model.name}"\n`, renderSummaryTfjs(result, model, { cost }));
    }
  });
  if (result.diagnostics.length > 0) {
    if (result.models.length > 0) parts.push('\n');
    parts.push(...result.diagnostics.map((d) => formatDiagnostic(file, d, result, program)));
  }
  return parts.join('');
}

/** `path:line:col: severity: message [code]`, then one `note` line per related location (the gcc convention, which
 *  editors' problem matchers already understand). */
export function formatDiagnostic(file: string, d: Diagnostic, result: Pick<AnalysisResult, 'file' | 'files'>, program?: NotebookProgram): string {
  // A range in an imported project file names that file (index 0 is the analyzed file, printed as given).
  const at = (r: Diagnostic['range']) => {
    const inCell = program && cellLocation(program, r);
    if (inCell) return `${file}:${inCell}`;
    const other = r.file ? fileOf(result, r) : undefined;
    return `${other ? path.relative(process.cwd(), other) || other : file}:${r.line}:${r.column}`;
  };
  let text = `${at(d.range)}: ${d.severity}: ${d.message} [${d.code}]\n`;
  for (const r of d.related) text += `${at(r.range)}: note: ${r.message}\n`;
  return text;
}

function readVersion(): string {
  try {
    // out/src/cli/main.js → the package root three levels up (src/cli/main.ts under ts-node-like runners too).
    for (const candidate of [path.resolve(__dirname, '../../../package.json'), path.resolve(__dirname, '../../package.json')]) {
      if (fs.existsSync(candidate)) {
        const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'layergraph' && pkg.version) return pkg.version;
      }
    }
  } catch {
    // fall through
  }
  return 'unknown';
}

/** Like `run`, for every command including `train`, which waits for a trainer process. */
export async function runAsync(argv: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(argv);
  } catch {
    return run(argv, io);
  }
  const { values, positionals } = parsed;
  if (values.help || values.version) return run(argv, io);
  if (positionals[0] === 'export') return exportCli(positionals.slice(1), values, io);
  if (positionals[0] !== 'train') return run(argv, io);
  return trainCommand(positionals.slice(1), values, io);
}

type Values = ReturnType<typeof parseCommandLine>['values'];

/** Reads and analyzes the one file a command takes, keeping its text (translation reads the source too). */
function oneFile(command: string, files: string[], values: Values, io: CliIo): { file: string; text: string; result: AnalysisResult } | number {
  if (files.length !== 1) return usageError(io, files.length === 0 ? `${command}: no input file` : `${command}: one file at a time`);
  const file = files[0];
  const outcome = analyzeFile(file, io, projectRoot(values));
  if ('error' in outcome) {
    io.stderr.write(`layergraph: ${outcome.error}\n`);
    return EXIT_USAGE;
  }
  if ('note' in outcome) {
    io.stderr.write(`layergraph: ${outcome.note}\n`);
    return EXIT_USAGE;
  }
  return { file, text: (io.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8')))(file), result: outcome.result };
}

function translateCli(files: string[], values: Values, io: CliIo): number {
  const one = oneFile('translate', files, values, io);
  if (typeof one === 'number') return one;
  const status = translateCommand(one.file, one.result, one.text, values.to, values.model, io);
  return typeof status === 'number' ? status : usageError(io, status.usage);
}

async function exportCli(files: string[], values: Values, io: CliIo): Promise<number> {
  const one = oneFile('export', files, values, io);
  if (typeof one === 'number') return one;
  const status = await exportCommand(one.file, one.result, { format: values.format, out: values.out, model: values.model, weights: values.weights }, io);
  return typeof status === 'number' ? status : usageError(io, status.usage);
}

const BACKENDS: readonly BackendName[] = ['tensorflow', 'wasm', 'cpu'];

async function trainCommand(files: string[], values: ReturnType<typeof parseCommandLine>['values'], io: CliIo): Promise<number> {
  if (files.length !== 1) return usageError(io, files.length === 0 ? 'train: no input file' : 'train: one file at a time');
  const epochs = values.epochs === undefined ? undefined : Number(values.epochs);
  if (epochs !== undefined && !(Number.isInteger(epochs) && epochs > 0)) return usageError(io, `--epochs must be a positive integer, not '${values.epochs}'`);
  const backend = values.backend as BackendName | undefined;
  if (backend !== undefined && !BACKENDS.includes(backend)) return usageError(io, `--backend must be one of ${BACKENDS.join(', ')}, not '${backend}'`);
  const file = files[0];
  const root = projectRoot(values);
  const outcome = analyzeFile(file, io, root);
  if ('error' in outcome) {
    io.stderr.write(`layergraph: ${outcome.error}\n`);
    return EXIT_USAGE;
  }
  if ('note' in outcome) {
    io.stderr.write(`layergraph: ${outcome.note}\n`);
    return EXIT_USAGE;
  }
  const analysis = outcome.result;
  let modelName: string;
  try {
    modelName = pickModel(analysis, values.model).name;
  } catch (e) {
    return usageError(io, e instanceof UnsupportedError ? e.message : String(e));
  }
  const request: TrainRequest = { analysis, model: values.model ?? modelName, epochs, backend, baseDir: path.dirname(path.resolve(file)), root };
  const json = values.json === true;
  const listeners: TrainListeners = json
    ? {}
    : {
        onBackend: (name) => io.stdout.write(`Training model "${modelName}" from ${file} on the TF.js ${name} backend\n`),
        // Keras's progress line, without the bar: `Epoch 1/5` … `loss: 0.2109`.
        onEpoch: (epoch, total, _loss, logs) =>
          io.stdout.write(`Epoch ${epoch + 1}/${total} - ${Object.entries(logs).map(([k, v]) => `${k}: ${typeof v === 'number' && Number.isFinite(v) ? v.toFixed(4) : String(v ?? NaN)}`).join(' - ')}\n`),
      };
  let result: TrainResult;
  try {
    result = await (io.train ?? trainInChild)(request, listeners);
  } catch (e) {
    const line = e instanceof TrainError && e.line !== undefined ? (outcome.program ? cellLine(outcome.program, e.line) : String(e.line)) : undefined;
    const where = line !== undefined ? `${file}:${line}: ` : `${file}: `;
    io.stderr.write(`layergraph: ${where}cannot train: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_ERRORS_FOUND;
  }
  if (json) {
    const doc = {
      backend: result.backend,
      model: result.model,
      epochs: result.epochs,
      history: result.history,
      weights: result.weights.map((w) => ({ layer: w.layer, name: w.name, shape: w.shape, values: w.values, dtype: w.dtype, trainable: w.trainable, stats: w.stats, line: w.line })),
      synthetic: result.synthetic,
      seconds: result.seconds,
      notes: result.notes,
    };
    // Indented like `summary --json`, but a row of numbers stays on one line: a 784x512 kernel is 784 lines, not 400k.
    const text = JSON.stringify(outcome.program ? cellJson(doc, outcome.program) : doc, null, 2).replace(/\[\s+(-?[\d.e+-]+(?:,\s+-?[\d.e+-]+)*)\s+\]/g, (_m, inner: string) => `[${inner.split(/,\s+/).join(', ')}]`);
    io.stdout.write(text + '\n');
  } else {
    for (const note of result.notes) io.stdout.write(`note: ${note}\n`);
    io.stdout.write(`\n${formatWeights(result.weights)}`);
  }
  return EXIT_OK;
}

/** Entry point for `bin/layergraph.js`: real process I/O, exit status through `process.exitCode`. */
export function main(): void {
  // `layergraph summary … | head` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const io: CliIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    terminalColumns: process.stdout.isTTY ? process.stdout.columns : undefined,
  };
  // `train` waits for its trainer process; the other commands stay synchronous.
  void runAsync(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
