// The .vsix is the product: this lists dist/layergraph.vsix (building it first when it is missing or older than its
// sources) and fails when a file a command needs is not in it — the bundles the build makes, the trainer and its
// .wasm files, the webview, grammar, nls and l10n bundles, and every file the extension code names under its own
// folder. Then it runs the packaged trainer, alone in a folder without node_modules, and checks it trains on WASM.

import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { trainInChild } from '../src/train/client';

const ROOT = path.resolve(__dirname, '../..');
const VSIX = path.join(ROOT, 'dist', 'layergraph.vsix');
const SOURCES = ['src', 'webview', 'scripts', 'l10n', 'syntaxes', 'media', 'package.json', 'package.nls.json', '.vscodeignore', 'README.md'];

function newest(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return fs.readdirSync(p).reduce((m, f) => Math.max(m, newest(path.join(p, f))), st.mtimeMs);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

let entries: string[] = [];
let manifest: Record<string, unknown>;

before(() => {
  const stale = !fs.existsSync(VSIX) || fs.statSync(VSIX).mtimeMs < Math.max(...SOURCES.filter((s) => fs.existsSync(path.join(ROOT, s))).map((s) => newest(path.join(ROOT, s))));
  if (stale) {
    const t0 = performance.now();
    execFileSync('npm', ['run', '--silent', 'package'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
    console.log(`# built dist/layergraph.vsix in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  // `unzip -Z1` lists one entry per line; the extension's files are under extension/.
  entries = execFileSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).split('\n').filter((l) => l.startsWith('extension/')).map((l) => l.slice('extension/'.length));
  manifest = JSON.parse(execFileSync('unzip', ['-p', VSIX, 'extension/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
});

function assertShipped(files: string[], why: string): void {
  const missing = files.map((f) => f.replace(/^\.\//, '')).filter((f) => !entries.includes(f));
  assert.deepEqual(missing, [], `${why}: missing from the .vsix (it has ${entries.join(', ')})`);
}

describe('packaging: dist/layergraph.vsix', () => {
  it('ships what package.json points at: main, icon, grammars, nls and l10n bundles', () => {
    const contributes = manifest.contributes as { grammars?: { path: string }[] };
    assertShipped([manifest.main as string, manifest.icon as string, ...(contributes.grammars ?? []).map((g) => g.path)], 'package.json');
    const nls = fs.readdirSync(ROOT).filter((f) => /^package\.nls(\.[\w-]+)?\.json$/.test(f));
    assert.ok(nls.includes('package.nls.json'));
    assertShipped(nls, 'package.nls');
    const l10n = String(manifest.l10n).replace(/^\.\//, '');
    assertShipped(fs.readdirSync(path.join(ROOT, l10n)).map((f) => `${l10n}/${f}`), 'l10n bundles');
  });

  it('ships every bundle the build makes (extension, trainer, workers) and the trainer\'s .wasm files', () => {
    const build = fs.readFileSync(path.join(ROOT, 'scripts', 'build-extension.mjs'), 'utf8');
    const outfiles = [...build.matchAll(/outfile:\s*'([^']+)'/g)].map((m) => m[1]);
    assert.ok(outfiles.includes('dist/extension.js') && outfiles.includes('dist/trainer.js'), outfiles.join(', '));
    assertShipped(outfiles, 'scripts/build-extension.mjs outputs');
    const wasm = /WASM_FILES = \[([^\]]*)\]/.exec(build)?.[1].match(/'[^']+'/g)?.map((s) => `dist/wasm/${s.slice(1, -1)}`) ?? [];
    assert.ok(wasm.length >= 2, 'the plain and the SIMD build');
    assertShipped(wasm, 'WebAssembly backend');
  });

  it('ships every file the extension code names under its own folder (webview, media, trainer)', () => {
    const named = new Set<string>();
    for (const file of sourceFiles(path.join(ROOT, 'src', 'extension'))) {
      const text = fs.readFileSync(file, 'utf8');
      // vscode.Uri.joinPath(…, 'dist', 'webview') / joinPath(media, 'rasterize.js') / path.join(__dirname, 'x.js'):
      // the last literal that looks like a file must be shipped somewhere.
      for (const m of text.matchAll(/(?:joinPath|path\.join)\(([^)]*)\)/g)) {
        const literals = [...m[1].matchAll(/'([^']+)'/g)].map((l) => l[1]);
        const name = literals.at(-1);
        if (name && /\.(js|css|svg|png|wasm|json)$/.test(name)) named.add(literals.join('/'));
      }
    }
    assert.ok([...named].some((n) => n.endsWith('trainer.js')) && [...named].some((n) => n.endsWith('main.js')), [...named].join(', '));
    const missing = [...named].filter((n) => !entries.some((e) => e === n || e.endsWith(`/${n}`)));
    assert.deepEqual(missing, [], 'named in src/extension but not packaged');
  });

  describe('the packaged trainer runs on its own', () => {
    let dir: string;
    before(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-vsix-'));
      execFileSync('unzip', ['-q', VSIX, 'extension/dist/*', '-d', dir]);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('trains scenario 3 on the WebAssembly backend with no node_modules around it', async () => {
      const file = path.join(ROOT, 'examples', 'python', 'scenario3_shared_dense.py');
      const trainerPath = path.join(dir, 'extension', 'dist', 'trainer.js');
      let notes: string[] = [];
      const t0 = performance.now();
      const r = await trainInChild({ analysis: analyzeText(fs.readFileSync(file, 'utf8'), file) }, { onBackend: (_n, n) => (notes = n) }, { trainerPath });
      console.log(`# packaged trainer: ${r.backend} (${notes.join('; ')}), ${((performance.now() - t0) / 1000).toFixed(2)} s command to weights`);
      assert.equal(r.backend, 'wasm');
      assert.deepEqual(r.weights.map((w) => w.shape), [[5, 5], [5]]);
    });
  });
});
