// The command ids package.json contributes, in one place so features and tests spell them the same way.
// No behaviour: main.ts binds every one of them in its command table.

export const COMMANDS = {
  openPreview: 'layergraph.openPreviewToSide',
  showSummary: 'layergraph.showSummary',
  exportSvg: 'layergraph.exportSvg',
  exportPng: 'layergraph.exportPng',
  train: 'layergraph.train',
  showWeights: 'layergraph.showWeights',
  /** Internal (not in the palette): a code action whose rewrite asks for a value first. */
  applyRewrite: 'layergraph.applyRewrite',
  openAsTfjs: 'layergraph.openAsTfjs',
  copyAsTfjs: 'layergraph.copyAsTfjs',
  openAsKeras: 'layergraph.openAsKeras',
  copyAsKeras: 'layergraph.copyAsKeras',
} as const;

export const PREVIEW_VIEW_TYPE = 'layergraph.preview';
export const SUMMARY_SCHEME = 'layergraph-summary';
export const WEIGHTS_SCHEME = 'layergraph-weights';
/** VS Code's own command that opens the Workspace Trust editor. */
export const MANAGE_TRUST_COMMAND = 'workbench.trust.manage';
