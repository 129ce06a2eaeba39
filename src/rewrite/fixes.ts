// Quick fixes for diagnostics and the share/unshare refactorings (to be written).

import type { Diagnostic } from '../graph/ir';
import type { Rewrite, RewriteInput } from './types';

export function fixesAt(_input: RewriteInput, _start: number, _end: number, _diagnostics: readonly Diagnostic[]): Rewrite[] {
  return [];
}
