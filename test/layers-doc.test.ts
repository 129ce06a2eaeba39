import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { renderLayersDoc } from '../src/layers/doc';
import { allLayers } from '../src/layers/registry';

// The test runs from out/test/; the page lives at the repository root.
const page = join(__dirname, '..', '..', 'docs', 'layers.md');

it('docs/layers.md is the rendering of the registered catalog (regenerate: node out/src/layers/doc.js > docs/layers.md)', () => {
  assert.equal(readFileSync(page, 'utf8'), renderLayersDoc());
});

it('the page has one row per registered layer class', () => {
  const rows = renderLayersDoc().split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Keras class'));
  assert.equal(rows.length, allLayers().length);
});
