// "Try it" entry: the packaged extension in a real VS Code (code-server) on a copy of examples/, served at
// http://127.0.0.1:PORT for any browser. No test, no Chromium; Ctrl+C stops code-server.
import { log, startCodeServer } from './harness';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const server = await startCodeServer({ port });
  log(`LayerGraph in VS Code: open ${server.url}`);
  log('open a file under python/ or tfjs/, then "LayerGraph: Open Graph Preview to the Side" (F1). Ctrl+C stops.');
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
