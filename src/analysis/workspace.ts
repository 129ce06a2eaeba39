// Following imports between files of a project: resolving `from .blocks import conv_block`, `import mypkg.towers`,
// `import { tower } from './tower'` to files, reading and lowering each once. Reading is injected (disk for the
// CLI, confined to a root folder; open editors and the workspace for the extension); this module never evaluates
// anything.

import { closeSync, constants, fstatSync, openSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Language } from '../graph/ir';
import type { LoweredModule } from './core/ast';
import { LineIndex } from './lineIndex';

/** Imported files followed from one analysis at most (a large project is not analyzed whole on each keystroke). */
export const MAX_IMPORTED_FILES = 64;

export interface WorkspaceAccess {
  /** The file's text, or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
}

/** The largest project file an import reads (a generated or data file is not model code). */
export const MAX_WORKSPACE_FILE_BYTES = 2 * 1024 * 1024;

/**
 * Reads files from disk (the CLI), confined to `root`: only regular files whose real path (symbolic links
 * resolved) is inside the root's real path, at most MAX_WORKSPACE_FILE_BYTES; never FIFOs, devices or sockets
 * (which could block or never end). Anything else is "cannot be read", so its content reaches nothing.
 */
export function diskWorkspace(root: string): WorkspaceAccess {
  let realRoot: string | undefined;
  try {
    realRoot = realpathSync(resolve(root));
  } catch {
    realRoot = undefined;
  }
  return {
    read(path) {
      if (realRoot === undefined) return undefined;
      try {
        const real = realpathSync(resolve(path));
        const rel = relative(realRoot, real);
        if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
        const st = statSync(real);
        if (!st.isFile() || st.size > MAX_WORKSPACE_FILE_BYTES) return undefined;
        // O_NONBLOCK: if the file was swapped for a FIFO after the check, opening it does not wait for a writer
        const fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK);
        try {
          const opened = fstatSync(fd);
          if (!opened.isFile() || opened.size > MAX_WORKSPACE_FILE_BYTES) return undefined;
          return readFileSync(fd, 'utf8');
        } finally {
          closeSync(fd);
        }
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

/**
 * Lowered imported files kept across analyses (the analysis process re-analyzes the edited file on every keystroke;
 * its imports rarely change): by path, reused only while the text is the same. The lowered form is plain data the
 * evaluator only reads, so one copy serves every analysis.
 */
const LOWERED_KEEP = 256;
const loweredCache = new Map<string, { text: string; language: Language; lowered: LoweredModule }>();

function cachedLowering(path: string, text: string, language: Language, lower: (text: string, fileName: string) => LoweredModule): LoweredModule {
  const hit = loweredCache.get(path);
  if (hit && hit.text === text && hit.language === language) {
    loweredCache.delete(path);
    loweredCache.set(path, hit); // most recently used last
    return hit.lowered;
  }
  let lowered: LoweredModule;
  try {
    lowered = lower(text, path);
  } catch {
    lowered = { body: [], syntaxErrors: [] };
  }
  loweredCache.delete(path);
  loweredCache.set(path, { text, language, lowered });
  while (loweredCache.size > LOWERED_KEEP) loweredCache.delete(loweredCache.keys().next().value!);
  return lowered;
}

/** Forget every cached lowering (tests and benchmarks that measure a cold start). */
export function forgetLoweredImports(): void {
  loweredCache.clear();
}

/** The files one analysis follows, each read, lowered (or taken from the cross-analysis cache) and line-indexed once. */
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
      const file = { name: path, text, lowered: cachedLowering(path, text, this.language, this.lower) };
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
