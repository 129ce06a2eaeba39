// The core form both front-ends lower to: a small, language-neutral tree of statements and expressions that the
// evaluator runs. It carries no Keras knowledge and no language syntax beyond what evaluation needs.
//
// Every node has `start`/`end`: UTF-16 offsets into the source text (what the evaluator turns into ranges).
// Front-ends never throw: syntax they cannot lower becomes `{ kind: 'unknown' }` (expression) or
// `{ kind: 'unsupported' }` (statement), so evaluation goes on around it.

export interface Node {
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Expressions

export type Expr =
  | NumLit
  | StrLit
  | BoolLit
  | NoneLit
  | Name
  | Attr
  | Index
  | Slice
  | Call
  | ListExpr
  | TupleExpr
  | DictExpr
  | BinOp
  | UnaryOp
  | Compare
  | Logic
  | Cond
  | FunctionExpr
  | Template
  | Comprehension
  | Starred
  | UnknownExpr;

export interface NumLit extends Node {
  kind: 'num';
  value: number;
  /** Written as a Python float (`2.0`, `1e-3`); prints as one. JS numbers are never marked. */
  float?: boolean;
}
export interface StrLit extends Node {
  kind: 'str';
  value: string;
}
export interface BoolLit extends Node {
  kind: 'bool';
  value: boolean;
}
/** Python `None`; JS `null` and `undefined`. */
export interface NoneLit extends Node {
  kind: 'none';
}
export interface Name extends Node {
  kind: 'name';
  name: string;
}
/** `obj.name`; also JS optional chaining `obj?.name`. */
export interface Attr extends Node {
  kind: 'attr';
  object: Expr;
  name: string;
  /** Where the attribute name itself is (for precise ranges). */
  nameStart: number;
}
/** `obj[index]`; `index` may be a Slice, or a TupleExpr of indices/slices for `x[:, 0]`. */
export interface Index extends Node {
  kind: 'index';
  object: Expr;
  index: Expr;
}
export interface Slice extends Node {
  kind: 'slice';
  lower?: Expr;
  upper?: Expr;
  step?: Expr;
}

export type Arg =
  | { kind: 'positional'; value: Expr }
  | { kind: 'keyword'; name: string; value: Expr }
  /** `*args` (Python), `...args` (JS) */
  | { kind: 'spread'; value: Expr }
  /** `**kwargs` (Python) */
  | { kind: 'kwspread'; value: Expr };

/** A call. JS `new C(...)` is a call with `isNew`. */
export interface Call extends Node {
  kind: 'call';
  callee: Expr;
  args: Arg[];
  isNew?: boolean;
}
/** An element of a list/tuple literal: `*xs` (Python) / `...xs` (JS) is a Starred expression. */
export interface ListExpr extends Node {
  kind: 'list';
  items: Expr[];
}
export interface TupleExpr extends Node {
  kind: 'tuple';
  items: Expr[];
}
/** Python dict literal or JS object literal (keys are expressions: JS identifiers become StrLit keys). */
export interface DictExpr extends Node {
  kind: 'dict';
  entries: ({ key: Expr; value: Expr } | { spread: Expr })[];
}
export type BinaryOperator = '+' | '-' | '*' | '/' | '//' | '%' | '**' | '@' | '<<' | '>>' | '&' | '|' | '^';
export interface BinOp extends Node {
  kind: 'binop';
  op: BinaryOperator;
  left: Expr;
  right: Expr;
}
export interface UnaryOp extends Node {
  kind: 'unary';
  op: '-' | '+' | 'not' | '~' | 'typeof';
  operand: Expr;
}
export type CompareOperator = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in' | 'not in' | 'is' | 'is not';
/** Python chains (`a < b < c`): operands.length === ops.length + 1. JS `===` → `==`, `!==` → `!=`. */
export interface Compare extends Node {
  kind: 'compare';
  ops: CompareOperator[];
  operands: Expr[];
}
/** Short-circuit: Python `and`/`or`, JS `&&`/`||`/`??`. */
export interface Logic extends Node {
  kind: 'logic';
  op: 'and' | 'or' | '??';
  left: Expr;
  right: Expr;
}
/** `a if test else b` / `test ? a : b` */
export interface Cond extends Node {
  kind: 'cond';
  test: Expr;
  then: Expr;
  else: Expr;
}

export interface Param {
  name: string;
  /** Default value expression, if any. */
  default?: Expr;
  /** `*args` / JS rest `...args` */
  rest?: boolean;
  /** `**kwargs` */
  kwrest?: boolean;
  /** Python keyword-only (after `*`) */
  keywordOnly?: boolean;
  /** JS destructured parameter `({units, name}) => …`: bound like an assignment target. */
  pattern?: Target;
  start: number;
  end: number;
}

/** Python `lambda`, JS arrow functions and function expressions. A body that is a single expression is a Return. */
export interface FunctionExpr extends Node {
  kind: 'function';
  name?: string;
  params: Param[];
  body: Stmt[];
}

/** f-strings and JS template literals: literal text and expressions interleaved. `%` and `.format` are calls/binops. */
export interface Template extends Node {
  kind: 'template';
  parts: (string | { expr: Expr; format?: string; conversion?: string })[];
}

export interface ComprehensionClause {
  kind: 'for' | 'if';
  /** for 'for' */
  target?: Target;
  iter?: Expr;
  /** for 'if' */
  test?: Expr;
}
/** `[e for x in xs if c]`, `{k: v for …}`, generator expressions (`gen`), set comprehensions (`set`). */
export interface Comprehension extends Node {
  kind: 'comprehension';
  type: 'list' | 'set' | 'gen' | 'dict';
  element: Expr;
  /** for dict comprehensions */
  value?: Expr;
  clauses: ComprehensionClause[];
}
/** `*xs` inside a list/tuple/call, `...xs` in JS arrays. */
export interface Starred extends Node {
  kind: 'starred';
  value: Expr;
}
/** A syntax error node or a construct the front-end does not lower. Evaluates to unknown. */
export interface UnknownExpr extends Node {
  kind: 'unknown';
  /** what it was, for messages: e.g. 'await expression', 'syntax error' */
  what?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Assignment targets

export type Target =
  | Name
  | Attr
  | Index
  /** Python `a, b = …` / `[a, b] = …`; JS array destructuring. A Starred element takes the rest. */
  | { kind: 'tuple-target'; items: (Target | StarTarget)[]; start: number; end: number }
  /** JS object destructuring `const {a, b: c, ...rest} = obj` */
  | {
      kind: 'object-target';
      props: { key: string; target: Target; default?: Expr }[];
      rest?: Name;
      start: number;
      end: number;
    }
  | UnknownExpr;
export interface StarTarget extends Node {
  kind: 'star-target';
  target: Target;
}

// ---------------------------------------------------------------------------------------------------------------
// Statements

export type Stmt =
  | ExprStmt
  | Assign
  | AugAssign
  | If
  | For
  | While
  | FunctionDef
  | ClassDef
  | Return
  | Import
  | Break
  | Continue
  | Block
  | Unsupported;

export interface ExprStmt extends Node {
  kind: 'expr';
  expr: Expr;
}
/** `a = b = value` has two targets. JS `const/let/var` declarations are assignments; a declaration without an
 *  initializer assigns `none`. `declare` marks JS declarations (for block scoping, may be ignored). */
export interface Assign extends Node {
  kind: 'assign';
  targets: Target[];
  value: Expr;
  declare?: 'const' | 'let' | 'var';
}
export interface AugAssign extends Node {
  kind: 'augassign';
  target: Target;
  op: BinaryOperator;
  value: Expr;
}
/** `elif` chains become nested Ifs in `orelse`. */
export interface If extends Node {
  kind: 'if';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
/** Python `for t in iter`; JS `for (const t of iter)`. JS C-style `for (init; test; update)` is lowered to
 *  `init; while (test) { body; update }` (the front-end emits a Block containing an Assign and a While with
 *  `update` set so `continue` still runs the update). JS `for…in` iterates keys. */
export interface For extends Node {
  kind: 'for';
  target: Target;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface While extends Node {
  kind: 'while';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
  /** statements run after each iteration, also on `continue` (lowered C-style for-loop update) */
  update?: Stmt[];
  /** JS `do … while (test)`: the body runs once before the test is first checked */
  testAfter?: boolean;
}
/** `def f(...)`, JS `function f(...)`; also methods inside classes. */
export interface FunctionDef extends Node {
  kind: 'def';
  name: string;
  nameStart: number;
  params: Param[];
  body: Stmt[];
  decorators: Expr[];
  /** JS class `get name() {…}`: reading the attribute calls it */
  getter?: boolean;
}
export interface ClassDef extends Node {
  kind: 'class';
  name: string;
  nameStart: number;
  bases: Expr[];
  /** methods are FunctionDefs (JS `constructor` is named `constructor`); class attributes are Assigns */
  body: Stmt[];
}
export interface Return extends Node {
  kind: 'return';
  value?: Expr;
}
/**
 * Python:  `import a.b as c`        → { module: 'a.b', alias: 'c' }
 *          `import a.b`             → { module: 'a.b' } (binds `a`)
 *          `from a.b import x as y` → { module: 'a.b', names: [{ name: 'x', alias: 'y' }] }
 *          `from . import x`        → { module: '.', level... } module keeps the dots: '.', '..pkg'
 *          `from a import *`        → { module: 'a', star: true }
 * JS:      `import * as tf from 'm'`           → { module: 'm', alias: 'tf' }
 *          `import tf from 'm'` (default)      → { module: 'm', alias: 'tf', isDefault: true }
 *          `import {a, b as c} from 'm'`       → { module: 'm', names: [...] }
 *          `const tf = require('m')` is NOT an import: it stays an Assign of a call to `require`.
 */
export interface Import extends Node {
  kind: 'import';
  module: string;
  alias?: string;
  names?: { name: string; alias?: string }[];
  star?: boolean;
  isDefault?: boolean;
}
export interface Break extends Node {
  kind: 'break';
}
export interface Continue extends Node {
  kind: 'continue';
}
/** A plain sequence (JS `{ … }` blocks, `try` bodies, `with` bodies, lowered C-style for loops). */
export interface Block extends Node {
  kind: 'block';
  body: Stmt[];
}
/** A statement the front-end does not lower (e.g. `raise`, `del`, `global`, syntax errors). Skipped. */
export interface Unsupported extends Node {
  kind: 'unsupported';
  what: string;
  /** Python `global a, b` / `nonlocal c`: the names the function rebinds outside itself. */
  scopeNames?: { names: string[]; nonlocal: boolean };
}

/** The result of a front-end: the lowered module and the syntax errors it met (each becomes a diagnostic). */
export interface LoweredModule {
  body: Stmt[];
  syntaxErrors: { start: number; end: number; message: string }[];
}
