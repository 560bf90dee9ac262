/**
 * Headings that open a page section other than the article body. What follows a
 * `related` or `list` heading is parsed into items (stories with a summary become related
 * articles); a `comments` section is removed whole.
 */
import type { SectionKind } from './blocks.js';

const SECTION_HEADINGS: [SectionKind, RegExp][] = [
  // Author headings first: "More from the author" would otherwise read as "more from <outlet>".
  ['author', /^(about the author|read more about the author|more from the author|about the writer|author)$/iu],
  [
    'related',
    /^(related|related (articles?|stories|news|content|coverage|reads|posts|links)|more (stories|news|articles|coverage|headlines|to read)|more from [\p{L}\d .&'’-]{1,40}|more on (this (story|topic))|(you|we) (may|might) (also )?(like|enjoy)|you may have missed|recommended( for you| stories| reading| articles)?|we recommend|editors?'? picks|top stories|latest( news| stories| headlines| articles)?|most (read|popular|viewed|shared)( on [\p{L}\d .&'’-]{1,30})?|trending( now| stories| news| on [\p{L}\d .&'’-]{1,30})?|popular( now| stories| on [\p{L}\d .&'’-]{1,30})?|don'?t miss|around the web|from (our|the) partners?|(also )?in the news|what to read next|further reading|up next|next up|in other news|elsewhere (on|in) [\p{L} .]{1,30}|read (more|next|also)|also read|see also|keep reading|other stories|top headlines|headlines|news feed|for you|more for you|more (in |on )?[\p{L}&'’]{3,20}( [\p{L}&'’]{3,20})?)$/iu,
  ],
  ['comments', /^(comments?|\d+ comments?|comments \(\d+\)|join the (conversation|discussion)|conversation|discussion|reader comments|what readers (say|think)|tributes( \(\d+\))?|guest ?book|condolences( \(\d+\))?)$/iu],
  ['tags', /^(hashtags|tags|topics|related topics|filed under|more about|explore more on these topics)$/iu],
];

const TRAILING = /[\s.:!?»›>→…|-]+$/u;

export function sectionKind(text: string): SectionKind | null {
  const core = text.replace(TRAILING, '').trim();
  if (core.length === 0 || core.length > 60) return null;
  for (const [kind, pattern] of SECTION_HEADINGS) if (pattern.test(core)) return kind;
  return null;
}
