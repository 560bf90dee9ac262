/**
 * Quotes and who said them. Quote spans come from the marks (curly, straight, single,
 * guillemets; a quote left open at a paragraph's end continues when the next paragraph opens
 * with a mark); each is classed direct / partial / block / scare by where it stands in its
 * sentence. Its cue is a speech verb beside it (cue-finder.ts), its speaker the phrase that
 * verb has, resolved in text order (speakers.ts). A quote without a cue carries on the
 * speaker before it when it fills its paragraph or continues its sentence. Reported speech
 * without marks comes from reported-speech.ts. Order of work: spans and kinds, cues, reported
 * speech, then every speaker phrase resolved front to back, so "he" finds who came before.
 */
import { type Cue, CueContext, type CueRule } from './cue-finder.js';
import { upperBoundNumber } from './offsets.js';
import { type ReportedRule, findReportedSpeech } from './reported-speech.js';
import type { Phrase } from './speaker-phrases.js';
import { ANAPHOR_PARAGRAPHS, ANAPHOR_SENTENCES, type ResolutionRule, SpeakerResolver } from './speakers.js';
import { type TokenizedText, sentenceAt, sentenceSpan } from './text.js';
import type { Entity, Quote, QuoteKind, Span, Speaker } from './types.js';

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', '«': '»', '„': '“' };
const SCARE_MAX_WORDS = 3;
const PARTIAL_MAX_WORDS = 40;
/** A short sentence after a quote may carry its attribution ('… over." Koval said.'). */
const SHORT_SENTENCE_CHARS = 60;
/** An unmarked block quote is a paragraph of at least this many words after "X wrote:". */
const BLOCK_MIN_WORDS = 8;
const ANY_QUOTE_MARK = /["“”«»„]|(?:^|\s)‘/;

interface RawQuote {
  open: number;
  close: number; // index of the closing mark (or end of the quoted text when unclosed)
  text: string;
}

function isOpening(text: string, i: number): boolean {
  const ch = text[i]!;
  if (ch === '“' || ch === '«' || ch === '„') return true;
  const prev = i > 0 ? text[i - 1]! : ' ';
  const next = text[i + 1] ?? ' ';
  if (ch === '"') return /[\s([{—–-]/.test(prev) || i === 0 ? /\S/.test(next) : false;
  // ‘ opens; a straight single quote opens only at a word's start, never as an apostrophe.
  if (ch === '‘') return /[\s([{—–-]/.test(prev) || i === 0;
  return false;
}

/** Where a quote closes, or where its paragraph (or the text) ends first. */
type CloseSearch = { close: number } | { paragraphEnd: number };

function findClose(text: string, from: number, mark: string): CloseSearch {
  const close = QUOTE_PAIRS[mark]!;
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === close) {
      // ’ followed by a letter is an apostrophe ("don’t"), not a closing mark.
      if (close === '’' && /\p{L}/u.test(text[j + 1] ?? '')) continue;
      if (close === '"' && /\p{L}/u.test(text[j + 1] ?? '') && /\p{L}/u.test(text[j - 1] ?? '')) continue;
      return { close: j };
    }
    if (ch === '\n' && text[j + 1] === '\n') return { paragraphEnd: j };
  }
  return { paragraphEnd: text.length };
}

/** Quote spans, with multi-paragraph quotes joined (the newspaper convention). */
export function quoteSpans(text: string): RawQuote[] {
  const spans: RawQuote[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isOpening(text, i)) {
      i++;
      continue;
    }
    const mark = text[i]!;
    const open = i;
    const parts: string[] = [];
    let from = i + 1;
    let end = -1;
    for (let guard = 0; guard < 50; guard++) {
      const found = findClose(text, from, mark);
      if ('close' in found) {
        parts.push(text.slice(from, found.close));
        end = found.close;
        break;
      }
      parts.push(text.slice(from, found.paragraphEnd));
      // The next paragraph reopening with the same mark continues the quote.
      const nextStart = found.paragraphEnd + 2;
      if (text[nextStart] === mark) {
        from = nextStart + 1;
        continue;
      }
      end = found.paragraphEnd; // unclosed: the quote ends with its paragraph
      break;
    }
    if (end < 0) break;
    // The comma before "she said" belongs to the attribution, not to the words.
    const quoted = parts.join('\n\n').trim().replace(/,$/, '');
    if (quoted.length > 0) spans.push({ open, close: end, text: quoted });
    i = end + 1;
  }
  return spans;
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** A quote with its kind and cue, before its speaker is resolved. */
interface Draft extends Span {
  text: string;
  kind: QuoteKind;
  cue: Cue | null;
  sentenceStart: number;
  paragraphStart: number;
  wholeParagraph: boolean;
}

export function findQuotes(t: TokenizedText, entities: Entity[]): Quote[] {
  return traceQuotes(t, entities).map((q) => q.quote);
}

/** A quote with the rules that found it: how its cue was read, how its speaker was resolved, which reported-speech form. */
export interface TracedQuote {
  quote: Quote;
  cueRule: CueRule | null;
  resolution: ResolutionRule | null;
  reported: ReportedRule | null;
}

/** findQuotes, with the rule behind each quote (for tests and for tracing a wrong speaker). */
export function traceQuotes(t: TokenizedText, entities: Entity[]): TracedQuote[] {
  const raws = quoteSpans(t.text);
  const spans: Span[] = raws.map((r) => ({ start: r.open, end: Math.min(t.text.length, r.close + 1) }));
  const ctx = new CueContext(t, spans);
  const drafts: Draft[] = [];
  raws.forEach((raw, i) => drafts.push(draftQuote(ctx, raw, drafts[i - 1] ?? null)));
  drafts.forEach((d, i) => d.kind === 'scare' && ctx.markScare(spans[i]!));
  const blocks = unmarkedBlocks(ctx);
  for (const b of blocks) ctx.addQuoted(b);
  drafts.push(...blocks);
  drafts.sort((a, b) => a.start - b.start);
  const reported = findReportedSpeech(ctx);
  const speakers = resolveSpeakers(ctx, entities, drafts, reported.map((r) => r.cue));
  const direct = assemble(drafts, speakers);
  const indirect: TracedQuote[] = reported.map((r) => {
    const resolved = r.cue.phrase ? speakers.get(phraseKey(r.cue.phrase)) : undefined;
    const quote: Quote = { text: r.text, start: r.start, end: r.end, kind: 'indirect', speaker: resolved?.speaker ?? null, cue: r.cue.verb, cueStart: r.cue.verbStart, cueEnd: r.cue.verbEnd };
    return { quote, cueRule: r.cue.rule, resolution: resolved?.rule ?? null, reported: r.rule };
  });
  return [...direct, ...indirect].sort((a, b) => a.quote.start - b.quote.start);
}

/** Kind and cue of one quote, from where it stands in its sentence and paragraph. */
function draftQuote(ctx: CueContext, raw: RawQuote, previous: Draft | null): Draft {
  const { t, text } = ctx;
  const sentence = sentenceSpan(t, sentenceAt(t, raw.open));
  const end = Math.min(text.length, raw.close + 1);
  const paragraph = ctx.paragraphAround(raw.open);
  paragraph.end = Math.max(paragraph.end, ctx.paragraphAround(raw.close).end);
  const wholeParagraph = text.slice(paragraph.start, raw.open).trim() === '' && text.slice(raw.close + 1, paragraph.end).trim().length <= 1;
  const base = { text: raw.text, start: raw.open, end, sentenceStart: sentence.start, paragraphStart: paragraph.start, wholeParagraph };
  const intro = text.slice(Math.max(0, paragraph.start - 200), paragraph.start);
  if (wholeParagraph && /:\s*$/.test(intro)) return { ...base, kind: 'block', cue: introCue(ctx, paragraph.start) };
  // The words before a quote start after the previous quote of the same sentence.
  const sameSentence = previous !== null && previous.end > sentence.start && previous.end <= raw.open;
  const from = sameSentence ? previous.end : sentence.start;
  const before = text.slice(from, raw.open);
  const colon = /:\s*$/.test(before);
  const comma = /,\s*$/.test(before);
  const words = wordCount(raw.text);
  // Quoted words inside the writer's sentence: '… called the plan "deeply flawed" on Tuesday'.
  const partial = text.slice(sentence.start, raw.open).trim().length > 0 && !colon && !comma && !/[.,!?…]$/.test(raw.text) && words <= PARTIAL_MAX_WORDS;
  const after = () => ctx.cueAfter(end, afterLimit(ctx, raw));
  const beside = (nearOnly: boolean) => ctx.cueBefore(from, raw.open, sentence.start, !nearOnly);
  // "Anya quipped: …" names the speaker before; otherwise the cue usually follows ("…," she said).
  let cue = partial ? (beside(false) ?? after()) : colon || comma ? (beside(true) ?? after()) : (after() ?? beside(true));
  if (!cue && colon) cue = ctx.cueBeforeColon(from, raw.open);
  // A few quoted words inside the writer's sentence, with no one saying them, flag a term: scare
  // quotes. A quoted sentence of its own ('"Ask anyone!"') is speech however short, and after a
  // quote of the same sentence ('… "incompatible with his age" and that the case had been
  // "poisoned by publicity"') the words go on with the same speaker's.
  const continues = sameSentence && previous.kind !== 'scare';
  const kind: QuoteKind = partial && !cue && !continues && words <= SCARE_MAX_WORDS ? 'scare' : partial ? 'partial' : 'direct';
  return { ...base, kind, cue: kind === 'scare' ? null : cue };
}

/**
 * Where the cue after a quote may end: the sentence where the quote closes, or the next one
 * when it is short and in the same paragraph ('… over." Koval said.').
 */
function afterLimit(ctx: CueContext, raw: RawQuote): number {
  const { t, text } = ctx;
  const closing = sentenceAt(t, raw.close);
  const closingSentence = sentenceSpan(t, closing);
  const limit = Math.max(closingSentence.end, raw.close + 1);
  if (closing + 1 >= t.sentenceFirst.length) return limit;
  const next = sentenceSpan(t, closing + 1);
  const closesSentence = raw.close + 1 >= closingSentence.end - 1;
  if (closesSentence && next.end - next.start < SHORT_SENTENCE_CHARS && !text.slice(raw.close, next.start).includes('\n\n')) return next.end;
  return limit;
}

/** The cue of a block quote: the speech verb ending the paragraph before it ("As Lindahl wrote in May:"). */
function introCue(ctx: CueContext, paragraphStart: number): Cue | null {
  const colon = ctx.text.lastIndexOf(':', paragraphStart);
  if (colon < 0) return null;
  const sentence = sentenceSpan(ctx.t, sentenceAt(ctx.t, colon));
  return ctx.cueBefore(sentence.start, colon + 1, sentence.start, false);
}

/** A paragraph without quote marks after one ending "X wrote:" is X's words, set as a block. */
function unmarkedBlocks(ctx: CueContext): Draft[] {
  const { text } = ctx;
  const blocks: Draft[] = [];
  for (let br = text.indexOf('\n\n'); br >= 0; br = text.indexOf('\n\n', br + 2)) {
    if (!/:\s*$/.test(text.slice(Math.max(0, br - 5), br))) continue;
    const start = br + 2;
    const next = text.indexOf('\n\n', start);
    const end = next < 0 ? text.length : next;
    const body = text.slice(start, end).trim();
    if (wordCount(body) < BLOCK_MIN_WORDS || ANY_QUOTE_MARK.test(body)) continue;
    const cue = introCue(ctx, start);
    if (!cue) continue;
    const at = start + text.slice(start, end).indexOf(body);
    blocks.push({ text: body, start: at, end: at + body.length, kind: 'block', cue, sentenceStart: at, paragraphStart: start, wholeParagraph: true });
  }
  return blocks;
}

function phraseKey(p: Phrase): string {
  return `${p.start}:${p.end}`;
}

interface Resolved {
  speaker: Speaker | null;
  rule: ResolutionRule | null;
}

/**
 * Every speaker phrase, resolved once and front to back: the cues of quotes and of reported
 * speech, and the subjects of the sentences a pronoun or an epithet may look back to (so that a
 * later "she" knows who the story was about). Other sentences' subjects change nothing.
 */
function resolveSpeakers(ctx: CueContext, entities: Entity[], drafts: Draft[], reported: Cue[]): Map<string, Resolved> {
  const tasks: { phrase: Phrase; subject: boolean }[] = [];
  for (const d of drafts) if (d.cue?.phrase) tasks.push({ phrase: d.cue.phrase, subject: true });
  // "according to X" names a source, not a sentence's subject.
  for (const c of reported) if (c.phrase) tasks.push({ phrase: c.phrase, subject: c.rule !== 'according-to' });
  for (const s of sentencesBeforeAnaphors(ctx, tasks.map((x) => x.phrase))) {
    const span = sentenceSpan(ctx.t, s);
    const subject = ctx.mainSubject(span.start, span.end);
    if (subject) tasks.push({ phrase: subject, subject: true });
  }
  tasks.sort((a, b) => a.phrase.start - b.phrase.start);
  const resolver = new SpeakerResolver(ctx.t, entities, ctx.quotes);
  const speakers = new Map<string, Resolved>();
  for (const { phrase, subject } of tasks) {
    const key = phraseKey(phrase);
    if (!speakers.has(key)) speakers.set(key, { speaker: resolver.resolve(phrase, subject), rule: resolver.lastRule });
  }
  return speakers;
}

/**
 * The sentences a pronoun or an epithet may refer back to: from the paragraph two before it
 * (the resolver's reach) up to its own sentence. A subject found there may itself be a pronoun,
 * so the search repeats from those subjects until nothing new turns up.
 */
function sentencesBeforeAnaphors(ctx: CueContext, phrases: Phrase[]): Set<number> {
  const sentences = new Set<number>();
  const pending = phrases.filter(refersBack);
  while (pending.length > 0) {
    const phrase = pending.pop()!;
    const last = sentenceAt(ctx.t, phrase.start);
    const paragraph = upperBoundNumber(ctx.paragraphStarts, phrase.start) - 1;
    const floor = ctx.paragraphStarts[Math.max(0, paragraph - ANAPHOR_PARAGRAPHS)]!;
    for (let s = last; s >= 0 && sentenceSpan(ctx.t, s).end > floor && last - s <= ANAPHOR_SENTENCES; s--) {
      if (sentences.has(s)) continue;
      sentences.add(s);
      const span = sentenceSpan(ctx.t, s);
      const subject = ctx.mainSubject(span.start, span.end);
      if (subject && refersBack(subject)) pending.push(subject);
    }
  }
  return sentences;
}

function refersBack(p: Phrase): boolean {
  return p.kind === 'pronoun' || p.kind === 'role';
}

/** Quotes with speakers: a quote without a cue carries on the speaker of the quote before it in its sentence or paragraph. */
function assemble(drafts: Draft[], speakers: Map<string, Resolved>): TracedQuote[] {
  const quotes: TracedQuote[] = [];
  let previous: TracedQuote | null = null;
  for (const d of drafts) {
    const resolved = d.kind !== 'scare' && d.cue?.phrase ? speakers.get(phraseKey(d.cue.phrase)) : undefined;
    let speaker = resolved?.speaker ?? null;
    let resolution = resolved?.rule ?? null;
    if (d.kind !== 'scare' && !d.cue?.phrase && previous) {
      const sameSentence = previous.quote.end > d.sentenceStart;
      const sameParagraph = previous.quote.start >= d.paragraphStart;
      if (sameSentence || (d.kind === 'direct' && (d.wholeParagraph || sameParagraph))) {
        speaker = previous.quote.speaker;
        resolution = previous.resolution;
      }
    }
    const cue = d.kind === 'scare' ? null : d.cue;
    const quote: Quote = { text: d.text, start: d.start, end: d.end, kind: d.kind, speaker, cue: cue?.verb ?? null, cueStart: cue?.verbStart ?? null, cueEnd: cue?.verbEnd ?? null };
    const traced: TracedQuote = { quote, cueRule: cue?.rule ?? null, resolution, reported: null };
    quotes.push(traced);
    if (d.kind !== 'scare') previous = traced;
  }
  return quotes;
}
