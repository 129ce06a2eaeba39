// Hand-built AnalysisResults for the webview tests: the mission scenarios 1, 3, 4 and 5, a TF.js variant, a file with
// two models, and a generated 200-layer residual network grouped by helper functions. No analyzer is involved.

import type { AnalysisResult, CallIR, Diagnostic, Language, LayerIR, ModelIR, ScopeFrame, SourceRange, TensorIR } from '../../src/graph/ir';
import type { Shape } from '../../src/graph/shape';

/** A one-line range at `line` (offsets are fake but consistent: 100 characters per line). */
export function lineRange(line: number, column = 1, length = 20): SourceRange {
  const start = (line - 1) * 100 + column - 1;
  return { start, end: start + length, line, column, endLine: line, endColumn: column + length };
}

export class FixtureBuilder {
  private readonly layers: LayerIR[] = [];
  private readonly calls: CallIR[] = [];
  private readonly tensors: TensorIR[] = [];
  private readonly models: ModelIR[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private nextLine = 1;

  constructor(
    private readonly file: string,
    private readonly language: Language = 'python',
  ) {}

  /** Creates a layer object on its own line; returns its id. */
  layer(className: string, name: string, params: number | null = 0, config: Record<string, unknown> = {}): number {
    const id = this.layers.length;
    this.layers.push({
      id,
      name,
      className,
      known: true,
      config,
      range: lineRange(this.nextLine++),
      variable: null,
      params,
      trainableParams: params,
      nonTrainableParams: params === null ? null : 0,
      weights: [],
      calls: [],
    });
    return id;
  }

  /** An Input: an InputLayer and its single call; returns the tensor. */
  input(name: string, shape: Shape, scope: ScopeFrame[] = []): number {
    const layer = this.layer('InputLayer', name, 0, { shape: shape.slice(1) });
    return this.call(layer, [], shape, { scope, atLayerLine: true });
  }

  /** Calls a layer on tensors; returns the output tensor. `error` adds a diagnostic pointing at this call. */
  call(
    layer: number,
    inputs: number[],
    outputShape: Shape | null,
    opts: { scope?: ScopeFrame[]; error?: { message: string; code?: Diagnostic['code'] }; atLayerLine?: boolean } = {},
  ): number {
    const id = this.calls.length;
    const l = this.layers[layer];
    const range = opts.atLayerLine ? l.range : lineRange(this.nextLine++, 5, 16);
    const tensor = this.tensors.length;
    const index = l.calls.length;
    this.tensors.push({ id: tensor, shape: outputShape, producer: { call: id, index: 0 }, ref: `${l.name}[${index}][0]` });
    const call: CallIR = { id, layer, index, range, inputs, outputs: [tensor], scope: opts.scope ?? [] };
    if (opts.error) {
      call.error = this.diagnostics.length;
      const first = l.calls.length ? this.calls[l.calls[0]].range : l.range;
      this.diagnostics.push({
        severity: 'error',
        code: opts.error.code ?? 'shape-mismatch',
        message: opts.error.message,
        range,
        related: [{ range: first, message: 'first call of this layer' }],
      });
    }
    this.calls.push(call);
    l.calls.push(id);
    return tensor;
  }

  /** A functional Model from inputs to outputs: its calls are those the outputs depend on, in call order. */
  model(name: string, inputs: number[], outputs: number[], variable = 'model'): number {
    const needed = new Set<number>();
    const stack = [...outputs];
    while (stack.length) {
      const p = this.tensors[stack.pop()!].producer;
      if (!p || needed.has(p.call)) continue;
      needed.add(p.call);
      stack.push(...this.calls[p.call].inputs);
    }
    const calls = [...needed].sort((a, b) => a - b);
    const layers = [...new Set(calls.map((c) => this.calls[c].layer))];
    const params = layers.reduce((s, l) => s + (this.layers[l].params ?? 0), 0);
    const id = this.models.length;
    this.models.push({
      id,
      name,
      kind: 'functional',
      variable,
      range: lineRange(this.nextLine++),
      inputs,
      outputs,
      layers,
      operations: layers,
      calls,
      totalParams: params,
      trainableParams: params,
      nonTrainableParams: 0,
      sequentialLike: false,
    });
    return id;
  }

  build(): AnalysisResult {
    return {
      file: this.file,
      language: this.language,
      models: this.models,
      layers: this.layers,
      calls: this.calls,
      tensors: this.tensors,
      diagnostics: this.diagnostics,
      stats: { parseMs: 0, evalMs: 0, fuelUsed: 0 },
    };
  }
}

/** Scenario 1: Input(5) → Dense(10) → Activation('softmax'). 60 params. */
export function basicChain(language: Language = 'python'): AnalysisResult {
  const js = language !== 'python';
  const b = new FixtureBuilder(js ? 'basic.ts' : 'basic.py', language);
  const x = b.input(js ? 'input1' : 'input_layer', [null, 5]);
  const dense = b.layer('Dense', js ? 'dense_Dense1' : 'dense', 60, { units: 10 });
  const h = b.call(dense, [x], [null, 10]);
  const act = b.layer('Activation', js ? 'activation_Activation1' : 'activation', 0, { activation: 'softmax' });
  const y = b.call(act, [h], [null, 10]);
  b.model('functional', [x], [y]);
  return b.build();
}

/** Scenario 3: one Dense(5) called twice, then softmax. 30 params. */
export function sharedDense(): AnalysisResult {
  const b = new FixtureBuilder('shared.py');
  const x = b.input('input_layer', [null, 5]);
  const dense = b.layer('Dense', 'dense', 30, { units: 5 });
  const h1 = b.call(dense, [x], [null, 5]);
  const h2 = b.call(dense, [h1], [null, 5]);
  const act = b.layer('Activation', 'activation', 0, { activation: 'softmax' });
  const y = b.call(act, [h2], [null, 5]);
  b.model('functional', [x], [y]);
  return b.build();
}

export const SCENARIO4_MESSAGE =
  'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10)';

/** Scenario 4: a Dense(10) reused on its own 10-feature output: a shape error at the second call. */
export function sharedDenseError(): AnalysisResult {
  const b = new FixtureBuilder('shared_error.py');
  const x = b.input('input_layer', [null, 5]);
  const dense = b.layer('Dense', 'dense', 60, { units: 10 });
  const h1 = b.call(dense, [x], [null, 10]);
  const h2 = b.call(dense, [h1], null, { error: { message: SCENARIO4_MESSAGE, code: 'shared-layer-input' } });
  const act = b.layer('Activation', 'activation', 0, { activation: 'softmax' });
  const y = b.call(act, [h2], null);
  b.model('functional', [x], [y]);
  return b.build();
}

/** Scenario 5: two inputs → Dense(10) each → Multiply → Dense(5) → softmax output, and → Dense(5) → softmax output. */
export function twoInTwoOut(extraModel = false): AnalysisResult {
  const b = new FixtureBuilder('two_in_two_out.py');
  const a = b.input('input_layer', [null, 5]);
  const c = b.input('input_layer_1', [null, 5]);
  const ha = b.call(b.layer('Dense', 'dense', 60, { units: 10 }), [a], [null, 10]);
  const hc = b.call(b.layer('Dense', 'dense_1', 60, { units: 10 }), [c], [null, 10]);
  const m = b.call(b.layer('Multiply', 'multiply'), [ha, hc], [null, 10]);
  const d = b.call(b.layer('Dense', 'dense_2', 55, { units: 5 }), [m], [null, 5]);
  const y1 = b.call(b.layer('Activation', 'activation', 0, { activation: 'softmax' }), [d], [null, 5]);
  const d2 = b.call(b.layer('Dense', 'dense_3', 30, { units: 5 }), [d], [null, 5]);
  const y2 = b.call(b.layer('Activation', 'activation_1', 0, { activation: 'softmax' }), [d2], [null, 5]);
  b.model('functional', [a, c], [y1, y2]);
  if (extraModel) b.model('branch_model', [a], [ha], 'branch');
  return b.build();
}

/** A generated deep model: Input, then `stages` stage() helpers each calling res_block() `blocks` times; a block is
 *  Dense → relu → Dense → Add(skip) → relu. With 4 × 10 blocks that is 200 layers after the input. */
export function residualNetwork(stages = 4, blocks = 10, width = 64): AnalysisResult {
  const b = new FixtureBuilder('deep.py');
  let x = b.input('input_layer', [null, width]);
  const input = x;
  let invocation = 0;
  // Keras numbers layer names per class: dense, dense_1, dense_2…
  const counts = new Map<string, number>();
  const name = (base: string) => {
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    return k === 0 ? base : `${base}_${k}`;
  };
  for (let s = 0; s < stages; s++) {
    const stage: ScopeFrame = { name: 'stage', callRange: lineRange(900 + s), invocation: invocation++ };
    for (let k = 0; k < blocks; k++) {
      const block: ScopeFrame = { name: 'res_block', callRange: lineRange(800 + k), invocation: invocation++ };
      const scope = [stage, block];
      const skip = x;
      const p = width * width + width;
      let h = b.call(b.layer('Dense', name('dense'), p, { units: width }), [x], [null, width], { scope });
      h = b.call(b.layer('Activation', name('activation'), 0, { activation: 'relu' }), [h], [null, width], { scope });
      h = b.call(b.layer('Dense', name('dense'), p, { units: width }), [h], [null, width], { scope });
      h = b.call(b.layer('Add', name('add')), [h, skip], [null, width], { scope });
      x = b.call(b.layer('Activation', name('activation'), 0, { activation: 'relu' }), [h], [null, width], { scope });
    }
  }
  b.model('functional', [input], [x]);
  return b.build();
}
