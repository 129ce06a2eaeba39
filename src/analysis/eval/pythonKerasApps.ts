// The helpers Keras's own application files (VGG16, ResNet50, MobileNetV2, …) call, evaluated the way Keras does
// for an analysis of the file opened alone: `imagenet_utils.obtain_input_shape` (the default input size),
// `correct_pad`, `validate_activation`, and keras_applications 1.x's `get_submodules_from_kwargs` (the injected
// modules, or Keras's own when nothing injects them). It does not load weights or preprocess images.

import { intOf, iterate } from './builtins';
import type { OpContext } from './backendOps';
import { NONE, num, tuple, UNKNOWN_VALUE, type ArgValues, type BuiltinV, type ModuleV, type Value } from './values';

const fn = (name: string, f: (a: ArgValues) => Value): BuiltinV => ({ kind: 'builtin', name, fn: f });
const arg = (a: ArgValues, i: number, name: string) => a.positional[i] ?? a.keywords.get(name);
const known = (path: string): ModuleV => ({ kind: 'module', path, known: true });

/** Module path the applications' helper modules are known by. */
export const APPS_PATH = 'keras.applications';

/** `keras.src.applications.imagenet_utils`, `keras_applications`, `keras.applications.imagenet_utils`, … */
export function isAppsModule(module: string): boolean {
  return /^(keras\.src\.applications|keras_applications|(tensorflow\.)?keras\.applications)(\.imagenet_utils)?$/.test(module);
}

/** A helper reached from the applications' modules, or from a relative import (`from . import …`) nothing resolved. */
export function kerasAppsAttr(ctx: OpContext, name: string): Value | undefined {
  switch (name) {
    case 'imagenet_utils':
      return known(APPS_PATH);
    case 'obtain_input_shape':
    case '_obtain_input_shape':
      return fn(name, obtainInputShape);
    case 'correct_pad':
      return fn(name, (a) => correctPad(ctx, a));
    case 'validate_activation':
      return fn(name, () => NONE);
    case 'preprocess_input':
      return fn(name, (a) => a.positional[0] ?? UNKNOWN_VALUE);
    case 'get_submodules_from_kwargs':
      return fn(name, getSubmodules);
    default:
      return undefined;
  }
}

/** Keras's rule: a given shape is used as is; otherwise the default size, or any size without the classifier. */
function obtainInputShape(a: ArgValues): Value {
  const given = arg(a, 0, 'input_shape');
  const size = intOf(arg(a, 1, 'default_size'));
  const format = arg(a, 3, 'data_format');
  const requireFlatten = arg(a, 4, 'require_flatten');
  const first = format?.kind === 'str' && format.value === 'channels_first';
  if (given && given.kind !== 'none') return given;
  if (size === undefined) return UNKNOWN_VALUE;
  const side = requireFlatten?.kind === 'bool' && !requireFlatten.value ? NONE : num(size);
  return tuple(first ? [num(3), side, side] : [side, side, num(3)]);
}

/** The ZeroPadding2D that makes a stride-2 convolution's output size match Keras's "same" rounding. */
function correctPad(ctx: OpContext, a: ArgValues): Value {
  // keras_applications 1.x passes the backend first: correct_pad(backend, inputs, kernel_size)
  const skip = a.positional[0]?.kind === 'module' ? 1 : 0;
  const t = arg(a, skip, 'inputs');
  const k = arg(a, skip + 1, 'kernel_size');
  const shape = t?.kind === 'tensor' ? ctx.shapeOf(t.id) : null;
  const ks = intOf(k) !== undefined ? [intOf(k)!, intOf(k)!] : (iterate(k ?? NONE) ?? []).map(intOf);
  if (!shape || shape.length < 4 || ks.length !== 2 || ks.some((x) => x === undefined)) return UNKNOWN_VALUE;
  const [h, w] = [shape[1], shape[2]];
  const adjust = typeof h === 'number' && typeof w === 'number' ? [1 - (h % 2), 1 - (w % 2)] : [1, 1];
  const correct = [Math.floor(ks[0]! / 2), Math.floor(ks[1]! / 2)];
  return tuple([tuple([num(correct[0] - adjust[0]), num(correct[0])]), tuple([num(correct[1] - adjust[1]), num(correct[1])])]);
}

/** `backend, layers, models, utils = get_submodules_from_kwargs(kwargs)`: what was injected, else Keras's own. */
function getSubmodules(a: ArgValues): Value {
  const kwargs = a.positional[0];
  const pick = (key: string, path: string): Value => {
    const v = kwargs?.kind === 'dict' ? kwargs.entries.get(`s:${key}`)?.value : undefined;
    return v && v.kind === 'module' && v.known ? v : known(path);
  };
  return tuple([pick('backend', 'keras.backend'), pick('layers', 'keras.layers'), pick('models', 'keras.models'), pick('utils', 'keras.other')]);
}
