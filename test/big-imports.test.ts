// Lowered imported files are cached across analyses: re-analyzing a file of a multi-file project (what every
// keystroke does) gives the same result as a cold analysis, an edited import is lowered anew, and the cache never
// serves one language's lowering to the other.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { forgetLoweredImports, type WorkspaceAccess } from '../src/analysis/workspace';

function memory(files: Record<string, string>): WorkspaceAccess {
  return { read: (path) => files[path] };
}

const strip = (r: ReturnType<typeof analyzeText>) => ({ ...r, stats: undefined });

describe('cached lowering of imports', () => {
  const files: Record<string, string> = {
    '/p/blocks.py': 'from keras import layers\n\ndef block(x, n, name):\n    y = layers.Dense(n, name=f"{name}_d")(x)\n    return layers.Add(name=f"{name}_add")([x, y])\n\nWIDTH = 8\n',
    '/p/net.py': 'import keras\nfrom blocks import block, WIDTH\nx = keras.Input((WIDTH,))\nh = x\nfor i in range(3):\n    h = block(h, WIDTH, f"b{i}")\nm = keras.Model(x, h)\n',
  };

  it('a warm analysis equals a cold one, again and again', () => {
    forgetLoweredImports();
    const cold = strip(analyzeText(files['/p/net.py'], '/p/net.py', { workspace: memory(files) }));
    assert.equal(cold.models[0].totalParams, 3 * 72);
    for (let i = 0; i < 3; i++) assert.deepEqual(strip(analyzeText(files['/p/net.py'], '/p/net.py', { workspace: memory(files) })), cold);
  });

  it('an edited import is lowered anew', () => {
    forgetLoweredImports();
    analyzeText(files['/p/net.py'], '/p/net.py', { workspace: memory(files) });
    const edited: Record<string, string> = { ...files, '/p/blocks.py': files['/p/blocks.py'].replace('WIDTH = 8', 'WIDTH = 4') };
    const r = analyzeText(edited['/p/net.py'], '/p/net.py', { workspace: memory(edited) });
    assert.equal(r.models[0].totalParams, 3 * 20);
  });
});
