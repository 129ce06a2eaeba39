// The analysis process (bundled as dist/analysisWorker.js, forked by analysisRunner.ts): runs analyzeText off the
// extension host, one request at a time, following imports only inside the document's workspace folder (unsaved editor
// contents win over the disk). It never talks to VS Code; analysisRunner.ts starts, budgets and replaces it.

import { resolve, sep } from 'node:path';
import { analyzeText } from '../analysis/analyze';
import { diskWorkspace, type WorkspaceAccess } from '../analysis/workspace';
import type { AnalysisResult, Language } from '../graph/ir';
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
  /** Also translate the file's models to the other language (the editor's Copy/Open as TF.js/Keras). */
  translate?: { to: Target; model?: string };
}

export type WorkerResponse = { id: number; ok: true; result: AnalysisResult; translation?: Translation } | { id: number; ok: false; error: string };

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
export function answer(request: WorkerRequest): WorkerResponse {
  try {
    const workspace = request.root ? editorWorkspace(request.root, request.overlays) : undefined;
    const result = analyzeText(request.text, request.fileName, { version: request.version, language: request.language, workspace });
    if (request.translate) return { id: request.id, ok: true, result, translation: translate(result, request.text, request.translate.to, request.translate.model) };
    return { id: request.id, ok: true, result };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

if (require.main === module && process.send) {
  process.on('message', (request: WorkerRequest) => process.send!(answer(request)));
  // The extension host went away (crashed or closed): nothing will read our answers.
  process.on('disconnect', () => process.exit(0));
}
