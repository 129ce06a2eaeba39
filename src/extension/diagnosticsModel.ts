// Turns the analyzer's diagnostics into editor-ready records (0-based spans, severity, code, related locations).
// It does not talk to VS Code: diagnostics.ts maps these records 1:1 onto vscode.Diagnostic.

import type { AnalysisResult, DiagnosticCode, Severity, SourceRange } from '../graph/ir';
import { toSpan, type Span } from './text';

export interface EditorDiagnostic {
  span: Span;
  /** The IR range (with its file) the span came from. */
  range: SourceRange;
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** Other places (e.g. the first call of a shared layer), in this document or an imported one (`range.file`). */
  related: { span: Span; range: SourceRange; message: string }[];
}

export const DIAGNOSTIC_SOURCE = 'LayerGraph';

export function toEditorDiagnostics(result: AnalysisResult): EditorDiagnostic[] {
  return result.diagnostics.map((d) => ({
    span: toSpan(d.range),
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    // The analyzer sometimes names one site twice for two reasons (built here / input comes from here): keep both
    // messages but one entry per distinct text, so the Problems panel does not list the same line twice verbatim.
    related: dedupeRelated(d.related.map((r) => ({ span: toSpan(r.range), range: r.range, message: r.message }))),
  }));
}

function dedupeRelated<T extends { span: Span; range: SourceRange; message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((r) => {
    const key = `${r.range.file ?? ''}:${r.span.startLine}:${r.span.startCharacter}:${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export type SeverityChoice = Severity | 'hint' | 'off';
const SEVERITY_CHOICES: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Severity overrides by diagnostic code; entries that are not one of the five choices are ignored. */
export function severityOverrides(raw: unknown): Partial<Record<DiagnosticCode, SeverityChoice>> {
  const out: Partial<Record<DiagnosticCode, SeverityChoice>> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [code, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v === 'string' && SEVERITY_CHOICES.includes(v)) out[code as DiagnosticCode] = v as SeverityChoice;
  }
  return out;
}
