// `layergraph fix FILE [--write]`: applies the preferred quick fix of each diagnostic, one at a time — apply,
// re-analyze, repeat — until no diagnostic has a preferred fix that leaves the file with no more errors than before.
// Prints the fixed text (or writes it back with --write) and one line per applied fix. It only strings together the
// analyzer and the rewrite producers; it fixes nothing by itself.

import * as fs from 'node:fs';
import type { AnalysisResult, Diagnostic } from '../graph/ir';
import { fixesFor } from '../rewrite/fixes';
import { applyEdits, type Rewrite } from '../rewrite/types';

/** At most this many fixes per file: each one re-analyzes, and a fix that undoes another must not loop forever. */
const MAX_ROUNDS = 50;

export interface AppliedFix {
  title: string;
  diagnostic: Diagnostic;
}

export interface FixOutcome {
  text: string;
  applied: AppliedFix[];
  result: AnalysisResult;
}

const errorCount = (r: AnalysisResult) => r.diagnostics.filter((d) => d.severity === 'error').length;
const rank = (d: Diagnostic) => (d.severity === 'error' ? 0 : d.severity === 'warning' ? 1 : 2);

/** The preferred fix of `d` applied to `text` (main-file edits only), or null when it has none. */
function applyPreferred(text: string, fileName: string, result: AnalysisResult, d: Diagnostic): { text: string; fix: Rewrite } | null {
  const fix = fixesFor({ text, fileName, result }, d).find((r) => r.isPreferred);
  if (!fix || fix.edits.some((e) => e.file !== 0)) return null;
  return { text: applyEdits(text, fix.edits), fix };
}

export function fixText(text: string, fileName: string, analyze: (text: string, fileName: string) => AnalysisResult): FixOutcome {
  let result = analyze(text, fileName);
  const applied: AppliedFix[] = [];
  const seen = new Set([text]);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const candidates = [...result.diagnostics].sort((a, b) => rank(a) - rank(b) || a.range.start - b.range.start);
    let progressed = false;
    for (const d of candidates) {
      const next = applyPreferred(text, fileName, result, d);
      if (!next || seen.has(next.text)) continue;
      // A text tried once is never analyzed again, kept or not: each round costs at most one new analysis per fix.
      seen.add(next.text);
      const nextResult = analyze(next.text, fileName);
      if (errorCount(nextResult) > errorCount(result)) continue;
      applied.push({ title: next.fix.title, diagnostic: d });
      text = next.text;
      result = nextResult;
      progressed = true;
      break;
    }
    if (!progressed) break;
  }
  return { text, applied, result };
}

export interface FixIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  readFile?: (file: string) => string;
  writeFile?: (file: string, text: string) => void;
}

/** Runs `fix` on one file; returns the exit status (0: no error left, 1: errors left, 2: unreadable file). */
export function runFix(file: string, write: boolean, io: FixIo, analyze: (text: string, fileName: string) => AnalysisResult): number {
  let text: string;
  try {
    text = (io.readFile ?? ((f: string) => fs.readFileSync(f, 'utf8')))(file);
  } catch (e) {
    io.stderr.write(`layergraph: ${file}: cannot read file: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  const outcome = fixText(text, file, analyze);
  const report = write ? io.stdout : io.stderr;
  for (const { title, diagnostic: d } of outcome.applied) {
    report.write(`${file}:${d.range.line}:${d.range.column}: fixed: ${title} [${d.code}]\n`);
  }
  const left = outcome.result.diagnostics.filter((d) => d.severity === 'error');
  for (const d of left) report.write(`${file}:${d.range.line}:${d.range.column}: error: ${d.message} [${d.code}] (no fix applied)\n`);
  if (write) {
    if (outcome.applied.length > 0) (io.writeFile ?? ((f: string, t: string) => fs.writeFileSync(f, t, 'utf8')))(file, outcome.text);
  } else {
    io.stdout.write(outcome.text);
  }
  return left.length > 0 ? 1 : 0;
}
