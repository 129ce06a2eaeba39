// Every user-visible string of the graph webview, with English defaults; the host replaces them with localized ones
// (a `setStrings` message). It does not translate anything itself and holds no other UI logic.

const ENGLISH = {
  calls: 'Calls',
  layers: 'Layers',
  callsTitle: 'One node per layer call (shared layers appear once per call)',
  layersTitle: "One node per layer, as Keras's plot_model draws it",
  directionTB: 'Top–down',
  directionLR: 'Left–right',
  directionTitle: 'Layout direction',
  fit: 'Fit',
  fitTitle: 'Fit the graph to the view',
  expandAll: 'Expand all',
  collapseAll: 'Collapse all',
  exportSvg: 'Export SVG',
  search: 'Search layers…',
  searchTitle: 'Find layers by name or class; Enter jumps to the next match',
  searchMatches: '{0} of {1}',
  searchNone: 'No match',
  model: 'Model',
  allCalls: 'All layer calls',
  empty: 'No layer calls found in this file yet.',
  waiting: 'Waiting for a Keras or TensorFlow.js file…',
  input: 'input',
  output: 'output',
  sharedBadge: '×{0}',
  sharedTitle: 'Shared layer: {0} calls use the same weights',
  callOf: 'call {0}/{1}',
  params: '{0} params',
  group: '{0}()',
  groupCalls: '{0} calls · click to expand',
  groupLayers: '{0} layers · click to expand',
  groupCollapse: 'click to collapse',
  repeatGroup: '{0}() ×{1}',
  nestedGroup: '{0} · {1}',
  nestedClosed: '{0} · {1} layers · click to open',
  unknownShape: '?',
  errorPrefix: 'Error: {0}',
  errorAxisSummary: 'axis {0}: expected {1}, received {2}',
  errorSummary: 'expected {0}, received {1}',
  renderFailed: 'Could not draw the new graph ({0}); showing the previous one.',
  stats: '{0} nodes · {1} edges',
  overviewTitle: 'Overview of the whole graph: click or drag to move the view',
  staleBadge: 'last good graph — the file has a syntax error',
  staleTitle: 'The graph shown is from the last version that analyzed; it updates once the file is complete again',
  graphTooBig: 'Large graph: {0} nodes drawn with a simple layered layout.',
  weightsTitle: '{0} {1}: mean {2} · std {3} · min {4} · max {5}',
  trainRunning: 'Training {0} · epoch {1}/{2}',
  trainDone: 'Trained {0} · {1} epochs',
  trainCancelled: 'Training {0} cancelled',
  trainFailed: 'Training {0} failed',
  trainLoss: 'loss {0}',
  trainEpochAxis: 'epoch',
  trainClose: 'Close the loss curve',
  costNone: 'No cost colours',
  costMacs: 'Colour by MACs',
  costActivations: 'Colour by activation size',
  costTitle: 'Colour nodes by their MACs or their output size per sample (log scale); groups show their totals',
  costLegendMacs: 'MACs per sample (log scale)',
  costLegendActivations: 'Output size per sample (log scale)',
  costLegendNone: 'No known figures',
};

export type StringKey = keyof typeof ENGLISH;

let table: Record<StringKey, string> = { ...ENGLISH };

/** Replaces strings by key; unknown keys are ignored and missing ones keep the English default. */
export function setStrings(overrides: Record<string, string>): void {
  const next = { ...ENGLISH };
  for (const key of Object.keys(ENGLISH) as StringKey[]) {
    const value = overrides[key];
    if (typeof value === 'string') next[key] = value;
  }
  table = next;
}

/** The string for `key` with `{0}`, `{1}`… replaced by `args` (VS Code's l10n placeholder style). */
export function t(key: StringKey, ...args: (string | number)[]): string {
  return table[key].replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

export const englishStrings: Readonly<Record<StringKey, string>> = ENGLISH;
