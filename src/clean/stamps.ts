/**
 * Publication stamps: "3 hours ago", "The Daily Ledger3 hours ago", "Updated 2:45 PM GMT,
 * March 3, 2026". A stamp keeps its text as written; its date is resolved only against a
 * moment that was passed in (nothing here reads the clock).
 */
import * as chrono from 'chrono-node';
import { subDays, subHours, subMinutes, subMonths, subSeconds, subWeeks, subYears } from 'date-fns';
import type { Stamp } from './blocks.js';

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12,
};

type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';

const UNIT_PREFIXES: [RegExp, Unit][] = [
  [/^s/, 'second'],
  [/^mo/, 'month'],
  [/^m/, 'minute'],
  [/^h/, 'hour'],
  [/^d/, 'day'],
  [/^w/, 'week'],
  [/^y/, 'year'],
];

const RELATIVE_CORE =
  '(?:(?:updated|published|posted)\\s+)?' +
  // Compact form of reader apps: "5h", "1d", "45m" (with or without "ago").
  '(?:(?<cn>\\d{1,3})\\s?(?<cu>m|min|h|hr|d|w|mo|y)(?:\\s+ago)?|' +
  '(?:(?<n>\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\\s*' +
  '(?<unit>seconds?|secs?|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mos?|years?|yrs?|y)\\s+ago' +
  '|just now|yesterday|today))';

/** A relative stamp, optionally with an outlet name glued or separated in front. */
const RELATIVE_LINE = new RegExp(`^(?<lead>.*?)(?<stamp>${RELATIVE_CORE})\\.?$`, 'iu');

/** Words that a scraper leaves glued to a stamp but that are not an outlet ("time45 minutes ago"). */
const NOT_OUTLET = new Set(['time', 'updated', 'published', 'posted', 'on', 'at', 'by', 'date', 'last updated', 'edited']);

const LEAD_SEPARATOR = /[\s·•|,–—-]+$/u;
const ABSOLUTE_PREFIX = /^(?:(?:first |last )?(?:published|updated|posted|modified|date(?:d)?|created)(?: on| at)?\s*:?\s*)/i;
const MAX_STAMP_CHARS = 90;
const MAX_STAMP_WORDS = 14;
const TIME_ONLY = /^\d{1,2}([:.]\d{2})?\s*([ap]\.?m\.?)?\s*([A-Z]{2,4})?$/i;

function outletLike(lead: string): boolean {
  const words = lead.split(/\s+/);
  if (words.length > 6) return false;
  // Outlet names are capitalised throughout ("The Meridian Times"); a sentence is not.
  return words.every((w) => /^[\p{Lu}\d&]/u.test(w) || /^(of|the|and|on|de|la|le)$/i.test(w));
}

function resolveRelative(n: number, unit: Unit, fetched: Date): Date {
  switch (unit) {
    case 'second': return subSeconds(fetched, n);
    case 'minute': return subMinutes(fetched, n);
    case 'hour': return subHours(fetched, n);
    case 'day': return subDays(fetched, n);
    case 'week': return subWeeks(fetched, n);
    case 'month': return subMonths(fetched, n);
    case 'year': return subYears(fetched, n);
  }
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function parseMoment(value: string | null | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * "5h" and "3m" are stamps only standing alone or glued to a name ("Levante Daily Record5h");
 * "Revenue hit $40m." and "Population 3m" are amounts.
 */
function compactStampAllowed(lead: string, line: string): boolean {
  if (/\.$/.test(line)) return false;
  return lead === '' || /\p{L}$/u.test(lead) || /[·•|]\s*$/.test(lead);
}

function relativeStamp(line: string, fetched: Date | null): Stamp | null {
  const match = RELATIVE_LINE.exec(line);
  if (!match?.groups) return null;
  if (match.groups.cn !== undefined && !compactStampAllowed(match.groups.lead ?? '', line)) return null;
  const rawLead = match.groups.lead ?? '';
  const stampText = (match.groups.stamp ?? '').trim();
  const lead = rawLead.replace(LEAD_SEPARATOR, '').trim();
  const glued = rawLead.length > 0 && !/\s$/.test(rawLead);
  const separated = LEAD_SEPARATOR.test(rawLead) && /[·•|–—-]/.test(rawLead.slice(lead.length));
  let outlet: string | null = null;
  if (lead) {
    if (NOT_OUTLET.has(lead.toLowerCase())) outlet = null;
    else if (glued || separated || outletLike(lead)) outlet = lead;
    else return null;
    if (outlet && outlet.split(/\s+/).length > 6) return null;
  }
  return { text: stampText, outlet, ...resolveRelativeText(stampText, fetched) };
}

function resolveRelativeText(stampText: string, fetched: Date | null): Pick<Stamp, 'date' | 'basis'> {
  if (!fetched) return { date: null, basis: null };
  const lower = stampText.toLowerCase().replace(/^(updated|published|posted)\s+/, '');
  if (lower === 'just now' || lower === 'today') return { date: isoDay(fetched), basis: 'relative' };
  if (lower === 'yesterday') return { date: isoDay(subDays(fetched, 1)), basis: 'relative' };
  const m = /^(\S+?)\s*([a-z]+)(?:\s+ago)?$/.exec(lower.replace(/^(\d+)([a-z]+)/, '$1 $2'));
  if (!m) return { date: null, basis: null };
  const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : (NUMBER_WORDS[m[1]!] ?? 1);
  const unit = UNIT_PREFIXES.find(([re]) => re.test(m[2]!))?.[1] ?? 'day';
  const date = resolveRelative(n, unit, fetched);
  // A month or year back is only known to that precision.
  if (unit === 'year') return { date: String(date.getUTCFullYear()), basis: 'relative' };
  if (unit === 'month') return { date: isoDay(date).slice(0, 7), basis: 'relative' };
  return { date: isoDay(date), basis: 'relative' };
}

/** Format a chrono component set as YYYY-MM-DD / YYYY-MM / YYYY, keeping only what the text said. */
function chronoValue(result: chrono.ParsedResult, yearKnown: boolean): string | null {
  const start = result.start;
  if (!start.isCertain('year') && !yearKnown) return null;
  const year = start.get('year');
  const month = start.get('month');
  const day = start.get('day');
  if (year == null) return null;
  const y = String(year).padStart(4, '0');
  if (!start.isCertain('month') || month == null) return y;
  const m = String(month).padStart(2, '0');
  if (!start.isCertain('day') || day == null) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

const MONTH_NAME = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** "Eastbrook JournalMay 14, 2026" and "Porto Business Daily17 Jun 2025". */
const MONTH_GLUE = new RegExp(
  `^(?<lead>.*?\\p{L})(?<date>${MONTH_NAME}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}.*|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME}\\.?,?\\s+\\d{4}.*)$`,
  'iu',
);

/** "Eastbrook JournalMay 14, 2026": an outlet glued to an absolute date. */
function gluedAbsoluteStamp(line: string, reference: Date | null): Stamp | null {
  const m = MONTH_GLUE.exec(line);
  if (!m?.groups || /\s$/.test(m.groups.lead!)) return null;
  const lead = m.groups.lead!.trim();
  if (lead.split(/\s+/).length > 6 || /[.!?,;:]$/.test(lead)) return null;
  const stamp = absoluteStamp(m.groups.date!, reference);
  return stamp && !stamp.outlet ? { ...stamp, outlet: lead } : null;
}

/** Lines like "Published 14 March 2026" or "Updated 2:45 PM GMT, March 3, 2026". */
/** A date needs a month name, a year or a numeric date; without one chrono need not be asked. */
const DATE_HINT = new RegExp(`${MONTH_NAME}|\\b(?:19|20)\\d{2}\\b|\\d{1,4}[-/.]\\d{1,2}`, 'i');

function absoluteStamp(line: string, reference: Date | null): Stamp | null {
  if (line.length > MAX_STAMP_CHARS || line.split(' ').length > MAX_STAMP_WORDS || !/\d/.test(line) || !DATE_HINT.test(line)) return null;
  const parts = line.split(/\s+[|·•]\s+/);
  for (const part of parts) {
    const core = part.replace(ABSOLUTE_PREFIX, '').trim();
    if (!core) continue;
    const results = chrono.en.parse(core, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
    const first = results[0];
    if (!first) continue;
    const covered = results.reduce((sum, r) => sum + r.text.length, 0);
    const leftover = core.length - covered;
    // The stamp must be (nearly) all date: "March 3, 2026" yes, "talks resume on March 3" no.
    if (leftover > Math.max(6, core.length * 0.25)) continue;
    if (!first.start.isCertain('month') && !first.start.isCertain('day') && !/\d{4}/.test(first.text)) continue;
    const date = chronoValue(first, reference != null);
    const others = parts.filter((p) => p !== part).map((p) => p.trim());
    const times = others.filter((p) => TIME_ONLY.test(p));
    const rest = others.filter((p) => !TIME_ONLY.test(p));
    const outlet = rest.length === 1 && outletLike(rest[0]!) ? rest[0]! : null;
    if (rest.length > (outlet ? 1 : 0)) return null;
    const written = parts.filter((p) => p === part || times.includes(p.trim())).join(' · ');
    return { text: written.trim(), outlet, date, basis: date ? 'stamp' : null };
  }
  return null;
}

const PREFIXED_STAMP = /^(?:updated|published|posted|first published|last updated|last modified)\b.{0,80}(\b(?:19|20)\d{2}\b|\b\d{1,2}[:.]\d{2}\b)/i;
const PREFIXED_STAMP_MAX_WORDS = 14;

/** "Updated March 5 2026 - 3:26pm, first published 12:00pm": a labelled stamp with extra times. */
const STAMP_FILLER = /\b(first|last|published|updated|posted|modified|at|on)\b|[\s,·•|–—-]+/gi;

function prefixedStamp(line: string, reference: Date | null): Stamp | null {
  if (!PREFIXED_STAMP.test(line) || line.split(/\s+/).length > PREFIXED_STAMP_MAX_WORDS) return null;
  const results = chrono.en.parse(line, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false });
  const first = results[0];
  if (!first) return null;
  // Everything but the dates, times and stamp words must be gone: "Updated figures are due on ..." is a sentence.
  let rest = line;
  for (const r of results) rest = rest.replace(r.text, ' ');
  if (rest.replace(STAMP_FILLER, '').length > 4) return null;
  const date = chronoValue(first, reference != null);
  return { text: line, outlet: null, date, basis: date ? 'stamp' : null };
}

export interface StampContext {
  fetched: string | null;
  published: string | null;
}

/** Read a whole block as a stamp, or return null when the block is something else. */
export function parseStamp(line: string, context: StampContext): Stamp | null {
  if (line.length > 120) return null;
  const fetched = parseMoment(context.fetched);
  const reference = fetched ?? parseMoment(context.published);
  return relativeStamp(line, fetched) ?? absoluteStamp(line, reference) ?? gluedAbsoluteStamp(line, reference) ?? prefixedStamp(line, reference);
}

/** Resolve an ISO date-time or date string from metadata to YYYY-MM-DD, keeping only what it says. */
export function metadataDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(trimmed);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(trimmed);
  if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join('-');
  // Metadata states dates; "tomorrow" or "next week" has no year to stand on.
  if (!/\d{4}/.test(trimmed)) return null;
  const parsed = chrono.en.parse(trimmed, new Date(Date.UTC(2000, 0, 1)))[0];
  return parsed ? chronoValue(parsed, false) : null;
}
