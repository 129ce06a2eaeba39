// Reshaping layers: Flatten, Reshape, Permute, RepeatVector (keras/src/layers/reshaping/*.py, tfjs-layers core.ts).
// Shape math and config checks only; weights: none. Cropping/padding/upsampling live with the conv family.

import { dim, dimList, knownIntList, pyRepr } from './config';
import { dimFloorDiv, dimProduct, formatShapePython, type Dim, type Shape } from '../graph/shape';
import { isUnknown, LayerError, type ConfigValue, type LayerDef } from './types';

const Flatten: LayerDef = {
  className: 'Flatten',
  tfjsFactory: 'flatten',
  args: [{ py: 'data_format', js: 'dataFormat', default: null }],
  // Keras accepts any rank ≥ 1 (a 2-D input passes through as (batch, n)); TF.js demands at least 3 dimensions.
  inputSpec: (_config, ctx) => (ctx.dialect === 'keras' ? { minNdim: 1 } : { minNdim: 3 }),
  computeOutputShape(_config, [input]): Shape {
    const rest = input.slice(1);
    // Keras: a (batch,) input flattens to (batch, 1). TF.js raises on a non-batch dim that is null; we keep it
    // unknown instead, since our null also means "not known to the analyzer", not only "None at run time".
    return [input[0], rest.length === 0 ? 1 : dimProduct(rest)];
  },
};

/** One `target_shape` entry: a size, the single inferred slot (`-1`; in TF.js any negative or null), or unknown. */
type TargetEntry = { kind: 'size'; value: Dim } | { kind: 'infer' } | { kind: 'unknown' };

function targetEntries(v: ConfigValue | undefined, dialect: 'keras' | 'tfjs'): TargetEntry[] | null {
  if (!Array.isArray(v)) return typeof v === 'number' ? targetEntries([v], dialect) : null;
  return v.map((x): TargetEntry => {
    if (typeof x === 'number') {
      // Keras counts exactly -1; TF.js's isUnknown treats every negative number (and null) as the inferred slot.
      if (dialect === 'keras' ? x === -1 : x < 0) return { kind: 'infer' };
      return { kind: 'size', value: x };
    }
    if (x === null && dialect === 'tfjs') return { kind: 'infer' };
    const d = isUnknown(x) ? null : dim(x);
    return d === null ? { kind: 'unknown' } : { kind: 'size', value: d };
  });
}

const Reshape: LayerDef = {
  className: 'Reshape',
  tfjsFactory: 'reshape',
  args: [{ py: 'target_shape', js: 'targetShape' }],
  validateConfig(config, ctx) {
    const entries = targetEntries(config.target_shape, ctx.dialect);
    if (!entries || entries.filter((e) => e.kind === 'infer').length <= 1) return;
    // Keras raises in the constructor; TF.js only when the reshape first executes (apply() with an unknown batch
    // size skips the check), so the TF.js words are those of that later failure.
    throw new LayerError(
      'invalid-config',
      ctx.dialect === 'keras'
        ? `The \`target_shape\` argument must not contain more than one \`-1\` value. Received: target_shape=${pyRepr(config.target_shape)}`
        : 'Can only specifiy one unknown dimension.',
    );
  },
  computeOutputShape(config, [input], ctx): Shape {
    const entries = targetEntries(config.target_shape, ctx.dialect);
    // Without a statically known target the output rank is unknown too; the Shape type has no "unknown rank",
    // so the least harmful answer is (batch, unknown).
    if (!entries) return [input[0], null];
    const rest = input.slice(1);
    const inputSize = dimProduct(rest);
    const sized = entries.flatMap((e) => (e.kind === 'size' ? [e.value] : []));
    const knownOutput = dimProduct(sized);
    const hasInfer = entries.some((e) => e.kind === 'infer');
    const allKnown = typeof inputSize === 'number' && entries.every((e) => e.kind !== 'unknown') && typeof knownOutput === 'number';
    if (allKnown) {
      const bad = hasInfer ? knownOutput === 0 || inputSize % knownOutput !== 0 : inputSize !== knownOutput;
      if (bad) {
        // TF.js's apply() skips this check while the batch size is unknown (it returns the target as is); the same
        // words come from the first predict()/fit(). We report it at the call, where the mistake is.
        const received = `Received: input_shape=${formatShapePython(rest)}, target_shape=${pyRepr(config.target_shape)}`;
        throw new LayerError(
          'reshape-size',
          ctx.dialect === 'tfjs'
            ? 'Total size of new array must be unchanged.'
            : hasInfer
              ? `The total size of the tensor must be unchanged, however, the input size cannot by divided by the specified dimensions in target_shape. ${received}`
              : `The total size of the tensor must be unchanged. ${received}`,
        );
      }
    }
    // The inferred slot: TF.js's symbolic shape leaves it null whenever any input dim, the batch included, is
    // unknown (and a later Dense then fails on it); Keras computes it from the non-batch dims alone.
    const inferable = ctx.dialect === 'keras' || input[0] !== null;
    const inferred = inferable && !rest.includes(null) ? dimFloorDiv(inputSize, knownOutput) : null;
    return [input[0], ...entries.map((e) => (e.kind === 'size' ? e.value : e.kind === 'infer' ? inferred : null))];
  },
};

/** TF.js checks the permutation with `dims.slice().sort()`, a string sort: with 10 or more dims even a valid
 *  permutation fails. We reproduce that for TF.js files because it is what the user would see. */
function validPermutation(dims: number[], dialect: 'keras' | 'tfjs'): boolean {
  const sorted = dialect === 'keras' ? [...dims].sort((a, b) => a - b) : [...dims].sort();
  return sorted.every((d, i) => d === i + 1);
}

const Permute: LayerDef = {
  className: 'Permute',
  tfjsFactory: 'permute',
  args: [{ py: 'dims', js: 'dims' }],
  validateConfig(config, ctx) {
    const dims = knownIntList(config.dims);
    if (!dims || validPermutation(dims, ctx.dialect)) return;
    throw new LayerError(
      'invalid-config',
      ctx.dialect === 'keras'
        ? `Invalid permutation argument \`dims\` for Permute Layer. The set of indices in \`dims\` must be consecutive and start from 1. Received dims=${pyRepr(config.dims)}`
        : `Invalid permutation \`dims\`: ${JSON.stringify(dims)} \`dims\` must contain consecutive integers starting from 1.`,
    );
  },
  inputSpec(config) {
    const dims = dimList(config.dims);
    return dims ? { ndim: dims.length + 1 } : undefined;
  },
  computeOutputShape(config, [input]): Shape {
    const dims = dimList(config.dims);
    if (!dims) return input.map((d, i) => (i === 0 ? d : null));
    return [input[0], ...dims.map((d) => (typeof d === 'number' ? (input[d] ?? null) : null))];
  },
};

const RepeatVector: LayerDef = {
  className: 'RepeatVector',
  tfjsFactory: 'repeatVector',
  args: [{ py: 'n', js: 'n' }],
  validateConfig(config, ctx) {
    // Keras 3 insists on an int (`operator.index(n)`); TF.js stores whatever it gets.
    const n = config.n;
    if (ctx.dialect !== 'keras' || (typeof n !== 'number' && typeof n !== 'string') || Number.isInteger(n)) return;
    if (typeof n === 'string' && dim(n) !== null) return; // a symbolic size (a name in the code), not a str value
    const type = typeof n === 'number' ? 'float' : 'str';
    throw new LayerError('invalid-config', `Expected an integer value for \`n\`, got <class '${type}'>.`);
  },
  inputSpec: () => ({ ndim: 2 }),
  computeOutputShape: (config, [input]) => [input[0], dim(config.n), input[1]],
};

export const reshapeLayers: LayerDef[] = [Flatten, Reshape, Permute, RepeatVector];
