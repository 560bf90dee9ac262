/**
 * Reported speech without quote marks: the clause a speech verb reports, with the cue that
 * attributes it. Each form is a named rule:
 *  - head:       "Koval said (that) Russia should face sanctions", "X told reporters the talks …"
 *  - tail:       "The boat overturned …, the charity said.", "…, said Maria Okonjo-Berg, the UN's …"
 *  - according:  "According to the ministry, …" and "…, according to estimates by X."
 * A reported clause that runs into a quote is left to the quote ("said the tariffs were "a
 * disaster""); the clause stops where the sentence goes on to another speech act (", adding",
 * ", but admitted that").
 */
import { type Cue, type CueContext, type VerbHit, cue } from './cue-finder.js';
import { tokenAt } from './offsets.js';
import { type Phrase, parseInverted, parseSource } from './speaker-phrases.js';
import { FILLER, LISTENER, SETTING, VERB_FORMS, reportsClause } from './speech-cues.js';
import { sentenceSpan } from './text.js';

/** The forms of reported speech, each a rule with its reason; every clause records which found it. */
export const REPORTED_RULES = [
  { name: 'head', reason: '"Koval said (that) Russia should face sanctions", "told reporters the talks would continue": the clause after the verb' },
  { name: 'tail', reason: '"The boat overturned …, the charity said.": the clause before a closing attribution' },
  { name: 'tail-inverted', reason: '"…, said Maria Okonjo-Berg, the UN\'s coordinator.": the clause before an inverted closing attribution' },
  { name: 'according-head', reason: '"According to the ministry, the talks will resume": the clause after the source' },
  { name: 'according-tail', reason: '"… since the spring, according to broker Nordsund Chartering.": the clause before the source' },
] as const;

export type ReportedRule = (typeof REPORTED_RULES)[number]['name'];

export interface ReportedClause {
  text: string;
  start: number;
  end: number;
  cue: Cue;
  rule: ReportedRule;
}

/** Longer "sentences" are run-on text, not reported speech; the patterns must not scan them. */
const MAX_SENTENCE_CHARS = 600;
const MIN_CLAUSE_WORDS = 3;
const VERBLESS_MIN_WORDS = 6;
/** Without "that", the reported clause's subject is short: its verb comes within this many tokens. */
const BARE_SUBJECT_TOKENS = 10;
/** -ing forms that report a clause without "that": "saying the talks would continue". */
const BARE_PARTICIPLES = new Set(['say', 'tell', 'add']);
const SUBORDINATE_START = /^(?:after|before|when|while|because|as|since|if|until|unless|although|though|whether|where|during|following|despite|that|which|who)\b/i;

const FINITE_FORMS = [...VERB_FORMS.entries()].filter(([, v]) => !v.participle).map(([f]) => f).join('|');
const PARTICIPLES = [...VERB_FORMS.entries()].filter(([, v]) => v.participle).map(([f]) => f).join('|');
/** Where a reported clause stops: another speech act of the same sentence, or a semicolon. */
const CLAUSE_END = new RegExp(
  `(?:,?\\s+(?:and|but)\\s+(?:that\\b|(?:(?:${FILLER})\\s+)*(?:${FINITE_FORMS})\\b)|,\\s+(?:${PARTICIPLES})\\b|;|\\s+[-–—]\\s+)`,
  'u',
);
/** "said (on Sunday / to reporters / , however,) that …". */
const THAT_CLAUSE = /^((?:\s+[^\s,;:.!?"“”]+){0,10}?)(?:,\s+\p{Ll}+,)?\s+that,?\s+/u;
const PARTICIPLE_ADJUNCT = /,\s+\p{Ll}+ing\s[^]*$/u;
const SETTINGS = new RegExp(`^(?:,?\\s+(?:${SETTING}))*[,:]?\\s+`, 'u');
const LISTENED = new RegExp(`^\\s+(?:${LISTENER})(?:,?\\s+(?:${SETTING}))*\\s+`, 'u');
/** After a tail attribution only settings, a listener or a participle phrase may follow: "…, the court ruled on Tuesday, rejecting …". */
const TAIL_REST = new RegExp(`^(?:\\s+(?:${LISTENER}))?(?:,?\\s+(?:${SETTING}))*(?:,\\s+\\p{Ll}+ing\\b[^"“”]*)?\\s*[.!?]?\\s*$`, 'u');
const INVERTED_REST = /^\s+[^.;:!?"“”]*[.!?]?\s*$/u;
const ACCORDING_HEAD = /^According to\s+/u;
const SOURCE_APPOSITION = /^\s+(?:which|who|whose|an?)\s[^,]{1,120},\s+/u;
const ACCORDING_TAIL = /,\s+according to\s+/gu;

export function findReportedSpeech(ctx: CueContext): ReportedClause[] {
  const found: ReportedClause[] = [];
  for (let s = 0; s < ctx.t.sentenceFirst.length; s++) {
    const span = sentenceSpan(ctx.t, s);
    if (span.end - span.start > MAX_SENTENCE_CHARS) continue;
    const inSentence = [...accordingTo(ctx, span.start, span.end)];
    for (const verb of ctx.verbsIn(span.start, span.end)) inSentence.push(...fromVerb(ctx, verb, span.start, span.end));
    found.push(...dedupe(inSentence));
  }
  return found;
}

function fromVerb(ctx: CueContext, verb: VerbHit, sentenceStart: number, sentenceEnd: number): ReportedClause[] {
  if (verb.form.use !== 'report' && verb.form.use !== 'report-that') return [];
  const text = ctx.text;
  const rest = text.slice(verb.end, sentenceEnd);
  const { phrase: subject, rule } = ctx.subjectOf(verb, sentenceStart);
  const commaBefore = subject ? /,\s*$/.test(text.slice(sentenceStart, subject.from)) && subject.from > sentenceStart : false;
  // "…, the charity said." — the clause stands before the attribution.
  if (subject && commaBefore && TAIL_REST.test(rest)) return listOf(clauseBefore(ctx, sentenceStart, subject.from, cue(subject, verb, 'after'), 'tail'));
  // "…, said Maria Okonjo-Berg, the UN's coordinator." — inverted, at the end of the sentence.
  if (!subject && /,\s*$/.test(text.slice(sentenceStart, verb.start)) && INVERTED_REST.test(rest)) {
    const inverted = parseInverted(rest, verb.end);
    if (inverted) return listOf(clauseBefore(ctx, sentenceStart, verb.start, cue(inverted, verb, 'inverted'), 'tail-inverted'));
  }
  if (!subject || isWriter(subject)) return [];
  const start = clauseStartAfter(ctx, verb, rest);
  if (start === null) return [];
  return clausesFrom(ctx, verb.end + start.offset, sentenceEnd, cue(subject, verb, rule), start.that, 'head');
}

function listOf(c: ReportedClause | null): ReportedClause[] {
  return c ? [c] : [];
}

/**
 * Where the reported clause begins after its verb, and whether "that" introduced it. Before
 * "that" only a listener or a setting may stand (no verb: "ships added this week are a signal
 * that" is not speech), and after it a subject, not a verb ("a conference that began" is a
 * relative clause).
 */
function clauseStartAfter(ctx: CueContext, verb: VerbHit, rest: string): { offset: number; that: boolean } | null {
  const that = THAT_CLAUSE.exec(rest);
  const thatAt = that ? verb.end + that[0].length : -1;
  if (that && !hasVerb(ctx, verb.end, thatAt - 5) && !startsWithVerb(ctx, thatAt)) return { offset: that[0].length, that: true };
  // Without "that", only verbs of saying report a clause from an -ing form: "saying the talks …", not "explaining the choice".
  if (verb.form.participle && !BARE_PARTICIPLES.has(verb.form.lemma)) return null;
  if (!reportsClause(verb.form, false)) return null;
  // "told" needs its listener first: "told reporters the talks would continue".
  const lead = verb.form.lemma === 'tell' ? LISTENED.exec(rest) : (SETTINGS.exec(rest) ?? /^\s+/.exec(rest));
  return lead ? { offset: lead[0].length, that: false } : null;
}

/**
 * The clause after a verb, and any "and that …" clauses coordinated with it: "told state
 * television that Grytsenko "knows our terms" and that Moscow's conditions had not changed".
 */
function clausesFrom(ctx: CueContext, start: number, sentenceEnd: number, attribution: Cue, that: boolean, rule: ReportedRule): ReportedClause[] {
  const out: ReportedClause[] = [];
  let from = start;
  let introduced = that;
  for (let guard = 0; guard < 4 && from < sentenceEnd; guard++) {
    const raw = ctx.text.slice(from, sentenceEnd);
    const stop = CLAUSE_END.exec(raw);
    // "…, setting up a clash with Congress": a participle phrase after a comma is the writer's, not the speaker's.
    const body = trimClause((stop ? raw.slice(0, stop.index) : raw).replace(PARTICIPLE_ADJUNCT, ''));
    // "told reporters after the session closed": a time clause, not what was said.
    const ok = /^[\p{L}\p{N}]/u.test(body) && !SUBORDINATE_START.test(body) && (introduced || isFiniteClause(ctx, from, from + body.length, true));
    const clause = ok ? accept(ctx, from, body, attribution, rule) : null;
    if (clause) out.push(clause);
    const next = stop && /^,?\s+(?:and|but)\s+that\s*$/.exec(stop[0] + (/^\s*/.exec(raw.slice(stop.index + stop[0].length))?.[0] ?? ''));
    if (!stop || !next) break;
    from += stop.index + stop[0].length;
    from += /^\s*/.exec(ctx.text.slice(from))![0].length;
    introduced = true;
  }
  return out;
}

function clauseBefore(ctx: CueContext, from: number, attributionStart: number, attribution: Cue, rule: ReportedRule, verbless = false): ReportedClause | null {
  const raw = ctx.text.slice(from, attributionStart).replace(/[,\s]+$/, '');
  const body = trimClause(raw);
  // The tagger misses some verbs ("people travel"); before "according to", a long stretch is a clause anyway.
  if (!isFiniteClause(ctx, from, from + body.length, false) && !(verbless && wordCount(body) >= VERBLESS_MIN_WORDS)) return null;
  return accept(ctx, from, body, attribution, rule);
}

function accept(ctx: CueContext, start: number, body: string, attribution: Cue, rule: ReportedRule): ReportedClause | null {
  if (wordCount(body) < MIN_CLAUSE_WORDS || runsIntoQuote(ctx, start, start + body.length)) return null;
  return { text: body, start, end: start + body.length, cue: attribution, rule };
}

/** "According to the ministry, …" and "…, according to estimates by the Centre for Conflict Mapping." */
function accordingTo(ctx: CueContext, start: number, end: number): ReportedClause[] {
  const text = ctx.text;
  const sentence = text.slice(start, end);
  const out: ReportedClause[] = [];
  const head = ACCORDING_HEAD.exec(sentence);
  if (head) {
    const comma = sentence.indexOf(',', head[0].length);
    const source = comma > 0 ? parseSource(sentence.slice(head[0].length, comma), start + head[0].length) : null;
    // "According to its evaluation, which was published in August, students …": the clause follows the source's apposition.
    const apposition = SOURCE_APPOSITION.exec(sentence.slice(comma + 1));
    const clauseAt = comma + 1 + (apposition?.[0].length ?? /^\s*/.exec(sentence.slice(comma + 1))![0].length);
    if (source && comma > 0) out.push(...clausesFrom(ctx, start + clauseAt, end, cue(source, according(start), 'according-to'), true, 'according-head'));
  }
  for (const m of sentence.matchAll(ACCORDING_TAIL)) {
    const sourceAt = m.index + m[0].length;
    const source = parseSource(sentence.slice(sourceAt), start + sourceAt);
    const cueAt = start + m.index + m[0].indexOf('according');
    // "The most likely outcome, according to X, is …": the attribution sits inside its clause; not listed.
    if (source && !resumesPredicate(ctx, start + sourceAt, end)) {
      const clause = clauseBefore(ctx, start, start + m.index, cue(source, according(cueAt), 'according-to'), 'according-tail', true);
      if (clause) out.push(clause);
    }
  }
  return out;
}

function according(at: number): VerbHit {
  return { start: at, end: at + 'according to'.length, text: 'according to', form: { use: 'report', lemma: 'according to', participle: false } };
}

/**
 * A reported clause has a verb of its own. Straight after a verb without "that", it is a
 * short subject and then the verb, before any comma or "and": "told reporters the talks would
 * continue" reports, "adds a demilitarised zone, perhaps …" and "adds an average of £87 a year
 * … and is expected" do not.
 */
function isFiniteClause(ctx: CueContext, start: number, end: number, bare: boolean): boolean {
  const { t } = ctx;
  const first = tokenAt(t, start);
  let inserted = 0;
  for (let i = first; i < t.values.length && t.starts[i]! < end; i++) {
    // "imports from Turkmenistan, suspended in 2023 after a pricing dispute, could resume": an insertion about the subject.
    if (bare && t.values[i] === ',' && isInsertion(t, i + 1)) {
      const from = i;
      while (i + 1 < t.values.length && t.starts[i + 1]! < end && t.values[i + 1] !== ',') i++;
      i++;
      inserted += i - from + 1;
      continue;
    }
    if (bare && (t.values[i] === ',' || t.values[i] === 'and' || t.values[i] === 'or' || i - first - inserted > BARE_SUBJECT_TOKENS)) return false;
    if ((t.pos[i] === 'VERB' || t.pos[i] === 'AUX') && /^\p{Ll}/u.test(t.values[i]!)) return i > first && t.values[first]!.toLowerCase() !== 'to';
  }
  return false;
}

/** A comma insertion that describes the noun before it: an apposition ("a 34-year-old man"), a participle phrase or a relative clause. */
function isInsertion(t: CueContext['t'], i: number): boolean {
  const v = t.values[i] ?? '';
  return /^(?:who|which|whose|a|an)$/.test(v) || (t.pos[i] === 'VERB' && /^\p{Ll}+(?:ed|en|ing)$/u.test(v));
}

function hasVerb(ctx: CueContext, start: number, end: number): boolean {
  const { t } = ctx;
  for (let i = tokenAt(t, start); i < t.values.length && t.starts[i]! < end; i++) if ((t.pos[i] === 'VERB' || t.pos[i] === 'AUX') && /^\p{Ll}/u.test(t.values[i]!)) return true;
  return false;
}

/** A verb straight after "that" makes a relative clause, unless it is a participle before its noun ("that sanctioned vessels …"). */
function startsWithVerb(ctx: CueContext, at: number): boolean {
  const { pos } = ctx.t;
  const i = tokenAt(ctx.t, at);
  return (pos[i] === 'VERB' || pos[i] === 'AUX') && !(pos[i + 1] === 'NOUN' || pos[i + 1] === 'PROPN' || pos[i + 1] === 'ADJ');
}

/** After "according to X", the sentence goes on with a verb (", is …"): X was inserted into a clause. */
function resumesPredicate(ctx: CueContext, sourceAt: number, end: number): boolean {
  const comma = ctx.text.slice(sourceAt, end).indexOf(',') + sourceAt;
  if (comma < sourceAt) return false;
  const i = tokenAt(ctx.t, comma + 1);
  return i < ctx.t.values.length && ctx.t.starts[i]! < end && (ctx.t.pos[i] === 'VERB' || ctx.t.pos[i] === 'AUX');
}

function runsIntoQuote(ctx: CueContext, start: number, end: number): boolean {
  return ctx.quoteOpensIn(start, end + 2, true);
}

function isWriter(p: Phrase): boolean {
  return p.kind === 'pronoun' && /^(?:i|we)$/i.test(p.text);
}

function trimClause(s: string): string {
  return s.replace(/[\s.!?,;:]+$/, '').replace(/^\s+/, '');
}

function wordCount(text: string): number {
  return text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

/** One clause, one entry: the first rule to claim a stretch keeps it. */
function dedupe(found: ReportedClause[]): ReportedClause[] {
  const out: ReportedClause[] = [];
  for (const c of found) if (!out.some((o) => o.start < c.end && c.start < o.end)) out.push(c);
  return out;
}
