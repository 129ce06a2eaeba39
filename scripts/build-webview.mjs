// Bundles the graph preview webview (webview/main.ts + main.css) into dist/webview/ with esbuild.
// It does not type-check (run `npx tsc -p webview`) and does not build the extension host.

import { build, context } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();

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
  minify: !process.argv.includes('--dev'),
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
