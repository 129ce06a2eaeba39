// Sequential <-> functional conversions (to be written).

import type { Rewrite, RewriteInput } from './types';

export function conversionsAt(_input: RewriteInput, _start: number, _end: number): Rewrite[] {
  return [];
}
