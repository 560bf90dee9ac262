/**
 * What the browser tests share: finding Chromium (skip with a clear message when it is absent,
 * fail when NEWSPRISM_REQUIRE_BROWSER=1), a built web app, a temporary SQLite corpus of invented
 * pages and `newsprism serve` started in this process on a free port.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium } from 'playwright-core';
import { preparePage } from '../../src/link/prepare.js';
import { startServer, type RunningServer } from '../../src/serve/serve.js';
import { addPreparedPage } from '../../src/store/add.js';
import { openStore, type Store } from '../../src/store/open.js';
import { corpusPages } from './pages.js';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const WEB_DIST = join(ROOT, 'web', 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.NEWSPRISM_CHROMIUM ?? '/usr/bin/chromium';
const NOW = '2026-12-02T12:00:00.000Z';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the browser tests run here; throws when CI requires them and Chromium is missing. */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const message = `browser tests need Chromium at ${CHROMIUM} (Debian: apt-get install -y chromium; or set NEWSPRISM_CHROMIUM)`;
  if (process.env.NEWSPRISM_REQUIRE_BROWSER === '1') throw new Error(`${message}; NEWSPRISM_REQUIRE_BROWSER=1 makes them required`);
  console.warn(`skipping the web app's browser tests: ${message}`);
  return false;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** Builds web/dist when it is missing or older than the app's sources. */
export function ensureWebBuild(): void {
  const index = join(WEB_DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(join(ROOT, 'web'))) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stderr || result.stdout}`);
}

export interface Site {
  url: string;
  store: Store;
  close(): Promise<void>;
}

/** A fresh corpus of the invented pages, served on 127.0.0.1 at a free port. */
export async function startSite(): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'newsprism-e2e-'));
  const store = await openStore(join(dir, 'corpus.db'));
  for (const page of corpusPages()) await addPreparedPage(store, preparePage(page), NOW);
  let server: RunningServer;
  try {
    server = await startServer(store, { host: '127.0.0.1', port: 0, webRoot: WEB_DIST, log: () => undefined });
  } catch (error) {
    await store.close();
    throw error;
  }
  return {
    url: server.url.replace(/\/$/, ''),
    store,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Chromium with a fresh profile that is deleted on close. */
export async function launchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'newsprism-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    timezoneId: 'UTC',
    locale: 'en-GB',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}
