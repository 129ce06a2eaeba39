// Hand-built AnalysisResults for the webview tests (on top of the shared IrBuilder): mission scenarios 1, 3, 4 and 5,
// a TF.js variant, a file with two models, and a generated 200-layer residual network grouped by helper functions.

import type { AnalysisResult, ModelIR, ScopeFrame } from '../../src/graph/ir';
import type { WeightsLayer } from '../../src/webview-protocol';
import { IrBuilder, range } from './irBuilder';

/** Restricts a model to the calls its outputs depend on (IrBuilder's models take every call of the file). */
function ownCallsOnly(r: AnalysisResult, model: ModelIR): void {
  const needed = new Set<number>();
  const stack = [...model.outputs];
  while (stack.length) {
    const p = r.tensors[stack.pop()!].producer;
    if (!p || needed.has(p.call)) continue;
    needed.add(p.call);
    stack.push(...r.calls[p.call].inputs);
  }
  model.calls = model.calls.filter((c) => needed.has(c));
  model.layers = model.layers.filter((l) => r.layers[l].calls.some((c) => needed.has(c)));
  model.operations = model.layers;
}

/** Scenario 1: Input(5) → Dense(10) → Activation('softmax'). 60 params. */
export function basicChain(language: 'python' | 'typescript' = 'python'): AnalysisResult {
  const js = language !== 'python';
  const b = new IrBuilder(js ? 'basic.ts' : 'basic.py', language);
  const x = b.input(js ? 'input1' : 'input_layer', [null, 5]);
  const h = b.apply(js ? 'dense_Dense1' : 'dense', 'Dense', 60, [x], [null, 10]);
  const y = b.apply(js ? 'activation_Activation1' : 'activation', 'Activation', 0, [h], [null, 10]);
  b.model('functional', [x], [y]);
  return b.build();
}

/** Scenario 3: one Dense(5) called twice (lines 3 and 4), then softmax. 30 params. */
export function sharedDense(): AnalysisResult {
  const b = new IrBuilder('shared.py');
  const x = b.input('input_layer', [null, 5], 1);
  const dense = b.layer('dense', 'Dense', 30, { line: 2 });
  const [h1] = b.call(dense, [x], [[null, 5]], 3);
  const [h2] = b.call(dense, [h1], [[null, 5]], 4);
  const y = b.apply('activation', 'Activation', 0, [h2], [null, 5], { line: 5 });
  b.model('functional', [x], [y], { line: 6 });
  return b.build();
}

export const SCENARIO4_MESSAGE =
  'Input 0 of layer "dense" is incompatible with the layer: expected axis -1 of input shape to have value 5, but received input with shape (None, 10)';

/** Scenario 4: a Dense(10) reused on its own 10-feature output: a shape error at the second call. */
export function sharedDenseError(): AnalysisResult {
  const b = new IrBuilder('shared_error.py');
  const x = b.input('input_layer', [null, 5], 1);
  const dense = b.layer('dense', 'Dense', 60, { line: 2 });
  const [h1] = b.call(dense, [x], [[null, 10]], 3);
  const [h2] = b.call(dense, [h1], [null], 4);
  const y = b.apply('activation', 'Activation', 0, [h2], null, { line: 5 });
  b.model('functional', [x], [y], { line: 6 });
  const r = b.build();
  const second = r.calls[r.layers[dense].calls[1]];
  b.diagnostic('error', 'shared-layer-input', SCENARIO4_MESSAGE, second.range, [
    { at: r.calls[r.layers[dense].calls[0]].range, message: 'first call of this layer' },
  ]);
  second.error = r.diagnostics.length - 1;
  return r;
}

/** Scenario 5: two inputs → Dense(10) each → Multiply → Dense(5) → softmax output, and → Dense(5) → softmax output. */
export function twoInTwoOut(extraModel = false): AnalysisResult {
  const b = new IrBuilder('two_in_two_out.py');
  const a = b.input('input_layer', [null, 5]);
  const c = b.input('input_layer_1', [null, 5]);
  const ha = b.apply('dense', 'Dense', 60, [a], [null, 10]);
  const hc = b.apply('dense_1', 'Dense', 60, [c], [null, 10]);
  const m = b.apply('multiply', 'Multiply', 0, [ha, hc], [null, 10]);
  const d = b.apply('dense_2', 'Dense', 55, [m], [null, 5]);
  const y1 = b.apply('activation', 'Activation', 0, [d], [null, 5]);
  const d2 = b.apply('dense_3', 'Dense', 30, [d], [null, 5]);
  const y2 = b.apply('activation_1', 'Activation', 0, [d2], [null, 5]);
  b.model('functional', [a, c], [y1, y2]);
  if (extraModel) ownCallsOnly(b.build(), b.model('branch_model', [a], [ha], { variable: 'branch' }));
  return b.build();
}

/** A generated deep model (without `grouped`, one flat level): Input, then `stages` stage() helpers each calling res_block() `blocks` times; a block is
 *  Dense → relu → Dense → Add(skip) → relu. With 4 × 10 blocks that is 200 layers after the input. Grouped, each
 *  stage is wider than the one before (as in a ResNet), so stages differ while the blocks of one stage repeat. */
export function residualNetwork(stages = 4, blocks = 10, width = 64, grouped = true): AnalysisResult {
  const b = new IrBuilder('deep.py');
  let x = b.input('input_layer', [null, width]);
  const input = x;
  // Keras numbers layer names per class: dense, dense_1, dense_2…
  const counts = new Map<string, number>();
  const name = (base: string) => {
    const k = counts.get(base) ?? 0;
    counts.set(base, k + 1);
    return k === 0 ? base : `${base}_${k}`;
  };
  const scopes: ScopeFrame[][] = [];
  let invocation = 0;
  for (let s = 0; s < stages; s++) {
    const stage: ScopeFrame = { name: 'stage', callRange: range(900 + s), invocation: invocation++ };
    for (let k = 0; k < blocks; k++) {
      const scope = [stage, { name: 'res_block', callRange: range(800 + k), invocation: invocation++ }];
      const skip = x;
      const w = grouped ? width * (s + 1) : width;
      const p = w * w + w;
      let h = b.apply(name('dense'), 'Dense', p, [x], [null, w]);
      h = b.apply(name('activation'), 'Activation', 0, [h], [null, w]);
      h = b.apply(name('dense'), 'Dense', p, [h], [null, w]);
      h = b.apply(name('add'), 'Add', 0, [h, skip], [null, w]);
      x = b.apply(name('activation'), 'Activation', 0, [h], [null, w]);
      for (let i = 0; i < 5; i++) scopes.push(scope);
    }
  }
  b.model('functional', [input], [x]);
  const r = b.build();
  // Every call after the input's was made inside stage() → res_block().
  if (grouped) scopes.forEach((scope, i) => (r.calls[i + 1].scope = scope));
  return r;
}

/** Trained weights of scenario 3's shared Dense(5) as the host sends them: a 5×5 kernel and 5 biases, histograms of
 *  16 bins (the counts sum to 25 and 5). Values are made up; only their shape and bookkeeping matter here. */
export function sharedDenseWeights(result: AnalysisResult = sharedDense()): WeightsLayer[] {
  const dense = result.layers.find((l) => l.name === 'dense')!;
  return [
    {
      layerId: dense.id,
      arrays: [
        { name: 'kernel', shape: [5, 5], stats: { mean: 0.012, std: 0.4, min: -0.71, max: 0.68 }, histogram: [1, 0, 2, 1, 1, 2, 3, 2, 3, 2, 1, 2, 1, 2, 0, 2] },
        { name: 'bias', shape: [5], stats: { mean: -0.004, std: 0.005, min: -0.009, max: 0.003 }, histogram: [1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 1] },
      ],
    },
  ];
}

/** A plain chain of `layers` Dense layers after an Input, no helper groups: the deep network Fit and the overview
 *  are for (the first Dense has a shape error when `withError`, so the overview has a red mark to show). */
export function denseChain(layers: number, withError = false): AnalysisResult {
  const b = new IrBuilder('chain.py');
  let x = b.input('input_layer', [null, 32]);
  const input = x;
  for (let i = 0; i < layers; i++) x = b.apply(i === 0 ? 'dense' : `dense_${i}`, 'Dense', 32 * 32 + 32, [x], [null, 32], { line: i + 2 });
  b.model('functional', [input], [x]);
  const r = b.build();
  if (withError) {
    const bad = r.calls[Math.floor(layers / 2)];
    b.diagnostic('error', 'shape-mismatch', 'Input 0 of layer "x" is incompatible with the layer: made up for the overview', bad.range);
    bad.error = r.diagnostics.length - 1;
  }
  return r;
}

/** A basic chain whose names hold what must never break an SVG or reach the page as markup. */
export const HOSTILE_NAMES = ['ctl\u0001a', 'esc\u001b[31mred', '<script>alert(1)</script>', 'cdata]]>end', 'amp&amp;&lt;'];

export function hostileNames(): AnalysisResult {
  const b = new IrBuilder('hostile.py');
  let x = b.input(HOSTILE_NAMES[0], [null, 4]);
  const input = x;
  for (const name of HOSTILE_NAMES.slice(1)) x = b.apply(name, 'Dense', 20, [x], [null, 4]);
  b.model('functional', [input], [x]);
  return b.build();
}
