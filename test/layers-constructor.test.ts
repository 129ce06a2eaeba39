// The catalog's one entry point from the product: layer objects are made through instantiateLayer, so the
// constructor checks (validateConfig) run when the code creates a layer and report `invalid-config` in the
// runtime's words at the constructor call; only known values conflict; every LayerDef hook is reached by analyzeText.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { analyzeText } from '../src/analysis/analyze';
import { instantiateLayer, resolveConfig, validateConfig } from '../src/layers/apply';
import { allLayers, layerByKerasName } from '../src/layers/registry';
import { UNKNOWN, type LayerConfig, type LayerDef } from '../src/layers/types';
import { py, ts } from './support/snippets';

const invalid = (r: ReturnType<typeof py>) => r.diagnostics.filter((d) => d.code === 'invalid-config' && d.severity === 'error');

describe('constructor checks run in the product', () => {
  it('Dropout(1.5) is an error at the constructor call, in Keras words', () => {
    const r = py('from keras import layers, Input\nx = Input((4,))\ny = layers.Dropout(1.5)(x)\n');
    const [e] = invalid(r);
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.equal(e.message, 'Invalid value received for argument `rate`. Expected a float value between 0 and 1. Received: rate=1.5');
    assert.deepEqual([e.range.line, e.range.column], [3, 5]);
  });

  it("Conv2D(8, 3, padding='bogus') is an error at the constructor call", () => {
    const r = py("from keras import layers, Input\nx = Input((8, 8, 4))\ny = layers.Conv2D(8, 3, padding='bogus')(x)\n");
    const [e] = invalid(r);
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.match(e.message, /padding.*bogus/);
    assert.equal(e.range.line, 3);
  });

  it('Conv2D(8, 3, groups=3) on 4 input channels is an error (filters and channels not divisible by groups)', () => {
    const r = py('from keras import layers, Input\nx = Input((8, 8, 4))\ny = layers.Conv2D(8, 3, groups=3)(x)\n');
    const [e] = invalid(r);
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.match(e.message, /divisible by the number of groups/);
    assert.equal(e.range.line, 3);
    // groups that divide the filters but not the channels: the first call says so
    const r2 = py('from keras import layers, Input\nx = Input((8, 8, 4))\ny = layers.Conv2D(6, 3, groups=3)(x)\n');
    assert.match(invalid(r2)[0]?.message ?? '', /input channels must be evenly divisible by the number of groups/);
  });

  it('tf.layers.conv2d({filters: 0, kernelSize: 3}) is an error in the words TF.js throws', () => {
    let tfjsWords = '';
    try {
      tf.layers.conv2d({ filters: 0, kernelSize: 3 });
    } catch (e) {
      tfjsWords = (e as Error).message;
    }
    assert.ok(tfjsWords, 'TF.js itself throws on filters: 0');
    const r = ts("import * as tf from '@tensorflow/tfjs';\nconst x = tf.input({shape: [8, 8, 4]});\nconst y = tf.layers.conv2d({filters: 0, kernelSize: 3}).apply(x);\n");
    const [e] = invalid(r);
    assert.ok(e, JSON.stringify(r.diagnostics));
    assert.equal(e.message, tfjsWords);
    assert.equal(e.range.line, 3);
  });

  it('a rejected layer has unknown shapes downstream, never a second error', () => {
    const r = py('from keras import layers, Input, Model\nx = Input((4,))\ny = layers.Dropout(1.5)(x)\nz = layers.Dense(3)(y)\nm = Model(x, z)\n');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['invalid-config']);
    assert.equal(r.models.length, 1);
  });
});

describe('only known values conflict', () => {
  it('symbolic and unknown arguments never raise', () => {
    const p = py('from keras import layers, Input, Model\nimport config\ndef build(rate, filters):\n    x = Input((8, 8, 4))\n    y = layers.Dropout(rate)(layers.Conv2D(filters, 3, groups=config.G, padding=config.P)(x))\n    return Model(x, y)\n');
    assert.deepEqual(invalid(p), []);
    assert.equal(p.models.length, 1);
    const t = ts("import * as tf from '@tensorflow/tfjs';\nexport function build(filters: number) {\n  const x = tf.input({shape: [8, 8, 4]});\n  return tf.model({inputs: x, outputs: tf.layers.conv2d({filters, kernelSize: 3}).apply(x) as tf.SymbolicTensor});\n}\n");
    assert.deepEqual(invalid(t), []);
    assert.equal(t.models.length, 1);
  });

  it('no constructor check raises on a config of unknown values, in either dialect', () => {
    for (const def of allLayers()) {
      const config: LayerConfig = {};
      for (const a of def.args) config[a.py] = UNKNOWN;
      for (const dialect of ['keras', 'tfjs'] as const) {
        const e = validateConfig(def, config, { dialect, layerName: 'x' });
        // a class the runtime does not have (Keras 3 has no ThresholdedReLU) is refused whatever its arguments
        const classRefused = validateConfig(def, resolveConfig(def, [], {}, dialect).config, { dialect, layerName: 'x' });
        if (e && classRefused?.message === e.message) continue;
        assert.equal(e, undefined, `${def.className} (${dialect}): ${e?.message}`);
      }
    }
  });

  it('instantiateLayer names the layer before its checks run, so messages use the runtime name', () => {
    const made = instantiateLayer(layerByKerasName('Dense')!, { positional: [3], keywords: {} }, 'keras', () => 'dense_7');
    assert.equal(made.name, 'dense_7');
    assert.equal(made.error, undefined);
    assert.equal(instantiateLayer(layerByKerasName('Dense')!, { positional: [3], keywords: { name: 'head' } }, 'keras', () => 'unused').name, 'head');
  });
});

describe('every LayerDef hook is reachable from analyzeText', () => {
  type Hook = 'validateConfig' | 'inputSpec' | 'build' | 'computeOutputShape' | 'returnsList';
  /** Replaces a hook of a registered def by a counting wrapper for the duration of `run`. */
  function spy(def: LayerDef, hook: Hook, run: () => void): number {
    const original = def[hook] as ((...a: unknown[]) => unknown) | undefined;
    assert.ok(original, `${def.className} has no ${hook}`);
    let calls = 0;
    (def as unknown as Record<Hook, unknown>)[hook] = (...a: unknown[]) => {
      calls++;
      return original.apply(def, a);
    };
    try {
      run();
    } finally {
      (def as unknown as Record<Hook, unknown>)[hook] = original;
    }
    return calls;
  }

  it('validateConfig of every layer that has one runs when the code creates the layer', () => {
    const withHook = allLayers().filter((d) => d.validateConfig && d.className !== 'InputLayer');
    assert.ok(withHook.length > 20);
    for (const def of withHook) {
      const n = spy(def, 'validateConfig', () => py(`from keras import layers\nl = layers.${def.className}()\n`));
      assert.ok(n > 0, `${def.className}.validateConfig not reached`);
    }
  });

  it('inputSpec, build, computeOutputShape and returnsList run when the code calls a layer', () => {
    const dense = layerByKerasName('Dense')!;
    const lstm = layerByKerasName('LSTM')!;
    const code = 'from keras import layers, Input\nx = Input((5, 4))\ny = layers.Dense(3)(x)\nz = layers.LSTM(2, return_state=True)(y)\n';
    for (const [def, hook] of [[dense, 'inputSpec'], [dense, 'build'], [dense, 'computeOutputShape'], [lstm, 'returnsList']] as const) {
      assert.ok(spy(def, hook, () => py(code)) > 0, `${def.className}.${hook} not reached`);
    }
  });
});
