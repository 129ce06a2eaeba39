// Lowers one code cell's IPython syntax to plain Python of the same length: line magics (`%matplotlib inline`),
// shell lines (`!pip install …`), help lines (`?obj`, `obj??`) become spaces, `x = !ls` keeps its assignment, and a
// cell magic either keeps its Python body (`%%time`) or blanks the whole cell (`%%bash`, `%%writefile`). Keeping
// every offset means a position in the lowered text is the same position in the cell, with no table to keep.
// It does not look inside strings: a line that starts with `%` in a triple-quoted string is blanked too (rare, and
// harmless to the graph).

/** Cell magics whose body is Python that runs as usual; every other `%%` magic's body is not Python. */
const PYTHON_BODY_CELL_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit', 'tensorflow_version']);

const LINE_MAGIC_OR_SHELL = /^[ \t]*[%!]/;
const HELP_LINE = /^[ \t]*(\?{1,2}[\w.]+|[\w.]+\?{1,2})[ \t]*$/;
/** `files = !ls`, `t = %timeit -o f()`: the target stays (later cells may read it), the right side is unknown. */
const ASSIGNED_FROM_MAGIC = /^([ \t]*[A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*[ \t]*=[ \t]*)([%!].*)$/;

export function lowerIPython(source: string): string {
  const cellMagic = /^[ \t]*%%([A-Za-z_]\w*)/.exec(source);
  if (cellMagic && !PYTHON_BODY_CELL_MAGICS.has(cellMagic[1])) return blank(source);
  // Split keeping the line ends so the joined result has exactly the source's length.
  return source
    .split(/(\r\n|\r|\n)/)
    .map((part, i) => (i % 2 === 1 ? part : lowerLine(part)))
    .join('');
}

function lowerLine(line: string): string {
  const assigned = ASSIGNED_FROM_MAGIC.exec(line);
  if (assigned) {
    const width = assigned[2].length;
    return assigned[1] + (width >= 4 ? 'None' : '0').padEnd(width, ' ');
  }
  if (LINE_MAGIC_OR_SHELL.test(line) || HELP_LINE.test(line)) return blank(line);
  return line;
}

/** Spaces in place of every character but the line ends. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
