// The VS Code adapters that need no editor to be tested, against a minimal stand-in of the `vscode` API: published
// diagnostics honour the per-code severity setting, and related information that lies in an imported file points
// into that file (not into the analyzed document at the same line).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { AnalysisResult } from '../src/graph/ir';
import { answer } from '../src/extension/analysisWorker';

class Uri {
  constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string) {
    return new Uri('file', p);
  }
  toString() {
    return `${this.scheme}://${this.fsPath}`;
  }
}
class Range {
  constructor(readonly startLine: number, readonly startCharacter: number, readonly endLine: number, readonly endCharacter: number) {}
}
class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (l: (e: T) => void) => (this.listeners.push(l), { dispose: () => undefined });
  fire(e: T) {
    this.listeners.forEach((l) => l(e));
  }
  dispose() {}
}

function fakeVscode() {
  const published = new Map<string, { severity: number; code: unknown; related: { uri: Uri; line: number }[] }[]>();
  let severitySetting: unknown = {};
  const configListeners: ((e: { affectsConfiguration(k: string): boolean }) => void)[] = [];
  const vscode = {
    Uri,
    Range,
    EventEmitter,
    Location: class {
      constructor(readonly uri: Uri, readonly range: Range) {}
    },
    Diagnostic: class {
      source?: string;
      code?: unknown;
      relatedInformation: { location: { uri: Uri; range: Range } }[] = [];
      constructor(readonly range: Range, readonly message: string, readonly severity: number) {}
    },
    DiagnosticRelatedInformation: class {
      constructor(readonly location: { uri: Uri; range: Range }, readonly message: string) {}
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    languages: {
      createDiagnosticCollection: () => ({
        set: (uri: Uri, ds: InstanceType<typeof vscode.Diagnostic>[]) =>
          published.set(
            uri.toString(),
            ds.map((d) => ({ severity: d.severity, code: d.code, related: d.relatedInformation.map((r) => ({ uri: r.location.uri, line: r.location.range.startLine })) })),
          ),
        delete: () => undefined,
        dispose: () => undefined,
      }),
    },
    workspace: {
      onDidCloseTextDocument: () => ({ dispose: () => undefined }),
      onDidChangeConfiguration: (l: (typeof configListeners)[number]) => (configListeners.push(l), { dispose: () => undefined }),
      getConfiguration: () => ({ get: (k: string) => (k === 'diagnostics.severity' ? severitySetting : undefined) }),
    },
  };
  const setSeverity = (v: unknown) => {
    severitySetting = v;
    configListeners.forEach((l) => l({ affectsConfiguration: (k) => k === 'layergraph.diagnostics.severity' }));
  };
  return { vscode, published, setSeverity };
}

/** Loads modules with `vscode` resolved to the stand-in. */
function withVscode<T>(vscode: unknown, load: () => T): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Module = require('node:module') as { _load(request: string, ...rest: unknown[]): unknown };
  const original = Module._load;
  Module._load = function (request: string, ...rest: unknown[]) {
    return request === 'vscode' ? vscode : original.call(this, request, ...rest);
  };
  try {
    return load();
  } finally {
    Module._load = original;
  }
}

describe('diagnostics in the editor (stand-in VS Code API)', () => {
  const { vscode, published, setSeverity } = fakeVscode();
  const root = mkdtempSync(join(tmpdir(), 'lg-diag-'));
  mkdirSync(join(root, 'pkg'));
  writeFileSync(join(root, 'pkg', '__init__.py'), '');
  writeFileSync(join(root, 'pkg', 'blocks.py'), 'from keras import layers\n\ndef block(x):\n    return layers.Conv2D(4, 3)(x)\n');
  const main = join(root, 'main.py');
  const text = 'from keras import Input, Model\nfrom pkg.blocks import block\nx = Input((32,))\nm = Model(x, block(x))\n';
  let result: AnalysisResult;
  let fire: (r: AnalysisResult) => void;

  before(() => {
    const r = answer({ id: 1, text, fileName: main, version: 1, root });
    assert.ok(r.ok);
    result = r.result;
    const { DiagnosticsFeature } = withVscode(vscode, () => require('../src/extension/diagnostics') as typeof import('../src/extension/diagnostics'));
    const { Config } = withVscode(vscode, () => require('../src/extension/config') as typeof import('../src/extension/config'));
    const analyzed = new EventEmitter<{ document: { uri: Uri }; result: AnalysisResult }>();
    new DiagnosticsFeature({ onDidAnalyze: analyzed.event } as never, new Config());
    fire = (res) => analyzed.fire({ document: { uri: Uri.file(main) }, result: res });
  });

  it('an error inside an imported helper: related information points into the imported file', () => {
    fire(result);
    const ds = published.get(Uri.file(main).toString())!;
    const rank = ds.find((d) => d.code === 'rank-mismatch');
    assert.ok(rank, JSON.stringify(ds));
    assert.equal(rank.severity, vscode.DiagnosticSeverity.Error);
    const inBlocks = rank.related.find((r) => r.uri.fsPath === join(root, 'pkg', 'blocks.py'));
    assert.ok(inBlocks, JSON.stringify(rank.related));
    assert.equal(inBlocks.line, 3); // 0-based: `return layers.Conv2D(4, 3)(x)` is line 4 of blocks.py
  });

  it('per-code severity: "off" hides a code, "hint" lowers one, the change applies without a new analysis', () => {
    const codes = () => published.get(Uri.file(main).toString())!.map((d) => `${d.code}:${d.severity}`).sort();
    fire(result);
    const before = codes();
    assert.ok(before.includes('rank-mismatch:0'));
    setSeverity({ 'rank-mismatch': 'hint', 'unknown-layer': 'bogus' });
    assert.deepEqual(codes(), before.map((c) => c.replace('rank-mismatch:0', 'rank-mismatch:3')));
    setSeverity({ 'rank-mismatch': 'off' });
    assert.deepEqual(codes(), before.filter((c) => !c.startsWith('rank-mismatch:')));
    setSeverity({});
    assert.deepEqual(codes(), before);
  });
});
