// The command ids package.json contributes, in one place so features and tests spell them the same way.
// No behaviour: main.ts binds them in its command table.

export const COMMANDS = {
  openPreview: 'layergraph.openPreviewToSide',
  showSummary: 'layergraph.showSummary',
  exportSvg: 'layergraph.exportSvg',
  exportPng: 'layergraph.exportPng',
} as const;

export const PREVIEW_VIEW_TYPE = 'layergraph.preview';
export const SUMMARY_SCHEME = 'layergraph-summary';
