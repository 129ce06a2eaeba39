// The extension's VS Code-free logic against real analyses of examples/: diagnostics records, calls under the cursor,
// hovers, CodeLens and inline shape texts, and the debounce/version scheduler (with fake timers).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../src/analysis/analyze';
import { callsUnderCursor, identifierAt, tensorForVariable } from '../src/extension/cursor';
import { toEditorDiagnostics } from '../src/extension/diagnosticsModel';
import { hoverAt } from '../src/extension/hoverText';
import { lensItems, shapeHints, shapeHintsByLine } from '../src/extension/lensModel';
import { PostedVersions } from '../src/extension/previewState';
import { AnalysisScheduler, type Timers } from '../src/extension/scheduler';
import { formatMessage as t, looksLikeModelCode } from '../src/extension/text';
import { ROOT } from './support/analysis';

function load(relative: string) {
  const file = join(ROOT, 'examples', relative);
  const text = readFileSync(file, 'utf8');
  return { text, lines: text.split(/\r?\n/), result: analyzeText(text, file) };
}

/** 0-based position of the n-th occurrence of `needle` in the text, plus `offset` characters. */
function posOf(lines: string[], needle: string, offset = 0, nth = 0) {
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const at = lines[line].indexOf(needle, from);
      if (at < 0) break;
      if (seen++ === nth) return { line, character: at + offset };
      from = at + 1;
    }
  }
  throw new Error(`${needle} not found`);
}

describe('diagnostics records', () => {
  it('scenario 4 (Python): one error at the second call, related info at the first, 0-based', () => {
    const { lines, result } = load('python/scenario4_shared_mismatch.py');
    const ds = toEditorDiagnostics(result);
    assert.equal(ds.length, 1);
    const [d] = ds;
    assert.equal(d.severity, 'error');
    assert.equal(d.code, 'shared-layer-input');
    assert.match(d.message, /expected axis -1 of input shape to have value 5, but received input with shape \(None, 10\)/);
    assert.equal(lines[d.span.startLine].slice(d.span.startCharacter, d.span.endCharacter), 'shared(x)');
    assert.ok(d.related.length >= 1);
    const first = d.related[0];
    assert.equal(lines[first.span.startLine].slice(first.span.startCharacter, first.span.endCharacter), 'shared(inputs)');
  });
  it('scenario 4 (TF.js) has its error too; scenario 3 has none', () => {
    assert.equal(toEditorDiagnostics(load('tfjs/scenario4_shared_mismatch.ts').result).filter((d) => d.severity === 'error').length, 1);
    assert.deepEqual(toEditorDiagnostics(load('python/scenario3_shared_dense.py').result), []);
  });
});

describe('cursor → calls and tensors', () => {
  const { lines, result } = load('python/scenario3_shared_dense.py');
  it('the cursor inside `shared(x)` highlights that call only; at line start, the line\'s calls', () => {
    const inSecond = callsUnderCursor(result, posOf(lines, 'shared(x)', 2));
    assert.equal(inSecond.length, 1);
    assert.equal(result.calls[inSecond[0]].index, 1);
    const lineStart = callsUnderCursor(result, { line: posOf(lines, 'shared(inputs)').line, character: 0 });
    assert.equal(result.calls[lineStart[0]].index, 0);
    assert.deepEqual(callsUnderCursor(result, { line: 0, character: 0 }), []);
  });
  it('a variable resolves to the tensor of its reaching assignment', () => {
    // `x = shared(x)`: the right-hand x is the first call's output, the left-hand x the second's.
    const rhs = tensorForVariable(result, lines, 'x', posOf(lines, 'shared(x)', 7));
    const lhs = tensorForVariable(result, lines, 'x', posOf(lines, 'x = shared(x)', 0));
    assert.equal(rhs?.call.index, 0);
    assert.equal(lhs?.call.index, 1);
    assert.equal(tensorForVariable(result, lines, 'nothing', { line: 9, character: 0 }), undefined);
  });
  it('identifierAt finds the word touching the cursor', () => {
    assert.deepEqual(identifierAt('x = shared(x)', 6), { name: 'shared', start: 4 });
    assert.deepEqual(identifierAt('x = shared(x)', 10), { name: 'shared', start: 4 });
    assert.equal(identifierAt('x = (5)', 6), null);
  });
});

describe('hovers', () => {
  it('a layer variable: class, config, 30 params, both call sites, shared', () => {
    const { lines, result } = load('python/scenario3_shared_dense.py');
    const h = hoverAt(result, lines, posOf(lines, 'shared = ', 1), t);
    assert.ok(h);
    assert.match(h.markdown, /\*\*dense\*\* \(Dense\)/);
    assert.match(h.markdown, /units=5/);
    assert.match(h.markdown, /Parameters: 30/);
    assert.match(h.markdown, /Shared layer: 2 calls use the same weights/);
    assert.match(h.markdown, /line 7: → \(None, 5\)/);
    assert.match(h.markdown, /line 8: → \(None, 5\)/);
    assert.doesNotMatch(h.markdown, /glorot_uniform/);
  });
  it('a tensor variable: its shape and producing layer call', () => {
    const { lines, result } = load('python/scenario5_two_inputs.py');
    const h = hoverAt(result, lines, posOf(lines, 'merged)', 2), t);
    assert.ok(h);
    assert.match(h.markdown, /\*\*merged\*\*: tensor of shape `\(None, 10\)`/);
    assert.match(h.markdown, /Produced by \*\*multiply\*\* \(Multiply\)/);
  });
  it('TS: a tensor variable prints TF.js shapes; the constructor name hovers its layer', () => {
    const { lines, result } = load('tfjs/scenario3_shared_dense.ts');
    const h = hoverAt(result, lines, posOf(lines, 'output})', 2), t);
    assert.match(h!.markdown, /`\[null,5\]`/);
    const ctor = hoverAt(result, lines, posOf(lines, "activation({", 3), t);
    assert.match(ctor!.markdown, /\(Activation\)/);
  });
  it('nothing for comments and keywords', () => {
    const { lines, result } = load('python/scenario3_shared_dense.py');
    assert.equal(hoverAt(result, lines, { line: 0, character: 3 }, t), null);
  });
});

describe('CodeLens and inline shapes', () => {
  it('scenario 3: "shared by 2 calls · 30 params" over the shared Dense; model lens', () => {
    const { lines, result } = load('python/scenario3_shared_dense.py');
    const items = lensItems(result, t);
    const shared = items.find((i) => i.action.kind === 'showCalls');
    assert.equal(shared?.title, 'shared by 2 calls · 30 params');
    assert.match(lines[shared!.span.startLine], /shared = /);
    assert.deepEqual(items.filter((i) => i.action.kind !== 'showCalls').map((i) => i.title), ['3 layers · 30 params · 50 MACs · 115 FLOPs', 'Open Graph']);
  });
  it('scenario 5: 205 params, no shared lens', () => {
    const items = lensItems(load('python/scenario5_two_inputs.py').result, t);
    assert.deepEqual(items.map((i) => i.title), ['9 layers · 205 params · 175 MACs · 400 FLOPs', 'Open Graph']);
  });
  it('one shape hint per call, at the end of the call, in the file\'s dialect', () => {
    const py = load('python/scenario5_two_inputs.py');
    const hints = shapeHints(py.result);
    assert.equal(hints.length, py.result.calls.length);
    const merged = hints.find((h) => py.lines[h.line].startsWith('merged'))!;
    assert.equal(merged.label, '→ (None, 10)');
    assert.equal(merged.character, py.lines[merged.line].length);
    const ts = load('tfjs/scenario3_shared_dense.ts');
    assert.ok(shapeHints(ts.result).some((h) => h.label === '→ [null,5]'));
    const bad = shapeHints(load('python/scenario4_shared_mismatch.py').result).filter((h) => h.error);
    assert.equal(bad.length, 1);
    assert.equal(shapeHintsByLine(py.result).size, hints.length);
  });
});

describe('scheduler', () => {
  function fakeTimers() {
    let now = 0;
    const queue: { at: number; fn: () => void; id: number }[] = [];
    let next = 0;
    const timers: Timers = {
      setTimeout: (fn, ms) => { queue.push({ at: now + ms, fn, id: ++next }); return next; },
      clearTimeout: (h) => { const i = queue.findIndex((q) => q.id === h); if (i >= 0) queue.splice(i, 1); },
    };
    const advance = (ms: number) => {
      now += ms;
      for (const q of queue.filter((q) => q.at <= now).sort((a, b) => a.at - b.at)) {
        queue.splice(queue.indexOf(q), 1);
        q.fn();
      }
    };
    return { timers, advance };
  }
  it('first sight runs at once; typing coalesces into one run after the quiet period; same version skipped', () => {
    const runs: string[] = [];
    const { timers, advance } = fakeTimers();
    const s = new AnalysisScheduler((k) => runs.push(k), () => 250, timers);
    s.open({ key: 'a', version: 1 });
    assert.deepEqual(runs, ['a']);
    s.open({ key: 'a', version: 1 });
    assert.deepEqual(runs, ['a']);
    s.change({ key: 'a', version: 2 });
    advance(100);
    s.change({ key: 'a', version: 3 });
    advance(200);
    assert.deepEqual(runs, ['a']);
    assert.ok(s.isPending('a'));
    advance(50);
    assert.deepEqual(runs, ['a', 'a']);
    s.change({ key: 'a', version: 3 });
    advance(1000);
    assert.deepEqual(runs, ['a', 'a']);
    s.change({ key: 'b', version: 7 });
    assert.deepEqual(runs, ['a', 'a', 'b'], 'a change to a never-seen document is a first sight');
    s.change({ key: 'a', version: 4 });
    s.close('a');
    advance(1000);
    assert.deepEqual(runs, ['a', 'a', 'b']);
  });
  it('the preview is sent each newer version once, and a document switch always', () => {
    const p = new PostedVersions();
    assert.equal(p.shouldPost('a', 1), true);
    assert.equal(p.shouldPost('a', 1), false, 'unchanged version');
    assert.equal(p.shouldPost('a', 3), true);
    assert.equal(p.shouldPost('a', 2), false, 'stale version');
    assert.equal(p.shouldPost('b', 1), true, 'another document');
    assert.equal(p.shouldPost('a', 3), true, 'back to the first document');
    p.reset();
    assert.equal(p.shouldPost('a', 3), true, 'after the webview reloaded');
  });
  it('only Keras/TF.js files are analyzed', () => {
    assert.ok(looksLikeModelCode(load('python/scenario1_basic_chain.py').text));
    assert.ok(looksLikeModelCode(load('tfjs/scenario2_layer_variables.js').text));
    assert.ok(!looksLikeModelCode('import os\nprint(os.getcwd())\n'));
  });
});
