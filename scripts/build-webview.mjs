// Bundles the graph preview webview (webview/main.ts + main.css) into dist/webview/ with esbuild; the layout worker
// (webview/layoutWorker.ts) is bundled first and inlined into main.js as text, started from a blob: URL.
// It does not type-check (run `npx tsc -p webview`) and does not build the extension host.

import { build, context } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

const minify = !process.argv.includes('--dev');
// In --watch mode the worker is bundled once, at start: restart the watcher after changing the layout code.
const worker = await build({
  absWorkingDir: root,
  entryPoints: ['webview/layoutWorker.ts'],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: ['chrome114'],
  minify,
  legalComments: 'none',
  logLevel: 'warning',
});

const options = {
  absWorkingDir: root,
  entryPoints: ['webview/main.ts', 'webview/main.css'],
  outdir: 'dist/webview',
  entryNames: '[name]',
  bundle: true,
  // The webview runs in VS Code's Chromium: one IIFE, no eval, loaded by a <script nonce> tag.
  format: 'iife',
  platform: 'browser',
  target: ['chrome114'],
  minify,
  define: { LAYOUT_WORKER_SOURCE: JSON.stringify(worker.outputFiles[0].text) },
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  const ctx = await context(options);
  await ctx.watch();
  console.log('watching webview/ …');
} else {
  await build(options);
  console.log(`dist/webview built in ${Date.now() - started} ms`);
}
