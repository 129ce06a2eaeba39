// Hover contents as Markdown text: a tensor variable's shape and producing layer, a layer object's class, config,
// parameters and call sites. It decides what to say, not how VS Code shows it (hover.ts wraps it). Everything taken
// from the code (names, config values, shapes) is escaped here: the Markdown must show it as plain text.

import type { AnalysisResult, LayerIR } from '../graph/ir';
import { identifierAt, layerCreatedAt, layerNamed, tensorForVariable } from './cursor';
import { escapeMarkdown as md, markdownCodeBlock, markdownInlineCode } from './escape';
import { callOutputText, formatCount, shapeText, type Pos, type Translate } from './text';

export interface HoverInfo {
  markdown: string;
  /** 0-based columns of the word on the hover line the info is about. */
  start: number;
  end: number;
}

/** Config keys that say little in a hover (defaults nobody changes); shown only when set to something else. */
const QUIET_DEFAULTS: Record<string, unknown> = {
  name: null,
  dtype: null,
  trainable: true,
  input_shape: null,
  batch_input_shape: null,
  batch_size: null,
  kernel_initializer: 'glorot_uniform',
  bias_initializer: 'zeros',
  kernel_regularizer: null,
  bias_regularizer: null,
  activity_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
  sparse: false,
  lora_rank: null,
};

function configValue(v: unknown, python: boolean): string {
  if (v && typeof v === 'object' && (v as { $unknown?: boolean }).$unknown) return '?';
  if (v === null) return python ? 'None' : 'null';
  if (v === true) return python ? 'True' : 'true';
  if (v === false) return python ? 'False' : 'false';
  if (typeof v === 'string') return python ? `'${v}'` : `'${v}'`;
  if (Array.isArray(v)) return python ? `(${v.map((x) => configValue(x, python)).join(', ')}${v.length === 1 ? ',' : ''})` : `[${v.map((x) => configValue(x, python)).join(', ')}]`;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function layerHoverMarkdown(result: AnalysisResult, layer: LayerIR, t: Translate): string {
  const python = result.language === 'python';
  const lines: string[] = [];
  lines.push(`**${md(layer.name)}** (${md(layer.className)})`);
  const shown = Object.entries(layer.config).filter(([k, v]) => !(k in QUIET_DEFAULTS && JSON.stringify(QUIET_DEFAULTS[k]) === JSON.stringify(v)));
  if (shown.length > 0) {
    lines.push('', markdownCodeBlock(shown.map(([k, v]) => `${k}=${configValue(v, python)}`).join(', '), python ? 'python' : 'typescript'));
  }
  const params = layer.params === null ? t('unknown until the layer is built') : formatCount(layer.params);
  lines.push('', `${t('Parameters')}: ${params}`);
  if (layer.weights.length > 0) {
    lines.push('', `${t('Weights')}: ${layer.weights.map((w) => `${md(w.name)} ${md(shapeText(result, { id: -1, shape: w.shape, producer: null, ref: '' }))}`).join(', ')}`);
  }
  if (layer.calls.length > 1) {
    lines.push('', t('Shared layer: {0} calls use the same weights.', layer.calls.length));
  }
  if (layer.calls.length > 0) {
    lines.push('', `${t('Call sites')}:`);
    for (const id of layer.calls) {
      const c = result.calls[id];
      const err = c.error !== undefined ? ` — ⚠ ${t('shape error')}` : '';
      lines.push(`- ${t('line {0}', c.range.line)}: → ${md(callOutputText(result, id))}${err}`);
    }
  } else {
    lines.push('', t('Not called yet.'));
  }
  return lines.join('\n');
}

export function tensorHoverMarkdown(result: AnalysisResult, name: string, tensorId: number, t: Translate): string {
  const tensor = result.tensors[tensorId];
  const producer = tensor?.producer ? result.calls[tensor.producer.call] : undefined;
  const layer = producer ? result.layers[producer.layer] : undefined;
  const lines = [`**${md(name)}**: ${t('tensor of shape {0}', markdownInlineCode(shapeText(result, tensor)))}`];
  if (layer && producer) {
    const which = layer.calls.length > 1 ? ` (${t('call {0} of {1}', producer.index + 1, layer.calls.length)})` : '';
    lines.push('', t('Produced by {0}, line {1}', `**${md(layer.name)}** (${md(layer.className)})${which}`, producer.range.line));
  }
  if (tensor && tensor.shape === null) lines.push('', t('The shape is not statically known here.'));
  return lines.join('\n');
}

/** What to show when hovering at `pos` in a document whose lines are `lines`; null when the spot means nothing. */
export function hoverAt(result: AnalysisResult, lines: readonly string[], pos: Pos, t: Translate): HoverInfo | null {
  const lineText = lines[pos.line] ?? '';
  const word = identifierAt(lineText, pos.character);
  if (!word) return null;
  const span = { start: word.start, end: word.start + word.name.length };
  const named = layerNamed(result, word.name, pos);
  if (named) return { markdown: layerHoverMarkdown(result, named, t), ...span };
  const tensor = tensorForVariable(result, lines, word.name, pos);
  if (tensor) return { markdown: tensorHoverMarkdown(result, word.name, tensor.tensorId, t), ...span };
  const created = layerCreatedAt(result, pos);
  // Only the class name of the constructor (`Dense` in `layers.Dense(5)`), not its arguments: hovering `units`
  // should keep the language server's hover to itself.
  if (created && created.className.toLowerCase() === word.name.toLowerCase().replace(/^input$/, 'inputlayer')) {
    return { markdown: layerHoverMarkdown(result, created, t), ...span };
  }
  return null;
}
