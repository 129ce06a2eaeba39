// RNN cells and the generic wrapper: SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells and RNN(cell)
// (keras/src/layers/rnn/rnn.py, stacked_rnn_cells.py, *_cell; tfjs-layers/src/layers/recurrent.ts). Shapes, weights
// and config checks only; a cell called on its own is modelled only as (batch, features) → (batch, units).

import type { Dim, Shape } from '../graph/shape';
import { invalid, num } from './config';
import {
  builtRnnSpec,
  cellWeights,
  checkStatefulBatch,
  gruArgs,
  lstmArgs,
  simpleRnnArgs,
  validateUnits,
  type Cell,
} from './recurrent';
import { isNestedLayer, isUnknown, UNKNOWN, type ArgDef, type CallContext, type ConfigValue, type LayerDef, type NestedLayer, type WeightDef } from './types';

/** A cell's signature is its layer's minus what belongs to the sequence loop (and the layer-only arguments). */
const loopOnly = new Set(['return_sequences', 'return_state', 'go_backwards', 'stateful', 'unroll', 'activity_regularizer', 'use_cudnn']);
const cellArgs = (args: ArgDef[]): ArgDef[] => args.filter((a) => !loopOnly.has(a.py));
/** Keras's GRUCell takes reset_after before seed (the GRU layer the other way round). */
const gruCellArgs = (args: ArgDef[]): ArgDef[] => {
  const list = cellArgs(args).filter((a) => a.py !== 'seed');
  return [...list, ...args.filter((a) => a.py === 'seed')];
};

const cells: Record<string, Cell & { gru: boolean }> = {
  SimpleRNNCell: { gates: 1, states: 1, gru: false },
  LSTMCell: { gates: 4, states: 2, gru: false },
  GRUCell: { gates: 3, states: 1, gru: true },
};

/** What the wrapper needs from its cell argument. `null`: not statically known (every size unknown). */
interface CellModel {
  outputSize: Dim;
  /** State sizes in Keras order (cells in stack order, each cell's states in its order). */
  kerasStates: Dim[];
  /** State sizes in TF.js order: StackedRNNCells lists the last cell's states first. */
  tfjsStates: Dim[];
  weights(inputDim: Dim): WeightDef[];
}

type CellReading = { model: CellModel } | { notACell: ConfigValue } | { unknown: true };

function readCell(v: ConfigValue | undefined): CellReading {
  if (v === undefined || isUnknown(v)) return { unknown: true };
  if (Array.isArray(v)) return readStack(v);
  if (!isNestedLayer(v)) return { notACell: v };
  if (v.$layer === 'StackedRNNCells') {
    const list = v.config.cells;
    return Array.isArray(list) ? readStack(list) : { unknown: true };
  }
  const cell = cells[v.$layer];
  // ConvLSTM2DCell and user-defined cells: a cell we do not model; its sizes are unknown, not an error.
  if (!cell) return v.$layer.endsWith('Cell') ? { unknown: true } : { notACell: v };
  const units = num(v.config, 'units');
  const states = Array<Dim>(cell.states).fill(units);
  return {
    model: {
      outputSize: units,
      kerasStates: states,
      tfjsStates: states,
      weights: (inputDim) => cellWeights(v.config, cell, cell.gru, inputDim),
    },
  };
}

/** StackedRNNCells: each cell reads the previous cell's output; the stack's output is the last cell's. */
function readStack(list: ConfigValue[]): CellReading {
  const models: CellModel[] = [];
  for (const item of list) {
    const reading = readCell(item);
    if (!('model' in reading)) return reading;
    models.push(reading.model);
  }
  if (models.length === 0) return { unknown: true };
  return {
    model: {
      outputSize: models[models.length - 1].outputSize,
      kerasStates: models.flatMap((m) => m.kerasStates),
      // TF.js's StackedRNNCells.stateSize walks the cells in reverse (so that stateSize[0] is the output size).
      tfjsStates: [...models].reverse().flatMap((m) => m.tfjsStates),
      weights(inputDim) {
        let dim = inputDim;
        return models.flatMap((m) => {
          const weights = m.weights(dim);
          dim = m.outputSize;
          return weights;
        });
      },
    },
  };
}

/** Keras 3 prints a layer as `<LSTMCell name=lstm_cell, built=False>`; other values by their repr. */
function kerasRepr(v: ConfigValue): string {
  if (isNestedLayer(v)) return `<${v.$layer} name=${(v as NestedLayer).name}, built=False>`;
  return v === null ? 'None' : typeof v === 'string' ? v : JSON.stringify(v);
}

function validateCellArgument(v: ConfigValue | undefined, ctx: CallContext): void {
  const reading = readCell(v);
  if (!('notACell' in reading)) return;
  const value = reading.notACell;
  if (ctx.dialect === 'tfjs') {
    if (value === null) throw invalid('cell property is missing for the constructor of RNN.');
    throw invalid('The RNN cell should have an attribute `stateSize` (tuple of integers, one integer per RNN state).');
  }
  // Every Keras layer has `call`; only cells have `state_size`.
  if (isNestedLayer(value)) {
    throw invalid(
      `The RNN cell should have a \`state_size\` attribute (single integer or list of integers, one integer per RNN state). Received: cell=${kerasRepr(value)}`,
    );
  }
  throw invalid(`Argument \`cell\` should have a \`call\` method. Received: cell=${kerasRepr(value)}`);
}

const RNN: LayerDef = {
  className: 'RNN',
  tfjsFactory: 'rnn',
  notes:
    "A StackedRNNCells's states are listed in cell order by Keras (its nested list flattened here) and last cell first by TF.js. A cell that is not statically known gives unknown sizes, and with return_state only the output. initial_state and constants are not modelled.",
  args: [
    // A cell layer, or a list of them (both runtimes then stack them in a StackedRNNCells).
    { py: 'cell', js: 'cell' },
    { py: 'return_sequences', js: 'returnSequences', default: false },
    { py: 'return_state', js: 'returnState', default: false },
    { py: 'go_backwards', js: 'goBackwards', default: false },
    { py: 'stateful', js: 'stateful', default: false },
    { py: 'unroll', js: 'unroll', default: false },
    // Keras 3 only.
    { py: 'zero_output_for_mask', default: false },
  ],
  inputSpec: () => ({ ndim: 3 }),
  returnsList: (config) => config.return_state === true,
  validateConfig(config, ctx) {
    validateCellArgument(config.cell, ctx);
  },
  build(config, [input], ctx) {
    checkStatefulBatch(config, input, ctx);
    const reading = readCell(config.cell);
    // A cell of unknown kind: its weights are unknown (one weight of unknown size keeps the count unknown).
    const weights: WeightDef[] = 'model' in reading ? reading.model.weights(input[2]) : [{ name: 'cell', shape: [null], trainable: true }];
    return { weights, inputSpec: builtRnnSpec(config, input, ctx) };
  },
  computeOutputShape(config, [input], ctx): Shape | Shape[] {
    const reading = readCell(config.cell);
    const model = 'model' in reading ? reading.model : null;
    const units = model ? model.outputSize : null;
    const output: Shape = config.return_sequences === true ? [input[0], input[1], units] : [input[0], units];
    if (config.return_state !== true) return output;
    // An unknown cell: how many states it has is unknown too; only the output is listed.
    const states = model ? (ctx.dialect === 'keras' ? model.kerasStates : model.tfjsStates) : [];
    return [output, ...states.map((s): Shape => [input[0], s])];
  },
};

/** A cell called on its own (rare): (batch, features) → (batch, units), weights from the feature size. */
function makeCell(className: string, tfjsFactory: string, args: ArgDef[]): LayerDef {
  const cell = cells[className];
  return {
    className,
    tfjsFactory,
    notes: 'Modelled as an argument of RNN / StackedRNNCells; called on its own only as (batch, features) → (batch, units).',
    args: cell.gru ? gruCellArgs(args) : cellArgs(args),
    validateConfig(config, ctx) {
      if (ctx.dialect === 'tfjs' && cell.gru && config.reset_after === true) {
        throw invalid('GRUCell does not support reset_after parameter set to true.');
      }
      validateUnits(config, ctx);
    },
    build(config, [input]) {
      return { weights: cellWeights(config, cell, cell.gru, input[input.length - 1] ?? null) };
    },
    computeOutputShape(config, [input]): Shape {
      return [input[0] ?? null, num(config, 'units')];
    },
  };
}

const StackedRNNCells: LayerDef = {
  className: 'StackedRNNCells',
  tfjsFactory: 'stackedRNNCells',
  notes: 'Modelled as the cell of RNN; TF.js does not check that its entries are cells.',
  args: [{ py: 'cells', js: 'cells' }],
  validateConfig(config, ctx) {
    const list = config.cells;
    // TF.js checks nothing here; Keras that every entry is a cell.
    if (ctx.dialect !== 'keras' || !Array.isArray(list)) return;
    for (const item of list) {
      const reading = readCell(item);
      if ('notACell' in reading) {
        throw invalid(
          isNestedLayer(item)
            ? `All cells must have a \`state_size\` attribute. Received cell without a \`state_size\`: ${kerasRepr(item)}`
            : `All cells must have a \`call\` method. Received cell without a \`call\` method: ${kerasRepr(item)}`,
        );
      }
    }
  },
  build(config, [input]) {
    const reading = readCell(Array.isArray(config.cells) ? config.cells : UNKNOWN);
    return { weights: 'model' in reading ? reading.model.weights(input[input.length - 1] ?? null) : [{ name: 'cells', shape: [null], trainable: true }] };
  },
  computeOutputShape(config, [input]): Shape {
    const reading = readCell(Array.isArray(config.cells) ? config.cells : UNKNOWN);
    return [input[0] ?? null, 'model' in reading ? reading.model.outputSize : null];
  },
};

export const rnnCellLayers: LayerDef[] = [
  RNN,
  makeCell('SimpleRNNCell', 'simpleRNNCell', simpleRnnArgs),
  makeCell('LSTMCell', 'lstmCell', lstmArgs),
  makeCell('GRUCell', 'gruCell', gruArgs),
  StackedRNNCells,
];
