// The diagnostics table is the one list of codes: docs/diagnostics.md and the README's list are its rendering,
// every code the analyzer emits is in it, and every code in it is emitted by some input.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { DIAGNOSTIC_CODES, DIAGNOSTICS, type DiagnosticCode } from '../src/graph/diagnostics';
import { diagnosticsDoc, readmeDiagnosticsList } from '../src/graph/diagnosticsDoc';
import { ROOT } from './support/analysis';

it('docs/diagnostics.md is the rendering of the table (regenerate: node out/src/graph/diagnosticsDoc.js > docs/diagnostics.md)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8'), diagnosticsDoc());
});

it("the README's Diagnostics list is generated from the table", () => {
  assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(readmeDiagnosticsList()), `README should contain:\n${readmeDiagnosticsList()}`);
});

/** One input per code that makes the analyzer emit it (so a code in the table is never dead). */
const EMITTERS: Record<DiagnosticCode, [string, string]> = {
  'shape-mismatch': ['a.py', 'from keras import layers, Input, Model\ni = Input((4,))\ninner = Model(i, layers.Dense(2)(i))\ninner(Input((5,)))\n'],
  'shared-layer-input': ['a.py', 'from keras import layers, Input\nd = layers.Dense(3)\nd(Input((4,)))\nd(Input((5,)))\n'],
  'rank-mismatch': ['a.py', 'from keras import layers, Input\nlayers.Conv2D(4, 3)(Input((4,)))\n'],
  'merge-shape-mismatch': ['a.py', 'from keras import layers, Input\nlayers.Add()([Input((4,)), Input((5,))])\n'],
  'concat-shape-mismatch': ['a.py', 'from keras import layers, Input\nlayers.Concatenate()([Input((4, 2)), Input((5, 2))])\n'],
  'reshape-size-mismatch': ['a.py', 'from keras import layers, Input\nlayers.Reshape((7,))(Input((4,)))\n'],
  'dot-axes-mismatch': ['a.py', 'from keras import layers, Input\nlayers.Dot(axes=1)([Input((4,)), Input((5,))])\n'],
  'invalid-config': ['a.py', 'from keras import layers\nlayers.Dropout(1.5)\n'],
  'invalid-input': ['a.py', 'from keras import layers, Input\nlayers.Subtract()([Input((4,)), Input((4,)), Input((4,))])\n'],
  'graph-disconnected': ['a.py', 'from keras import layers, Input, Model\na = Input((4,))\nb = Input((4,))\nm = Model(a, layers.Add()([a, b]))\n'],
  'model-not-mapped': ['a.py', ''],
  'unused-input': ['a.py', 'from keras import layers, Input, Model\na = Input((4,))\nb = Input((4,))\nm = Model([a, b], layers.Dense(2)(a))\n'],
  'syntax-error': ['a.py', 'from keras import layers\nx = (\n'],
  'unknown-layer': ['a.py', 'from keras import layers\nlayers.FancyNewLayer(3)\n'],
  'assumed-layer-class': ['a.py', 'import mylib\nmylib.layers.Dense(3)\n'],
  'analysis-limit': ['a.py', 'while True:\n    x = 1\n'],
  'internal-error': ['a.py', ''],
};

it('every code in the table is emitted by an input, with its default severity', () => {
  for (const code of DIAGNOSTIC_CODES) {
    // Bugs of ours: tested by fault injection (evaluator-state.test.ts, big-models.test.ts).
    if (code === 'internal-error' || code === 'model-not-mapped') continue;
    const [file, text] = EMITTERS[code];
    const r = analyzeText(text, file);
    const hit = r.diagnostics.find((d) => d.code === code);
    assert.ok(hit, `${code} not emitted; got ${JSON.stringify(r.diagnostics.map((d) => d.code))}`);
    if (code !== 'invalid-config') assert.equal(hit.severity, DIAGNOSTICS[code].severity, code);
  }
});

it('every code the sources name is in the table', () => {
  const named = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/diagnose\([^,]+,\s*'([a-z-]+)'/g)) named.add(m[1]);
    }
  };
  walk(join(ROOT, 'src'));
  for (const code of named) assert.ok(code in DIAGNOSTICS, `${code} is emitted but not in the table`);
});

it('input-spec errors carry structured detail (kind, axis, expected, received)', () => {
  const r = analyzeText('from keras import layers, Input\nd = layers.Dense(3)\nd(Input((4,)))\nd(Input((5,)))\nlayers.Conv2D(4, 3)(Input((4,)))\n', 'a.py');
  const shared = r.diagnostics.find((d) => d.code === 'shared-layer-input')!;
  assert.deepEqual(shared.detail, { kind: 'axis', axis: -1, expected: 4, received: [null, 5], input: 0 });
  const rank = r.diagnostics.find((d) => d.code === 'rank-mismatch')!;
  assert.deepEqual(rank.detail, { kind: 'min-ndim', expected: 4, received: 2, input: 0 });
});

it('the per-code severity setting offers exactly the codes of the table', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['layergraph.diagnostics.severity'];
  assert.deepEqual(Object.keys(setting.properties).sort(), [...DIAGNOSTIC_CODES].sort());
});
