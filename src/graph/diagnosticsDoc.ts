// Renders the diagnostics table (src/graph/diagnostics.ts) as docs/diagnostics.md and as the README's list, so
// neither can drift from the codes the analyzer emits (test/diagnostics-table.test.ts compares them).
// Regenerate the page: `npx tsc -p . && node out/src/graph/diagnosticsDoc.js > docs/diagnostics.md`.

import { DIAGNOSTIC_CODES, DIAGNOSTICS, type Severity } from './diagnostics';

/** docs/diagnostics.md, generated from the table (a test keeps the file current). */
export function diagnosticsDoc(): string {
  const lines = [
    '# LayerGraph diagnostics',
    '',
    '<!-- Generated from the table in src/graph/diagnostics.ts by src/graph/diagnosticsDoc.ts; do not edit by hand.',
    '     Regenerate: npx tsc -p . && node out/src/graph/diagnosticsDoc.js > docs/diagnostics.md -->',
    '',
    'Every diagnostic has a code (shown in brackets by `layergraph check`, and as the diagnostic code in VS Code) and a',
    'default severity.',
    '',
    '| Code | Severity | Title |',
    '| --- | --- | --- |',
    ...DIAGNOSTIC_CODES.map((c) => `| \`${c}\` | ${DIAGNOSTICS[c].severity} | ${DIAGNOSTICS[c].title} |`),
    '',
  ];
  for (const c of DIAGNOSTIC_CODES) lines.push(`## \`${c}\``, '', `${DIAGNOSTICS[c].title} (${DIAGNOSTICS[c].severity}). ${DIAGNOSTICS[c].docs}`, '');
  return lines.join('\n');
}

/** The README's list item of codes, generated from the table (wrapped at 118 columns like the README). */
export function readmeDiagnosticsList(): string {
  const bySeverity = (s: Severity) => DIAGNOSTIC_CODES.filter((c) => DIAGNOSTICS[c].severity === s).map((c) => `\`${c}\``);
  const text =
    `- **Diagnostics** (code in brackets; each explained in [docs/diagnostics.md](docs/diagnostics.md)): errors ${bySeverity('error').join(', ')}; ` +
    `warnings ${bySeverity('warning').join(', ')}; information ${bySeverity('information').join(', ')}.`;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > 118) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join('\n');
}

if (require.main === module) process.stdout.write(diagnosticsDoc());
