// The analysis process (bundled as dist/analysisWorker.js, forked by analysisRunner.ts): runs analyzeText off the
// extension host, one request at a time, following imports only inside the document's workspace folder (unsaved editor
// contents win over the disk). A request may also ask for the rewrites at a range (code actions): the analysis of
// the same text is reused when it was just made. It never talks to VS Code; analysisRunner.ts starts, budgets and
// replaces it.

import { resolve, sep } from 'node:path';
import { analyzeText } from '../analysis/analyze';
import { diskWorkspace, type WorkspaceAccess } from '../analysis/workspace';
import type { AnalysisResult, Diagnostic, DiagnosticCode, Language } from '../graph/ir';
import { rewriteAnswer, type RewriteAnswer } from '../rewrite';
import { analyzeNotebookCells } from '../notebook/analyze';
import type { NotebookCell } from '../notebook/nbformat';
import { translate, type Target, type Translation } from '../translate';

export interface WorkerRequest {
  id: number;
  text: string;
  fileName: string;
  version: number;
  language?: Language;
  /** The workspace folder imports may be read from; none (an untitled file) means imports stay unknown. */
  root?: string;
  /** Open documents with unsaved changes, by file path: what the user sees, not what the disk holds. */
  overlays?: [string, string][];
  /** Answer with the rewrites at this range instead of the analysis. */
  rewrite?: RewriteQuery;
  /** A notebook's cells, analyzed as one program (src/notebook) instead of `text`; ranges come back in program
   *  coordinates, which the caller maps to cells by joining the same cells (cheap, and no map to send back). */
  notebookCells?: NotebookCell[];
  /** Also translate the file's models to the other language (the editor's Copy/Open as TF.js/Keras). */
  translate?: { to: Target; model?: string };
}

/** A range of the document (offsets) and the editor's diagnostics touching it, named by code and offsets. */
export interface RewriteQuery {
  start: number;
  end: number;
  diagnostics: { code: string; start: number; end: number }[];
}

export type AnalysisResponse = { id: number; ok: true; result: AnalysisResult; translation?: Translation } | { id: number; ok: false; error: string };
export type RewritesResponse = { id: number; ok: true; rewrites: RewriteAnswer } | { id: number; ok: false; error: string };
export type WorkerResponse = AnalysisResponse | RewritesResponse;

/** Disk reads confined to `root`, with the editor's unsaved texts first (only those inside `root` too). */
export function editorWorkspace(root: string, overlays: readonly [string, string][] = []): WorkspaceAccess {
  const disk = diskWorkspace(root);
  const unsaved = new Map(overlays.map(([path, text]) => [resolve(path), text]));
  const base = resolve(root);
  const prefix = base.endsWith(sep) ? base : base + sep;
  return {
    read(path) {
      const full = resolve(path);
      // Confinement first: an unsaved document outside the root is as off-limits as a file there.
      if (!full.startsWith(prefix)) return undefined;
      return unsaved.get(full) ?? disk.read(full);
    },
  };
}

/** One request answered; never throws (an analyzer exception is an answer too, cached like a result). */
export function answer(request: WorkerRequest): AnalysisResponse {
  try {
    if (request.notebookCells) {
      const workspace = request.root ? editorWorkspace(request.root, request.overlays) : undefined;
      const notebook = analyzeNotebookCells(request.notebookCells, request.fileName, { version: request.version, language: request.language, workspace });
      if (notebook.kind === 'analyzed') return { id: request.id, ok: true, result: notebook.result };
    }
    const result = analyze(request);
    if (request.translate) return { id: request.id, ok: true, result, translation: translate(result, request.text, request.translate.to, request.translate.model) };
    return { id: request.id, ok: true, result };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The rewrites at `request.rewrite`'s range, from the analysis of the request's text; never throws. */
export function answerRewrites(request: WorkerRequest & { rewrite: RewriteQuery }): RewritesResponse {
  try {
    const result = analyze(request);
    const q = request.rewrite;
    const input = { text: request.text, fileName: request.fileName, result };
    return { id: request.id, ok: true, rewrites: rewriteAnswer(input, q.start, q.end, matchDiagnostics(result, q.diagnostics)) };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** The answer a request asks for: its rewrites when it names a range, else its analysis. */
export function respond(request: WorkerRequest): WorkerResponse {
  return request.rewrite ? answerRewrites({ ...request, rewrite: request.rewrite }) : answer(request);
}

/** The last few analyses, by everything that decides them: a code-action request right after the analysis of the
 *  same version (the usual case) costs no second analysis. */
const recent: { key: string; result: AnalysisResult }[] = [];
const RECENT_MAX = 4;

function analyze(request: WorkerRequest): AnalysisResult {
  const key = JSON.stringify([request.fileName, request.version, request.language ?? '', request.root ?? '', request.overlays ?? [], request.text]);
  const hit = recent.find((r) => r.key === key);
  if (hit) return hit.result;
  const workspace = request.root ? editorWorkspace(request.root, request.overlays) : undefined;
  const result = analyzeText(request.text, request.fileName, { version: request.version, language: request.language, workspace });
  recent.unshift({ key, result });
  recent.length = Math.min(recent.length, RECENT_MAX);
  return result;
}

/** The analysis's own diagnostics the editor named (same code, same place in this file). */
export function matchDiagnostics(result: AnalysisResult, named: RewriteQuery['diagnostics']): Diagnostic[] {
  return result.diagnostics.filter((d) => !d.range.file && named.some((n) => n.code === (d.code as DiagnosticCode) && n.start === d.range.start && n.end === d.range.end));
}

if (require.main === module && process.send) {
  process.on('message', (request: WorkerRequest) => process.send!(respond(request)));
  // The extension host went away (crashed or closed): nothing will read our answers.
  process.on('disconnect', () => process.exit(0));
}
