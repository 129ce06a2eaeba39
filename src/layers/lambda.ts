// Lambda (keras/src/layers/core/lambda_layer.py): wraps a function. Its output shape comes from `output_shape`
// when the code states it, otherwise the evaluator infers it from the function body (or leaves it unknown).

import type { Shape } from '../graph/shape';
import { dimList } from './config';
import type { LayerDef } from './types';

// TF.js 4.22 has no Lambda layer (no tfjsFactory): TS/JS code writes a custom Layer class instead.
const Lambda: LayerDef = {
  className: 'Lambda',
  args: [
    { py: 'function', default: null },
    { py: 'output_shape', default: null },
    { py: 'mask', default: null },
    { py: 'arguments', default: null },
  ],
  computeOutputShape(config, inputShapes): Shape {
    const stated = dimList(config.output_shape);
    if (!stated) throw new Error('Lambda output shape is inferred by the evaluator');
    return [inputShapes[0]?.[0] ?? null, ...stated];
  },
};

export const lambdaLayers: LayerDef[] = [Lambda];
