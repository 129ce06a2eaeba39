// Localization completeness: every string the extension passes to l10n.t, every webview UI string and every %key% in
// package.json has a Japanese translation with the same {n} placeholders.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { localizedWebviewStrings, webviewEnglishStrings } from '../src/extension/webviewStrings';
import { formatMessage } from '../src/extension/text';
import { ROOT } from './support/analysis';

const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const json = (p: string) => JSON.parse(read(p)) as Record<string, string>;

/** String literals passed to `t(…)` / `l10n.t(…)` in the extension sources. */
function extensionMessages(): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(join(ROOT, 'src/extension')).filter((f) => f.endsWith('.ts'))) {
    for (const m of read(`src/extension/${f}`).matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) out.add(m[1].replace(/\\'/g, "'"));
  }
  return [...out];
}

const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('localization', () => {
  const ja = json('l10n/bundle.l10n.ja.json');
  it('every extension message and webview string has a Japanese translation with the same placeholders', () => {
    const messages = [...extensionMessages(), ...webviewEnglishStrings()];
    assert.ok(messages.length > 40);
    for (const m of messages) {
      assert.ok(m in ja, `missing ja translation: ${m}`);
      assert.deepEqual(placeholders(ja[m]), placeholders(m), `placeholders differ: ${m}`);
    }
  });
  it('package.json %keys% exist in package.nls.json and package.nls.ja.json', () => {
    const keys = [...read('package.json').matchAll(/"%([\w.]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 10);
    const en = json('package.nls.json');
    const jaNls = json('package.nls.ja.json');
    for (const k of keys) {
      assert.ok(en[k], `package.nls.json lacks ${k}`);
      assert.ok(jaNls[k], `package.nls.ja.json lacks ${k}`);
    }
    assert.deepEqual(Object.keys(jaNls).sort(), Object.keys(en).sort());
  });
  it('webview strings go through the translator and keep their keys', () => {
    const strings = localizedWebviewStrings((m) => (m === 'Fit' ? '全体表示' : formatMessage(m)));
    assert.equal(strings.fit, '全体表示');
    assert.equal(strings.sharedBadge, '×{0}');
  });
});
