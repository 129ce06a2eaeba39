// Shapes and dimensions: the one vocabulary every stage uses for tensor shapes, plus pure arithmetic on dimensions.
// It does not know any layer; layer rules live in src/layers/.

/** A dimension: a number when known, `null` when unknown (the batch axis, or a value the analyzer cannot know),
 *  or a string naming a symbolic dimension (e.g. a function parameter `seq_len`, or an expression of such names). */
export type Dim = number | null | string;
export type Shape = Dim[];

export function isKnown(d: Dim): d is number {
  return typeof d === 'number';
}

/** True when two dimensions cannot be equal: both known and different (unknown and symbolic never conflict,
 *  except two different numbers). This is the rule that keeps unknowns from raising false errors. */
export function dimsConflict(a: Dim, b: Dim): boolean {
  return typeof a === 'number' && typeof b === 'number' && a !== b;
}

/** Equality for shapes where unknowns are wildcards. */
export function shapesCompatible(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => !dimsConflict(d, b[i]));
}

function symbolic(d: Dim): string {
  return typeof d === 'string' && /[^\w]/.test(d) ? `(${d})` : String(d);
}

/** a + b; unknown if either is unknown; a symbolic expression when either is symbolic. */
export function dimAdd(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (a === 0) return b;
  if (b === 0) return a;
  return `${symbolic(a)} + ${symbolic(b)}`;
}

export function dimSub(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (b === 0) return a;
  return `${symbolic(a)} - ${symbolic(b)}`;
}

export function dimMul(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return a * b;
  if (a === 1) return b;
  if (b === 1) return a;
  if (a === 0 || b === 0) return 0;
  return `${symbolic(a)}*${symbolic(b)}`;
}

/** Integer division rounding down (Python `//`). */
export function dimFloorDiv(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return b === 0 ? null : Math.floor(a / b);
  if (b === 1) return a;
  return `${symbolic(a)} // ${symbolic(b)}`;
}

/** Ceiling division, as used by 'same' padding: ceil(a / b). */
export function dimCeilDiv(a: Dim, b: Dim): Dim {
  if (a === null || b === null) return null;
  if (typeof a === 'number' && typeof b === 'number') return b === 0 ? null : Math.ceil(a / b);
  if (b === 1) return a;
  return `ceil(${symbolic(a)} / ${symbolic(b)})`;
}

/** Product of dimensions (e.g. Flatten); null if any is unknown. */
export function dimProduct(dims: readonly Dim[]): Dim {
  return dims.reduce<Dim>((acc, d) => dimMul(acc, d), 1);
}

/** Resolves a negative axis against a rank; returns undefined when out of range. */
export function normalizeAxis(axis: number, rank: number): number | undefined {
  const a = axis < 0 ? axis + rank : axis;
  return a >= 0 && a < rank ? a : undefined;
}

/** Python/Keras style: `(None, 5)`, `(None,)`, `()`. */
export function formatShapePython(shape: Shape): string {
  const parts = shape.map((d) => (d === null ? 'None' : String(d)));
  if (parts.length === 1) return `(${parts[0]},)`;
  return `(${parts.join(', ')})`;
}

/** TF.js style as its messages print arrays: `[null,5]`. */
export function formatShapeJs(shape: Shape): string {
  return `[${shape.map((d) => (d === null ? 'null' : typeof d === 'string' ? d : String(d))).join(',')}]`;
}

/** What `${array}` prints in JavaScript, which TF.js messages embed (e.g. "but got shape ,10."). */
export function shapeToJsString(shape: Shape): string {
  return shape.map((d) => (d === null ? '' : String(d))).join(',');
}
