/**
 * Running a rule's pattern only where it can match. Most of a text holds no month, weekday or
 * clock time, yet a pattern that opens with optional words ("on", "last", "early") is tried at
 * every character. A rule may name a *key* (rule.ts): a stretch of its pattern that every match
 * contains — top-level pieces from group `from` through group `to`, neither optional. The key
 * alone is found by a quick scan, and the whole pattern is tried, anchored, only at the
 * positions from which a match could reach a key: no further back than the longest text the
 * pieces before the key can match (`reach`, read off the pattern's source).
 *
 * The matches are exactly `text.matchAll(pattern)`'s:
 * - a match starting at s holds the key pieces at some p with s ≤ p ≤ s + reach, and the key
 *   pattern (those same pieces; lookarounds and \b see the whole text) matches at p, so the key
 *   scan, restarting one past each key it finds, lists p;
 * - for each key p, the starts from p − reach to p are tried in order, skipping those tried
 *   before and those before the end of the last match; the first that matches is matchAll's next
 *   match, since a match at an earlier start would have reached an earlier key, whose starts
 *   were tried.
 * Where keys are dense (a table of years) trying starts one by one costs more than one scan,
 * and the text gets the plain scan instead.
 */
import type { Match, Rule } from './rule.js';

/** Calls `visit` with every match in `text`, in order. */
type Matcher = (text: string, visit: (match: Match) => void) => void;

/**
 * Trying the pattern at one start costs about as much as scanning this many characters with it
 * (a call into the regex engine against a step inside it): dense keys ("2019 1999 2020 …") make
 * one plain scan the cheaper way to the same matches.
 */
const PROBES_PER_SCAN = 12;
const SLACK = 2048;

interface Piece {
  /** Source range of the piece, its quantifier included. */
  from: number;
  to: number;
  group: string | null;
  /** Longest text it can match, in UTF-16 units (Infinity when unbounded). */
  longest: number;
  optional: boolean;
}

/** Reads a regex source of the plain (non-unicode) dialect the rules use; throws on anything else. */
class SourceReader {
  private i = 0;

  constructor(private readonly src: string) {}

  /** The top-level pieces, or null when the top level is an alternation. */
  pieces(): Piece[] | null {
    const out: Piece[] = [];
    while (this.i < this.src.length) {
      if (this.src[this.i] === '|') return null;
      const from = this.i;
      const group = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(this.src.slice(this.i))?.[1] ?? null;
      const atom = this.atom();
      const { longest, optional } = this.quantifier(atom);
      out.push({ from, to: this.i, group, longest, optional });
    }
    return out;
  }

  private alternation(): number {
    let best = this.sequence();
    while (this.src[this.i] === '|') {
      this.i++;
      best = Math.max(best, this.sequence());
    }
    return best;
  }

  private sequence(): number {
    let total = 0;
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') total += this.quantifier(this.atom()).longest;
    return total;
  }

  private quantifier(longest: number): { longest: number; optional: boolean } {
    const c = this.src[this.i];
    let out = { longest, optional: false };
    if (c === '?') out = { longest, optional: true };
    else if (c === '*' || c === '+') out = { longest: longest === 0 ? 0 : Infinity, optional: c === '*' };
    else if (c === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.i));
      // In the plain dialect a brace that opens no quantifier is a literal character.
      if (!m) return out;
      const most = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
      out = { longest: longest === 0 ? 0 : longest * most, optional: Number(m[1]) === 0 };
    } else return out;
    this.i++;
    if (this.src[this.i] === '?') this.i++;
    return out;
  }

  private atom(): number {
    const src = this.src;
    const c = src[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') {
      this.i++;
      if (src[this.i] === '^') this.i++;
      if (src[this.i] === ']') this.i++;
      while (src[this.i] !== ']') {
        if (this.i >= src.length) throw new Error(`unclosed class in /${src}/`);
        this.i += src[this.i] === '\\' ? 2 : 1;
      }
      this.i++;
      return 1;
    }
    if (c === '\\') {
      const e = src[this.i + 1]!;
      this.i += 2;
      if (e === 'b' || e === 'B') return 0;
      if (/[1-9k]/.test(e)) throw new Error(`backreference in /${src}/`);
      if (e === 'u') this.i += 4;
      else if (e === 'x') this.i += 2;
      else if (e === 'c') this.i += 1;
      return 1;
    }
    this.i++;
    return c === '^' || c === '$' ? 0 : 1;
  }

  private group(): number {
    const src = this.src;
    this.i++;
    let lookaround = false;
    if (src[this.i] === '?') {
      const head = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(src.slice(this.i))?.[0];
      if (!head) throw new Error(`unknown group in /${src}/`);
      lookaround = head === '?=' || head === '?!' || head === '?<=' || head === '?<!';
      this.i += head.length;
    }
    const longest = this.alternation();
    if (src[this.i] !== ')') throw new Error(`unclosed group in /${src}/`);
    this.i++;
    return lookaround ? 0 : longest;
  }
}

/** The key pattern and reach of a keyed rule; throws when the key is not a mandatory top-level stretch. */
function keyOf(rule: Rule & { key: NonNullable<Rule['key']> }): { key: RegExp; reach: number } {
  const { pattern } = rule;
  if (pattern.unicode || !pattern.global) throw new Error(`${rule.name}: a keyed pattern is global and not unicode`);
  const pieces = new SourceReader(pattern.source).pieces();
  const first = pieces?.findIndex((p) => p.group === rule.key.from) ?? -1;
  const last = pieces?.findIndex((p) => p.group === (rule.key.to ?? rule.key.from)) ?? -1;
  if (!pieces || first < 0 || last < first || pieces[first]!.optional || pieces[last]!.optional) {
    throw new Error(`${rule.name}: key groups must be top-level, in order and not optional`);
  }
  const reach = pieces.slice(0, first).reduce((sum, p) => sum + p.longest, 0);
  if (!Number.isFinite(reach)) throw new Error(`${rule.name}: the pattern before its key is unbounded`);
  const source = pattern.source.slice(pieces[first]!.from, pieces[last]!.to);
  return { key: new RegExp(source, pattern.flags.replace('d', '')), reach };
}

/** Every match of `rule.pattern` in a text, in order: keyed when the rule has a key, else by matchAll. */
export function matcherFor(rule: Rule): Matcher {
  const scan: Matcher = (text, visit) => {
    for (const m of text.matchAll(rule.pattern)) visit(m as Match);
  };
  if (!rule.key) return scan;
  const { key, reach } = keyOf(rule as Rule & { key: NonNullable<Rule['key']> });
  // Probing without indices (flag "d") is several times cheaper; a start that matches is read again with them.
  const probe = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace(/[gd]/g, '')}y`);
  const anchored = new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}y`);
  return (text, visit) => {
    const keys: number[] = [];
    // How many starts the keys so far would have the pattern tried: once that is more than about one
    // in PROBES_PER_SCAN of the text they cover (give or take a paragraph), one scan is cheaper.
    let starts = 0;
    key.lastIndex = 0;
    for (let found = key.exec(text); found; found = key.exec(text)) {
      const p = found.index;
      starts += Math.min(reach + 1, p - (keys.at(-1) ?? -Infinity));
      if (starts * PROBES_PER_SCAN > p + SLACK) return scan(text, visit);
      keys.push(p);
      key.lastIndex = p + 1;
    }
    // Where the next match may start (matchAll's lastIndex), and the last start tried.
    let cursor = 0;
    let tried = -1;
    for (const p of keys) {
      for (let s = Math.max(cursor, p - reach, tried + 1); s <= p; s++) {
        tried = s;
        probe.lastIndex = s;
        if (!probe.test(text)) continue;
        anchored.lastIndex = s;
        const m = anchored.exec(text) as Match;
        visit(m);
        cursor = m.index + Math.max(1, m[0].length);
        tried = cursor - 1;
        s = tried;
      }
    }
  };
}
