import { describe, expect, it } from 'vitest';
import type { RemovalReason } from '../../src/model.js';
import type { SectionKind } from '../../src/clean/blocks.js';
import { LINE_RULES, matchLineRule } from '../../src/clean/rules.js';
import { sectionKind } from '../../src/clean/sections.js';

/** Every member of `RemovalReason`; the `Record` makes the compiler insist on all of them. */
const REASONS: Record<RemovalReason, true> = {
  advertisement: true,
  promo: true,
  navigation: true,
  caption: true,
  credit: true,
  bio: true,
  disclaimer: true,
  comments: true,
  duplicate: true,
  widget: true,
  other: true,
};

interface KnownBug {
  text: string;
  /** What is wrong, for whoever fixes the rule. */
  bug: string;
}

interface RuleCases {
  /** Lines this rule (by name) must be the first to match. */
  positive: string[];
  /** Ordinary news sentences that use the same words: no rule may remove them. */
  negative: string[];
  /** Residue this rule should catch (or catch under its own name) but does not yet. */
  missed?: KnownBug[];
  /** News text that some rule removes but should not. */
  overMatched?: KnownBug[];
}

const CASES: Record<string, RuleCases> = {
  'ad-slot': {
    positive: ['Advertisement', 'ADVERTISEMENT', 'Sponsored content', 'Paid partnership', 'Report this ad', 'Advertisement ›'],
    negative: [
      'The advertisement campaign cost the council £2m, officials said.',
      'Ad spending fell sharply.',
      'Advertising revenue fell 8%.',
      'Sponsored by the council, the fair opened.',
    ],
  },
  'continues-below': {
    positive: ['Story continues below advertisement', 'Continue reading the main story', 'Article continues after advertisement', 'Scroll to continue reading'],
    negative: ['The story continues to unfold.', 'Continue reading, she urged the class.', 'The article continues a long tradition of satire.'],
  },
  'app-pitch': {
    positive: ['Download the app for breaking news alerts', 'Get the Daily Ledger app on the App Store and Google Play', 'Scan the QR code to download'],
    negative: [
      'The app crashed twice during the vote count, officials said.',
      "The hospital's new booking app has been downloaded 40,000 times since March.",
    ],
    overMatched: [
      {
        text: 'Police urged drivers to download the traffic app before setting off on the bank holiday.',
        bug: 'APP_PITCH matches "download ... app" anywhere in a sentence, so reported speech about an app is removed as a pitch.',
      },
    ],
  },
  'newsletter-pitch': {
    positive: [
      'Sign up for our morning briefing newsletter',
      'Subscribe now',
      'Already a subscriber? Log in',
      'Get the best of our reporting delivered to your inbox every morning.',
    ],
    negative: [
      'She said she would subscribe to the view that the talks had failed.',
      'Register offices will close on Friday.',
      'She signed up for the army at eighteen.',
    ],
    overMatched: [
      {
        text: 'Residents can sign up for flood alerts on the council website, officials said.',
        bug: 'NEWSLETTER_PITCH matches "sign up ... alerts" inside reported news about a public service.',
      },
    ],
  },
  'donation-appeal': {
    positive: [
      'Support independent journalism: donate today and help keep our reporting free for everyone.',
      'If you value our journalism, please make a contribution of $5 or more.',
      'Support our journalism',
    ],
    negative: [
      'The charity said donations to its winter appeal had risen by a third, helping it fund 40 more beds.',
      'Residents were asked to contribute to the consultation, which closes on Friday.',
      'The charity, which relies on donations from the public, said it would use the money to support local families through the winter.',
      'Volunteers at the food bank said donations had fallen by a quarter since the summer, and the charity warned that it might have to turn ' +
        'families away before Christmas unless more people were able to give.',
    ],
    overMatched: [
      {
        text: 'The minister said the government would contribute £40m to the harbour project over five years.',
        bug: '"contribute" plus a currency amount already counts as two funding cues, so a spending announcement reads as an appeal.',
      },
    ],
  },
  'paywall-meter': {
    positive: ["You've read 3 of 5 free articles this month.", 'You have 2 free articles left'],
    negative: [
      'Library users read 3 of 5 books on the list, the survey found.',
      'The newspaper dropped its paywall in 2019.',
      'Free articles on the council website explain the new bin rules.',
    ],
    overMatched: [
      {
        text: 'Fans queued for hours to keep reading the final chapter.',
        bug: '"to (keep|continue) reading" anywhere in a sentence reads as a paywall prompt.',
      },
      {
        text: 'Readers who want to continue reading the series must wait until May.',
        bug: 'same "to continue reading" phrase as above.',
      },
    ],
  },
  'weather-widget': {
    positive: ['Weather: 14°C Cloudy', 'Ashcombe · Wind 11mph SW · Rain 40%', 'Lisbon 23°C'],
    negative: [
      'Temperatures are expected to reach 40 degrees in Seville on Friday, forecasters said.',
      'The wind turned and the rain began just after the match started.',
    ],
  },
  'market-data': {
    positive: ['412.60p', '−51.20 (−11.04%)', '1D 5D 1M 6M 1Y 5Y', 'FTSE 100 8,412.33 ▲0.42% FTSE 250 20,117.80 ▼0.61%'],
    negative: ['Shares fell 11% to 412.6p on Friday morning, their lowest in a decade.', 'The index closed at 8,412 points.'],
  },
  'citation-help': {
    positive: ['Cite this article: Roe, J. (2026). Sponges and heat. Example Weekly.', 'How to cite this page'],
    negative: ['The judge declined to cite this article of the constitution in her ruling.', 'Scientists often cite this study as the first of its kind.'],
  },
  'read-at-source': {
    positive: ['Read the full story at Brackwater Finance', 'Continue reading the original article', 'Enjoyed this?'],
    negative: ['Read the full story of how the bridge was built in our archive section, the museum said.', 'She enjoyed this year’s festival more than any other.'],
  },
  'contribution-pitch': {
    positive: [
      'Want to submit a guest column? Email opinion@example.org. Columns should be under 700 words.',
      'Got a story tip? Contact our newsroom in confidence.',
      'Send us your letter: letters@example.org',
    ],
    negative: [
      'The council asked residents to submit objections before Friday.',
      'She said she would write a letter to the minister about the closure.',
    ],
  },
  'entry-time': {
    positive: ['10:42 GMT', '9.30am', '14:05', '07:15 local time'],
    negative: ['10:42 GMT: talks resume', 'The ferry leaves at 10:42 GMT on weekdays.', 'Score: 2-1'],
  },
  'support-button': {
    positive: ['Support The Civic Review', 'Donate now', 'Give today', 'Back our newsroom'],
    negative: ['Donate blood, the hospital urged.', 'Support us, the striking nurses urged.', 'Supporters gathered outside court.', 'Back home, the mood was grim.'],
    overMatched: [
      {
        text: 'Support for the strike grew.',
        bug: 'with the `i` flag, `\\p{Lu}` in the support-button pattern matches lower-case letters too, so any short "Support/Fund/Back ..." line matches.',
      },
      { text: 'Fund managers sold shares.', bug: 'same `\\p{Lu}` + `i` flag problem as above.' },
    ],
  },
  'cookie-notice': {
    positive: [
      'We use cookies to improve your experience.',
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'Manage your cookie preferences',
    ],
    negative: ['The cookie jar was empty.', 'Bakers said the cost of cookies and cakes had risen sharply since the summer.'],
  },
  'social-follow': {
    positive: ['Follow us on Twitter', 'Join our WhatsApp channel for the latest updates', 'Follow The Daily Ledger on Instagram for more', 'Follow her on Bluesky'],
    negative: [
      'Follow the money, the auditor told the committee on Tuesday.',
      'The mayor urged residents to follow guidance on Twitter and the council website during the storm.',
      'Like many towns on the coast, Seabury depends on tourism.',
    ],
  },
  'inline-promo-link': {
    positive: ['Related: Council approves new flood barriers', 'Read more: Ferry fares rise again', 'See also: Harbour dredging begins'],
    negative: ['Related talks in Geneva ended without agreement on Friday.', 'Live music returns to the harbour this summer.', 'More than 300 people attended the vigil.'],
    overMatched: [
      {
        text: 'More — much more — needs to be done, the minister said.',
        bug: 'a dash after a sentence-opening "More"/"Live" is read as a "More: <link>" label.',
      },
    ],
  },
  'ai-widget': {
    positive: ['Try our AI summary of this article', 'Summarize this article with AI', 'AI-generated summary', 'Ask our AI about this story'],
    negative: ['The hospital said artificial intelligence would help doctors read scans.', 'AI companies face new rules in Europe.'],
    overMatched: [
      {
        text: 'The company said its AI features would be rolled out to hospitals next year.',
        bug: '"AI features" anywhere in a 15-word sentence reads as widget text; news about AI products is removed.',
      },
    ],
  },
  'share-tools': {
    positive: ['Share this article', 'Copy link', 'Listen to this article 5 min', '4 min read', 'Print', 'Show more'],
    negative: ['Share prices rose.', 'Print works resumed.', 'Listen to the people, she said.', 'Close the border, protesters chanted.', 'Save for retirement.'],
    missed: [
      {
        text: 'Back to top',
        bug: 'support-button runs first and its `\\p{Lu}` (with the `i` flag) accepts "to top", so this widget is recorded as a donate button (reason promo).',
      },
    ],
  },
  breadcrumb: {
    positive: ['News > World > Europe', 'Home / News / Politics / Elections', 'Home › Sport › Football'],
    negative: ['Prices rose from 3 > 2 percent in the quarter, the bank said.', 'Europe > Asia in growth, the report said.'],
  },
  'hashtag-line': {
    positive: ['#Elections #Budget #Council', 'Tags: flood barriers, council', 'Filed under: Politics'],
    negative: [
      'The hashtag #FloodRelief trended across the region after the storm, volunteers said.',
      'Tags were found on the birds.',
      'Topics discussed at the summit included trade and migration.',
    ],
  },
  'menu-word': {
    positive: ['Home', 'Skip to main content', 'Privacy Policy', 'Sections', 'Contact us'],
    negative: ['World leaders met.', 'Home prices rose.', 'News broke late.', 'Search continues.'],
  },
  'comments-prompt': {
    positive: ['Comments', '12 comments', 'Join the conversation', 'Be the first to comment', 'Comments are closed.', 'Comments (12)'],
    negative: [
      'Comments by the minister drew criticism from opposition MPs on Tuesday.',
      'Comments by the minister drew criticism.',
      'The discussion lasted an hour.',
      'Reply came two days later.',
      'Report finds flaws in the harbour plan',
    ],
  },
  'comment-policy': {
    positive: [
      'We reserve the right to remove comments that are abusive, off-topic or offensive. Please keep it civil.',
      'Comments are moderated. Please be respectful and follow our community guidelines.',
    ],
    negative: [
      'The moderator said comments from the audience would be taken after the debate.',
      'The court heard the comments were abusive and offensive, and the judge said he reserved judgment.',
      'Her comments were civil but firm, aides said.',
    ],
  },
  'author-pointer': {
    positive: ['Read more about the author', 'About the author', 'View author profile', 'More from this author', 'Contact the author'],
    negative: [
      'About the author, little is known.',
      "The author profile on the publisher's website was removed.",
      'Follow him on his long walk, the documentary urges.',
      'The author of the report, Professor Lena Brook, said the findings were clear.',
    ],
  },
  'opinion-disclaimer': {
    positive: [
      'The views expressed in this article are those of the author and do not necessarily reflect the position of the newspaper.',
      "Opinions are the author's own.",
      'This piece does not necessarily reflect the views of the editorial board.',
    ],
    negative: [
      'The views expressed at the meeting were strongly against the plan, the mayor said.',
      "The author said the book's opinions were her own and not her publisher's.",
      'The views expressed by residents were mixed.',
    ],
    overMatched: [
      {
        text: "Party officials stressed that the senator's views are her own.",
        bug: '"views are her own" anywhere in a sentence reads as an opinion disclaimer, even in reported news.',
      },
    ],
  },
  'editorial-note': {
    positive: [
      'This article was amended on 3 March 2026 to correct the spelling of a name.',
      'Correction: An earlier version misstated the date of the vote.',
      "Editor's note: This story has been updated with comment from the council.",
      'Clarification: The figures refer to 2025.',
    ],
    negative: [
      'This article of the treaty was amended in 1998 after a referendum.',
      'The correction in share prices wiped £3bn off the index on Friday.',
      'This story was first told by fishermen in the 1950s.',
      'Correction of the figures took weeks.',
    ],
  },
  'copyright-line': {
    positive: ['© 2026 The Daily Ledger. All rights reserved.', 'Copyright 2026 Coastal Herald', '(c) Coastal Herald 2026', 'All rights reserved.'],
    negative: ['The band lost a copyright case over the song in 2019.', 'The copyright on the song expired last year, lawyers said.'],
    overMatched: [
      {
        text: 'Copyright lawyers said the ruling would affect thousands of musicians.',
        bug: '`^(©|(c)|copyright)\\s*(\\d{4}|\\p{L})` accepts any sentence that starts with the word "Copyright".',
      },
    ],
  },
  'agency-credit': {
    positive: ['Reporting by Jane Roe; Editing by Sam Poe', 'Additional reporting by Lena Brook in Kyiv', '(Writing by Jane Roe; editing by Sam Poe)'],
    negative: ['Reporting restrictions were lifted on Friday.', 'Edited highlights of the debate will be shown tonight.'],
    overMatched: [
      {
        text: 'Reporting by local journalists helped expose the scandal, the inquiry found.',
        bug: 'any one-sentence line that opens "Reporting by"/"Produced by" is a credit, whatever follows the name slot.',
      },
      { text: 'Produced by local farmers, the cheese sells out quickly.', bug: 'same as above, for "Produced by".' },
    ],
  },
  'photo-credit': {
    positive: ['Photo: Sam Poe', 'Jane Roe/Reuters', '(File photo)', 'Getty Images', 'Image credit: Harbour Authority'],
    negative: [
      'Reuters reported that the talks had stalled.',
      'Photo opportunities were limited.',
      'Pictures of the flood spread online.',
      'Getty Images said it would appeal against the ruling.',
      'The image of the burning ship was shared thousands of times online.',
    ],
  },
};

describe('LINE_RULES table', () => {
  it('has a unique name, a non-empty why, a valid reason and a positive word limit on every rule', () => {
    const names = LINE_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of LINE_RULES) {
      expect(rule.name, 'rule name').toMatch(/^[a-z][a-z-]*[a-z]$/);
      expect(rule.why.trim().length, `why of ${rule.name}`).toBeGreaterThan(10);
      expect(Object.keys(REASONS), `reason of ${rule.name}`).toContain(rule.reason);
      expect(Number.isInteger(rule.maxWords) && rule.maxWords > 0, `maxWords of ${rule.name}`).toBe(true);
    }
  });

  it('has examples here for every rule, and no examples for rules that do not exist', () => {
    const names = LINE_RULES.map((r) => r.name).sort();
    expect(Object.keys(CASES).sort()).toEqual(names);
    for (const [name, cases] of Object.entries(CASES)) {
      expect(cases.positive.length, `positives for ${name}`).toBeGreaterThanOrEqual(2);
      expect(cases.negative.length, `negatives for ${name}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('never matches blank or whitespace-only text', () => {
    for (const text of ['', ' ', '   ', '.', '—']) expect(matchLineRule(text)?.name ?? null, JSON.stringify(text)).toBeNull();
  });

  it('respects maxWords: a positive padded past the limit with prose is not removed', () => {
    // "Advertisement" followed by a long sentence is a paragraph that begins with that word.
    const long = 'Advertisement agencies in the city said on Tuesday that demand for outdoor posters had fallen for a third year in a row.';
    expect(matchLineRule(long)).toBeNull();
  });
});

for (const [name, cases] of Object.entries(CASES)) {
  describe(`line rule ${name}`, () => {
    it.each(cases.positive)('removes %j', (text) => {
      const rule = matchLineRule(text);
      expect(rule?.name).toBe(name);
    });

    it.each(cases.negative)('keeps %j', (text) => {
      expect(matchLineRule(text)?.name ?? null).toBeNull();
    });

    for (const { text, bug } of cases.missed ?? []) {
      // Regression (see `bug`): a line this rule once missed.
      it(`removes ${JSON.stringify(text)} [regression, was: ${bug}]`, () => {
        expect(matchLineRule(text)?.name).toBe(name);
      });
    }

    for (const { text, bug } of cases.overMatched ?? []) {
      // Regression (see `bug`): ordinary news text a line rule once removed.
      it(`keeps ${JSON.stringify(text)} [regression, was: ${bug}]`, () => {
        expect(matchLineRule(text)?.name ?? null).toBeNull();
      });
    }
  });
}

describe('sectionKind', () => {
  const POSITIVE: [string, SectionKind][] = [
    ['Related', 'related'],
    ['Related:', 'related'],
    ['More stories', 'related'],
    ['You may also like', 'related'],
    ['Most read', 'related'],
    ['Trending now', 'related'],
    ['More from Coastal Herald', 'related'],
    ['LATEST NEWS', 'related'],
    ['Comments', 'comments'],
    ['Comments (12)', 'comments'],
    ['Join the conversation', 'comments'],
    ['What readers say', 'comments'],
    ['Reader comments', 'comments'],
    ['Tags', 'tags'],
    ['Topics:', 'tags'],
    ['Filed under', 'tags'],
    ['About the author', 'author'],
    ['About the writer', 'author'],
  ];

  it.each(POSITIVE)('reads %j as a %s heading', (text, kind) => {
    expect(sectionKind(text)).toBe(kind);
  });

  // Regression (fixed): the author pattern lists "more from the author", but the related pattern's
  // "more from <name>" is tried first and shadows it, so the author box is parsed as a
  // related-stories list instead of being removed as a bio.
  it('reads "More from the author" as an author heading [regression, was: shadowed by "more from <outlet>"]', () => {
    expect(sectionKind('More from the author')).toBe('author');
  });

  const NEGATIVE = [
    'Related talks ended without a deal.',
    'The latest figures show a rise in arrests.',
    'Headlines about the strike dominated the week.',
    'Comments by the minister drew criticism.',
    'Author of the report resigns',
    'Up next for the council is a vote on the budget.',
    'Most read the report before the vote, she said.',
    'Tags were found on the birds.',
    'The discussion lasted an hour.',
    '',
    '...',
    `Related ${'coverage '.repeat(10)}`,
  ];

  it.each(NEGATIVE)('does not read %j as a section heading', (text) => {
    expect(sectionKind(text)).toBeNull();
  });
});
