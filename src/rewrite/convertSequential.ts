// Functional -> Sequential conversion, for a functional model that is a plain chain written one statement per call:
// `inputs = Input(...)`, `x = Layer(...)(x)` …, `model = Model(inputs, outputs)` (TF.js: `tf.input`, `.apply`,
// `tf.model`) become one `Sequential([...])` / `tf.sequential({layers})` of the same variable and name. Anything
// else (branches, shared layers, a tensor used after the model, statements in between) is refused with the reason.

import type { ModelIR } from '../graph/ir';
import { keyOf, matchClose, splitItems } from './convertSyntax';
import type { Rewrite, RewriteInput, TextEdit } from './types';

export class NotAChain extends Error {}

interface Stmt {
  lineStart: number;
  lineEnd: number;
  indent: string;
  target: string;
  trailing: string;
}

function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

/** `NAME = <start..end>` alone on its lines (a cast and `;` allowed in TS/JS). */
function statementOf(text: string, start: number, end: number, python: boolean): Stmt {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const m = (python ? /^([ \t]*)([A-Za-z_]\w*)\s*=\s*$/ : /^([ \t]*)(?:export\s+)?(?:(?:const|let|var)\s+)?([A-Za-z_$][\w$]*)(?:\s*:\s*[\w$.<>]+)?\s*=\s*$/).exec(text.slice(lineStart, start));
  if (!m) throw new NotAChain(`the call at offset ${start} is not assigned to a variable in a statement of its own`);
  const lineEnd = lineEndOf(text, end);
  const rest = (python ? /^\s*(#.*)?$/ : /^(?:\s*as\s+[\w$.<>[\]]+)?\s*;?\s*(\/\/.*)?$/).exec(text.slice(end, lineEnd));
  if (!rest) throw new NotAChain('a statement of the chain does more than one call');
  return { lineStart, lineEnd, indent: m[1], target: m[2], trailing: rest[1] ?? '' };
}

export function toSequential(input: RewriteInput, model: ModelIR): Rewrite {
  const { text, result } = input;
  const python = result.language === 'python';
  if (model.range.file) throw new NotAChain('the model is made in another file');
  if (model.inputs.length !== 1 || model.outputs.length !== 1) throw new NotAChain('the model does not have exactly one input and one output');
  const inputTensor = result.tensors[model.inputs[0]];
  const inputCall = inputTensor?.producer ? result.calls[inputTensor.producer.call] : undefined;
  if (!inputCall || result.layers[inputCall.layer].className !== 'InputLayer') throw new NotAChain('its input is not an Input');
  const calls = model.calls.filter((c) => c !== inputCall.id).map((c) => result.calls[c]);
  let prev = model.inputs[0];
  for (const c of calls) {
    const layer = result.layers[c.layer];
    if (layer.calls.length !== 1) throw new NotAChain(`layer '${layer.name}' is called more than once (shared)`);
    if (layer.op || layer.model !== undefined) throw new NotAChain(`'${layer.name}' is not a layer a Sequential can hold`);
    if (c.inputs.length !== 1 || c.inputs[0] !== prev || c.outputs.length !== 1 || c.range.file) throw new NotAChain('the model is not a plain chain (it branches or merges)');
    prev = c.outputs[0];
  }
  if (calls.length === 0 || prev !== model.outputs[0]) throw new NotAChain('the model is not a plain chain');

  const inStmt = statementOf(text, inputCall.range.start, inputCall.range.end, python);
  const modelStmt = statementOf(text, model.range.start, model.range.end, python);
  const items: { text: string; leading: string[]; trailing: string }[] = [];
  let cursor = inStmt.lineEnd;
  const between = (from: number, to: number): string[] => {
    const lines = text.slice(from, to).split('\n').map((l) => l.trim()).filter((l) => l !== '');
    for (const l of lines) if (!(python ? l.startsWith('#') : l.startsWith('//'))) throw new NotAChain(`other code sits between the statements of the chain ('${l.slice(0, 40)}')`);
    return lines;
  };
  const tensorNames = new Set([inStmt.target]);
  let prevName = inStmt.target;
  for (const c of calls) {
    const callText = text.slice(c.range.start, c.range.end);
    const m = python ? new RegExp(`^([\\s\\S]*)\\(\\s*${prevName}\\s*\\)$`).exec(callText) : new RegExp(`^([\\s\\S]*)\\.apply\\(\\s*${prevName.replace(/\$/g, '\\$')}\\s*\\)$`).exec(callText);
    if (!m) throw new NotAChain(`the call '${callText.slice(0, 40)}' is not a layer applied to '${prevName}'`);
    const st = statementOf(text, c.range.start, c.range.end, python);
    if (st.indent !== inStmt.indent) throw new NotAChain('the statements of the chain are not in one block');
    const leading = between(cursor, st.lineStart);
    items.push({ text: m[1].trim(), leading, trailing: st.trailing });
    cursor = st.lineEnd;
    tensorNames.add(st.target);
    prevName = st.target;
  }
  const leadingModel = between(cursor, modelStmt.lineStart);
  // Tensors that live on after the model would lose their definition.
  for (const name of tensorNames) {
    if (new RegExp(`(^|[^\\w$.])${name.replace(/\$/g, '\\$')}(?![\\w$])`).test(text.slice(modelStmt.lineEnd))) throw new NotAChain(`'${name}' is used after the model`);
  }

  // Model(...)'s arguments: only inputs, outputs and name.
  const mCall = text.slice(model.range.start, model.range.end);
  const paren = mCall.indexOf('(');
  const callee = mCall.slice(0, paren).replace(/\s+/g, '');
  const open = model.range.start + paren;
  const close = matchClose(text, open, python);
  let nameText: string | null = null;
  const args = splitItems(text, open, close, python);
  const props = python ? args : args.length === 1 && text[args[0].start] === '{' ? splitItems(text, args[0].start, args[0].end - 1, false) : null;
  if (!props) throw new NotAChain('tf.model is not given a config object');
  props.forEach((p, i) => {
    const k = keyOf(text, p, python);
    if (k?.key === 'name' || (python && !k && i === 2)) nameText = text.slice(k ? k.valueStart : p.start, p.end);
    else if (k && k.key !== 'inputs' && k.key !== 'outputs') throw new NotAChain(`the model's '${k.key}' argument has no Sequential counterpart`);
  });

  const imports: TextEdit[] = [];
  let seqCallee: string;
  if (python) {
    const dotted = /^(.*)\.Model$/.exec(callee);
    if (dotted) seqCallee = `${dotted[1]}.Sequential`;
    else if (callee === 'Model') {
      seqCallee = 'Sequential';
      const imp = /^([ \t]*)from\s+([\w.]*keras(?:\.models)?)\s+import\s+[^\n]*\bModel\b[^\n]*$/m.exec(text);
      if (!imp) throw new NotAChain('cannot find the import of Model');
      if (!/^\s*from\s+[\w.]*keras[\w.]*\s+import\s+[^\n]*\bSequential\b/m.test(text)) {
        const at = imp.index + imp[0].length;
        imports.push({ file: 0, start: at, end: at, newText: `\n${imp[1]}from ${imp[2]} import Sequential` });
      }
    } else throw new NotAChain(`cannot tell how this file imports Sequential (Model is '${callee}')`);
  } else {
    const ns = /^(.*)\.model$/.exec(callee);
    if (!ns) throw new NotAChain(`'${callee}' is not called through a TF.js namespace`);
    seqCallee = `${ns[1]}.sequential`;
  }

  const inputText = text.slice(inputCall.range.start, inputCall.range.end);
  const ind = inStmt.indent;
  const inner = `${ind}    `.replace(/^(\s*) {4}$/, python ? '$1    ' : '$1    ');
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const lines: string[] = [];
  const itemLine = (t: string, leading: string[], trailing: string, pad: string) => {
    for (const c of leading) lines.push(`${pad}${c}`);
    lines.push(`${pad}${t},${trailing ? `  ${trailing}` : ''}`);
  };
  if (python) {
    lines.push(`${ind}${modelStmtPrefix(text, modelStmt, model)}${seqCallee}([`);
    itemLine(inputText, [], inStmt.trailing, inner);
    items.forEach((it) => itemLine(it.text, it.leading, it.trailing, inner));
    for (const c of leadingModel) lines.push(`${inner}${c}`);
    lines.push(`${ind}]${nameText === null ? '' : `, name=${nameText}`})${modelStmt.trailing ? `  ${modelStmt.trailing}` : ''}`);
  } else {
    const shape = /\{\s*(batchShape|shape)\s*:\s*([\s\S]*?)\s*\}\s*\)$/.exec(inputText.slice(inputText.indexOf('(')));
    if (!shape || /,\s*\w+\s*:/.test(shape[2])) throw new NotAChain('the input has options besides its shape');
    const key = shape[1] === 'shape' ? 'inputShape' : 'batchInputShape';
    const first = items[0];
    const cfgOpen = first.text.indexOf('(');
    const cfg = first.text.slice(cfgOpen + 1, -1).trim();
    if (!/\)$/.test(first.text) || (cfg !== '' && !cfg.startsWith('{'))) throw new NotAChain('the first layer is not made with a config object');
    first.text = cfg === '' ? `${first.text.slice(0, cfgOpen)}({${key}: ${shape[2]}})` : `${first.text.slice(0, cfgOpen + 1)}${cfg.replace(/\s*,?\s*\}$/, (m) => `${m.includes(',') || cfg === '{}' ? '' : ', '}${key}: ${shape[2]}}`)}${first.text.slice(first.text.lastIndexOf(')'))}`.replace('{, ', '{');
    const semi = /;/.test(text.slice(model.range.end, modelStmt.lineEnd)) ? ';' : '';
    lines.push(`${ind}${modelStmtPrefix(text, modelStmt, model)}${seqCallee}({`);
    lines.push(`${ind}  layers: [`);
    items.forEach((it, i) => itemLine(it.text, i === 0 ? [...it.leading] : it.leading, it.trailing, `${ind}    `));
    for (const c of leadingModel) lines.push(`${ind}    ${c}`);
    lines.push(`${ind}  ],`);
    if (nameText !== null) lines.push(`${ind}  name: ${nameText},`);
    lines.push(`${ind}})${semi}${modelStmt.trailing ? `  ${modelStmt.trailing}` : ''}`);
  }
  return { title: 'Convert to Sequential', kind: 'refactor.rewrite', edits: [{ file: 0, start: inStmt.lineStart, end: modelStmt.lineEnd, newText: lines.join(eol) }, ...imports] };
}

/** `model = ` / `const model = ` as the model's statement writes it. */
function modelStmtPrefix(text: string, st: Stmt, model: ModelIR): string {
  return text.slice(st.lineStart, model.range.start).slice(st.indent.length);
}
