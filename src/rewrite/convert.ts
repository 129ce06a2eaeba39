// Sequential -> functional conversion of Keras (Python) and TF.js (TS/JS) models: `Sequential([...])`,
// `Sequential()` + `model.add(...)`, `tf.sequential({layers})` and its `add` form become an explicit Input, one line
// per layer call and a Model of the same variable and name, formatted like the statement it replaces (indentation,
// quotes are the code's own, comments kept). It reads the analysis for which models exist and where; the text for
// the rest (convertSyntax.ts). The reverse, for plain chains, is convertSequential.ts; both are offered from here.
// What it cannot convert safely it refuses with the reason; it never guesses.

import type { ModelIR } from '../graph/ir';
import { keyOf, matchClose, splitItems, withoutItem, type Item } from './convertSyntax';
import { NotAChain, toSequential } from './convertSequential';
import type { Refusal, Rewrite, RewriteInput, TextEdit } from './types';

export type ConversionTarget = 'functional' | 'sequential';

export const TO_FUNCTIONAL = 'Convert to functional API';
export const TO_SEQUENTIAL = 'Convert to Sequential';
/** Stands for the input shape the user gives (see RewriteAsk). */
export const SHAPE_PLACEHOLDER = '__LAYERGRAPH_INPUT_SHAPE__';

class Refused extends Error {}

function inModel(input: RewriteInput, model: ModelIR, start: number, end: number): boolean {
  const r = input.result;
  if (model.range.file) return false;
  const touches = (s: number, e: number) => start <= e && end >= s;
  if (touches(model.range.start, model.range.end)) return true;
  // The add calls of an `add`-form Sequential are its layers' calls.
  return model.kind === 'sequential' && model.layers.some((l) => r.layers[l]?.calls.some((c) => /\.add\s*\(/.test(callText(input, c)) && touches(r.calls[c].range.start, r.calls[c].range.end)));
}

function callText(input: RewriteInput, call: number): string {
  const range = input.result.calls[call]?.range;
  return range && !range.file ? input.text.slice(range.start, range.end) : '';
}

function attempt(input: RewriteInput, model: ModelIR): Rewrite | Refusal {
  if (model.kind === 'sequential') {
    try {
      return toFunctional(input, model);
    } catch (e) {
      if (e instanceof Refused) return { title: TO_FUNCTIONAL, reason: e.message };
      throw e;
    }
  }
  try {
    return toSequential(input, model);
  } catch (e) {
    if (e instanceof NotAChain) return { title: TO_SEQUENTIAL, reason: e.message };
    throw e;
  }
}

export function conversionsAt(input: RewriteInput, start: number, end: number): Rewrite[] {
  const out: Rewrite[] = [];
  for (const m of input.result.models) {
    if (!inModel(input, m, start, end) || m.builder) continue;
    const r = attempt(input, m);
    if ('edits' in r) out.push(r);
  }
  return out;
}

export function conversionRefusalsAt(input: RewriteInput, start: number, end: number): Refusal[] {
  const out: Refusal[] = [];
  for (const m of input.result.models) {
    if (m.kind !== 'sequential' || !inModel(input, m, start, end)) continue;
    const r = attempt(input, m);
    if (!('edits' in r)) out.push(r);
  }
  return out;
}

/** The conversion of one model of the file (by name or variable; the only candidate when not given), for the CLI. */
export function convertModel(input: RewriteInput, to: ConversionTarget, name?: string): Rewrite | Refusal {
  const title = to === 'functional' ? TO_FUNCTIONAL : TO_SEQUENTIAL;
  const kind = to === 'functional' ? 'sequential' : 'functional';
  const models = input.result.models.filter((m) => !m.range.file);
  if (name !== undefined) {
    const m = models.find((x) => x.name === name) ?? models.find((x) => x.variable === name);
    if (!m) return { title, reason: `no model named '${name}' in this file` };
    if (m.kind !== kind) return { title, reason: `'${name}' is already a ${m.kind === 'functional' ? 'functional' : 'Sequential'} model` };
    return attempt(input, m);
  }
  const candidates = models.filter((m) => m.kind === kind);
  if (candidates.length === 0) return { title, reason: `no ${kind === 'sequential' ? 'Sequential' : 'functional'} model in this file` };
  if (candidates.length > 1) return { title, reason: `${candidates.length} ${kind === 'sequential' ? 'Sequential' : 'functional'} models in this file: name one with --model (${candidates.map((m) => m.variable ?? m.name).join(', ')})` };
  return attempt(input, candidates[0]);
}

interface Statement {
  /** Start of the line and the indentation. */
  lineStart: number;
  indent: string;
  /** After the statement's last character (before its trailing comment and line break). */
  end: number;
  /** `model = ` / `const model = ` as written. */
  prefix: string;
  variable: string;
  semicolon: boolean;
  trailing: string;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** The assignment statement whose value is `start..end` (`model = Sequential(...)`), or a refusal. */
function assignment(text: string, start: number, end: number, python: boolean): Statement {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const m = python ? /^([ \t]*)(([A-Za-z_]\w*)\s*=\s*)$/.exec(before) : /^([ \t]*)((?:export\s+)?(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)(?:\s*:\s*[\w$.<>]+)?\s*=\s*)$/.exec(before);
  if (!m) throw new Refused('the model is not assigned to a variable in a statement of its own');
  const nl = text.indexOf('\n', end);
  const lineEnd = nl < 0 ? text.length : nl;
  const after = text.slice(end, lineEnd).replace(/\r$/, '');
  const rest = (python ? /^\s*(#.*)?$/ : /^\s*(;)?\s*(\/\/.*)?$/).exec(after);
  if (!rest) throw new Refused('the statement that makes the model does more than make it');
  return {
    lineStart,
    indent: m[1],
    end: python ? end : end + (after.indexOf(';') >= 0 && rest[1] ? after.indexOf(';') + 1 : 0),
    prefix: m[2],
    variable: m[3],
    semicolon: !python && rest[1] === ';',
    trailing: (python ? rest[1] : rest[2]) ?? '',
  };
}

/** A name for a new variable that the file does not use yet. */
function freshName(text: string, base: string, taken: Set<string>): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : i === 1 ? `${base}_` : `${base}${i}`;
    if (!taken.has(name) && !new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(text)) {
      taken.add(name);
      return name;
    }
  }
}

interface Names {
  input: string;
  model: string;
  /** Edits that import what `input`/`model` need (Python's bare names). */
  imports: TextEdit[];
}

/** How the file spells Input and Model, from how it spelled Sequential (`keras.Sequential` -> `keras.Input`). */
function pythonNames(text: string, callee: string): Names {
  const dotted = /^(.*)\.Sequential$/.exec(callee);
  if (dotted) {
    const base = dotted[1];
    if (/(^|\.)keras$/.test(base)) return { input: `${base}.Input`, model: `${base}.Model`, imports: [] };
    const root = /^(.*keras)\.models$/.exec(base);
    if (root) return { input: `${root[1]}.Input`, model: `${base}.Model`, imports: [] };
    if (base === 'models' && /^\s*from\s+[\w.]*keras\s+import\s+[^\n]*\blayers\b/m.test(text)) return { input: 'layers.Input', model: 'models.Model', imports: [] };
    throw new Refused(`cannot tell how this file imports Keras's Input and Model (Sequential is '${callee}')`);
  }
  if (callee !== 'Sequential') throw new Refused(`cannot tell how this file imports Keras's Input and Model (Sequential is '${callee}')`);
  const imp = /^([ \t]*)from\s+([\w.]*keras(?:\.models)?)\s+import\s+[^\n]*\bSequential\b[^\n]*$/m.exec(text);
  if (!imp) throw new Refused('cannot find the import of Sequential');
  const has = (name: string) => new RegExp(`^\\s*from\\s+[\\w.]*keras[\\w.]*\\s+import\\s+[^\\n]*\\b${name}\\b`, 'm').test(text);
  const missing = ['Input', 'Model'].filter((n) => !has(n));
  const imports: TextEdit[] = [];
  if (missing.length > 0) {
    const module = imp[2].replace(/\.models$/, '');
    const lineEnd = imp.index + imp[0].length;
    imports.push({ file: 0, start: lineEnd, end: lineEnd, newText: `\n${imp[1]}from ${module} import ${missing.join(', ')}` });
  }
  return { input: 'Input', model: 'Model', imports };
}

function jsNames(callee: string): Names {
  const m = /^(.*)\.sequential$/.exec(callee);
  if (!m) throw new Refused(`'${callee}' is not called through a TF.js namespace (like tf.sequential): add tf.input and tf.model by hand`);
  return { input: `${m[1]}.input`, model: `${m[1]}.model`, imports: [] };
}

interface Layer {
  text: string;
  leading: string[];
  trailing: string[];
}

/** The input-shape argument of the first layer (taken out of it) as the Input's arguments, or null. */
function takeInputShape(text: string, layer: Layer, python: boolean): string | null {
  const open = layer.text.indexOf(python ? '(' : '({');
  if (open < 0) return null;
  const o = python ? open : open + 1;
  const close = matchClose(layer.text, o, python);
  if (close < 0) return null;
  const items = splitItems(layer.text, o, close, python);
  const keys = python ? { input_shape: 'shape', batch_input_shape: 'batch_shape' } : { inputShape: 'shape', batchInputShape: 'batchShape' };
  for (let i = 0; i < items.length; i++) {
    const k = keyOf(layer.text, items[i], python);
    if (!k || !(k.key in keys)) continue;
    const value = layer.text.slice(k.valueStart, items[i].end);
    const target = keys[k.key as keyof typeof keys];
    layer.text = layer.text.slice(0, o + 1) + withoutItem(layer.text, o, close, items, i) + layer.text.slice(close);
    return python ? `${target}=${value}` : `{${target}: ${value}}`;
  }
  void text;
  return null;
}

function toFunctional(input: RewriteInput, model: ModelIR): Rewrite {
  const { text, result } = input;
  const python = result.language === 'python';
  const ts = result.language === 'typescript';
  if (model.range.file) throw new Refused('the model is made in another file');
  const stmt = assignment(text, model.range.start, model.range.end, python);
  const call = text.slice(model.range.start, model.range.end);
  const paren = call.indexOf('(');
  const callee = call.slice(0, paren).replace(/\s+/g, '');
  const names = python ? pythonNames(text, callee) : jsNames(callee);
  const open = model.range.start + paren;
  const close = matchClose(text, open, python);
  if (close < 0 || close >= model.range.end) throw new Refused('the Sequential call is not complete');

  // The constructor's arguments: the layer list and the name.
  let listItems: Item[] | null = null;
  let listOpen = -1;
  let nameText: string | null = null;
  const args = splitItems(text, open, close, python);
  const readList = (valueStart: number, end: number) => {
    if (text[valueStart] !== '[' || matchClose(text, valueStart, python) !== end - 1) throw new Refused('its layers are not written as a list here (built by a helper or a comprehension): convert by hand');
    listOpen = valueStart;
    listItems = splitItems(text, valueStart, end - 1, python);
  };
  if (python) {
    args.forEach((a, i) => {
      const k = keyOf(text, a, true);
      if (!k && i === 0) readList(a.start, a.end);
      else if ((!k && i === 1) || k?.key === 'name') nameText = text.slice(k ? k.valueStart : a.start, a.end);
      else if (k?.key === 'layers') readList(k.valueStart, a.end);
      else throw new Refused(`Sequential's argument '${text.slice(a.start, a.end).slice(0, 40)}' has no functional counterpart here`);
    });
  } else if (args.length > 0) {
    const obj = args[0];
    if (args.length > 1 || text[obj.start] !== '{') throw new Refused('tf.sequential is not given a config object here');
    for (const p of splitItems(text, obj.start, obj.end - 1, false)) {
      const k = keyOf(text, p, false);
      if (k?.key === 'layers') readList(k.valueStart, p.end);
      else if (k?.key === 'name') nameText = text.slice(k.valueStart, p.end);
      else throw new Refused(`tf.sequential's '${text.slice(p.start, p.end).slice(0, 40)}' has no functional counterpart here`);
    }
  }

  const layers: Layer[] = [];
  const edits: TextEdit[] = [];
  let adds: { start: number; end: number; trailing: string }[] = [];
  if (listItems) {
    for (const it of listItems as Item[]) layers.push({ text: text.slice(it.start, it.end), leading: it.leading, trailing: it.trailing });
    void listOpen;
  } else {
    adds = findAdds(text, stmt, python);
    for (const a of adds) layers.push({ text: text.slice(a.start, a.end), leading: [], trailing: [] });
  }
  for (const l of layers) {
    if (/^(\*|\.\.\.)/.test(l.text) || (python && /\sfor\s[\s\S]*\sin\s/.test(topLevel(l.text)))) {
      throw new Refused('its layers are built by a comprehension or unpacked from another list: convert by hand');
    }
  }
  // The analysis must agree on what the model holds, else the text says something the graph does not.
  const inputFirst = layers.length > 0 && (python ? /^([\w.]+\.)?Input(Layer)?\s*\(/ : /^([\w$.]+\.)?(input|layers\.inputLayer)\s*\(/).test(layers[0].text);
  const analyzed = model.layers.filter((l) => result.layers[l]?.className !== 'InputLayer').length;
  if (analyzed !== layers.length - (inputFirst ? 1 : 0)) {
    throw new Refused(`the code lists ${layers.length - (inputFirst ? 1 : 0)} layers but the analysis finds ${analyzed} (layers added in a loop, a condition or a helper?): convert by hand`);
  }
  if (layers.length - (inputFirst ? 1 : 0) === 0) throw new Refused('the model has no layers');

  const taken = new Set<string>();
  const inName = freshName(text, python ? 'inputs' : 'input', taken);
  const xName = freshName(text, 'x', taken);
  const outName = freshName(text, python ? 'outputs' : 'output', taken);
  let inputExpr: string;
  let ask: Rewrite['ask'];
  if (inputFirst) {
    const first = layers.shift()!;
    inputExpr = python
      ? first.text.replace(/^([\w.]+\.)?InputLayer\s*\(/, `${names.input}(`).replace(/\binput_shape\s*=/, 'shape=').replace(/\bbatch_input_shape\s*=/, 'batch_shape=')
      : first.text.replace(/^([\w$.]+\.)?layers\.inputLayer\s*\(/, `${names.input}(`).replace(/\binputShape\s*:/, 'shape:').replace(/\bbatchInputShape\s*:/, 'batchShape:');
  } else {
    const shapeArgs = takeInputShape(text, layers[0], python);
    if (shapeArgs !== null) {
      inputExpr = `${names.input}(${shapeArgs})`;
    } else {
      const known = model.inputs.length === 1 ? result.tensors[model.inputs[0]]?.shape : null;
      if (known && known.slice(1).every((d) => typeof d === 'number' || d === null)) {
        const dims = known.slice(1).map((d) => (d === null ? (python ? 'None' : 'null') : String(d)));
        inputExpr = python ? `${names.input}(shape=(${dims.join(', ')}${dims.length === 1 ? ',' : ''}))` : `${names.input}({shape: [${dims.join(', ')}]})`;
      } else {
        inputExpr = python ? `${names.input}(shape=${SHAPE_PLACEHOLDER})` : `${names.input}({shape: ${SHAPE_PLACEHOLDER}})`;
        ask = { kind: 'shape', prompt: 'Input shape of the model, without the batch axis (e.g. 28, 28, 1)', placeholder: SHAPE_PLACEHOLDER, reason: 'the code does not say the input shape of the model' };
      }
    }
  }

  const semi = python ? '' : stmt.semicolon || /;\s*$/m.test(text.slice(stmt.lineStart, stmt.end)) ? ';' : '';
  const cast = ts ? ` as ${names.input.replace(/\.input$/, '')}.SymbolicTensor` : '';
  const comment = (c: string[]) => (c.length ? `  ${c.join(' ')}` : '');
  const decl = (name: string, first: boolean) => (python ? `${name} = ` : first ? `${name === xName && layers.length > 2 ? 'let' : 'const'} ${name} = ` : `${name} = `);
  const layerLines: string[][] = [];
  let prev = inName;
  layers.forEach((l, i) => {
    const last = i === layers.length - 1;
    const target = last ? outName : xName;
    const callable = /^[\w$.]+(\(|$)/.test(l.text) && matchesWhole(l.text, python) ? l.text : `(${l.text})`;
    const applied = python ? `${callable}(${prev})` : `${callable}.apply(${prev})${cast}`;
    const lines = l.leading.map((c) => `${stmt.indent}${c}`);
    lines.push(`${stmt.indent}${decl(target, i === 0 || last)}${applied}${semi}${comment(l.trailing)}`);
    layerLines.push(lines);
    prev = target;
  });
  const nameArg = nameText === null ? '' : python ? `, name=${nameText}` : `, name: ${nameText}`;
  const modelLine = python
    ? `${stmt.indent}${stmt.prefix}${names.model}(inputs=${inName}, outputs=${outName}${nameArg})${stmt.trailing ? `  ${stmt.trailing}` : ''}`
    : `${stmt.indent}${stmt.prefix}${names.model}({inputs: ${inName}, outputs: ${outName}${nameArg}})${semi}${stmt.trailing ? `  ${stmt.trailing}` : ''}`;
  const inputLine = `${stmt.indent}${python ? `${inName} = ` : `const ${inName} = `}${inputExpr}${semi}`;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const stmtLineEnd = lineEndOf(text, stmt.end);
  if (listItems) {
    edits.push({ file: 0, start: stmt.lineStart, end: stmtLineEnd, newText: [inputLine, ...layerLines.flat(), modelLine].join(eol) });
  } else {
    edits.push({ file: 0, start: stmt.lineStart, end: stmtLineEnd, newText: inputLine });
    const offset = inputFirst ? 1 : 0;
    adds.slice(offset).forEach((a, i) => {
      const lines = [...layerLines[i]];
      if (a.trailing) lines[lines.length - 1] += `  ${a.trailing}`;
      if (i === layers.length - 1) lines.push(modelLine);
      const ls = text.lastIndexOf('\n', a.start - 1) + 1;
      edits.push({ file: 0, start: ls, end: lineEndOf(text, a.end), newText: lines.join(eol) });
    });
    if (inputFirst) {
      const a = adds[0];
      const ls = text.lastIndexOf('\n', a.start - 1) + 1;
      // The added Input is the Input line now: its add statement goes, the construction line becomes it.
      edits[0] = { file: 0, start: stmt.lineStart, end: stmtLineEnd, newText: `${stmt.indent}${python ? `${inName} = ` : `const ${inName} = `}${inputExpr}${semi}` };
      edits.push({ file: 0, start: ls, end: Math.min(text.length, lineEndOf(text, a.end) + eol.length), newText: '' });
    }
  }
  edits.push(...names.imports);
  const rewrite: Rewrite = { title: TO_FUNCTIONAL, kind: 'refactor.rewrite', edits };
  if (ask) rewrite.ask = ask;
  return rewrite;
}

/** `s` with what is inside its brackets left out: `f(a for a in b) for c in d` -> `f() for c in d`. */
function topLevel(s: string): string {
  let out = s;
  for (let prev = ''; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)|\[[^[\]]*\]/g, '()');
  }
  return out;
}

/** Whether `s` is one postfix expression (`a.b(c)(d)`), so `s(x)` calls it. */
function matchesWhole(s: string, python: boolean): boolean {
  let i = /^[\w$.]+/.exec(s)![0].length;
  while (i < s.length) {
    if (s[i] !== '(' && s[i] !== '[') return false;
    const c = matchClose(s, i, python);
    if (c < 0) return false;
    i = c + 1;
    const more = /^\.[\w$]+/.exec(s.slice(i));
    if (more) i += more[0].length;
  }
  return true;
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** The `model.add(...)` statements that follow the construction in a straight line, or a refusal. */
function findAdds(text: string, stmt: Statement, python: boolean): { start: number; end: number; trailing: string }[] {
  const v = stmt.variable.replace(/\$/g, '\\$');
  const use = new RegExp(`(^|[^\\w$.])${v}(?![\\w$])`, 'g');
  use.lastIndex = lineEndOf(text, stmt.end);
  const adds: { start: number; end: number; trailing: string }[] = [];
  let used: number | null = null;
  for (let m = use.exec(text); m; m = use.exec(text)) {
    const at = m.index + m[1].length;
    const ls = text.lastIndexOf('\n', at - 1) + 1;
    const lineText = text.slice(ls, lineEndOf(text, at));
    if (python && /^\s*#/.test(lineText)) continue;
    if (!python && /^\s*\/\//.test(lineText)) continue;
    const addCall = new RegExp(`^${v}\\s*\\.\\s*add\\s*\\(`).exec(text.slice(at));
    const indent = /^[ \t]*/.exec(text.slice(ls))![0];
    if (!addCall) {
      if (new RegExp(`^${v}\\s*=(?!=)`).test(text.slice(at)) && indent === stmt.indent && adds.length > 0) break;
      used ??= at;
      continue;
    }
    if (used !== null) throw new Refused(`'${stmt.variable}.add' at line ${lineOf(text, at)} comes after '${stmt.variable}' is used at line ${lineOf(text, used)}: convert by hand`);
    if (ls + indent.length !== at || indent !== stmt.indent) throw new Refused(`'${stmt.variable}.add' at line ${lineOf(text, at)} is inside a loop, a condition or another block: convert by hand`);
    const open = at + addCall[0].length - 1;
    const close = matchClose(text, open, python);
    if (close < 0) throw new Refused(`'${stmt.variable}.add' at line ${lineOf(text, at)} is not complete`);
    const after = text.slice(close + 1, lineEndOf(text, close));
    const rest = (python ? /^\s*(#.*)?$/ : /^\s*;?\s*(\/\/.*)?$/).exec(after);
    if (!rest) throw new Refused(`the statement at line ${lineOf(text, at)} does more than add a layer`);
    const items = splitItems(text, open, close, python);
    if (items.length !== 1) throw new Refused(`'${stmt.variable}.add' at line ${lineOf(text, at)} is not given one layer`);
    adds.push({ start: items[0].start, end: items[0].end, trailing: rest[1] ?? '' });
    use.lastIndex = close;
  }
  if (adds.length === 0) throw new Refused(`no '${stmt.variable}.add(...)' follows the Sequential`);
  return adds;
}
