/**
 * The server process of bench/api.ts: `newsprism serve` on the corpus named by argv[2], on a free
 * loopback port; prints its URL and stops on SIGTERM.
 */
import { openStore } from '../src/store/open.js';
import { startServer } from '../src/serve/serve.js';

const store = await openStore(process.argv[2]!);
const server = await startServer(store, { host: '127.0.0.1', port: 0, log: () => undefined });
process.stdout.write(`${server.url}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => store.close()).then(() => process.exit(0));
});
