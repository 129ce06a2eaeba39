// Host-side bookkeeping for the preview, free of the VS Code API: which (document, version) the webview was last
// sent, so unchanged or older versions are not posted again; and which graph to show while a line is half typed
// (the last good one, marked as such, instead of a graph that collapsed because of a syntax error).

import type { AnalysisResult } from '../graph/ir';

export class PostedVersions {
  private uri: string | null = null;
  private version = -1;

  /** True (and remembered) when this version is newer than the last one posted for the same document, or the
   *  document differs from the last one posted. */
  shouldPost(uri: string, version: number): boolean {
    if (uri === this.uri && version <= this.version) return false;
    this.uri = uri;
    this.version = version;
    return true;
  }

  reset(): void {
    this.uri = null;
    this.version = -1;
  }
}

/** A result that lost models or layers the previous good one had, and has a syntax error: a line being typed. */
export function isHalfTyped(result: AnalysisResult, good: AnalysisResult): boolean {
  const broken = result.diagnostics.some((d) => d.code === 'syntax-error');
  return broken && (result.models.length < good.models.length || result.layers.length < good.layers.length);
}

export interface Shown {
  result: AnalysisResult;
  /** True when `result` is the last good graph kept instead of the newest (half-typed) one. */
  lastGood: boolean;
}

/** Per document, the last graph worth showing. */
export class LastGoodGraphs {
  private readonly good = new Map<string, AnalysisResult>();

  choose(uri: string, result: AnalysisResult): Shown {
    const good = this.good.get(uri);
    if (good && isHalfTyped(result, good)) return { result: good, lastGood: true };
    this.good.set(uri, result);
    return { result, lastGood: false };
  }

  forget(uri: string): void {
    this.good.delete(uri);
  }
}

/** The panel title: the file shown, and whether it is the last good graph. */
export function previewTitle(fileName: string | undefined, lastGood: boolean, t: (m: string, ...a: string[]) => string): string {
  if (!fileName) return t('LayerGraph');
  const base = fileName.split(/[\\/]/).pop() || fileName;
  return lastGood ? t('LayerGraph: {0} (showing last good graph)', base) : t('LayerGraph: {0}', base);
}
