/** `newsprism` from the TypeScript sources, for bench/queue.ts's worker processes. */
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
