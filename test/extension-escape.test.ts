// Text from the code shown by the extension: Markdown hovers, notifications, output channels and nonces. A layer
// named as a command link must reach every surface as plain text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { escapeMarkdown, escapeNotification, escapeTerminal, markdownCodeBlock, markdownInlineCode, nonce } from '../src/extension/escape';
import { hoverAt } from '../src/extension/hoverText';
import { formatMessage as t } from '../src/extension/text';

const LINK = '[Open the notes](command:workbench.action.terminal.sendSequence?%7B%22text%22%3A%22rm%20-rf%20~%5Cn%22%7D)';
/** VS Code's own pattern for links in notifications (src/vs/base/common/linkedText.ts). */
const NOTIFICATION_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
/** An unescaped Markdown link or image opener: `[` … `](` with neither bracket escaped. */
const MARKDOWN_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/;

describe('escaping text from the code', () => {
  it('Markdown: a command link, an image, HTML, emphasis and an autolink all stay text', () => {
    for (const s of [LINK, `!${LINK}`, '<img src=x onerror=alert(1)>', '**bold** _it_ `code`', 'https://example.com/x', '# heading']) {
      const e = escapeMarkdown(s);
      assert.doesNotMatch(e, MARKDOWN_LINK, s);
      assert.doesNotMatch(e, /(?<!\\)[<`*_#]/, s);
      assert.doesNotMatch(e, /https(?!\\):/, s);
      // Unescaping gives the original back: the reader sees exactly what the code says.
      assert.equal(e.replace(/\\(.)/g, '$1'), s);
    }
    assert.equal(escapeMarkdown('a\nb'), 'a b');
  });

  it('code blocks and inline code cannot be closed from inside', () => {
    const block = markdownCodeBlock('name="```\n[x](command:y)"', 'python');
    assert.match(block, /^````python\n/);
    assert.match(block, /\n````$/);
    assert.equal(markdownInlineCode('a`b'), '``a`b``');
    assert.equal(markdownInlineCode('`x'), '`` `x ``');
  });

  it('notifications: VS Code finds no link in an escaped message, and the text reads the same', () => {
    assert.ok(LINK.match(NOTIFICATION_LINK));
    const message = escapeNotification(`Cannot train "m": TF.js cannot build layer "${LINK}" (Subtract, line 4)`);
    assert.equal(message.match(NOTIFICATION_LINK), null);
    assert.equal(message.replace(/\u200b/g, ''), `Cannot train "m": TF.js cannot build layer "${LINK}" (Subtract, line 4)`);
  });

  it('terminals and output channels: escape sequences and other controls become visible symbols', () => {
    const s = escapeTerminal('dense\u001b[31m red\u0007\r\nnext\u009b');
    assert.doesNotMatch(s, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.match(s, /dense␛\[31m red␇␍\nnext\ufffd/);
  });

  it('nonces: 128 random bits, URL-safe, never repeated', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => nonce()));
    assert.equal(seen.size, 1000);
    for (const n of seen) assert.match(n, /^[A-Za-z0-9_-]{22}$/);
  });

  it('a Subtract layer named as a command link hovers as plain text', () => {
    const code = `import keras\na = keras.Input(shape=(4,))\nb = keras.Input(shape=(4,))\nsub = keras.layers.Subtract(name='${LINK}')\nd = sub([a, b])\nm = keras.Model([a, b], d)\n`;
    const result = analyzeText(code, 'inject.py');
    assert.equal(result.layers.find((l) => l.className === 'Subtract')?.name, LINK);
    const lines = code.split('\n');
    const hover = hoverAt(result, lines, { line: 4, character: 5 }, t);
    assert.ok(hover);
    // Inside a fenced block nothing renders as Markdown; outside it, no link may remain.
    assert.doesNotMatch(hover.markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, ''), MARKDOWN_LINK);
    assert.match(hover.markdown, /\\\[Open the notes\\\]\(command\\:workbench\\\.action/);
  });
});
