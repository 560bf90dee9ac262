/** Option parsing and checks shared by the commands. */
import { CommanderError } from 'commander';
import { EXIT_USAGE, type Io, write } from './io.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** What is wrong with the --published / --fetched values, or null. */
export function checkDates(flags: { published?: string; fetched?: string }): string | null {
  if (flags.published && !DATE_ONLY.test(flags.published)) return `--published takes YYYY-MM-DD, got "${flags.published}"`;
  if (flags.fetched && Number.isNaN(new Date(flags.fetched).getTime())) return `--fetched takes an ISO date-time, got "${flags.fetched}"`;
  return null;
}

/** Reports a usage problem on stderr; true when there was one. */
export async function usageProblem(problem: string | null, io: Io): Promise<boolean> {
  if (problem) await write(io.stderr, `newsprism: ${problem}\n`);
  return problem !== null;
}

export function positiveNumber(name: string) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new CommanderError(EXIT_USAGE, 'newsprism.usage', `${name} takes a positive number`);
    return n;
  };
}
