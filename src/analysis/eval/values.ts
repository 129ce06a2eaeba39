// The evaluator's values: Python/JS data, functions, modules, and the Keras/TF.js domain objects (layer classes,
// layer objects, symbolic tensors, models). Plain records and small helpers; no evaluation logic.

import type { DataSpec, SourceRange, TrainingIR } from '../../graph/ir';
import type { Shape } from '../../graph/shape';
import type { FunctionExpr, Param, Stmt } from '../core/ast';
import type { BuildResult, LayerConfig, LayerDef } from '../../layers/types';
import type { Scope } from './scope';

export interface NumV {
  kind: 'num';
  value: number;
  /** Python float (prints `2.0`); JS numbers are never marked. */
  float?: boolean;
}
export interface StrV {
  kind: 'str';
  value: string;
}
export interface BoolV {
  kind: 'bool';
  value: boolean;
}
export interface NoneV {
  kind: 'none';
}
export interface ListV {
  kind: 'list';
  items: Value[];
}
export interface TupleV {
  kind: 'tuple';
  items: Value[];
}
export interface DictV {
  kind: 'dict';
  /** insertion-ordered; keys are primitive values rendered by dictKey() */
  entries: Map<string, { key: Value; value: Value }>;
  /** JS: something unknown was spread or keyed into it, so a missing property is unknown rather than `undefined` */
  open?: boolean;
}
export interface FuncV {
  kind: 'func';
  name: string;
  params: Param[];
  body: Stmt[];
  closure: Scope;
  /** where it was defined, for scope frames */
  node: { start: number; end: number } | FunctionExpr;
  /** set for methods looked up through an instance */
  self?: Value;
  /** a JS getter: reading the attribute on an instance calls it */
  getter?: boolean;
  /** the imported workspace file it was defined in (absent: the analyzed file) */
  file?: { name: string | undefined; text: string };
}
export interface BuiltinV {
  kind: 'builtin';
  name: string;
  fn: BuiltinFn;
  self?: Value;
}
export interface ModuleV {
  kind: 'module';
  /** for an imported workspace file: its module-level variables */
  scope?: Scope;
  /** normalized path: `keras`, `keras.layers`, `tfjs`, `tfjs.layers`, `numpy`, or an unknown module's own name */
  path: string;
  known: boolean;
}
export interface LayerClassV {
  kind: 'layerclass';
  /** Keras class name (`Dense`) */
  name: string;
  def: LayerDef | undefined;
  /** reached as a TF.js factory (`tf.layers.dense`) rather than a Python class */
  factory?: boolean;
}
export interface LayerV {
  kind: 'layer';
  layer: LayerObj;
}
export interface TensorV {
  kind: 'tensor';
  id: number;
}
export interface ModelV {
  kind: 'model';
  model: ModelObj;
}
export interface ClassV {
  kind: 'class';
  name: string;
  bases: Value[];
  attrs: Map<string, Value>;
}
export interface InstanceV {
  kind: 'instance';
  cls: ClassV;
  attrs: Map<string, Value>;
  /** Set for instances of Keras Layer/Model subclasses (and TF.js `extends tf.layers.Layer`). */
  keras?: SubclassState;
}
export interface SubclassState {
  kind: 'layer' | 'model';
  /** the runtime name, allocated when the object is created (as Keras's `Layer.__init__` does) */
  name: string;
  /** for layers: the graph node standing for every call of it */
  layer?: LayerObj;
  /** for models: the graph built by running `call` on symbolic inputs */
  model?: ModelObj;
  /** the variable the object was first bound to */
  variable?: string;
  /** weights it creates itself (`self.add_weight(...)` / `this.addWeight(...)`, usually in `build`) */
  weights: { name: string; shape: Shape; trainable: boolean }[];
  /** whether its `build` has run (on the first call) */
  built?: boolean;
}
export interface UnknownV {
  kind: 'unknown';
}
/** An array the code makes for training (`np.random.rand(10, 5)`, `tf.randomUniform([10, 5])`, `np.load(…)`). */
export interface DataV {
  kind: 'data';
  spec: DataSpec;
}
/** A symbolic integer: a model-building function's parameter without a default (`seq_len`), or arithmetic on it. */
export interface SymV {
  kind: 'sym';
  expr: string;
}
/** An optimizer object (`Adam(learning_rate=0.01)`, `tf.train.adam(0.01)`). */
export interface OptimizerV {
  kind: 'optimizer';
  name: string;
  learningRate: number | null;
}

export type Value =
  | NumV
  | StrV
  | BoolV
  | NoneV
  | ListV
  | TupleV
  | DictV
  | FuncV
  | BuiltinV
  | ModuleV
  | LayerClassV
  | LayerV
  | TensorV
  | ModelV
  | ClassV
  | InstanceV
  | DataV
  | SymV
  | OptimizerV
  | UnknownV;

export interface ArgValues {
  positional: Value[];
  keywords: Map<string, Value>;
  /** where the call is (for diagnostics and ranges) */
  node: { start: number; end: number };
}

export type BuiltinFn = (args: ArgValues, self: Value | undefined) => Value;

/** A layer object as the program creates it; the evaluator's mutable record behind a LayerIR. */
export interface LayerObj {
  id: number;
  def: LayerDef | undefined;
  className: string;
  config: LayerConfig;
  name: string;
  built?: BuildResult;
  /** the first call's input shapes, for "built for" messages */
  builtFor?: Shape[];
  /** call ids */
  calls: number[];
  /** Keras 3 operations from tensor arithmetic (`x + y`) are graph nodes but not layers */
  isOp?: boolean;
}

export interface ModelObj {
  id: number;
  name: string;
  kind: 'functional' | 'sequential';
  /** where the model is created: a range computed when it was (it may be in an imported file) */
  node: SourceRange;
  inputs: number[];
  outputs: number[];
  /** Sequential: the layers added so far and the running output */
  seqLayers?: LayerObj[];
  seqOutput?: number;
  variable: string | null;
  /** filled by compile() and fit() */
  training?: TrainingIR;
  /** some inputs or outputs were values the analyzer could not follow (not tensors) */
  opaque?: boolean;
  /** set for subclassed models: the class name (the model's own InputLayers are not among its layers) */
  subclass?: string;
  /** set when the model was made by analyzing a model-building function on its own */
  builder?: { function: string; symbolic: string[] };
}

export const NONE: NoneV = { kind: 'none' };
export const UNKNOWN_VALUE: UnknownV = { kind: 'unknown' };
export const TRUE: BoolV = { kind: 'bool', value: true };
export const FALSE: BoolV = { kind: 'bool', value: false };

export function num(value: number, float = false): NumV {
  return float ? { kind: 'num', value, float } : { kind: 'num', value };
}
export function str(value: string): StrV {
  return { kind: 'str', value };
}
export function bool(value: boolean): BoolV {
  return value ? TRUE : FALSE;
}
export function list(items: Value[]): ListV {
  return { kind: 'list', items };
}
export function tuple(items: Value[]): TupleV {
  return { kind: 'tuple', items };
}

export function dictKey(v: Value): string | undefined {
  switch (v.kind) {
    case 'str':
      return `s:${v.value}`;
    case 'num':
      return `n:${v.value}`;
    case 'bool':
      return `n:${v.value ? 1 : 0}`;
    case 'none':
      return 'none';
    default:
      return undefined;
  }
}

export function dict(pairs: [Value, Value][] = []): DictV {
  const d: DictV = { kind: 'dict', entries: new Map() };
  for (const [k, v] of pairs) {
    const key = dictKey(k);
    if (key !== undefined) d.entries.set(key, { key: k, value: v });
  }
  return d;
}

export function isSequence(v: Value): v is ListV | TupleV {
  return v.kind === 'list' || v.kind === 'tuple';
}
