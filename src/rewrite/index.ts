// Every rewrite offered at a range of a file: conversions between the Sequential and functional APIs (convert.ts) and
// the fixes for the diagnostics there plus the share/unshare refactorings (fixes.ts). The editor's code actions and
// the CLI read this one list.

import type { Diagnostic } from '../graph/ir';
import { conversionsAt } from './convert';
import { fixesAt } from './fixes';
import type { Rewrite, RewriteInput } from './types';

/** Rewrites for the offsets `start..end` of the main file; `diagnostics` are the ones the editor says touch it. */
export function rewritesAt(input: RewriteInput, start: number, end: number, diagnostics: readonly Diagnostic[]): Rewrite[] {
  return [...fixesAt(input, start, end, diagnostics), ...conversionsAt(input, start, end)];
}
