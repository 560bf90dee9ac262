/** The queue commands need PostgreSQL: on an SQLite target they exit 2 with one line saying so. */
import { describe, expect, it } from 'vitest';
import { run } from '../cli/run.js';

describe('queue commands on SQLite', () => {
  it.each([
    [['add', '--queue', '--db', 'corpus.db', 'pages/'], 'add --queue'],
    [['worker', '--db', 'corpus.db'], 'worker'],
    [['status', '--db', 'corpus.db'], 'status'],
    [['retry', '--db', 'corpus.db'], 'retry'],
    [['watch', '--queue', '--db', 'corpus.db', 'https://example.com/feed'], 'watch --queue'],
  ])('%j is a usage error', async (args, what) => {
    const { code, err } = await run(args);
    expect(code).toBe(2);
    expect(err).toBe(`newsprism: ${what} needs a PostgreSQL database (--db postgres://...), not corpus.db\n`);
  });
});
