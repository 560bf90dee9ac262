/**
 * Bylines and name shapes: "By Jane Roe and Sam Poe", "Story by Jane Roe",
 * "Jane Roe, Political Correspondent", and the outlet-name shape used to tell
 * "Coastal Herald" (an outlet) from "Lena Brook" (a person).
 */
import { isCommonWord } from './lexicon.js';

const BYLINE_PREFIX = /^(?:by|story by|written by|words by|text by|analysis by|opinion by|column by|report by|posted by|author)\s*:?\s+(.+)$/iu;

/** Words that name a job, not a person, in "Jane Roe, Political Correspondent". */
export const ROLE_WORDS =
  /\b(correspondent|editor|reporter|writer|columnist|contributor|staff|journalist|producer|analyst|critic|desk|bureau|chief|senior|deputy|associate|freelance|special|guest|news|political|economics|business|sports?|health|science|technology|foreign|diplomatic|environment|legal|court|crime|education|politics|international|national|local|data|investigations?|photographer|intern|fellow|director|manager|host|anchor)\b/i;

/**
 * Words that mark a publication name (data, not site-specific: the common nouns newspapers
 * and agencies are named with).
 */
const OUTLET_WORDS =
  /\b(times|post|herald|journal|gazette|tribune|news|wire|standard|courier|review|chronicle|observer|signal|daily|press|telegraph|guardian|independent|express|mail|star|sun|globe|examiner|inquirer|record|register|dispatch|bulletin|monitor|reporter|today|weekly|online|media|network|radio|tv|television|agency|service|lantern|ledger|sentinel|mirror|echo|voice|leader|advocate|enquirer|argus|beacon|citizen|clarion|current|digest|eagle|free press|herald-tribune|insider|nation|pioneer|pulse|republic|statesman|telegram|times-union|tribune-review|update|world|magazine|report|desk|hub|wire service|broadcasting|newsroom|briefing)\b/i;

/** Words that open a phrase, never a name: "By The Numbers", "By The Way". */
const NOT_NAME_START = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'our', 'my', 'your', 'its', 'their', 'all', 'no']);
const NAME_PARTICLES = new Set(['de', 'da', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'bin', 'bint', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'st.', 'mc']);
const NAME_TOKEN = /^[\p{Lu}][\p{L}'’.-]*$|^[\p{Lu}]\.$/u;

export function isOutletName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  // A lower-cased page has no capitals to go by; the outlet words alone must do.
  return words.length >= 1 && words.length <= 7 && OUTLET_WORDS.test(text) && (/^[\p{Lu}\d]/u.test(text) || text === text.toLowerCase());
}

/** 2–4 capitalised tokens (particles allowed), none of them an outlet word. */
export function isPersonName(text: string, lowercasePage = false): boolean {
  const tokens = text.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (OUTLET_WORDS.test(text) && !lowercasePage) return false;
  if (NOT_NAME_START.has(tokens[0]!.toLowerCase())) return false;
  let named = 0;
  for (const token of tokens) {
    if (NAME_PARTICLES.has(token.toLowerCase())) continue;
    if (lowercasePage ? !/^[\p{L}][\p{L}'’.-]*$/u.test(token) : !NAME_TOKEN.test(token)) return false;
    named++;
  }
  return named >= 2;
}

/** Words that would never be part of a name on a lower-cased page. */
function plausibleLowercaseName(text: string): boolean {
  const tokens = text.split(/\s+/).filter((t) => !NAME_PARTICLES.has(t));
  const commonShare = tokens.filter((t) => isCommonWord(t.toLowerCase())).length / Math.max(1, tokens.length);
  return commonShare <= 0.5;
}

function stripRoleSuffix(part: string): string {
  return part
    .replace(/\s+(in|at|from|for)\s+\p{L}[\p{L} .'-]*$/iu, '')
    .replace(/\s*[|–—]\s*.*$|\s+-\s+.*$/u, '')
    .trim();
}

/**
 * Split the names in a byline. Parts that are roles or outlets are dropped; returns null
 * when the line does not read as names at all ("By contrast, the council ...").
 */
export function splitAuthors(namesText: string, lowercasePage = false): { authors: string[]; outlet: string | null } | null {
  const parts = namesText
    .replace(/\.$/, '')
    .split(/\s*(?:,|;|\band\b|&|\||\s[–—-]\s)\s*/iu)
    .map((p) => p.trim())
    .filter(Boolean);
  const authors: string[] = [];
  let outlet: string | null = null;
  for (const raw of parts) {
    const part = stripRoleSuffix(raw);
    if (!part) continue;
    if (isOutletName(part)) {
      outlet ??= part;
      continue;
    }
    if (ROLE_WORDS.test(part) && authors.length > 0) continue;
    if (isPersonName(part, lowercasePage) && (!lowercasePage || plausibleLowercaseName(part))) {
      authors.push(part === part.toUpperCase() ? properCaseName(part.toLowerCase()) : part);
      continue;
    }
    // Once a name has been read, what follows may be a role, a place or a date: the byline ends there.
    if (authors.length > 0) break;
    return null;
  }
  return authors.length > 0 ? { authors, outlet } : null;
}

/** A byline block, or null. `header` allows name-only lines that are bylines only near a headline. */
export function parseByline(text: string, lowercasePage = false): { authors: string[]; outlet: string | null } | null {
  if (text.length > 160) return null;
  const prefixed = BYLINE_PREFIX.exec(text);
  if (prefixed) return splitAuthors(prefixed[1]!, lowercasePage);
  // "Jane Roe, Political Correspondent" / "Jane Roe | Reporter" / "Jane Roe · Reporter · 6 min read".
  const roleForm = /^([^,|·•]{3,60})\s*[,|·•]\s*(.{3,80})$/u.exec(text);
  if (roleForm && ROLE_WORDS.test(roleForm[2]!) && isPersonName(roleForm[1]!, lowercasePage)) {
    const outlet = isOutletName(roleForm[2]!) && !ROLE_WORDS.test(roleForm[2]!) ? roleForm[2]!.trim() : null;
    return { authors: [roleForm[1]!.trim()], outlet };
  }
  return null;
}

/** A line that is only a person's name ("Jane Roe", "Jane Roe and Sam Poe"), or null. */
export function parseNameOnlyLine(text: string, lowercasePage = false): string[] | null {
  if (text.length > 80 || /[.!?:;"“”]$/.test(text)) return null;
  const parsed = splitAuthors(text, lowercasePage);
  if (!parsed || parsed.outlet) return null;
  return parsed.authors;
}

/**
 * "Jane Roe: Why the ceasefire failed" — the column-headline form that names its author.
 * Returns the name part when it has a person's shape; the caller decides whether the page
 * confirms it ("Ukraine war: ..." has the shape too, so an unconfirmed name must hold no
 * ordinary word).
 */
export function columnHeadlineName(title: string, lowercasePage = false): { name: string; plain: boolean } | null {
  const m = /^([^:]{3,40}):\s+\S/u.exec(title);
  if (!m) return null;
  const name = m[1]!.trim();
  if (!isPersonName(name, lowercasePage)) return null;
  const plain = name.split(/\s+/).every((t) => NAME_PARTICLES.has(t.toLowerCase()) || !isCommonWord(t.toLowerCase()));
  return { name, plain };
}

export function properCaseName(name: string): string {
  return name
    .split(/(\s+|-)/)
    .map((t) => (NAME_PARTICLES.has(t.toLowerCase()) ? t.toLowerCase() : t.charAt(0).toUpperCase() + t.slice(1)))
    .join('');
}
