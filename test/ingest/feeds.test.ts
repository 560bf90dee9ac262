/**
 * Feed parsing: the four formats, links, dates, names, the full-text rule, the page built for an
 * item, and the limits that keep a hostile feed harmless. Every outlet and story is invented.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  countWords,
  fullText,
  FULL_TEXT_WORDS,
  InputError,
  itemDocument,
  MAX_FEED_CHARS,
  MAX_FEED_ITEMS,
  parseFeed,
  parseFeedDate,
  sniffFeed,
  type FeedItem,
} from '../../src/ingest/index.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function parseError(text: string, source = 'feed.xml'): InputError {
  try {
    parseFeed(text, { source });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected the feed to be refused');
}

function item(overrides: Partial<FeedItem> = {}): FeedItem {
  return {
    id: 'x-1',
    link: 'https://example.test/x',
    title: 'A title',
    published: null,
    authors: [],
    contentHtml: null,
    summary: null,
    feedTitle: null,
    ...overrides,
  };
}

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('sniffFeed', () => {
  it('names each kind by its root element or JSON Feed version', () => {
    expect(sniffFeed(fixture('rss-full.xml'))).toBe('rss');
    expect(sniffFeed(fixture('atom.xml'))).toBe('atom');
    expect(sniffFeed(fixture('rdf.xml'))).toBe('rdf');
    expect(sniffFeed(fixture('feed.json'))).toBe('json');
    expect(sniffFeed('\ufeff<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "b">]>\n<rss version="2.0"><channel/></rss>')).toBe('rss');
  });

  it('leaves pages, other XML and other JSON alone', () => {
    expect(sniffFeed('<!doctype html><html><body><p>Feed the ducks</p></body></html>')).toBeNull();
    expect(sniffFeed('<?xml version="1.0"?><urlset><url><loc>https://a.test/</loc></url></urlset>')).toBeNull();
    expect(sniffFeed('{"version": "2.0", "items": []}')).toBeNull();
    expect(sniffFeed('The <rss> tag opens a feed; <feed> opens an Atom one.')).toBeNull();
    expect(sniffFeed('<feedback>ok</feedback>')).toBeNull();
  });
});

describe('parseFeed: RSS 2.0', () => {
  const feed = parseFeed(fixture('rss-full.xml'), { source: 'rss-full.xml' });

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      kind: 'rss',
      title: 'The Harbour Ledger',
      homeUrl: 'https://harbour-ledger.test/',
      language: 'en-gb',
      truncated: false,
    });
  });

  it('reads items, decoding entities and resolving relative links against the site', () => {
    expect(feed.items).toHaveLength(2);
    const [dawn, wall] = feed.items;
    expect(dawn).toMatchObject({
      id: 'ledger-4471',
      link: 'https://harbour-ledger.test/news/dawn-ferry',
      title: 'Kestrel Bay ferry adds a dawn sailing for market traders',
      published: '2026-03-03T06:15:00.000Z',
      authors: ['Morwenna Tallack'],
      summary: 'Traders from the outer islands will reach the Saturday market an hour earlier.',
      feedTitle: 'The Harbour Ledger',
    });
    expect(dawn?.contentHtml).toContain('<p>Traders from the outer islands');
    expect(dawn?.contentHtml).toContain('&#8220;We were unloading');
    expect(wall).toMatchObject({
      id: 'https://harbour-ledger.test/news/harbour-wall-survey',
      link: 'https://harbour-ledger.test/news/harbour-wall-survey',
      title: 'Council to publish harbour wall survey & repair costs',
      published: '2026-03-02T17:40:00.000Z',
      authors: ['Jory Pascoe'],
      contentHtml: null,
      summary: 'The survey found cracking along the northern arm.',
    });
  });

  it('resolves relative links against the feed URL when there is one', () => {
    const fetched = parseFeed(fixture('rss-full.xml'), { url: 'https://mirror.test/feeds/ledger.xml' });
    expect(fetched.items[1]?.link).toBe('https://mirror.test/news/harbour-wall-survey');
  });

  it('yields a duplicated link once', () => {
    const links = feed.items.map((entry) => entry.link);
    expect(new Set(links).size).toBe(links.length);
  });

  it('takes a permalink guid as the link, but not one marked isPermaLink="false"', () => {
    const rss = (guid: string) =>
      `<rss version="2.0"><channel><title>T</title><item><title>A</title>${guid}</item></channel></rss>`;
    expect(parseFeed(rss('<guid>https://a.test/story</guid>')).items[0]?.link).toBe('https://a.test/story');
    expect(parseFeed(rss('<guid isPermaLink="false">https://a.test/story</guid>')).items[0]?.link).toBeNull();
  });

  it('refuses links that are not http(s)', () => {
    const rss = `<rss version="2.0"><channel><item><title>A</title><link>javascript:alert(1)</link></item>
      <item><title>B</title><link>file:///etc/passwd</link></item></channel></rss>`;
    expect(parseFeed(rss).items.map((entry) => entry.link)).toEqual([null, null]);
  });

  it('decodes numeric references the XML way, so escaped markup stays markup', () => {
    const rss = `<rss version="2.0"><channel><item><title>Caf&#233; &amp;amp; bar</title>
      <content:encoded>&#60;p&#62;One &amp;amp; two&#60;/p&#62;</content:encoded></item></channel></rss>`;
    const [entry] = parseFeed(rss).items;
    expect(entry?.title).toBe('Café & bar');
    expect(entry?.contentHtml).toBe('<p>One &amp; two</p>');
  });
});

describe('parseFeed: Atom, RSS 1.0 and JSON Feed', () => {
  it('reads Atom with xml:base, alternate links, text constructs and feed-level authors', () => {
    const feed = parseFeed(fixture('atom.xml'));
    expect(feed).toMatchObject({ kind: 'atom', title: 'Lowmoor Courier', homeUrl: 'https://lowmoor-courier.test/', language: 'en' });
    const [library, shelter] = feed.items;
    expect(library).toMatchObject({
      id: 'tag:lowmoor-courier.test,2026:library-reopens',
      link: 'https://lowmoor-courier.test/stories/library-reopens',
      title: 'Lowmoor library reopens after roof repairs',
      published: '2026-02-19T08:30:00.000Z',
      authors: ['Idris Wenlock', 'Bethan Marr'],
      summary: 'The reading room is open again after eleven weeks.',
    });
    // The XHTML wrapper div is not content (RFC 4287), so it is gone; the markup inside stays.
    expect(library?.contentHtml?.trim().startsWith('<p>The public library')).toBe(true);
    expect(library?.contentHtml).toContain('<em>free of charge</em>');
    expect(shelter).toMatchObject({
      link: 'https://lowmoor-courier.test/stories/bus-shelter-vote',
      published: '2026-02-18T16:05:00.000Z',
      authors: ['Courier Newsdesk'],
      contentHtml: '<p>Councillors want more quotes first.</p>',
      summary: 'Councillors want more quotes first.',
    });
  });

  it('reads RSS 1.0 (RDF) with Dublin Core fields', () => {
    const feed = parseFeed(fixture('rdf.xml'));
    expect(feed).toMatchObject({ kind: 'rdf', title: 'Fenwick Gazette', language: 'en' });
    expect(feed.items).toEqual([
      {
        id: 'https://fenwick-gazette.test/allotments',
        link: 'https://fenwick-gazette.test/allotments',
        title: 'Allotment waiting list closes for the year',
        published: '2026-03-05T10:00:00.000Z',
        authors: ['Orla Quennell'],
        contentHtml: null,
        summary: 'Forty households are already waiting for a plot.',
        feedTitle: 'Fenwick Gazette',
      },
    ]);
  });

  it('reads JSON Feed 1.1: numeric ids, relative URLs, text content as paragraphs', () => {
    const feed = parseFeed(fixture('feed.json'));
    expect(feed).toMatchObject({ kind: 'json', title: 'Skerry Point Weekly', homeUrl: 'https://skerry-weekly.test/' });
    const [eelgrass, lights, note] = feed.items;
    expect(eelgrass).toMatchObject({
      id: '2026-eelgrass',
      published: '2026-01-28T13:00:00.000Z',
      authors: ['Tamsin Roskilly'],
      summary: "A decade on, divers chart the bay's underwater meadows.",
    });
    expect(eelgrass?.contentHtml?.split('<p>')).toHaveLength(6);
    expect(lights).toMatchObject({ id: '20260122', link: 'https://skerry-weekly.test/2026/quay-lights', authors: ['Skerry Point Weekly'] });
    expect(note).toMatchObject({ id: 'no-link', link: null, contentHtml: '<p>Too short to stand alone.</p>' });
  });

  it('reads JSON Feed 1.0 single authors', () => {
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1',
      title: 'Old Style',
      items: [{ id: '1', url: 'https://a.test/1', author: { name: 'Pell Araby' } }],
    });
    expect(parseFeed(json).items[0]?.authors).toEqual(['Pell Araby']);
  });
});

describe('parseFeedDate', () => {
  it.each([
    ['Tue, 03 Mar 2026 06:15:00 +0000', '2026-03-03T06:15:00.000Z'],
    ['Tue, 03 Mar 2026 06:15:00 EST', '2026-03-03T11:15:00.000Z'],
    ['2026-03-03T06:15:00+02:00', '2026-03-03T04:15:00.000Z'],
    ['2026-03-03', '2026-03-03T00:00:00.000Z'],
  ])('%s', (raw, iso) => {
    expect(parseFeedDate(raw)).toBe(iso);
  });

  it('gives null for missing, unparseable and yearless dates', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate('soon')).toBeNull();
    expect(parseFeedDate('12')).toBeNull();
    expect(parseFeedDate('Mittwoch, 4. März 2026')).toBeNull();
  });
});

describe('parseFeed: broken and hostile feeds', () => {
  it('refuses a truncated feed', () => {
    const cut = fixture('rss-full.xml').slice(0, 1500);
    const error = parseError(cut);
    expect(error.code).toBe('malformed');
    expect(error.message).toMatch(/^feed\.xml: RSS feed ends before its root element closes/);
  });

  it('refuses XML the parser cannot read, naming why', () => {
    const comment = parseError('<rss version="2.0"><channel><title>A</title></channel><!-- unclosed </rss>');
    expect(comment.message).toBe('feed.xml: RSS feed is not well-formed XML: Comment is not closed.');
    const cdata = parseError('<rss version="2.0"><channel><title><![CDATA[A</title></channel></rss>');
    expect(cdata.message).toContain('CDATA is not closed');
    const attribute = parseError(`<rss version="2.0"><channel><title a="b>${'A'.repeat(5000)}</title></channel></rss>`);
    expect(attribute.code).toBe('malformed');
    expect(attribute.message.length).toBeLessThan(400);
  });

  it('refuses an RSS feed without a channel, and JSON that is not a JSON Feed', () => {
    expect(parseError('<rss version="2.0"><item><title>A</title></item></rss>').message).toContain('no <channel>');
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", "items": [').message).toContain('not valid JSON');
    expect(parseError('{"version": "https://jsonfeed.org/version/1.1", "title": "x"}').message).toContain('no "items"');
    expect(parseError('<html><body>not a feed</body></html>').message).toContain('not an RSS, Atom or JSON feed');
  });

  it('leaves nested entity declarations unexpanded (billion laughs)', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY l0 "ha">${levels}]>
      <rss version="2.0"><channel><title>&l9;</title><item><title>&l9;&l9;</title><link>https://a.test/1</link>
      <description>&l9;</description></item></channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(bomb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(feed.title).toBe('&l9;');
    expect(JSON.stringify(feed).length).toBeLessThan(2000);
  });

  it('leaves a wide entity unexpanded, and refuses oversized or external declarations', () => {
    const wide = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY w "${'w'.repeat(4000)}">]>
      <rss version="2.0"><channel><title>${'&w;'.repeat(5000)}</title></channel></rss>`;
    expect(JSON.stringify(parseFeed(wide)).length).toBeLessThan(20_000);
    const oversized = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY w "${'w'.repeat(5000)}">]><rss><channel/></rss>`;
    expect(parseError(oversized).code).toBe('malformed');
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>`;
    expect(parseError(external).message).toContain('External entities are not supported');
  });

  it('refuses deep nesting', () => {
    const deep = `<rss><channel><item>${'<b>'.repeat(500)}${'</b>'.repeat(500)}</item></channel></rss>`;
    expect(parseError(deep).code).toBe('malformed');
  });

  it(`keeps at most ${MAX_FEED_ITEMS} items`, () => {
    const items = Array.from({ length: MAX_FEED_ITEMS + 50 }, (_, i) => `<item><link>https://a.test/${i}</link></item>`).join('');
    const feed = parseFeed(`<rss version="2.0"><channel><title>Many</title>${items}</channel></rss>`);
    expect(feed.items).toHaveLength(MAX_FEED_ITEMS);
    expect(feed.truncated).toBe(true);
    expect(parseFeed(`<rss version="2.0"><channel>${items}</channel></rss>`, { maxItems: 3 }).items).toHaveLength(3);
  });

  it('refuses a feed too large to parse', () => {
    const huge = `<rss version="2.0"><channel><title>${'x'.repeat(MAX_FEED_CHARS)}</title></channel></rss>`;
    expect(parseError(huge).code).toBe('too-large');
  });
});

describe('full text and the page built from an item', () => {
  it(`treats ${FULL_TEXT_WORDS} words of content as the full text, fewer as a teaser`, () => {
    expect(fullText(item({ contentHtml: `<p>${words(FULL_TEXT_WORDS)}</p>` }))).not.toBeNull();
    expect(fullText(item({ contentHtml: `<p>${words(FULL_TEXT_WORDS - 1)}</p>` }))).toBeNull();
    expect(fullText(item({ contentHtml: null }))).toBeNull();
  });

  it('counts words of text only: not tags, attributes or scripts', () => {
    const html = `<p class="${words(300)}">one <b>two</b></p><script>${words(300)}</script><style>p { color: red }</style>`;
    expect(countWords(fullText(item({ contentHtml: html })) ?? 'one two')).toBe(2);
    expect(countWords('東京都は月曜日、新しい経済対策を発表した')).toBeGreaterThan(5);
  });

  it('balances broken content so it cannot close the article around it', () => {
    const html = `<p>${words(200)}</article></body><div><p>unclosed`;
    const body = fullText(item({ contentHtml: html }))!;
    expect(body).not.toMatch(/<\/(?:article|body)>/);
    expect(body.startsWith('<p>word0 ')).toBe(true);
  });

  it('builds a document with the headline, outlet, date, byline and content, all escaped', () => {
    const document = itemDocument(
      item({
        title: 'Fees <script>alert(1)</script> & "fines"',
        feedTitle: 'The "Quay" Post',
        published: '2026-03-03T06:15:00.000Z',
        authors: ['Ada Penrose', 'Col Treloar', 'Dee Vosper'],
        link: 'https://quay.test/a?x=1&y="2"',
      }),
      '<p>Body.</p>',
      'en',
    );
    expect(document).toContain('<html lang="en">');
    expect(document).toContain('<title>Fees &#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;fines&#34;</title>');
    expect(document).toContain('<h1>Fees &#60;script&#62;');
    expect(document).toContain('<meta property="og:site_name" content="The &#34;Quay&#34; Post">');
    expect(document).toContain('<meta property="article:published_time" content="2026-03-03T06:15:00.000Z">');
    expect(document).toContain('<meta name="author" content="Col Treloar">');
    expect(document).toContain('<link rel="canonical" href="https://quay.test/a?x=1&#38;y=&#34;2&#34;">');
    expect(document).toContain('<p class="byline">By Ada Penrose, Col Treloar and Dee Vosper</p>');
    expect(document).toContain('<article>');
    expect(document).not.toContain('<script>');
  });
});
