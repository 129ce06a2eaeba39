// Sequential <-> functional conversions (to be written).

import type { Refusal, Rewrite, RewriteInput } from './types';

export type ConversionTarget = 'functional' | 'sequential';

export function conversionsAt(_input: RewriteInput, _start: number, _end: number): Rewrite[] {
  return [];
}

export function conversionRefusalsAt(_input: RewriteInput, _start: number, _end: number): Refusal[] {
  return [];
}

/** The conversion of one model of the file (by name or variable; the only candidate when not given), for the CLI. */
export function convertModel(_input: RewriteInput, to: ConversionTarget, _model?: string): Rewrite | Refusal {
  return { title: to === 'functional' ? 'Convert to functional API' : 'Convert to Sequential', reason: 'no model in this file can be converted' };
}
