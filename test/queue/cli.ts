/** The CLI as a process, from the TypeScript sources (bin/newsprism.js needs a build). */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
