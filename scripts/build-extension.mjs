// Bundles the extension host (src/extension/main.ts with the analyzer, `typescript` and `@lezer/python`) into
// dist/extension.js, and the trainer (src/train/trainer.ts with TF.js core, layers, CPU and WebAssembly backends)
// into dist/trainer.js with the backend's .wasm files in dist/wasm/, with esbuild. `vscode` stays external (the
// editor provides it), and so does `@tensorflow/tfjs-node` (used when installed, never shipped). It does not build
// the webview (scripts/build-webview.mjs does) and does not type-check (tsc -p . does).

import { build, context } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
const dev = process.argv.includes('--dev');

/** The WebAssembly builds the trainer can load in Node: SIMD where the CPU/Node has it, else plain. */
export const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

const options = {
  absWorkingDir: root,
  entryPoints: ['src/extension/main.ts'],
  outfile: 'dist/extension.js',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  // VS Code 1.90's extension host runs Node 18+.
  target: ['node18'],
  external: ['vscode'],
  minify: !dev,
  sourcemap: dev ? 'inline' : false,
  legalComments: 'none',
  logLevel: 'warning',
  // ESM entry points first, so esbuild can drop the unused parts of @lezer/* (typescript is one CJS file either way).
  mainFields: ['module', 'main'],
};

/** The folder vsce packages. package.json's "files" list (for the npm CLI package) and .vscodeignore cannot be combined
 *  in vsce, so the extension is packaged from a copy whose manifest has no "files" and no dependency lists (everything
 *  is bundled); the root .vscodeignore still decides what goes in. */
function stage() {
  const dir = path.join(root, 'dist', 'vsix-stage');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const key of ['files', 'bin', 'dependencies', 'devDependencies', 'optionalDependencies', 'allowScripts', 'scripts']) delete manifest[key];
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const copy = (from, to = from) => cpSync(path.join(root, from), path.join(dir, to), { recursive: true });
  for (const f of ['README.md', '.vscodeignore', 'package.nls.json', 'package.nls.ja.json', 'syntaxes', 'l10n']) copy(f);
  // media/ minus the scripts that generate its images.
  cpSync(path.join(root, 'media'), path.join(dir, 'media'), { recursive: true, filter: (f) => !f.endsWith('.py') });
  copy('dist/extension.js');
  copy('dist/trainer.js');
  copy('dist/analysisWorker.js');
  copy('dist/wasm');
  copy('dist/webview/main.js');
  copy('dist/webview/main.css');
  console.log(`staged the extension in ${path.relative(root, dir)}`);
}

if (process.argv.includes('--stage')) {
  stage();
} else if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('watching src/extension …');
} else {
  await build(options);
  // The trainer runs in its own process (child_process.fork of dist/trainer.js): TF.js's core, layers, CPU and
  // WebAssembly backends are bundled in, the .wasm files (plain and SIMD; the threaded builds are never used in
  // Node) go next to it, where src/train/backend.ts points the loader. tfjs-node stays an optional fast path.
  // Analysis runs in its own process (src/extension/analysisRunner.ts forks dist/analysisWorker.js).
  await build({ ...options, entryPoints: ['src/extension/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' });
  await build({ ...options, entryPoints: ['src/train/trainer.ts'], outfile: 'dist/trainer.js', external: ['vscode', '@tensorflow/tfjs-node'] });
  const wasmFrom = path.join(path.dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const wasmTo = path.join(root, 'dist', 'wasm');
  rmSync(wasmTo, { recursive: true, force: true });
  mkdirSync(wasmTo, { recursive: true });
  for (const f of WASM_FILES) cpSync(path.join(wasmFrom, f), path.join(wasmTo, f));
  const kb = (statSync(path.join(root, options.outfile)).size / 1024).toFixed(0);
  const trainerKb = (statSync(path.join(root, 'dist/trainer.js')).size / 1024).toFixed(0);
  console.log(`dist/extension.js (${kb} KiB) and dist/trainer.js (${trainerKb} KiB) built in ${Date.now() - started} ms`);
}
