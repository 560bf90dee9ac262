/** Runs the CLI in process with captured output. */
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli/main.js';

export async function run(args: string[], stdinText = ''): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(args, { stdout, stderr, stdin: Readable.from([Buffer.from(stdinText)]) });
  return { code, out, err };
}
