// Quick fixes for the diagnostics at a range and the share/unshare refactorings there. Each family lives in its own
// file (fixesShare.ts, fixesShape.ts, fixesModel.ts, fixesConfig.ts); this picks them by diagnostic code. A fix is
// offered only when every fact it needs (shapes, the variable names, a literal to change) is known.

import type { Diagnostic } from '../graph/ir';
import { invalidConfigFixes } from './fixesConfig';
import { addMissingInputs, removeUnusedInputs } from './fixesModel';
import { mergeFixes, shapeFixes } from './fixesShape';
import { shareLayers, unshareAt, unshareFix } from './fixesShare';
import type { Rewrite, RewriteInput } from './types';

/** Quick fixes for one diagnostic of `input.result`, preferred first. */
export function fixesFor(input: RewriteInput, d: Diagnostic): Rewrite[] {
  let out: Rewrite[] = [];
  try {
    switch (d.code) {
      case 'shared-layer-input':
        out = [...unshareFix(input, d), ...shapeFixes(input, d)];
        break;
      case 'shape-mismatch':
      case 'rank-mismatch':
        out = shapeFixes(input, d);
        break;
      case 'merge-shape-mismatch':
      case 'concat-shape-mismatch':
        out = mergeFixes(input, d);
        break;
      case 'graph-disconnected':
        out = addMissingInputs(input, d);
        break;
      case 'unused-input':
        out = removeUnusedInputs(input, d);
        break;
      case 'invalid-config':
        out = invalidConfigFixes(input, d);
        break;
      default:
        out = [];
    }
  } catch {
    // Text a fixer did not expect (half-typed code) means no fix, never a failed code-action request.
    out = [];
  }
  return out.sort((a, b) => Number(b.isPreferred === true) - Number(a.isPreferred === true));
}

export function fixesAt(input: RewriteInput, start: number, end: number, diagnostics: readonly Diagnostic[]): Rewrite[] {
  const quick = diagnostics.flatMap((d) => fixesFor(input, d));
  let refactors: Rewrite[] = [];
  try {
    refactors = [...unshareAt(input, start, end), ...shareLayers(input, start, end)];
  } catch {
    refactors = [];
  }
  return [...quick, ...refactors];
}
