/**
 * Marking passes that run before segmentation (each a named rule over the block list)
 * and the context rules that run on the main body after it.
 */
import { type Block, isOpen, isProse, removeBlock, repeatKey, wordCount } from './blocks.js';
import { ROLE_WORDS, parseByline } from './byline.js';
import { isCreditLine, matchLineRule } from './rules.js';
import { sectionKind } from './sections.js';
import { type StampContext, parseStamp } from './stamps.js';

/** One-word blocks repeat for innocent reasons ("Share", "Comments") and keep their own rule. */
const DUPLICATE_MIN_WORDS = 2;
/**
 * Removals that a second copy re-labels as `duplicate`: an appeal printed twice is one appeal
 * plus a copy. A photographer's credit under two photos is two credits.
 */
const COPYABLE_REASONS = new Set(['promo', 'disclaimer', 'bio']);
const CAPTION_MAX_WORDS = 45;

/**
 * Rule `repeated-block`: the second copy of a headline, appeal or paragraph. Runs after the
 * line rules; ads, widgets and menu entries that repeat keep their own reason.
 */
export function markDuplicates(blocks: Block[]): void {
  const seen = new Set<string>();
  for (const block of blocks) {
    if (block.kind === 'section' || wordCount(block.text) < DUPLICATE_MIN_WORDS) continue;
    const key = repeatKey(block.text);
    const copyable = isOpen(block) || COPYABLE_REASONS.has(block.removal?.reason ?? '');
    if (seen.has(key) && copyable) removeBlock(block, 'duplicate', 'repeated-block');
    else seen.add(key);
  }
}

export function applyLineRules(blocks: Block[]): void {
  for (const block of blocks) {
    // A section heading ("Comments (2)", "Related") is an anchor, read by markAnchors.
    if (!isOpen(block) || sectionKind(block.text)) continue;
    const rule = matchLineRule(block.text);
    if (rule) removeBlock(block, rule.reason, rule.name);
  }
}

/** Stamps, bylines and section headings: the anchors segmentation hangs the page on. */
export function markAnchors(blocks: Block[], context: StampContext, lowercase: boolean): void {
  for (const block of blocks) {
    if (!isOpen(block)) continue;
    const section = sectionKind(block.text);
    if (section) {
      block.kind = 'section';
      block.section = section;
      continue;
    }
    const stamp = parseStamp(block.text, context);
    if (stamp) {
      block.kind = 'stamp';
      block.stamp = stamp;
      continue;
    }
    const byline = parseByline(block.text, lowercase);
    if (byline) {
      block.kind = 'byline';
      block.authors = byline.authors;
    }
  }
}

const TRAILING_CREDIT = /(?:[.!?]\s+|\()(([Pp]hoto|[Ii]mage|[Pp]icture|[Pp]hotograph|[Cc]redit|[Vv]ideo)s?\s*(:|courtesy of)\s*[^.]{2,60}\.?|[\p{Lu}][\p{L}.'’-]+\s[\p{Lu}][\p{L}.'’-]+\s?\/\s?[\p{Lu}][\p{L}&.' -]{1,40})\)?$/u;

/**
 * Rule `caption-before-credit`: a short block directly followed by a photo credit is its
 * caption. Rule `caption-with-credit`: a caption that carries its credit at the end.
 * Rule `figure-caption`: an HTML figcaption.
 */
export function markCaptions(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (!isOpen(block)) return;
    if (block.tag === 'figcaption') {
      removeBlock(block, isCreditLine(block.text) ? 'credit' : 'caption', 'figure-caption');
      return;
    }
    const words = wordCount(block.text);
    if (words > CAPTION_MAX_WORDS) return;
    const next = blocks[i + 1];
    if (next?.removal?.rule === 'photo-credit' && !/[:,]$/.test(block.text)) {
      removeBlock(block, 'caption', 'caption-before-credit');
      return;
    }
    if (words <= CAPTION_MAX_WORDS && TRAILING_CREDIT.test(block.text) && !/["“”]/.test(block.text)) {
      removeBlock(block, 'caption', 'caption-with-credit');
    }
  });
}

const SPONSOR_LABEL = /^(sponsored|promoted|paid (content|post|partnership)|partner content)/i;
const TILE_MAX_WORDS = 16;
const TILES_MAX_BLOCKS = 8;
const PROMO_BOX_MAX_WORDS = 25;

/** Rule `sponsored-tile`: the headlines and brand names listed under a "Sponsored" label. */
export function markSponsoredTiles(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (block.removal?.rule !== 'ad-slot' || !SPONSOR_LABEL.test(block.text)) return;
    for (let j = i + 1, taken = 0; j < blocks.length && taken < TILES_MAX_BLOCKS; j++) {
      const next = blocks[j]!;
      if (!isOpen(next)) {
        if (next.removal?.reason === 'advertisement') continue;
        break;
      }
      if (wordCount(next.text) > TILE_MAX_WORDS || isProse(next) || sectionKind(next.text)) break;
      removeBlock(next, 'advertisement', 'sponsored-tile');
      taken++;
    }
  });
}

/** Rule `promo-box`: a short line inside a sign-up box, between the pitch and its button. */
export function markPromoBoxes(blocks: Block[]): void {
  for (let i = 1; i < blocks.length - 1; i++) {
    const block = blocks[i]!;
    if (!isOpen(block) || wordCount(block.text) > PROMO_BOX_MAX_WORDS || sectionKind(block.text)) continue;
    const before = blocks[i - 1]!.removal?.reason;
    const after = blocks[i + 1]!.removal?.reason;
    if (before === 'promo' && (after === 'promo' || after === 'widget')) removeBlock(block, 'promo', 'promo-box');
  }
}

/** Headings of fact boxes, stat panels and line-ups: what follows is data, not prose. */
const DATA_BOX_HEADING =
  /^(match stats|statistics|line-?ups|team news|teams|player ratings|ratings|key facts|quick facts|fact ?(box|file)|at a glance|in numbers|by the numbers|scorers|results|standings|table|the details|factbox)(:)?$/i;
const DATA_BOX_MAX_BLOCKS = 60;
const DATA_LINE_MAX_WORDS = 12;
const LIST_LINE_MAX_WORDS = 30;

/** A line of a fact box: short, or "Label: value", or a list of names separated by semicolons, or a bullet. */
function isDataLine(text: string): boolean {
  if (wordCount(text) <= DATA_LINE_MAX_WORDS && !/[.!?]["”’]?$/.test(text)) return true;
  if (wordCount(text) > LIST_LINE_MAX_WORDS) return false;
  return /^[^.!?]{1,40}:\s/.test(text) || (text.match(/;/g)?.length ?? 0) >= 2 || /^([•·▪◦*–-]|\d{1,2}[.)])\s/.test(text);
}

/** Rule `data-box`: a fact-box or stats heading and the data lines under it. */
export function markDataBoxes(blocks: Block[]): void {
  blocks.forEach((block, i) => {
    if (!isOpen(block) || !DATA_BOX_HEADING.test(block.text)) return;
    removeBlock(block, 'widget', 'data-box');
    for (let j = i + 1; j < blocks.length && j <= i + DATA_BOX_MAX_BLOCKS; j++) {
      const next = blocks[j]!;
      if (!isOpen(next)) {
        if (next.kind === 'removed') continue;
        break;
      }
      if (!isDataLine(next.text) && !DATA_BOX_HEADING.test(next.text)) break;
      removeBlock(next, 'widget', 'data-box');
    }
  });
}

const PULL_QUOTE_MAX_WORDS = 45;
const QUOTE_OPENERS = /^["“‘'«]/;

/** Rule `pull-quote`: a quotation set apart that repeats words the body already has. */
export function markPullQuotes(blocks: Block[]): void {
  const bodyKeys = blocks.filter((b) => isOpen(b) && wordCount(b.text) > PULL_QUOTE_MAX_WORDS / 3).map((b) => repeatKey(b.text));
  for (const block of blocks) {
    if (!isOpen(block) || !QUOTE_OPENERS.test(block.text) || wordCount(block.text) > PULL_QUOTE_MAX_WORDS || wordCount(block.text) < 4) continue;
    const key = repeatKey(block.text);
    if (bodyKeys.some((other) => other !== key && other.includes(key))) removeBlock(block, 'duplicate', 'pull-quote');
  }
}

const BIO_ROLE =
  /\b(writer|journalist|correspondent|columnist|reporter|editor|author|contributor|professor|lecturer|fellow|analyst|researcher|director|photographer|producer|economist|historian|scientist|consultant|commentator|novelist|broadcaster|blogger|student|graduate|founder)\b/i;
const BIO_SUBJECT = /^([\p{L}][\p{L}'’.-]+(?:\s+[\p{L}][\p{L}'’.-]+){0,3})\s+(is|was|has been|serves as|writes|covers|reports)\b/u;
const BIO_MAX_WORDS = 90;
const BIO_TAIL_BLOCKS = 6;
const ROLE_LINE_MAX_WORDS = 4;

function isBio(text: string, authors: string[]): boolean {
  if (wordCount(text) > BIO_MAX_WORDS) return false;
  const subject = BIO_SUBJECT.exec(text);
  if (!subject) return false;
  const name = subject[1]!.toLowerCase();
  // "Idris writes about ...": author boxes often use the first name alone.
  const namedAuthor = authors.some((a) => {
    const full = a.toLowerCase();
    return name === full || full.endsWith(` ${name}`) || full.startsWith(`${name} `);
  });
  const capitalisedName = /^[\p{Lu}][\p{L}'’.-]+\s+[\p{Lu}]/u.test(subject[1]!);
  if (!namedAuthor && !capitalisedName) return false;
  // "<the author> is a former teacher and parent of two": at the end of the piece that is a bio.
  if (namedAuthor) return true;
  return BIO_ROLE.test(text) || /\b(writes|covers|reports) (about|on|for)\b/.test(text);
}

/** A job-title line ("Transport reporter") sits next to the author's name or bio in an author box. */
function besideAuthorBox(body: Block[], block: Block): boolean {
  const i = body.indexOf(block);
  return [body[i - 1], body[i + 1]].some((b) => b?.removal?.rule === 'repeated-author-name' || b?.removal?.reason === 'bio');
}

/**
 * Context rules on the end of the main body: rule `author-bio` (a "X is a writer at ..."
 * paragraph among the last blocks) and rule `repeated-author-name` (the author's name
 * printed again alone).
 */
export function markBodyTail(body: Block[], authors: string[]): Block[] {
  const authorKeys = new Set(authors.map(repeatKey));
  const kept = [...body];
  for (let i = kept.length - 1, seen = 0; i >= 0 && seen < BIO_TAIL_BLOCKS; i--) {
    const block = kept[i]!;
    if (authorKeys.has(repeatKey(block.text))) {
      removeBlock(block, 'duplicate', 'repeated-author-name');
      kept.splice(i, 1);
      continue;
    }
    seen++;
    if (isBio(block.text, authors)) {
      removeBlock(block, 'bio', 'author-bio');
      kept.splice(i, 1);
    } else if (wordCount(block.text) <= ROLE_LINE_MAX_WORDS && ROLE_WORDS.test(block.text) && !/[.!?]$/.test(block.text) && besideAuthorBox(body, block)) {
      removeBlock(block, 'bio', 'author-role');
      kept.splice(i, 1);
    }
  }
  return kept;
}
