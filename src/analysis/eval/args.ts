// Reading a call's arguments the same way in both languages: Python passes positionals and keywords
// (`Input((5,), name='x')`), TF.js one config object (`tf.input({shape: [5], name: 'x'})`). The host asks by
// Keras position and name (and the TF.js key where it differs); construction code never branches on the language.
// Also the one helper for reading a dict's string key, so nothing spells the dict's internal key format.

import { dictKey, str, type ArgValues, type DictV, type Value } from './values';

/** A dict's value at a string key (`{units: 3}` / `{'units': 3}`), or undefined. */
export function dictGet(v: Value | undefined, key: string): Value | undefined {
  return v?.kind === 'dict' ? v.entries.get(dictKey(str(key))!)?.value : undefined;
}

/** A dict's string keys and values, in insertion order (non-string keys skipped). */
export function dictStringEntries(v: DictV): [string, Value][] {
  const out: [string, Value][] = [];
  for (const { key, value } of v.entries.values()) if (key.kind === 'str') out.push([key.value, value]);
  return out;
}

export class ArgReader {
  /**
   * @param args the call's arguments as evaluated
   * @param configObject true when the callee takes one TF.js-style config object (at `configIndex`)
   */
  constructor(
    readonly args: ArgValues,
    readonly configObject: boolean,
    private readonly configIndex = 0,
  ) {}

  /** The config object a TF.js call passes (undefined for Python calls or when absent). */
  get config(): Value | undefined {
    return this.configObject ? this.args.positional[this.configIndex] : undefined;
  }

  /**
   * One argument: Python's positional `index` or keyword `py`; TF.js's config key `js` (default: `py`).
   * `index` undefined: keyword-only in Python.
   */
  get(index: number | undefined, py: string, js: string = py): Value | undefined {
    if (this.configObject) return dictGet(this.config, js);
    return (index === undefined ? undefined : this.args.positional[index]) ?? this.args.keywords.get(py);
  }

  /** A keyword (Python) or option (TF.js) that may also come as a separate options object at `optionsIndex`. */
  option(py: string, js: string, optionsIndex: number): Value | undefined {
    return this.args.keywords.get(py) ?? (this.configObject ? dictGet(this.args.positional[optionsIndex], js) : undefined);
  }
}
