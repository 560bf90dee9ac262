/** The README's "Scaling out" example, run as written (with `newsprism` from the sources). */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresAnswers, postgresBackend } from '../store/backends.js';
import { ROOT, syntheticDir } from './helpers.js';

const pgUp = await postgresAnswers();
const backend = postgresBackend();
afterAll(() => backend.cleanup());

export function scalingExample(readme: string): string {
  const match = /<!-- scaling-example[^>]*-->\s*```sh\n([\s\S]*?)```/.exec(readme);
  if (!match) throw new Error('README has no scaling-example block');
  return match[1]!;
}

describe.skipIf(!pgUp)('README scaling-out example', () => {
  it('runs as written: queues, works, reports status, stops, and the stories are there', async () => {
    const script = scalingExample(readFileSync(join(ROOT, 'README.md'), 'utf8'));
    const work = syntheticDir(60, 17);
    const db = await backend.fresh();
    // The example's pages/ folder is the synthetic corpus; `newsprism` runs from the sources.
    const prelude = `set -euo pipefail; set -m; newsprism() { node --import ${JSON.stringify(pathToFileURL(join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href)} ${JSON.stringify(join(ROOT, 'test/queue/cli.ts'))} "$@"; }\n`;
    const { stdout } = await promisify(execFile)('bash', ['-c', `${prelude}mkdir -p pages && mv 0* pages/\n${script}`], { cwd: work, env: { ...process.env, DB: db, TZ: 'UTC' }, timeout: 170_000 });
    expect(stdout).toMatch(/pages: 0 waiting, 0 prepared, 60 linked, 0 failed/);
    expect(stdout).toMatch(/oldest waiting job: none/);
    expect(stdout).toMatch(/#\d+/);
  }, 180_000);
});
