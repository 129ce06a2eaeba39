import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { renderLayersDoc } from '../src/layers/doc';
import { allLayers } from '../src/layers/registry';

// The test runs from out/test/; the page lives at the repository root.
const page = join(__dirname, '..', '..', 'docs', 'layers.md');

it('docs/layers.md is the rendering of the registered catalog (regenerate: node out/src/layers/doc.js > docs/layers.md)', () => {
  const written = readFileSync(page, 'utf8').split('\n');
  const rendered = renderLayersDoc().split('\n');
  const at = rendered.findIndex((line, i) => line !== written[i]);
  assert.ok(
    at === -1 && written.length === rendered.length,
    `docs/layers.md is stale (first difference at line ${at + 1}: ${JSON.stringify(rendered[at] ?? written[at])}). ` +
      'A layer definition changed or was registered: run `npx tsc -p . && node out/src/layers/doc.js > docs/layers.md`.',
  );
});

it('the page has one row per registered layer class', () => {
  const rows = renderLayersDoc().split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Keras class'));
  assert.equal(rows.length, allLayers().length);
});
