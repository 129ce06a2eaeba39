// A model as Keras 3 reads it: the `model.to_json()` document (Functional or Sequential, layers with module,
// class_name, config, build_config and inbound_nodes whose tensors carry keras_history [layer, node, index]) and a
// script that loads it with `keras.models.model_from_json`, compiles and fits it as the code does. Layer configs hold
// Keras's argument names and values (src/translate/args.ts for TF.js files). Keras is not installed here, so the
// layout follows Keras 3's serialization code, not a round trip through Keras itself.

import type { AnalysisResult, LayerIR, ModelIR } from '../graph/ir';
import { isNestedLayer, isUnknown, type ConfigValue } from '../layers/types';
import { HANDLED_ARGS, pickModel, UnsupportedError } from '../train/translate';
import { kerasArgs } from './args';
import { kerasTraining } from './training';
import { pyString } from './values';

type Json = Record<string, unknown>;

function layerConfig(analysis: AnalysisResult, layer: LayerIR): Json {
  if (analysis.language === 'python') {
    const out: Json = {};
    for (const [k, v] of Object.entries(layer.config as Record<string, ConfigValue>)) {
      if (HANDLED_ARGS.has(k) && k !== 'name') continue;
      if (isUnknown(v)) throw new UnsupportedError(`layer "${layer.name}": the value of \`${k}\` is not statically known`);
      out[k] = isNestedLayer(v) ? { module: 'keras.layers', class_name: v.$layer, config: { ...v.config, name: v.name }, registered_name: null } : v;
    }
    return { ...out, name: layer.name, trainable: layer.config.trainable ?? true, dtype: layer.config.dtype ?? 'float32' };
  }
  const a = kerasArgs(layer);
  const out: Json = {};
  for (const [k, v] of a.args) {
    if (k === 'layer' && a.inner) out.layer = { module: 'keras.layers', class_name: a.inner.callee, config: Object.fromEntries(a.inner.args), registered_name: null };
    else out[k] = v;
  }
  return { trainable: true, dtype: 'float32', ...out };
}

function tensorRef(analysis: AnalysisResult, id: number): Json {
  const t = analysis.tensors[id];
  const m = /^(.*)\[(\d+)\]\[(\d+)\]$/.exec(t.ref);
  const history = m ? [m[1], Number(m[2]), Number(m[3])] : [t.ref, 0, 0];
  return { class_name: '__keras_tensor__', config: { shape: t.shape, dtype: 'float32', keras_history: history } };
}

function historyOf(analysis: AnalysisResult, id: number): unknown[] {
  return (tensorRef(analysis, id).config as { keras_history: unknown[] }).keras_history;
}

function modelJson(analysis: AnalysisResult, model: ModelIR): Json {
  const layers = new Map(analysis.layers.map((l) => [l.id, l]));
  const calls = new Map(analysis.calls.map((c) => [c.id, c]));
  const models = new Map(analysis.models.map((m) => [m.id, m]));
  const entry = (l: LayerIR, inModel: ModelIR): Json => {
    const inbound = l.calls
      .filter((id) => inModel.calls.includes(id))
      .map((id) => calls.get(id)!)
      .filter((c) => c.inputs.length > 0)
      .map((c) => ({ args: c.inputs.length > 1 || l.className.match(/^(Add|Subtract|Multiply|Average|Maximum|Minimum|Concatenate|Dot)$/) ? [c.inputs.map((t) => tensorRef(analysis, t))] : [tensorRef(analysis, c.inputs[0])], kwargs: {} }));
    if (l.model !== undefined) return { ...modelJson(analysis, models.get(l.model)!), name: l.name, inbound_nodes: inbound };
    if (l.className === 'InputLayer') {
      const shape = analysis.tensors[calls.get(l.calls[0])!.outputs[0]].shape;
      return { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: shape, dtype: l.config.dtype ?? 'float32', sparse: false, name: l.name }, registered_name: null, name: l.name, inbound_nodes: [] };
    }
    const firstCall = calls.get(l.calls[0]);
    const buildShape = firstCall?.inputs.map((t) => analysis.tensors[t].shape);
    return {
      module: 'keras.layers',
      class_name: l.className,
      config: layerConfig(analysis, l),
      registered_name: null,
      build_config: { input_shape: buildShape && buildShape.length === 1 ? buildShape[0] : buildShape ?? null },
      name: l.name,
      inbound_nodes: inbound,
    };
  };
  if (model.kind === 'sequential') {
    const input = analysis.tensors[model.inputs[0]]?.shape ?? null;
    const inputLayer = { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: input, dtype: 'float32', sparse: false, name: 'input_layer' }, registered_name: null };
    const list = model.layers.map((id) => {
      const { inbound_nodes: _drop, ...rest } = entry(layers.get(id)!, model);
      return rest;
    });
    return { module: 'keras', class_name: 'Sequential', config: { name: model.name, trainable: true, dtype: 'float32', layers: [inputLayer, ...list], build_input_shape: input }, registered_name: null, build_config: { input_shape: input } };
  }
  for (const id of model.layers) {
    const l = layers.get(id)!;
    if (l.op) throw new UnsupportedError(`model "${model.name}": "${l.name}" is tensor arithmetic (a Keras operation), which this export does not serialize`);
  }
  return {
    module: 'keras.src.models.functional',
    class_name: 'Functional',
    config: {
      name: model.name,
      trainable: true,
      layers: model.layers.map((id) => entry(layers.get(id)!, model)),
      input_layers: model.inputs.map((t) => historyOf(analysis, t)),
      output_layers: model.outputs.map((t) => historyOf(analysis, t)),
    },
    registered_name: 'Functional',
  };
}

export interface KerasExport {
  /** `model.to_json()`'s document. */
  config: Json;
  /** A script that loads `jsonName` next to it, compiles and fits the model. */
  script: string;
  model: string;
}

export function exportKeras(analysis: AnalysisResult, modelName: string | undefined, jsonName = 'model.keras.json'): KerasExport {
  const model = pickModel(analysis, modelName);
  const errorCall = model.calls.map((id) => analysis.calls[id]).find((c) => c?.error !== undefined);
  if (errorCall) throw new UnsupportedError(`model "${model.name}" has an error at line ${errorCall.range.line}`);
  const config = modelJson(analysis, model);
  const notes: string[] = [];
  const lines = [
    `# Builds model "${model.name}" from its Keras config (exported by LayerGraph) and trains it as the source does.`,
    'import pathlib',
    '',
    'import numpy as np',
    'import keras',
    '',
    `model = keras.models.model_from_json(pathlib.Path(__file__).with_name(${pyString(jsonName)}).read_text())`,
    'model.summary()',
  ];
  if (model.training) {
    // A Python file's compile()/fit() are Keras's already; TF.js names are mapped (src/translate/training.ts).
    const t = kerasTraining(model.training, 'model', notes);
    lines.push(...t.compile);
    if (t.skipped) lines.push(`# ${t.skipped}`);
    if (t.fit.length) lines.push('', "if __name__ == '__main__':", ...t.fit.map((l) => `    ${l}`));
  }
  return { config, script: lines.join('\n') + '\n', model: model.name };
}
