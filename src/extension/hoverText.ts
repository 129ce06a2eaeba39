// Hover contents as Markdown text: a tensor variable's shape and producing layer, a layer object's class, config,
// parameters, cost and call sites, a model's totals and memory estimate. It decides what to say, not how VS Code shows it (hover.ts wraps it). Everything taken
// from the code (names, config values, shapes) is escaped here: the Markdown must show it as plain text.

import { costOfCall, costOfLayer, costOfModel, layerDtype } from '../graph/cost';
import type { AnalysisResult, LayerIR, ModelIR } from '../graph/ir';
import type { Dim } from '../graph/shape';
import { formatMetric, readableMemorySize } from '../graph/summary';
import { identifierAt, layerCreatedAt, layerNamed, tensorForVariable } from './cursor';
import { escapeMarkdown as md, markdownCodeBlock, markdownInlineCode } from './escape';
import { callOutputText, formatCount, inAnalyzedFile, rangeContains, shapeText, type Pos, type Translate } from './text';

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
  lines.push('', ...layerCostLines(result, layer, t));
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

/** A figure for Markdown: `?` when unknown, the expression (escaped) when symbolic. */
function metric(d: Dim): string {
  return md(formatMetric(d));
}

function bytes(d: Dim): string {
  if (d === null) return '?';
  return typeof d === 'string' ? `${md(d)} B` : readableMemorySize(d);
}

function dtypeName(dtype: unknown): string {
  return typeof dtype === 'string' ? md(dtype) : dtype === null || dtype === undefined ? 'float32' : '?';
}

/** MACs and FLOPs per sample over every call of the layer, its outputs' memory and its weights' memory. */
function layerCostLines(result: AnalysisResult, layer: LayerIR, t: Translate): string[] {
  const c = costOfLayer(result, layer);
  const over = layer.calls.length > 1 ? ` (${t('{0} calls', layer.calls.length)})` : '';
  return [
    `${t('Cost per sample')}: ${metric(c.macs)} MACs · ${metric(c.flops)} FLOPs${over}`,
    '',
    `${t('Memory')}: ${t('activations {0} per sample', bytes(c.activationBytes))} · ${t('weights {0}', c.weightBytes === null ? '?' : readableMemorySize(c.weightBytes))} (${dtypeName(layerDtype(layer))})`,
  ];
}

/** A model's totals: layers and parameters, MACs/FLOPs per sample (and per batch when fit() says it), memory. */
export function modelHoverMarkdown(result: AnalysisResult, model: ModelIR, t: Translate): string {
  const c = costOfModel(result, model);
  const kind = model.kind === 'sequential' ? 'Sequential' : 'Functional';
  const params = model.totalParams !== null ? formatCount(model.totalParams) : model.totalParamsExpr !== undefined ? md(model.totalParamsExpr) : '?';
  const lines = [
    `**${md(model.name)}** (${kind})`,
    '',
    `${t('{0} layers', model.layers.length)} · ${t('Parameters')}: ${params}`,
    '',
    `${t('Cost per sample')}: ${metric(c.macs)} MACs · ${metric(c.flops)} FLOPs`,
    '',
    `${t('Memory')}: ${t('activations {0} per sample', bytes(c.activationBytes))} · ${t('weights {0}', c.weightBytes === null ? '?' : readableMemorySize(c.weightBytes))}`,
  ];
  if (c.batchSize !== null) {
    lines.push('', `${t('Per batch of {0}', c.batchSize)}: ${metric(c.batchMacs)} MACs · ${metric(c.batchFlops)} FLOPs`);
    const m = c.training;
    const optimizer = md(model.training?.optimizer ?? '?');
    lines.push(
      '',
      m === null
        ? `${t('Peak training memory (batch {0}, {1})', c.batchSize, optimizer)}: ?`
        : `${t('Peak training memory (batch {0}, {1})', c.batchSize, optimizer)}: ${readableMemorySize(m.total)} — ${t('weights {0}', readableMemorySize(m.weights))}, ${t('gradients {0}', readableMemorySize(m.gradients))}, ${t('optimizer {0}', readableMemorySize(m.optimizerSlots))}, ${t('activations {0}', readableMemorySize(m.activations))}`,
    );
  }
  lines.push('', `*${t('MACs: multiply-adds of matmuls and convolutions; FLOPs = 2 × MACs + elementwise operations.')}*`);
  return lines.join('\n');
}

/** The model a word names at a position: its variable (the latest bound before the position), or the word
 *  `Model`/`Sequential`/`model` inside the model's constructor expression. */
function modelAt(result: AnalysisResult, word: string, pos: Pos): ModelIR | undefined {
  const named = result.models.filter((m) => m.variable === word && inAnalyzedFile(m.range, result));
  if (named.length > 0) {
    const before = named.filter((m) => m.range.line - 1 <= pos.line);
    return (before.length ? before : named).reduce((a, b) => (b.range.start > a.range.start ? b : a));
  }
  if (!/^(Model|Sequential|model|sequential|Functional)$/.test(word)) return undefined;
  return result.models.find((m) => inAnalyzedFile(m.range, result) && rangeContains(m.range, pos));
}

export function tensorHoverMarkdown(result: AnalysisResult, name: string, tensorId: number, t: Translate): string {
  const tensor = result.tensors[tensorId];
  const producer = tensor?.producer ? result.calls[tensor.producer.call] : undefined;
  const layer = producer ? result.layers[producer.layer] : undefined;
  const lines = [`**${md(name)}**: ${t('tensor of shape {0}', markdownInlineCode(shapeText(result, tensor)))}`];
  if (layer && producer) {
    const which = layer.calls.length > 1 ? ` (${t('call {0} of {1}', producer.index + 1, layer.calls.length)})` : '';
    lines.push('', t('Produced by {0}, line {1}', `**${md(layer.name)}** (${md(layer.className)})${which}`, producer.range.line));
    const c = costOfCall(result, producer);
    lines.push('', `${t('That call per sample')}: ${metric(c.macs)} MACs · ${metric(c.flops)} FLOPs · ${t('output {0}', bytes(c.activationBytes))}`);
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
  const model = modelAt(result, word.name, pos);
  if (model) return { markdown: modelHoverMarkdown(result, model, t), ...span };
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
