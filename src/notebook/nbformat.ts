// Reads a Jupyter notebook (nbformat 4 JSON) into its cells: kind, source text and index among ALL cells, plus the
// kernel's language. Outputs are skipped, never looked at: a cell may carry megabytes of images or logs that say
// nothing about the model. It does not lower IPython syntax (ipython.ts) nor join cells (program.ts).

export type CellKind = 'code' | 'markdown' | 'raw';

export interface NotebookCell {
  /** 0-based index among all the notebook's cells, markdown and raw included. */
  index: number;
  kind: CellKind;
  source: string;
}

export interface ParsedNotebook {
  cells: NotebookCell[];
  /** The kernel's language as the notebook records it (lower case), or undefined when it says nothing. */
  language: string | undefined;
}

export class NotebookFormatError extends Error {}

/** Parses notebook JSON; throws NotebookFormatError with a one-line reason when it is not a notebook. */
export function parseNotebook(text: string): ParsedNotebook {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    // Truncated or hand-edited files are common (a crash mid-save): say where the JSON stops making sense.
    throw new NotebookFormatError(`not a valid notebook: malformed JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new NotebookFormatError('not a valid notebook: the JSON is not an object');
  const nb = doc as { nbformat?: unknown; cells?: unknown; metadata?: unknown };
  if (!Array.isArray(nb.cells)) {
    const legacy = typeof nb.nbformat === 'number' && nb.nbformat < 4;
    throw new NotebookFormatError(legacy ? `unsupported notebook format ${nb.nbformat}: only nbformat 4 is read` : 'not a valid notebook: no "cells" list');
  }
  const cells: NotebookCell[] = nb.cells.map((c, index) => {
    const cell = (typeof c === 'object' && c !== null ? c : {}) as { cell_type?: unknown; source?: unknown };
    const kind: CellKind = cell.cell_type === 'code' ? 'code' : cell.cell_type === 'markdown' ? 'markdown' : 'raw';
    return { index, kind, source: sourceText(cell.source) };
  });
  return { cells, language: kernelLanguage(nb.metadata) };
}

/** nbformat stores a source as one string or as a list of lines that each keep their newline. */
function sourceText(source: unknown): string {
  if (typeof source === 'string') return source;
  if (Array.isArray(source)) return source.filter((s): s is string => typeof s === 'string').join('');
  return '';
}

function kernelLanguage(metadata: unknown): string | undefined {
  if (typeof metadata !== 'object' || metadata === null) return undefined;
  const m = metadata as { kernelspec?: { language?: unknown }; language_info?: { name?: unknown } };
  const name = m.language_info?.name ?? m.kernelspec?.language;
  return typeof name === 'string' && name !== '' ? name.toLowerCase() : undefined;
}

/** True when the notebook's kernel is not Python (R, Julia, …): its cells are not ours to analyze. */
export function isForeignKernel(language: string | undefined): boolean {
  return language !== undefined && !/^(python|ipython)\d*$/.test(language);
}
