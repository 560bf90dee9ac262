/**
 * The newsprism command line. One catch per input: a failing page prints one line on
 * stderr and the batch goes on. Exit codes: 0 all good, 1 some input failed, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { EXIT_INPUT_FAILED, EXIT_OK, EXIT_USAGE, type Io, write } from './io.js';
import { renderText } from './format.js';
import { keepHeapBounded } from './memory.js';
import { registerCorpusCommands } from './commands.js';
import { checkDates, positiveNumber, usageProblem } from './options.js';


interface ExtractFlags {
  json?: boolean;
  analyze: boolean;
  format: 'json' | 'text';
  published?: string;
  fetched?: string;
  allowPrivate?: boolean;
  maxBytes: number;
  timeout: number;
}




async function extract(inputs: string[], flags: ExtractFlags, io: Io): Promise<number> {
  // Loaded on demand: the cleaning and analysis stack takes half a second to load, which the corpus queries do not need.
  const { processPage } = await import('../pipeline.js');
  const { readInputs } = await import('../ingest/index.js');
  if (await usageProblem(checkDates(flags), io)) return EXIT_USAGE;
  const asJson = flags.json || flags.format === 'json';
  let ok = 0;
  let failed = 0;
  const items = readInputs(inputs, {
    allowPrivate: !!flags.allowPrivate,
    maxBytes: flags.maxBytes,
    timeoutMs: flags.timeout * 1000,
    published: flags.published ?? null,
    fetched: flags.fetched ?? null,
    stdin: io.stdin,
  });
  for await (const item of items) {
    keepHeapBounded();
    if (!item.ok) {
      failed++;
      await write(io.stderr, `newsprism: ${item.error.message}\n`);
      continue;
    }
    try {
      const result = processPage(item.page, { published: flags.published ?? null, fetched: item.page.context.fetched, analyze: flags.analyze });
      await write(io.stdout, asJson ? `${JSON.stringify(result)}\n` : renderText(result));
      ok++;
    } catch (error) {
      failed++;
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      await write(io.stderr, `newsprism: ${item.page.context.source}: could not be cleaned (${reason})\n`);
    }
  }
  if (failed > 0 || ok + failed > 1) await write(io.stderr, `newsprism: ${ok} page(s) extracted, ${failed} failed\n`);
  return failed > 0 ? EXIT_INPUT_FAILED : EXIT_OK;
}


function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? '0.0.0';
}

function buildProgram(io: Io, setCode: (code: number) => void): Command {
  const program = new Command('newsprism')
    .description('Turn news pages into structured articles, and what was removed from them and why.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program
    .command('extract')
    .description('Clean pages (files, directories, http(s) URLs, or - for stdin) into articles, one JSON line per page.')
    .argument('<inputs...>', 'files, directories (read recursively), http(s) URLs, or - for stdin')
    .option('--json', 'print one JSON object per page (JSON Lines); the default')
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('json'))
    .option('--published <date>', "the main article's publication date, YYYY-MM-DD (published.basis = given)")
    .option('--fetched <datetime>', 'when the pages were captured (ISO 8601); relative stamps like "3 hours ago" resolve against it')
    .option('--no-analyze', 'skip the analysis stage (entities, quotes, dates, numbers, genre)')
    .option('--allow-private', 'allow fetching URLs on private or loopback addresses (refused by default)')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', positiveNumber('--max-bytes'), 64 * 1024 * 1024)
    .option('--timeout <seconds>', 'time limit for fetching one URL', positiveNumber('--timeout'), 15)
    .addHelpText(
      'after',
      `
Examples:
  newsprism extract --json page.txt story.html https://example.org/story pages/
  cat page.txt | newsprism extract --fetched 2026-03-14T09:30:00Z -
  newsprism extract --format text pages/

Exit codes: 0 all inputs succeeded, 1 some input failed (one line each on stderr), 2 usage error.`,
    )
    .action(async (inputs: string[], flags: ExtractFlags) => setCode(await extract(inputs, flags, io)));
  program
    .command('analyze')
    .description('Analyse a plain text as one article body, without cleaning: every offset refers to the input characters.')
    .argument('<input>', 'a text file, or - for stdin')
    .option('--json', 'print one JSON object (the default)')
    .option('--published <date>', 'publication date, YYYY-MM-DD; relative dates resolve against it')
    .option('--max-bytes <n>', 'largest input accepted, in bytes', positiveNumber('--max-bytes'), 64 * 1024 * 1024)
    .action(async (input: string, flags: { published?: string; maxBytes: number }) => {
      if (await usageProblem(checkDates(flags), io)) {
        setCode(EXIT_USAGE);
        return;
      }
      const { analyzeInput } = await import('./analyze.js');
      setCode(await analyzeInput(input, { published: flags.published ?? null, maxBytes: flags.maxBytes }, io));
    });
  registerCorpusCommands(program, io, setCode);
  return program;
}

export async function main(argv: string[], io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }): Promise<number> {
  let code = EXIT_OK;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    throw error;
  }
  return code;
}
