/** `newsprism analyze`: one plain text, analysed as it is (no cleaning), so offsets are the input's own. */
import { detectLanguage } from '../clean/assemble.js';
import { inferPublished } from '../analyze/dates.js';
import { analyzeText } from '../analyze/index.js';
import { readInputs } from '../ingest/index.js';
import { EXIT_INPUT_FAILED, EXIT_OK, type Io, write } from './io.js';

export async function analyzeInput(input: string, options: { published: string | null; maxBytes: number }, io: Io): Promise<number> {
  for await (const item of readInputs([input], { maxBytes: options.maxBytes, stdin: io.stdin })) {
    if (!item.ok) {
      await write(io.stderr, `newsprism: ${item.error.message}\n`);
      return EXIT_INPUT_FAILED;
    }
    const { text } = item.page;
    const language = detectLanguage(text, null);
    const inferred = options.published ? null : inferPublished(text);
    const published = options.published
      ? { date: options.published, basis: 'given' as const }
      : { date: inferred, basis: inferred ? ('content' as const) : null };
    try {
      const analysis = analyzeText(text, { published: published.date, language });
      await write(io.stdout, `${JSON.stringify({ source: item.page.context.source, language, published, ...analysis })}\n`);
    } catch (error) {
      await write(io.stderr, `newsprism: ${input}: could not be analysed (${error instanceof Error ? error.message.split('\n')[0] : String(error)})\n`);
      return EXIT_INPUT_FAILED;
    }
  }
  return EXIT_OK;
}
