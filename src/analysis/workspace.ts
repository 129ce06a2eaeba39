// Following imports between files of a project: resolving `from .blocks import conv_block`, `import mypkg.towers`,
// `import { tower } from './tower'` to files, reading and lowering each once. Reading is injected (disk for the
// CLI, open editors and the workspace for the extension); this module never evaluates anything.

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Language } from '../graph/ir';
import type { LoweredModule } from './core/ast';
import { LineIndex } from './lineIndex';

/** Imported files followed from one analysis at most (a large project is not analyzed whole on each keystroke). */
export const MAX_IMPORTED_FILES = 64;

export interface WorkspaceAccess {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
}

/** Largest file an import is followed into: project modules are small; a huge file is data, not a module. */
export const MAX_IMPORTED_FILE_BYTES = 1024 * 1024;

/** Reads regular files from disk that lie inside `root` (after resolving symlinks), up to MAX_IMPORTED_FILE_BYTES:
 *  an import never reads outside the project, a device, a FIFO or a huge file. */
export function diskWorkspace(root: string): WorkspaceAccess {
  let realRoot: string;
  try {
    realRoot = realpathSync(resolve(root));
  } catch {
    realRoot = resolve(root);
  }
  const inside = (p: string) => p === realRoot || p.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  return {
    read(path) {
      try {
        if (!inside(resolve(path)) || !existsSync(path)) return undefined;
        const real = realpathSync(path);
        if (!inside(real)) return undefined;
        const st = statSync(real);
        return st.isFile() && st.size <= MAX_IMPORTED_FILE_BYTES ? readFileSync(real, 'utf8') : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

/** Candidate files for a module name imported from `fromFile`, most likely first. */
export function candidates(fromFile: string, module: string, language: Language): string[] {
  const here = dirname(resolve(fromFile));
  if (language === 'python') {
    const level = /^\.*/.exec(module)![0].length;
    const parts = module.slice(level).split('.').filter(Boolean);
    const bases: string[] = [];
    if (level > 0) {
      let base = here;
      for (let i = 1; i < level; i++) base = dirname(base);
      bases.push(base);
    } else {
      // absolute imports: the file's folder and a few above it (a project root or a src/ folder)
      let base = here;
      for (let i = 0; i < 4; i++, base = dirname(base)) bases.push(base);
    }
    return bases.flatMap((b) => (parts.length === 0 ? [join(b, '__init__.py')] : [join(b, ...parts) + '.py', join(b, ...parts, '__init__.py')]));
  }
  if (!module.startsWith('.')) return []; // packages from node_modules are not project code
  const target = resolve(here, module);
  const stem = target.replace(/\.(js|mjs|cjs|jsx)$/, '');
  return [target, ...['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.jsx'].map((e) => stem + e), ...['index.ts', 'index.js'].map((f) => join(target, f))];
}

export interface LoadedFile {
  name: string;
  text: string;
  lowered: LoweredModule;
}

/** The files one analysis follows, each read, lowered and line-indexed once. */
export class ImportedFiles {
  private readonly loaded = new Map<string, LoadedFile | undefined>();
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(
    private readonly access: WorkspaceAccess | undefined,
    private readonly language: Language,
    private readonly lower: (text: string, fileName: string) => LoweredModule,
    private readonly mainFile: string,
  ) {}

  /** The file a module name refers to, loaded, or undefined (not project code, missing, or over the limit). */
  resolve(fromFile: string | undefined, module: string): LoadedFile | undefined {
    if (!this.access) return undefined;
    for (const path of candidates(fromFile ?? this.mainFile, module, this.language)) {
      if (resolve(path) === resolve(this.mainFile)) return undefined;
      if (this.loaded.has(path)) {
        const hit = this.loaded.get(path);
        if (hit) return hit;
        continue;
      }
      if (this.loaded.size >= MAX_IMPORTED_FILES) return undefined;
      const text = this.access.read(path);
      if (text === undefined) {
        this.loaded.set(path, undefined);
        continue;
      }
      let lowered: LoweredModule;
      try {
        lowered = this.lower(text, path);
      } catch {
        lowered = { body: [], syntaxErrors: [] };
      }
      const file = { name: path, text, lowered };
      this.loaded.set(path, file);
      return file;
    }
    return undefined;
  }

  lines(file: string): LineIndex {
    let index = this.lineIndexes.get(file);
    if (!index) {
      index = new LineIndex(this.loaded.get(file)?.text ?? '');
      this.lineIndexes.set(file, index);
    }
    return index;
  }

  /** The files followed, for consumers that watch them (the editor re-analyzes when one changes). */
  get files(): string[] {
    return [...this.loaded].filter(([, f]) => f !== undefined).map(([p]) => p);
  }
}
