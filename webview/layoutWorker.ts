// The layout pass in a Web Worker: receives a LayoutInput with a job id, answers with the LayoutResult (Maps survive
// structured cloning) or the error's message. It keeps the level cache between jobs; it never sees the DOM.

import { layoutGraph, type LayoutInput } from './layout';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ id: number; input: LayoutInput }>) => void) | null;
  postMessage(message: unknown): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, input } = e.data;
  try {
    scope.postMessage({ id, result: layoutGraph(input) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
