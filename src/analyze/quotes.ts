/**
 * Quotes and who said them. Quote spans come from the marks (curly, straight, single,
 * guillemets; a quote left open at a paragraph's end continues when the next paragraph opens
 * with a mark); each is classed direct / partial / block / scare by where it stands in its
 * sentence, and attributed through a speech cue beside it (name, pronoun, role noun or
 * organisation with a speech verb; "according to"). Reported speech without marks is found by
 * the same cues at the head of a sentence.
 */
import { isCommonWord } from '../clean/lexicon.js';
import type { Entity, Quote, QuoteKind, Speaker } from './types.js';
import { type TokenizedText, sentenceAt, sentenceSpan } from './text.js';

/** Speech verbs, written as the forms news uses. Extend here; the cue records which one fired. */
export const SPEECH_VERBS = [
  'said', 'says', 'told', 'tells', 'added', 'adds', 'stated', 'wrote', 'writes', 'quipped', 'insisted', 'insists', 'warned', 'warns',
  'continued', 'reiterated', 'claimed', 'claims', 'argued', 'argues', 'noted', 'notes', 'explained', 'asked', 'replied', 'tweeted',
  'posted', 'declared', 'announced', 'admitted', 'acknowledged', 'conceded', 'recalled', 'remarked', 'observed', 'countered', 'stressed',
  'emphasised', 'emphasized', 'urged', 'predicted', 'suggested', 'cautioned', 'responded', 'joked', 'complained', 'pledged', 'vowed',
  'promised', 'confirmed', 'denied', 'shouted', 'whispered', 'pleaded', 'boasted',
];
const VERB = `(?:${SPEECH_VERBS.join('|')})`;
const NAME = "[\\p{Lu}][\\p{L}'’.-]+(?:\\s+(?:[\\p{Lu}][\\p{L}'’.-]+|of|the|de|van|von|al|bin|la|le|du)){0,5}";
/** "the foreign minister", "Spain's defence minister". */
const ROLE = "(?:[Tt]he|[\\p{Lu}][\\p{L}]+['’]s)\\s+(?:[\\p{L}-]+\\s+){0,3}?[\\p{Ll}]+";
const PRONOUN = '(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I)';
const SPEAKER = `(?<speaker>${PRONOUN}|${ROLE}|(?:[Tt]he\\s+)?${NAME})`;
/** ", a Muscovite," / ", the grid operator," / ", who chaired the session," / ", Hellas Grid," after the speaker. */
const APPOSITION = "(?:,\\s+(?<appos>(?:(?:a|an|the)\\s+|who\\s+|which\\s+|whose\\s+)[^,]{2,100}|[\\p{Lu}][\\p{L}'’.-]+(?:\\s+[\\p{Lu}][\\p{L}'’.-]+){0,4}),)?";
/** Words that may stand before a name in the subject: "US envoy Daniel Marsh", "Press secretary Marisa Dunn". */
const DESCRIPTOR = "(?:(?:[\\p{L}.-]+\\s+){0,3}?)";
/** Where a reporting clause may start inside a sentence: its start, or after "and", "but", a comma or semicolon. */
const CLAUSE_START = '(?:^|,\\s+(?:and\\s+|but\\s+)?|;\\s+|\\s+and\\s+|\\s+but\\s+)';
/** Words that may follow the verb before the colon or comma: "told reporters", "said in a statement", "wrote on Telegram". */
const VERB_TAIL = "(?:\\s+(?:[\\p{L}'’-]+)){0,6}?";

const CUE_AFTER = new RegExp(`^[\\s,–—-]*(?:${SPEAKER}${APPOSITION}\\s+(?<verb>${VERB})|(?<verb2>${VERB})\\s+(?<speaker2>${NAME}|${ROLE}))`, 'u');
const CUE_BEFORE = new RegExp(`${SPEAKER}${APPOSITION}\\s+(?<verb>${VERB})${VERB_TAIL}(?:\\s+that)?\\s*[,:]?\\s*$`, 'u');
const ACCORDING_BEFORE = /(?<verb>[Aa]ccording to)\s+(?<speaker>[^,]{2,80}),\s*$/u;

/** Someone who said, called or described something earlier in the sentence, for short partial quotes. */
const SENTENCE_SAYER = new RegExp(`${SPEAKER}${APPOSITION}\\s+(?<verb>${VERB}|called|calls|described|describes|dubbed|termed|branded|labelled|labeled|hailed|denounced|referred to)\\b[^"“”]*$`, 'u');
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', '«': '»', '„': '“' };
const SCARE_MAX_WORDS = 3;
const CUE_WINDOW_CHARS = 240;
const INDIRECT_MAX_SENTENCE_CHARS = 600;
const PARTIAL_MAX_WORDS = 40;

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

/** "the ministry", "the company": the organisation of that kind the article named most recently. */
const ORG_NOUN = /^[Tt]he\s+(ministry|company|firm|charity|group|agency|court|council|union|bank|department|authority|commission|committee|party|government|regulator|operator|club|team|organisation|organization|foundation|institute|university|hospital|police|army)$/;

function organisationFor(noun: string, start: number, entities: Entity[]): number | null {
  let best: number | null = null;
  let bestAt = -1;
  entities.forEach((e, index) => {
    if (e.type !== 'organization') return;
    const fits = e.name.toLowerCase().includes(noun) || /^(company|firm|group|charity|organisation|organization)$/.test(noun);
    const last = Math.max(-1, ...e.mentions.filter((m) => m.start < start).map((m) => m.start));
    if (fits && last > bestAt) {
      best = index;
      bestAt = last;
    }
  });
  return best;
}

function speakerFor(name: string, start: number, entities: Entity[], lastPerson: (at: number) => number | null, description: string | null): Speaker | null {
  const orgNoun = ORG_NOUN.exec(name);
  if (orgNoun) {
    const index = organisationFor(orgNoun[1]!.toLowerCase(), start, entities);
    if (index !== null) return { name: entities[index]!.name, entity: index, description };
  }
  if (/^(he|she|they|it|we|i)$/i.test(name)) {
    const index = lastPerson(start);
    if (index !== null) return { name: entities[index]!.name, entity: index, description };
    return { name, entity: null, description };
  }
  const end = start + name.length;
  const index = entities.findIndex((e) => e.mentions.some((m) => m.start < end && m.end > start));
  if (index >= 0) return { name: entities[index]!.name, entity: index, description };
  // "Critics said", "Officials warned": a plain word at a sentence's start names nobody in particular.
  if (/^\p{Lu}\p{Ll}+$/u.test(name) && isCommonWord(name.toLowerCase())) return null;
  return { name: name.replace(/^[Tt]he\s+/, 'the '), entity: null, description };
}

interface Cue {
  speaker: string;
  speakerStart: number;
  verb: string;
  verbStart: number;
  description: string | null;
}

function cueFrom(match: RegExpExecArray, base: number): Cue | null {
  const g = match.groups ?? {};
  const speaker = g.speaker ?? g.speaker2;
  const verb = g.verb ?? g.verb2;
  if (!speaker || !verb) return null;
  const verbStart = base + match.index + match[0].lastIndexOf(verb);
  // "Spain's defence minister, Lucía Ferrer Ordóñez, said": the name in commas is the speaker,
  // the words before it her description.
  if (g.appos && /^\p{Lu}/u.test(g.appos) && !/^(?:A|An|The|Who|Which|Whose)\b/.test(g.appos)) {
    return { speaker: g.appos, speakerStart: base + match.index + match[0].indexOf(g.appos), verb, verbStart, description: speaker };
  }
  const speakerStart = base + match.index + match[0].indexOf(speaker);
  return { speaker, speakerStart, verb, verbStart, description: g.appos ?? null };
}

export function findQuotes(t: TokenizedText, entities: Entity[]): Quote[] {
  const { text } = t;
  const personMentions = entities
    .map((e, index) => ({ e, index }))
    .filter(({ e }) => e.type === 'person')
    .flatMap(({ e, index }) => e.mentions.map((m) => ({ start: m.start, index })))
    .sort((a, b) => a.start - b.start);
  const lastPerson = (at: number): number | null => {
    let found: number | null = null;
    for (const m of personMentions) {
      if (m.start >= at) break;
      found = m.index;
    }
    return found;
  };
  const quotes: Quote[] = [];
  let previous: Quote | null = null;
  for (const raw of quoteSpans(text)) {
    const sentence = sentenceSpan(t, sentenceAt(t, raw.open));
    // The cue sits close to its quote: looking further back only costs time on run-on text.
    const beforeStart = Math.max(sentence.start, raw.open - CUE_WINDOW_CHARS);
    const before = text.slice(beforeStart, raw.open);
    // The cue after a quote lives in the sentence where the quote closes (a quote may span several).
    const closing = sentenceAt(t, raw.close);
    const closingSentence = sentenceSpan(t, closing);
    let afterEnd = Math.max(closingSentence.end, raw.close + 1);
    const nextSentence = closing + 1 < t.sentenceFirst.length ? sentenceSpan(t, closing + 1) : null;
    // A quote closing its sentence may be attributed by the next, short one ("... over." Koval said.),
    // never across a paragraph break.
    if (nextSentence && raw.close + 1 >= closingSentence.end - 1 && nextSentence.end - nextSentence.start < 60 && !text.slice(raw.close, nextSentence.start).includes('\n\n')) {
      afterEnd = nextSentence.end;
    }
    const after = text.slice(raw.close + 1, Math.min(afterEnd, raw.close + 1 + CUE_WINDOW_CHARS));
    const words = wordCount(raw.text);
    const paragraphStart = text.lastIndexOf('\n\n', raw.open) + 2;
    const paragraphEndIndex = text.indexOf('\n\n', raw.close);
    const paragraphEnd = paragraphEndIndex < 0 ? text.length : paragraphEndIndex;
    const wholeParagraph = text.slice(paragraphStart, raw.open).trim() === '' && text.slice(raw.close + 1, paragraphEnd).trim().length <= 1;

    // "Anya quipped: ..." names the speaker before; otherwise the cue usually follows ("...," she said).
    const fromBefore = () => {
      const m = CUE_BEFORE.exec(before) ?? ACCORDING_BEFORE.exec(before);
      return m ? cueFrom(m, beforeStart) : null;
    };
    const fromAfter = () => {
      const m = CUE_AFTER.exec(after);
      return m ? cueFrom(m, raw.close + 1) : null;
    };
    const introducedByColon = /:\s*$/.test(before);
    let cue: Cue | null = introducedByColon || /,\s*$/.test(before) ? (fromBefore() ?? fromAfter()) : (fromAfter() ?? fromBefore());
    let kind: QuoteKind = 'direct';
    const lead = before.trim();
    const endsInside = /[.,!?…]$/.test(raw.text);
    if (wholeParagraph && /:\s*$/.test(text.slice(Math.max(0, paragraphStart - 200), paragraphStart).trim() + ' ')) {
      kind = 'block';
      const intro = text.slice(Math.max(0, paragraphStart - 200), paragraphStart);
      const introMatch = /(?:[Aa]s\s+)?(?<speaker>[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3})\s+(?<verb>wrote|said|put it|noted|argued|told)[^:]{0,60}:\s*$/u.exec(intro);
      if (introMatch) cue = cueFrom(introMatch, Math.max(0, paragraphStart - 200));
    } else if (!cue && words <= SCARE_MAX_WORDS && !wholeParagraph) {
      // A few quoted words are speech when the sentence says who called things so
      // ("She described the penalties as "bone-crushing""); otherwise they are scare quotes.
      const sayer = SENTENCE_SAYER.exec(before);
      if (sayer?.groups?.speaker) {
        kind = 'partial';
        cue = cueFrom(sayer, beforeStart);
      } else kind = 'scare';
    } else if (lead.length > 0 && !introducedByColon && !endsInside && !/,\s*$/.test(before) && words <= PARTIAL_MAX_WORDS) {
      kind = 'partial';
      // "Cristea called the offer "crumbs from a table we built"": the sayer stands earlier in the sentence.
      if (!cue) {
        const sayer = SENTENCE_SAYER.exec(before);
        if (sayer?.groups?.speaker) cue = cueFrom(sayer, beforeStart);
      }
    }
    let speaker: Speaker | null = null;
    if (kind !== 'scare' && cue) speaker = speakerFor(cue.speaker, cue.speakerStart, entities, lastPerson, cue.description);
    // A paragraph that is only a quote, or a second quote in the paragraph of an attributed one,
    // carries on the previous speaker's words.
    const sameParagraph = previous !== null && previous.start >= paragraphStart;
    if (!speaker && kind === 'direct' && (wholeParagraph || sameParagraph) && previous?.speaker) speaker = previous.speaker;
    const quote: Quote = {
      text: raw.text,
      start: raw.open,
      end: Math.min(text.length, raw.close + 1),
      kind,
      speaker,
      cue: kind === 'scare' ? null : (cue?.verb ?? null),
      cueStart: kind === 'scare' ? null : (cue?.verbStart ?? null),
      cueEnd: kind === 'scare' || !cue ? null : cue.verbStart + cue.verb.length,
    };
    quotes.push(quote);
    if (kind !== 'scare') previous = quote;
  }
  return [...quotes, ...indirectSpeech(t, entities, lastPerson, quotes)].sort((a, b) => a.start - b.start);
}

const INDIRECT_HEAD = new RegExp(
  // "told" takes its listener ("told reporters", "told Reuters") before the reported clause.
  `${CLAUSE_START}${DESCRIPTOR}${SPEAKER}${APPOSITION}\\s+(?:(?<verb>told|tells)\\s+(?:reporters|journalists|lawmakers|the\\s+[\\p{L}]+|[\\p{Lu}][\\p{L}]+(?:\\s+[\\p{Lu}][\\p{L}]+){0,3})|(?<verb2>${VERB}))(?:\\s+on\\s+\\p{Lu}\\p{L}+)?(?:\\s+that)?\\s+(?<clause>[^"“”]{12,})$`,
  'u',
);
const ACCORDING_HEAD = /^(?<verb>According to)\s+(?<speaker>[^,]{2,80}),\s+(?<clause>[^"“”]{12,})$/u;
const INDIRECT_TAIL = new RegExp(`^(?<clause>[^"“”]{12,}?),\\s+(?<speaker>${PRONOUN}|${ROLE}|${NAME})\\s+(?<verb>${VERB})(?:\\s+[^"“”]{0,40})?\\.$`, 'u');

/** Reported speech: "Koval said Russia should face sanctions", "According to the ministry, ...". */
function indirectSpeech(t: TokenizedText, entities: Entity[], lastPerson: (at: number) => number | null, direct: Quote[]): Quote[] {
  const found: Quote[] = [];
  for (let s = 0; s < t.sentenceFirst.length; s++) {
    const span = sentenceSpan(t, s);
    if (direct.some((q) => q.start < span.end && q.end > span.start)) continue;
    // News sentences are short; a run-on "sentence" of kilobytes (no punctuation) is not reported
    // speech, and the patterns below must not scan it.
    if (span.end - span.start > INDIRECT_MAX_SENTENCE_CHARS) continue;
    const sentence = t.text.slice(span.start, span.end);
    const match = INDIRECT_HEAD.exec(sentence) ?? ACCORDING_HEAD.exec(sentence) ?? INDIRECT_TAIL.exec(sentence);
    if (!match?.groups?.clause || !match.groups.speaker) continue;
    const speakerText = match.groups.speaker;
    if (/^(it|we|i)$/i.test(speakerText)) continue;
    const clause = match.groups.clause.replace(/[.!?]+$/, '').trim();
    if (wordCount(clause) < 3) continue;
    const clauseStart = span.start + sentence.indexOf(clause);
    const speakerStart = span.start + match.index + match[0].indexOf(speakerText);
    const verb = (match.groups.verb ?? match.groups.verb2)!;
    const verbStart = span.start + sentence.indexOf(verb);
    found.push({
      text: clause,
      start: clauseStart,
      end: clauseStart + clause.length,
      kind: 'indirect',
      speaker: speakerFor(speakerText, speakerStart, entities, lastPerson, match.groups.appos ?? null),
      cue: verb,
      cueStart: verbStart,
      cueEnd: verbStart + verb.length,
    });
  }
  return found;
}
