// Which imports are Keras / TF.js / numpy, and what their attributes are: `keras.layers.Dense` is a layer class,
// `tf.layers.dense` a factory, `keras.ops.mean` a graph operation, `np.random.rand` training data. The module
// paths are a table; project files imported by the code run once as modules. No construction or calls here.

import type * as A from '../core/ast';
import { layerByKerasName, layerByTfjsFactory } from '../../layers/registry';
import { messages } from '../../graph/diagnostics';
import { backendFunction } from './backendOps';
import { createLayer } from './constructors';
import type { KerasHost } from './kerasHost';
import { callLayerValue } from './layerCalls';
import { Scope } from './scope';
import { APPS_PATH, isAppsModule, kerasAppsAttr } from './pythonKerasApps';
import { pythonLibAttr, pythonLibModule } from './pythonLib';
import { numpyAttr, optimizerFactory, tfjsDataAttr } from './training';
import { NONE, str, UNKNOWN_VALUE, type BuiltinV, type ModuleV, type Value } from './values';

/** Python module names → the module path the host knows them by (first match wins). */
const PY_MODULES: [RegExp, string][] = [
  // Keras 3's own sources (`from keras.src import backend, layers`), as its application files import them
  [/^keras\.src$/, 'keras'],
  [/^keras\.src\.backend(\.[\w.]+)?$/, 'keras.backend'],
  [/^keras\.src\.ops$/, 'keras.ops'],
  [/^(tensorflow\.(python\.)?)?keras$|^tf_keras$/, 'keras'],
  [/^(tensorflow\.(python\.)?)?keras\.layers(\.[\w.]+)?$|^tf_keras\.layers$|^keras\.src\.layers(\.[\w.]+)?$/, 'keras.layers'],
  [/^(tensorflow\.)?keras\.(models|engine\.[\w.]+|src\.models(\.[\w.]+)?)$/, 'keras.models'],
  [/^(tensorflow\.)?keras\.backend$/, 'keras.backend'],
  [/^(tensorflow\.)?keras\.ops$/, 'keras.ops'],
  [/^(tensorflow\.)?keras\.activations$|^tensorflow\.nn$/, 'keras.activations'],
  [/^(tensorflow\.)?keras\.optimizers(\.[\w.]+)?$/, 'keras.optimizers'],
  [/^(tensorflow\.)?keras\.mixed_precision$/, 'keras.mixed_precision'],
  [/^(tensorflow\.)?keras\.(losses|metrics|regularizers|initializers|constraints|callbacks|utils|applications|datasets|preprocessing)(\.[\w.]+)?$/, 'keras.other'],
  [/^tensorflow$/, 'tensorflow'],
  [/^tensorflow\.math$/, 'tensorflow.math'],
  [/^numpy$/, 'numpy'],
  [/^numpy\.random$/, 'numpy.random'],
];
const JS_MODULES = /^@tensorflow\/tfjs(-node(-gpu)?|-layers)?$/;

/** Submodules reached as attributes: `tf.keras`, `keras.layers`, `tf.layers`, … (module path → name → path). */
const SUBMODULES: Record<string, Record<string, string>> = {
  tensorflow: { keras: 'keras', nn: 'keras.activations', math: 'tensorflow.math' },
  keras: { layers: 'keras.layers', models: 'keras.models', backend: 'keras.backend', ops: 'keras.ops', activations: 'keras.activations', optimizers: 'keras.optimizers', mixed_precision: 'keras.mixed_precision' },
  'keras.optimizers': { legacy: 'keras.optimizers', experimental: 'keras.optimizers' },
  numpy: { random: 'numpy.random' },
  tfjs: { layers: 'tfjs.layers', train: 'tfjs.train' },
  'tfjs.layers-root': { layers: 'tfjs.layers' },
};

/** Model-making functions by module path: `keras.Input`, `keras.models.Model`, `tf.sequential`, … */
const BUILTINS: Record<string, string[]> = {
  keras: ['Input', 'Model', 'Sequential'],
  'keras.models': ['Model', 'Sequential'],
  'keras.layers': ['Input'],
  tfjs: ['input', 'model', 'sequential'],
  'tfjs.layers-root': ['input', 'model', 'sequential'],
};

/** Keras's functional merge helpers and the layer each one makes. */
const MERGE_FUNCTIONS: Record<string, string> = { add: 'Add', concatenate: 'Concatenate', multiply: 'Multiply', average: 'Average', maximum: 'Maximum', minimum: 'Minimum', subtract: 'Subtract', dot: 'Dot' };

function known(path: string): ModuleV {
  return { kind: 'module', path, known: true };
}

export function importModule(h: KerasHost, module: string): Value {
  if (!h.python) {
    if (JS_MODULES.test(module)) return known(module === '@tensorflow/tfjs-layers' ? 'tfjs.layers-root' : 'tfjs');
  } else {
    if (isAppsModule(module)) return known(APPS_PATH);
    for (const [re, path] of PY_MODULES) if (re.test(module)) return known(path);
    const lib = pythonLibModule(module);
    if (lib) return lib;
  }
  return workspaceModule(h, module) ?? { kind: 'module', path: module, known: false };
}

/** A project file imported by the running code: its module body runs once; its variables are the module's. */
function workspaceModule(h: KerasHost, module: string): ModuleV | undefined {
  const file = h.files?.resolve(h.runtime.currentFile, module);
  if (!file) return undefined;
  const cached = h.state.workspaceModules.get(file.name);
  if (cached) return cached;
  const scope = new Scope(null);
  const mod: ModuleV = { kind: 'module', path: `file:${file.name}`, known: true, scope };
  h.state.workspaceModules.set(file.name, mod); // before running it: circular imports see a partial module
  h.runtime.runModule(file.name, file.text, file.lowered.body, scope);
  for (const e of file.lowered.syntaxErrors) h.g.report(messages.syntaxError(e.message), h.g.rangeIn(e, file.name));
  return mod;
}

export function moduleAttr(h: KerasHost, path: string, name: string): Value | undefined {
  const sub = SUBMODULES[path]?.[name];
  if (sub) return known(sub);
  // Keras 3's `Functional(inputs, outputs, name=…)` is what `Model(inputs, outputs)` makes
  if (path === 'keras.models' && name === 'Functional') return { kind: 'builtin', name: 'keras.Model', fn: () => UNKNOWN_VALUE };
  if (BUILTINS[path]?.includes(name)) return { kind: 'builtin', name: `keras.${name}`, fn: () => UNKNOWN_VALUE };
  switch (path) {
    case 'tensorflow':
    case 'tensorflow.math':
      return backendFunction(h.opContext, name, 'tf') ?? UNKNOWN_VALUE;
    case 'keras.backend':
      return backendFunction(h.opContext, name, 'backend') ?? UNKNOWN_VALUE;
    case 'keras.ops':
      return backendFunction(h.opContext, name, 'ops') ?? UNKNOWN_VALUE;
    case 'keras':
      return /^[a-z]/.test(name) ? known('keras.other') : UNKNOWN_VALUE;
    case 'keras.layers':
      if (name === 'Layer') return { kind: 'layerclass', name: 'Layer', def: undefined };
      if (/^[A-Z]/.test(name)) return { kind: 'layerclass', name, def: layerByKerasName(name) };
      return mergeFunction(h, name) ?? UNKNOWN_VALUE;
    case 'keras.activations':
      return str(name);
    case 'keras.mixed_precision':
      return name === 'set_global_policy' ? setGlobalPolicy(h) : UNKNOWN_VALUE;
    case 'keras.optimizers':
      return /^[A-Z]/.test(name) ? optimizerFactory(name, false) : UNKNOWN_VALUE;
    case 'numpy':
    case 'numpy.random':
      return numpyAttr(path, name) ?? (path === 'numpy' ? pythonLibAttr(h.runtime, path, name) : undefined) ?? UNKNOWN_VALUE;
    case 'tfjs.train':
      return /^[a-z]/.test(name) ? optimizerFactory(name, true) : UNKNOWN_VALUE;
    case 'tfjs.layers-root':
      return moduleAttr(h, 'tfjs.layers', name);
    case 'tfjs':
      return tfjsDataAttr(name) ?? UNKNOWN_VALUE;
    case 'tfjs.layers':
      if (name === 'Layer') return { kind: 'layerclass', name: 'Layer', def: undefined };
      if (/^[a-z]/.test(name)) {
        const def = layerByTfjsFactory(name);
        return { kind: 'layerclass', name: def?.className ?? name, def, factory: true };
      }
      return UNKNOWN_VALUE;
    case APPS_PATH:
      return kerasAppsAttr(h.opContext, name) ?? UNKNOWN_VALUE;
    default:
      if (!h.python) return UNKNOWN_VALUE;
      // keras_applications 1.x imports its helpers relatively (`from . import get_submodules_from_kwargs`)
      return pythonLibAttr(h.runtime, path, name) ?? (path.startsWith('.') ? kerasAppsAttr(h.opContext, name) : undefined) ?? UNKNOWN_VALUE;
  }
}

/** `keras.mixed_precision.set_global_policy('mixed_float16')`: layers created after it compute in float16 and keep
 *  float32 variables. Only the memory estimate reads it; shapes do not change. */
function setGlobalPolicy(h: KerasHost): BuiltinV {
  return {
    kind: 'builtin',
    name: 'keras.mixed_precision.set_global_policy',
    fn: (a) => {
      const v = a.positional[0] ?? a.keywords.get('policy');
      h.state.dtypePolicy = v?.kind === 'str' ? v.value : '?';
      return NONE;
    },
  };
}

/**
 * `layers.add([a, b])` is `Add()([a, b])` (keyword arguments go to the layer), likewise concatenate, multiply,
 * average, maximum, minimum, subtract, dot.
 */
function mergeFunction(h: KerasHost, name: string): BuiltinV | undefined {
  const def = MERGE_FUNCTIONS[name] ? layerByKerasName(MERGE_FUNCTIONS[name]) : undefined;
  if (!def) return undefined;
  return {
    kind: 'builtin',
    name: `keras.layers.${name}`,
    fn: (a) => {
      const inputs = a.positional[0] ?? a.keywords.get('inputs') ?? UNKNOWN_VALUE;
      const keywords = new Map([...a.keywords].filter(([k]) => k !== 'inputs'));
      // dot(inputs, axes, normalize=False): the positional arguments after the inputs are the layer's
      const created = createLayer(h, { kind: 'layerclass', name: def.className, def }, { positional: a.positional.slice(1), keywords, node: a.node }, a.node as A.Call);
      return created.kind === 'layer' ? callLayerValue(h, created.layer, inputs, a, a.node) : UNKNOWN_VALUE;
    },
  };
}
