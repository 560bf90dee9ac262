/**
 * Where the text quotes someone: "today" inside a quotation is the speaker's day, not the
 * publication's. One scan, paragraph by paragraph (an unclosed quote ends with its paragraph,
 * so one stray mark cannot swallow the article). Curly and guillemet marks pair up; a straight
 * double quote toggles; a single curly quote opens only at a word start and closes only at a
 * word end, so apostrophes ("don’t") are not quotes.
 */
import type { Span } from '../types.js';

const OPENERS: Readonly<Record<string, string>> = { '“': '”', '«': '»', '„': '“', '‘': '’' };
const LETTER = /[\p{L}\p{N}]/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

/** Whether the mark at `i` can open a quotation here. */
function opens(text: string, i: number): string | null {
  const ch = text[i]!;
  if (ch === '"') return '"';
  const closer = OPENERS[ch];
  if (!closer) return null;
  return ch === '‘' && isLetter(text[i - 1]) ? null : closer;
}

/** Whether the mark at `i` closes a quotation opened with `closer`. */
function closes(text: string, i: number, closer: string): boolean {
  if (text[i] !== closer) return false;
  return closer !== '’' || !isLetter(text[i + 1]);
}

/** The only characters that change the scan's state: line breaks and quote marks. */
const MARKS = /[\n"“”«»„‘’]/g;

export function quotationSpans(text: string): Span[] {
  const out: Span[] = [];
  let open = -1;
  let closer = '';
  // Every other character leaves the state as it is, so the scan jumps from mark to mark.
  for (const mark of text.matchAll(MARKS)) {
    const i = mark.index;
    if (text[i] === '\n') {
      if (open >= 0) out.push({ start: open, end: i });
      open = -1;
    } else if (open >= 0 && closes(text, i, closer)) {
      out.push({ start: open, end: i + 1 });
      open = -1;
    } else if (open < 0) {
      const next = opens(text, i);
      if (next) {
        open = i;
        closer = next;
      }
    }
  }
  if (open >= 0) out.push({ start: open, end: text.length });
  return out;
}

/** For each span start (ascending), whether it lies inside a quotation. */
export function insideQuotations(quotes: readonly Span[], starts: readonly number[]): boolean[] {
  let q = 0;
  return starts.map((at) => {
    while (q < quotes.length && quotes[q]!.end <= at) q++;
    return q < quotes.length && quotes[q]!.start <= at;
  });
}
