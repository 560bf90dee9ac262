#!/usr/bin/env node
// Consistency checker for the hand-annotated analysis gold set in this folder.
//
//   node test/gold/analyze/check.mjs [DIR]    check every <slug>.txt / <slug>.gold.json pair (here, or in DIR)
//   node test/gold/analyze/check.mjs --warn   also list capitalised words and digits that no
//                                             annotation covers (a reviewing aid, not an error)
//
// It verifies that every annotated string occurs verbatim in the article body, that field values
// are well formed, and prints counts for the whole set. Exit code 1 on any error.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// An optional folder argument checks another gold set in the same format (the held-out one).
const folder = process.argv.slice(2).find((a) => !a.startsWith('--'));
const dir = folder ?? dirname(fileURLToPath(import.meta.url));
const warn = process.argv.includes('--warn');

const GENRES = ['reporting', 'opinion', 'analysis'];
const ENTITY_TYPES = ['person', 'organization', 'place', 'group'];
const QUOTE_KINDS = ['direct', 'partial', 'block', 'indirect', 'scare'];
const DATE_TYPES = ['date', 'duration', 'time', 'set'];
const DATE_VALUE =
  /^(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?|\d{4}-W\d{2}|T\d{2}:\d{2}|P(\d+(\.\d+)?[YMWD])+(T(\d+(\.\d+)?[HMS])+)?|PT(\d+(\.\d+)?[HMS])+)$/;

let errors = 0;
const err = (slug, msg) => {
  errors++;
  console.error(`ERROR ${slug}: ${msg}`);
};

const count = {
  articles: 0,
  genre: {},
  quotes: {},
  entities: {},
  mentions: 0,
  dates: {},
  numbers: 0,
  words: [],
};
const bump = (o, k) => (o[k] = (o[k] ?? 0) + 1);

const slugs = readdirSync(dir)
  .filter((f) => f.endsWith('.gold.json'))
  .map((f) => f.slice(0, -'.gold.json'.length))
  .sort();
const texts = new Set(readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)));
for (const t of texts) if (!slugs.includes(t)) err(t, 'has a .txt but no .gold.json');

/** Does `needle` occur in `text`? Multi-paragraph quotes are checked paragraph by paragraph. */
function occurs(text, needle) {
  if (text.includes(needle)) return true;
  if (!needle.includes('\n\n')) return false;
  return needle.split('\n\n').every((part) => text.includes(part));
}

function isDate(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return true;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(`${m[1]}-${m[2]}-${m[3]}`);
}

for (const slug of slugs) {
  count.articles++;
  let gold;
  let text;
  try {
    gold = JSON.parse(readFileSync(join(dir, `${slug}.gold.json`), 'utf8'));
  } catch (e) {
    err(slug, `invalid JSON: ${e.message}`);
    continue;
  }
  try {
    text = readFileSync(join(dir, `${slug}.txt`), 'utf8');
  } catch {
    err(slug, 'missing .txt');
    continue;
  }

  // --- the body itself
  const words = text.split(/\s+/).filter(Boolean).length;
  count.words.push(words);
  if (words < 250 || words > 700) err(slug, `body has ${words} words (want 250-700)`);
  if (/\r/.test(text)) err(slug, 'body contains CR characters');
  if (/\n{3,}/.test(text.trim())) err(slug, 'more than one blank line between paragraphs');
  for (const para of text.trim().split('\n\n')) {
    if (para.includes('\n')) err(slug, `paragraph contains a single line break: ${para.slice(0, 60)}…`);
    if (para !== para.trim()) err(slug, `paragraph has stray whitespace: ${para.slice(0, 60)}…`);
  }

  // --- top-level fields
  const keys = ['published', 'genre', 'entities', 'quotes', 'dates', 'numbers'];
  for (const k of keys) if (!(k in gold)) err(slug, `missing field ${k}`);
  for (const k of Object.keys(gold)) if (!keys.includes(k)) err(slug, `unexpected field ${k}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(gold.published ?? '') || !isDate(gold.published)) {
    err(slug, `bad published ${gold.published}`);
  }
  if (!GENRES.includes(gold.genre)) err(slug, `bad genre ${gold.genre}`);
  bump(count.genre, gold.genre);

  // --- entities
  const names = new Set();
  const covered = []; // strings that count as annotated for --warn
  for (const e of gold.entities ?? []) {
    if (typeof e.name !== 'string' || !e.name) err(slug, `entity without a name: ${JSON.stringify(e)}`);
    if (names.has(e.name)) err(slug, `duplicate entity ${e.name}`);
    names.add(e.name);
    if (!ENTITY_TYPES.includes(e.type)) err(slug, `entity ${e.name}: bad type ${e.type}`);
    bump(count.entities, e.type);
    if (!Array.isArray(e.mentions) || e.mentions.length === 0) err(slug, `entity ${e.name}: no mentions`);
    const seen = new Set();
    for (const m of e.mentions ?? []) {
      count.mentions++;
      if (seen.has(m)) err(slug, `entity ${e.name}: duplicate mention "${m}"`);
      seen.add(m);
      if (!text.includes(m)) err(slug, `entity ${e.name}: mention not in text: "${m}"`);
      covered.push(m);
    }
  }

  // --- quotes
  for (const q of gold.quotes ?? []) {
    if (!QUOTE_KINDS.includes(q.kind)) err(slug, `quote bad kind ${q.kind}: ${q.text?.slice(0, 40)}`);
    bump(count.quotes, q.kind);
    if (typeof q.text !== 'string' || !q.text) err(slug, 'quote without text');
    else if (!occurs(text, q.text)) err(slug, `quote not in text: "${q.text.slice(0, 80)}"`);
    else if (q.kind !== 'indirect' && /^["“‘]|["”]$/.test(q.text)) {
      // (a closing ’ is not checked: a quote may legitimately end in an apostrophe, "the farmers’")
      err(slug, `quote text keeps its quote marks: "${q.text.slice(0, 60)}"`);
    }
    if (q.speaker !== null && !names.has(q.speaker)) err(slug, `quote speaker "${q.speaker}" is not an entity`);
    if (q.kind === 'scare' && q.speaker !== null) err(slug, `scare quote with a speaker: "${q.text}"`);
    if (!('speaker' in q)) err(slug, `quote without speaker field: "${q.text}"`);
    covered.push(q.text);
  }

  // --- dates
  for (const d of gold.dates ?? []) {
    if (!text.includes(d.text)) err(slug, `date not in text: "${d.text}"`);
    if (!DATE_TYPES.includes(d.type)) err(slug, `date "${d.text}": bad type ${d.type}`);
    bump(count.dates, d.type);
    if (d.value !== null && (!DATE_VALUE.test(d.value) || !isDate(d.value))) {
      err(slug, `date "${d.text}": bad value ${d.value}`);
    }
    if (d.type === 'duration' && d.value !== null && !d.value.startsWith('P')) {
      err(slug, `duration "${d.text}" has non-duration value ${d.value}`);
    }
    if (d.type === 'date' && d.value !== null && d.value.startsWith('P')) {
      err(slug, `date "${d.text}" has a duration value ${d.value}`);
    }
    covered.push(d.text);
  }

  // --- numbers
  for (const n of gold.numbers ?? []) {
    count.numbers++;
    if (!text.includes(n.text)) err(slug, `number not in text: "${n.text}"`);
    if (typeof n.value !== 'number' || Number.isNaN(n.value)) err(slug, `number "${n.text}": bad value`);
    if (!('unit' in n) || !('qualifier' in n)) err(slug, `number "${n.text}": needs unit and qualifier`);
    if (n.qualifier && !n.text.toLowerCase().includes(n.qualifier.toLowerCase())) {
      err(slug, `number "${n.text}": qualifier "${n.qualifier}" not in its text`);
    }
    covered.push(n.text);
  }

  // --- review aid: what no annotation covers
  if (warn) {
    const mask = (s) => {
      let out = s;
      for (const c of covered.flatMap((x) => x.split('\n\n')).sort((a, b) => b.length - a.length)) {
        out = out.split(c).join(' '.repeat(c.length));
      }
      return out;
    };
    // capitalised words that are not sentence-initial
    const capsText = mask(text).replace(/(^|[.!?:]["”’]?\s+|\n\n|["“‘]\s*)([A-Z])/g, (_m, a) => a + '_');
    const caps = [...new Set(capsText.match(/\b[A-Z][\w’'-]+/g) ?? [])];
    const stop = new Set(['I', 'The', 'A', 'An', 'It', 'In', 'On', 'But', 'And', 'He', 'She', 'We', 'They']);
    const capsLeft = caps.filter((c) => !stop.has(c));
    const digitsLeft = [...new Set(mask(text).match(/\d[\d,.]*/g) ?? [])];
    if (capsLeft.length) console.log(`warn ${slug}: uncovered capitalised: ${capsLeft.join(', ')}`);
    if (digitsLeft.length) console.log(`warn ${slug}: uncovered digits: ${digitsLeft.join(', ')}`);
  }
}

const sum = (o) => Object.values(o).reduce((a, b) => a + b, 0);
console.log(`articles: ${count.articles}  genre: ${JSON.stringify(count.genre)}`);
console.log(
  `words: min ${Math.min(...count.words)}, max ${Math.max(...count.words)}, total ${count.words.reduce((a, b) => a + b, 0)}`,
);
console.log(`entities: ${sum(count.entities)} ${JSON.stringify(count.entities)}  mentions: ${count.mentions}`);
console.log(`quotes: ${sum(count.quotes)} ${JSON.stringify(count.quotes)}`);
console.log(`dates: ${sum(count.dates)} ${JSON.stringify(count.dates)}`);
console.log(`numbers: ${count.numbers}`);
if (errors) {
  console.error(`${errors} error(s)`);
  process.exit(1);
}
console.log('ok');
