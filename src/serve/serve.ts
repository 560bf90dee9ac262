/**
 * `newsprism serve`: the API and the web app on a port. Loopback (127.0.0.1) by default; any
 * other address needs a token (--token or NEWSPRISM_TOKEN), because the corpus and the page
 * upload would otherwise be open to the network. Stops on Ctrl-C / SIGTERM after the page being
 * stored, closing the database.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createAdaptorServer } from '@hono/node-server';
import { withStore } from '../cli/corpus.js';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type Io, write } from '../cli/io.js';
import { isPostgres, resolveTarget, type Store } from '../store/open.js';
import { refreshStoryViews } from '../store/queries.js';
import { type AppOptions, createApp } from './app.js';
import { isLoopback, MIN_TOKEN_LENGTH } from './security.js';
import { defaultReaders } from './readers.js';
import { DEFAULT_WEB_ROOT } from './static.js';

export interface ServeFlags {
  db?: string;
  port: number;
  host: string;
  token?: string;
  workers: number;
  /** Reader threads for an SQLite corpus (default: cores + 1, up to 4). */
  readers?: number;
  maxUpload: number;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Why these flags cannot start a server, or null. */
export function accessProblem(host: string, token: string | null): string | null {
  if (token !== null && token.length < MIN_TOKEN_LENGTH) return `the token must be at least ${MIN_TOKEN_LENGTH} characters`;
  if (token === null && !isLoopback(host)) {
    return `serving on ${host} opens the corpus to the network: give a token with --token or NEWSPRISM_TOKEN (every request must then carry it), or bind 127.0.0.1`;
  }
  return null;
}

function urlOf(address: AddressInfo): string {
  const host = address.family === 'IPv6' || address.address.includes(':') ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}/`;
}

export async function startServer(store: Store, options: AppOptions & { host: string; port: number }): Promise<RunningServer> {
  const problem = accessProblem(options.host, options.token ?? null);
  if (problem) throw new Error(problem);
  const served = createApp(store, options);
  const server = createAdaptorServer({ fetch: served.app.fetch });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  // Story pages missing or stale (a corpus from before they were kept, or written by another
  // process that stopped early) are computed in the background; until then they are read live.
  const stopRefresh = new AbortController();
  const refreshing = refreshStoryViews(store, { signal: stopRefresh.signal }).catch((error: unknown) =>
    options.log?.(`newsprism: story pages not brought up to date: ${error instanceof Error ? error.message : String(error)}`),
  );
  return {
    url: urlOf(address),
    port: address.port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
      stopRefresh.abort();
      await refreshing;
      await served.close();
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
    },
  };
}

/** Runs until SIGINT/SIGTERM (or `stop` aborts); the exit code of the command. */
export async function serveCommand(flags: ServeFlags, io: Io, stop?: AbortSignal): Promise<number> {
  const token = flags.token ?? process.env.NEWSPRISM_TOKEN ?? null;
  const problem = accessProblem(flags.host, token || null);
  if (problem) {
    await write(io.stderr, `newsprism: ${problem}\n`);
    return EXIT_USAGE;
  }
  return withStore(flags, io, async (store) => {
    let server: RunningServer;
    try {
      server = await startServer(store, {
        host: flags.host,
        port: flags.port,
        token: token || null,
        maxBodyBytes: flags.maxUpload,
        jobs: { workers: flags.workers },
        readers: flags.readers ?? defaultReaders(),
        queueUrl: isPostgres(resolveTarget(flags.db)) ? resolveTarget(flags.db) : null,
        log: (line) => io.stderr.write(`${line}\n`),
      });
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === 'EADDRINUSE' ? 'the address is in use (another server on that port? try --port)' : code === 'EACCES' ? 'permission denied (ports below 1024 need privileges)' : error instanceof Error ? error.message : String(error);
      await write(io.stderr, `newsprism: cannot listen on ${flags.host}:${flags.port}: ${reason}\n`);
      return EXIT_INPUT_FAILED;
    }
    await write(io.stdout, `newsprism: serving ${store.target} at ${server.url}${token ? ' (requests must carry the token)' : ''}\n`);
    if (!existsSync(join(DEFAULT_WEB_ROOT, 'index.html'))) await write(io.stderr, 'newsprism: the web app is not built (web/dist/index.html is missing): run `npm run build`; the API works meanwhile\n');
    let done = () => undefined as void;
    await new Promise<void>((resolve) => {
      done = () => resolve();
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      stop?.addEventListener('abort', done, { once: true });
      if (stop?.aborted) done();
    });
    process.removeListener('SIGINT', done);
    process.removeListener('SIGTERM', done);
    await write(io.stderr, 'newsprism: stopping\n');
    await server.close();
    return EXIT_OK;
  });
}
