/**
 * Text normalisation shared by the text and HTML paths: whatever a scraper did to
 * spacing, a block comes out as one line of single-spaced text.
 */

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACE = /[\t\n\r\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/g;
const SPACE_RUN = / {2,}/g;
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function normalizeSpaces(line: string): string {
  return line.replace(INVISIBLE, '').replace(CONTROL, ' ').replace(ODD_SPACE, ' ').replace(SPACE_RUN, ' ').trim();
}

/**
 * Where a scraper stripped a link or a paragraph break, two sentences end up glued:
 * "the council said.The vote is due". A lower-case letter (two or more, so "U.S."
 * and initials stay intact) or a digit, then terminal punctuation, an optional
 * closing quote, then an upper-case start.
 */
const GLUED_SENTENCE = /(\p{Ll}{2,}|\d|[%)])([.!?]+)(["”’]?)(?=[“‘"]?\p{Lu}(?:\p{Ll}|\s))/gu;
const URLISH = /(?:https?:\/\/|www\.)\S*$/;

export function separateGluedSentences(line: string): string {
  return line.replace(GLUED_SENTENCE, (match: string, word: string, punct: string, quote: string, offset: number) => {
    if (URLISH.test(line.slice(Math.max(0, offset - 80), offset + word.length))) return match;
    return `${word}${punct}${quote} `;
  });
}

/** Hard-wrapped text: lines cut near one width (50–120 characters) wherever a word ended. */
const WRAP_MIN_WIDTH = 50;
const WRAP_MAX_WIDTH = 120;
const WRAP_SHARE = 0.7;
const WRAP_NEAR_WIDTH = 0.75;

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** The wrap width when the document as a whole is hard-wrapped, else null. */
function wrapWidth(groups: string[][]): number | null {
  const inner = groups.filter((g) => g.length >= 2).flatMap((g) => g.slice(0, -1));
  if (inner.length < 5) return null;
  const width = percentile(groups.flat().map((l) => l.length), 0.9);
  if (width < WRAP_MIN_WIDTH || width > WRAP_MAX_WIDTH) return null;
  const near = inner.filter((l) => l.length >= width * WRAP_NEAR_WIDTH && l.length <= width + 2).length;
  const open = inner.filter((l) => !/[.!?:"”’)]$/.test(l)).length;
  return near / inner.length >= WRAP_SHARE && open / inner.length >= WRAP_SHARE ? width : null;
}

/**
 * Split a flattened page into blocks: one per line, except in a hard-wrapped document,
 * where a blank-line-separated group whose lines run to the wrap width is one block.
 */
export function splitTextBlocks(text: string): string[] {
  const groups = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00A0]*\n/)
    .map((group) => group.split('\n').map(normalizeSpaces).filter((l) => l.length > 0));
  const width = wrapWidth(groups);
  const blocks: string[] = [];
  for (const lines of groups) {
    const wrapped = width !== null && lines.length >= 2 && lines.slice(0, -1).every((l) => l.length >= width * 0.6);
    if (wrapped) blocks.push(lines.join(' '));
    else blocks.push(...lines);
  }
  return blocks;
}
