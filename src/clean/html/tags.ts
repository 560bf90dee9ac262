/** Element names both HTML readers (the DOM walker and the tag-only reader) split blocks on. */

/** Elements that end one block of text and start another. */
export const BLOCK_TAGS = new Set([
  'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'PRE', 'FIGCAPTION', 'TD', 'TH', 'DD', 'DT', 'DIV', 'SECTION', 'ARTICLE',
  'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'MAIN', 'UL', 'OL', 'DL', 'TABLE', 'TR', 'FIGURE', 'FORM', 'BR', 'HR', 'ADDRESS', 'CAPTION', 'BUTTON', 'LABEL',
]);

/** Elements whose name a block keeps as a hint for the text rules (a figcaption is a caption). */
export const HINT_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'BLOCKQUOTE', 'FIGCAPTION', 'P', 'PRE', 'TD', 'CAPTION']);
