// Runs the unit tests (out/test/*.test.js, built by `npm run build`), all of them or those of the areas named:
// `npm run test:unit -- evaluator layers-conv` runs out/test/evaluator*.test.js and out/test/layers-conv*.test.js.
// An area is a file-name prefix; `--list` prints the areas. It only selects files; node --test runs them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'out', 'test');
// only files whose source still exists: a deleted test's stale build output is not run
const all = readdirSync(dir)
  .filter((f) => f.endsWith('.test.js') && existsSync(join(dir, '..', '..', 'test', f.replace(/\.js$/, '.ts'))))
  .sort();
const args = process.argv.slice(2);
if (args.includes('--list')) {
  const areas = [...new Set(all.map((f) => f.replace(/\.test\.js$/, '').split('-')[0]))];
  process.stdout.write(`areas: ${areas.join(' ')}\nfiles: ${all.map((f) => f.replace(/\.test\.js$/, '')).join(' ')}\n`);
  process.exit(0);
}
const picked = args.length === 0 ? all : all.filter((f) => args.some((a) => f.startsWith(a)));
if (picked.length === 0) {
  process.stderr.write(`no test file starts with ${args.join(' or ')}; try --list\n`);
  process.exit(2);
}
const r = spawnSync(process.execPath, ['--test', ...picked.map((f) => join(dir, f))], { stdio: 'inherit' });
process.exit(r.status ?? 1);
