// Projects split across files: imports of project files followed, ranges naming their file, errors inside
// imported code reported where the analyzed file led there, and reading confined to the project root.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { fileOf } from '../src/graph/ir';
import { codes, names, py, shapeOf, ts } from './support/snippets';

describe('projects split across files', () => {
  const { mkdtempSync, mkdirSync, writeFileSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { diskWorkspace } = require('../src/analysis/workspace') as typeof import('../src/analysis/workspace');
  const project = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'lg-project-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(root, name, '..'), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    return root;
  };
  const blocks = `from keras import layers

def conv_block(x, filters, name):
    x = layers.Conv2D(filters, 3, padding="same", name=f"{name}_conv")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)

WIDTH = 16
`;

  it('Python: absolute and relative imports are followed; layers keep their file and line', () => {
    const root = project({
      'mypkg/__init__.py': '',
      'mypkg/blocks.py': blocks,
      'mypkg/net.py': 'from keras import Input, Model\nfrom .blocks import conv_block, WIDTH\nfrom . import blocks\ni = Input((8, 8, 3))\nnet = Model(i, blocks.conv_block(conv_block(i, WIDTH, "a"), WIDTH * 2, "b"))\n',
    });
    const file = join(root, 'mypkg/net.py');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    assert.deepEqual(codes(r), []);
    assert.deepEqual(names(r), ['input_layer', 'a_conv', 'a_relu', 'b_conv', 'b_relu']);
    assert.deepEqual(shapeOf(r, 'b_conv'), [null, 8, 8, 32]);
    const conv = r.layers.find((l) => l.name === 'a_conv')!;
    assert.equal(fileOf(r, conv.range), join(root, 'mypkg/blocks.py'));
    assert.deepEqual(r.files, [file, join(root, 'mypkg/blocks.py')]);
    assert.equal(conv.range.line, 4);
    assert.deepEqual(r.importedFiles, [join(root, 'mypkg/blocks.py'), join(root, 'mypkg/__init__.py')]);
    const call = r.calls[conv.calls[0]];
    assert.equal(call.scope[0].callRange.file, 0, 'the helper was called from the analyzed file');
    assert.equal(call.scope[0].callRange.line, 5);
  });

  it('an error inside imported code is reported at the call in the analyzed file, with where it happened', () => {
    const root = project({ 'mypkg/__init__.py': '', 'mypkg/blocks.py': blocks, 'app/bad.py': 'from keras import Input, Model\nfrom mypkg.blocks import conv_block\nx = Input((32,))\nm = Model(x, conv_block(x, 4, "b"))\n' });
    const file = join(root, 'app/bad.py');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    const e = r.diagnostics.find((d) => d.code === 'rank-mismatch')!;
    assert.equal(e.range.file, 0);
    assert.equal(e.range.line, 4);
    assert.equal(fileOf(r, e.related[0].range), join(root, 'mypkg/blocks.py'));
    assert.equal(e.related[0].range.line, 4);
  });

  it('TS: relative imports of exported helpers', () => {
    const root = project({
      'lib/tower.ts': "import * as tf from '@tensorflow/tfjs';\nexport function tower(x: tf.SymbolicTensor, units: number) {\n  return tf.layers.dense({units, name: `tower_${units}`}).apply(x) as tf.SymbolicTensor;\n}\n",
      'main.ts': "import * as tf from '@tensorflow/tfjs';\nimport {tower} from './lib/tower';\nconst input = tf.input({shape: [4]});\nconst model = tf.model({inputs: input, outputs: tower(input, 8)});\n",
    });
    const file = join(root, 'main.ts');
    const r = analyzeText(require('node:fs').readFileSync(file, 'utf8'), file, { workspace: diskWorkspace(root) });
    assert.deepEqual(codes(r), []);
    assert.equal(r.models[0].totalParams, 40);
    assert.equal(fileOf(r, r.layers.find((l) => l.name === 'tower_8')!.range), join(root, 'lib/tower.ts'));
  });

  it('without workspace access imports stay unknown, never an error', () => {
    const r = py('from mypkg.blocks import conv_block\nfrom keras import Input, Model\nx = Input((4,))\nm = Model(x, conv_block(x, 4, "b"))\n');
    assert.deepEqual(r.diagnostics.filter((d) => d.severity !== 'information'), []);
  });
});

describe('import following stays inside the project root', () => {
  const fs = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
  const { diskWorkspace, MAX_WORKSPACE_FILE_BYTES } = require('../src/analysis/workspace') as typeof import('../src/analysis/workspace');
  const { run } = require('../src/cli/main') as typeof import('../src/cli/main');
  const SECRET = 'sk-live-4242-do-not-print';
  /** base/home/.env holds a secret; base/proj/src/app/main.ts imports it with `../../../home/.env`. */
  const layout = () => {
    const base = fs.mkdtempSync(join(tmpdir(), 'lg-confine-'));
    fs.mkdirSync(join(base, 'home'));
    fs.writeFileSync(join(base, 'home/.env'), `KEY=${SECRET}\nexport const KEY = "${SECRET}" +;\n`);
    fs.mkdirSync(join(base, 'proj/src/app'), { recursive: true });
    const main = join(base, 'proj/src/app/main.ts');
    fs.writeFileSync(main, "import * as tf from '@tensorflow/tfjs';\nimport { KEY } from '../../../home/.env';\nconst x = tf.input({shape: [4]});\nconst y = tf.layers.dense({units: 2, name: KEY}).apply(x);\n");
    return { base, root: join(base, 'proj'), main };
  };

  it("`import { KEY } from '../../../home/.env'` outside the root never shows the file's content", () => {
    const { base, root, main } = layout();
    const text = fs.readFileSync(main, 'utf8');
    const inside = analyzeText(text, main, { workspace: diskWorkspace(root) });
    assert.ok(!JSON.stringify(inside).includes(SECRET), 'the secret is in the analysis');
    assert.deepEqual(inside.importedFiles, []);
    // the same code with the root above the secret does read it: the check above can fail
    const above = analyzeText(text, main, { workspace: diskWorkspace(base) });
    assert.deepEqual(above.importedFiles, [join(base, 'home/.env')]);
    // and the command line, run from the project folder (its default root)
    const out: string[] = [];
    const io = { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => out.push(s) } };
    const cwd = process.cwd();
    try {
      process.chdir(root);
      run(['check', main], io);
      run(['summary', '--json', main], io);
      run(['check', '--root', root, main], io);
    } finally {
      process.chdir(cwd);
    }
    assert.ok(!out.join('').includes(SECRET), out.join(''));
  });

  it('a symbolic link inside the root to a file outside it is not read', () => {
    const { base, root } = layout();
    fs.symlinkSync(join(base, 'home/.env'), join(root, 'src/app/secret.ts'));
    assert.equal(diskWorkspace(root).read(join(root, 'src/app/secret.ts')), undefined);
    assert.match(diskWorkspace(base).read(join(root, 'src/app/secret.ts')) ?? '', /KEY=/);
  });

  it('FIFOs, directories and files over the size cap are not read (and a FIFO does not block)', () => {
    const { root } = layout();
    const fifo = join(root, 'src/app/pipe.ts');
    execFileSync('mkfifo', [fifo]);
    const big = join(root, 'src/app/big.ts');
    fs.writeFileSync(big, 'x'.repeat(MAX_WORKSPACE_FILE_BYTES + 1));
    const ws = diskWorkspace(root);
    assert.equal(ws.read(fifo), undefined);
    assert.equal(ws.read(join(root, 'src')), undefined);
    assert.equal(ws.read(big), undefined);
    fs.writeFileSync(big, 'const small = 1;\n');
    assert.equal(ws.read(big), 'const small = 1;\n');
  });
});
