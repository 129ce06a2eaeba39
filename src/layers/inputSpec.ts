// The generic InputSpec check (Keras `input_spec.py`, TF.js `Layer.assertInputCompatibility`), with each runtime's
// own message text. It knows no layer; layers only declare specs.

import { formatShapePython, shapeToJsString, type Shape } from '../graph/shape';
import type { DiagnosticDetail } from '../graph/diagnostics';
import { LayerError, type CallContext, type InputSpec } from './types';

function incompatible(index: number, ctx: CallContext, detail: string, facts: Omit<DiagnosticDetail, 'input'>): LayerError {
  const head =
    ctx.dialect === 'keras'
      ? `Input ${index} of layer "${ctx.layerName}" is incompatible with the layer: `
      : `Input ${index} is incompatible with layer ${ctx.layerName}: `;
  return new LayerError('input-spec', head + detail, { ...facts, input: index });
}

/** Throws a LayerError in the runtime's words when `shape` violates `spec`. Unknown dims never violate. */
export function checkInputSpec(spec: InputSpec, shape: Shape, index: number, ctx: CallContext): void {
  const keras = ctx.dialect === 'keras';
  const ndim = shape.length;
  const full = keras ? `. Full shape received: ${formatShapePython(shape)}` : '';
  if (spec.ndim !== undefined && ndim !== spec.ndim) {
    throw incompatible(index, ctx, `expected ndim=${spec.ndim}, found ndim=${ndim}${full}`, { kind: 'ndim', expected: spec.ndim, received: ndim });
  }
  if (spec.maxNdim !== undefined && ndim > spec.maxNdim) {
    throw incompatible(index, ctx, `expected max_ndim=${spec.maxNdim}, found ndim=${ndim}`, { kind: 'max-ndim', expected: spec.maxNdim, received: ndim });
  }
  if (spec.minNdim !== undefined && ndim < spec.minNdim) {
    throw incompatible(index, ctx, `expected min_ndim=${spec.minNdim}, found ndim=${ndim}${keras ? full : '.'}`, { kind: 'min-ndim', expected: spec.minNdim, received: ndim });
  }
  if (spec.axes) {
    for (const [key, value] of Object.entries(spec.axes)) {
      const axis = Number(key);
      const actual = axis >= 0 ? shape[axis] : shape[shape.length + axis];
      if (typeof actual === 'number' && actual !== value) {
        throw incompatible(
          index,
          ctx,
          keras
            ? `expected axis ${axis} of input shape to have value ${value}, but received input with shape ${formatShapePython(shape)}`
            : `expected axis ${axis} of input shape to have value ${value} but got shape ${shapeToJsString(shape)}.`,
          { kind: 'axis', axis, expected: value, received: [...shape] },
        );
      }
    }
  }
  if (spec.shape) {
    const conflict = spec.shape.some((d, i) => d !== null && typeof shape[i] === 'number' && shape[i] !== d);
    if (conflict) {
      throw incompatible(
        index,
        ctx,
        keras
          ? `expected shape=${formatShapePython(spec.shape)}, found shape=${formatShapePython(shape)}`
          : `expected shape=${spec.shape.map((d) => (d === null ? '' : d)).join(',')}, found shape=${shapeToJsString(shape)}.`,
        { kind: 'shape', expected: [...spec.shape], received: [...shape] },
      );
    }
  }
}

/** Checks every input against its spec (one spec for all inputs when a single spec is given). */
export function checkInputSpecs(specs: InputSpec | InputSpec[] | undefined, shapes: Shape[], ctx: CallContext): void {
  if (!specs) return;
  const list = Array.isArray(specs) ? specs : shapes.map(() => specs);
  list.forEach((spec, i) => {
    if (spec && shapes[i]) checkInputSpec(spec, shapes[i], i, ctx);
  });
}
