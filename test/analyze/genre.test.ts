import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyGenre } from '../../src/analyze/genre.js';
import type { GenreSignal } from '../../src/analyze/types.js';

const signal = (signals: GenreSignal[], name: string): GenreSignal | undefined => signals.find((s) => s.signal === name);
const names = (signals: GenreSignal[]): string[] => signals.map((s) => s.signal);

// Invented stories, in the style of the genres they stand for.

const NEWS_QUOTING_I_THINK = `The city council voted on Tuesday to close two branch libraries, ending a dispute over the budget that has run since the autumn.

"I think this is a sad day for the neighbourhood," said Ana Lopes, who has used the Eastgate branch for 20 years. "I grew up in that building and my children did their homework there. I don't know where I will go now."

Council leader Tom Reyes said the closures would save £1.2 million a year. "We must balance the books, and I do not take this lightly," he told reporters after the vote. "You should not think we wanted this."

The libraries will close at the end of March, according to a council statement. Staff will be offered jobs at other branches, a spokesperson said.

Campaigners said they would challenge the decision in court. "I am not giving up, and my neighbours are not giving up," Lopes added. "We should have been asked."`;

const NEWS_INDIRECT_JUDGMENTS = `The transport minister said on Monday that the rail timetable introduced in May was a mistake and should be scrapped before the winter.

Speaking in parliament, Dana Whitfield said the operator must publish new figures within a month, and argued that the current plan was reckless. Opposition members said the minister should apologise to commuters.

The operator said in a statement that it would review the timetable. According to figures published last week, only 61 percent of trains arrived on time in June, down from 74 percent a year earlier.

Union leaders told reporters they would meet the operator on Thursday. A spokesman for the operator said talks had been constructive. Passenger groups said the delays were unacceptable and warned that commuters would switch to cars.`;

const COLUMN = `Every morning I walk past the library on my road, and every morning I count the children inside. Yesterday there were eleven. Closing it would be a mistake the council will regret for a generation.

I understand the budget is tight. I have sat through enough council meetings to know that. But a library is not a luxury, and we should stop pretending it is one.

What is a town without a place where anyone can sit for free? Where will those eleven children go? The answer, I suspect, is nowhere good.

The council must think again. It is time to treat libraries as the infrastructure they are. Frankly, the savings are far too small to justify the damage, and my neighbours know it.

If you care about this, write to your councillor before the vote. You will not be the only one.`;

const ANALYSIS = `When European governments add another 105 tankers to their sanctions list this week, the question is whether blacklisting ships can still make a difference.

The short answer is that it can, but less than politicians suggest. On the one hand, every listing makes a vessel harder to insure and crew. On the other hand, new ships keep joining the fleet, and the trade behaves like a market.

Three things will decide whether the pressure builds. The first is enforcement in the Baltic. The second is whether India keeps buying. The third is the price of oil itself.

In practice, the most likely outcome is a slow squeeze rather than a sudden stop. Exports could hold near current levels for months, and the effect would probably show up first in freight rates. It remains to be seen whether that is enough.

"That friction is real, but it is not a wall," said Helena Marsk, a tanker analyst in Oslo.`;

const EXPLAINER = `What is changing?

New rules passed on Thursday change how much landlords can ask for as a bond. The maximum bond falls from four weeks' rent to three.

When do the rules take effect?

The changes apply to tenancies that start on or after 1 July.

What if my landlord asks for more?

Charging more than the limit will be unlawful, and the tribunal can order a refund.

Where can I get help?

Free advice is available from community law centres.`;

describe('classifyGenre: reporting', () => {
  it('keeps a news story quoting someone who says "I think" as reporting', () => {
    const { genre, signals } = classifyGenre(NEWS_QUOTING_I_THINK, { title: 'Council votes to close two branch libraries', authors: ['Jane Roe'] });
    expect(genre).toBe('reporting');
    expect(names(signals)).toEqual(expect.arrayContaining(['quote-density', 'attribution']));
    for (const voice of ['first-person', 'first-person-plural', 'second-person', 'evaluative']) expect(signal(signals, voice)).toBeUndefined();
  });

  it('gives judgments reported in indirect speech to their speakers, not the writer', () => {
    const { genre, signals } = classifyGenre(NEWS_INDIRECT_JUDGMENTS, {});
    expect(genre).toBe('reporting');
    expect(signal(signals, 'evaluative')).toBeUndefined();
    expect(signal(signals, 'attribution')).toMatchObject({ genre: 'reporting', evidence: expect.stringContaining('said') });
  });

  it.each<[string, number]>([
    ['one "said" in 300 words does not fire', 1],
    ['two in 300 words fire weakly', 2],
    ['ten in 300 words saturate', 10],
  ])('scales attribution with its density: %s', (_name, count) => {
    const filler = 'The harbour board met in the old customs house near the ferry terminal to discuss repairs to the quay wall. ';
    const sentences = Array.from({ length: 15 }, (_, k) => (k < count ? 'The chair said the work would start soon. ' : filler));
    const weight = signal(classifyGenre(sentences.join(''), {}).signals, 'attribution')?.weight ?? 0;
    if (count < 2) expect(weight).toBe(0);
    else if (count < 10) expect(weight).toBeGreaterThan(0);
    else expect(weight).toBe(2.5);
  });

  it('reads a wire dateline', () => {
    const { genre, signals } = classifyGenre(`KYIV, Ukraine (AP) — ${NEWS_QUOTING_I_THINK}`, {});
    expect(genre).toBe('reporting');
    expect(signal(signals, 'dateline')).toMatchObject({ genre: 'reporting', evidence: 'KYIV, Ukraine (AP) —' });
  });

  it('defaults to reporting when nothing fires', () => {
    expect(classifyGenre('', {})).toEqual({ genre: 'reporting', signals: [] });
    expect(classifyGenre('The bridge reopened on Friday.', {})).toEqual({ genre: 'reporting', signals: [] });
  });

  it('does not mistake a Roman numeral for the writer', () => {
    const text = 'Veterans of World War I and of Phase I trials met Queen Elizabeth I scholars. '.repeat(4);
    expect(signal(classifyGenre(text, {}).signals, 'first-person')).toBeUndefined();
  });

  it('does not read a greeting as praise', () => {
    const text = 'Welcome to the harbour. Welcome to the market. Welcome to the quay. The ferry leaves at noon. '.repeat(3);
    expect(signal(classifyGenre(text, {}).signals, 'evaluative')).toBeUndefined();
  });

  it('needs two occurrences before a voice signal fires', () => {
    const text = `I counted the boats. ${'The harbour board met to discuss repairs to the quay wall and the ferry terminal. '.repeat(3)}`;
    expect(signal(classifyGenre(text, {}).signals, 'first-person')).toBeUndefined();
  });
});

describe('classifyGenre: opinion', () => {
  it('reads a column from its voice alone', () => {
    const { genre, signals } = classifyGenre(COLUMN, {});
    expect(genre).toBe('opinion');
    expect(signal(signals, 'first-person')).toMatchObject({ genre: 'opinion', evidence: expect.stringContaining('I') });
    expect(signal(signals, 'evaluative')?.evidence).toEqual(expect.stringContaining('should'));
    expect(signal(signals, 'rhetorical-question')?.evidence).toContain('Where will those eleven children go?');
    expect(signal(signals, 'second-person')).toBeDefined();
  });

  it.each<[string, string[]]>([
    ["The views expressed in this article are the author's own.", []],
    ['Opinions expressed in this column are those of the author and do not necessarily reflect the views of the Courier.', []],
    ['This is an opinion column.', []],
  ])('takes the disclaimer %j as decisive, even over a news-like body', (disclaimer) => {
    const { genre, signals } = classifyGenre(NEWS_QUOTING_I_THINK, { removedDisclaimers: [disclaimer] });
    expect(genre).toBe('opinion');
    expect(signal(signals, 'disclaimer')).toMatchObject({ genre: 'opinion', weight: 9, evidence: expect.any(String) });
  });

  it('finds a disclaimer the cleaner left in the body', () => {
    const { genre } = classifyGenre(`${NEWS_QUOTING_I_THINK}\n\nThe views expressed here are the writer's own.`, {});
    expect(genre).toBe('opinion');
  });

  it.each([
    '© 2026 Harbour Courier. All rights reserved.',
    'This article was amended on 4 March 2026 to correct a figure.',
    'Originally published by Prairie Standard. Republished via Stackwire feed.',
    "Editor's note: This story contains details some readers may find distressing.",
  ])('does not take %j for an opinion disclaimer', (removed) => {
    const { genre, signals } = classifyGenre(NEWS_QUOTING_I_THINK, { removedDisclaimers: [removed] });
    expect(genre).toBe('reporting');
    expect(signal(signals, 'disclaimer')).toBeUndefined();
  });

  it.each<[string, string]>([
    ['Opinion: The council should keep its libraries', 'Opinion'],
    ['Comment: Libraries are not a luxury', 'Comment'],
    ['Keep the libraries open | Opinion', 'Opinion'],
  ])('reads the kicker in %j', (title, evidence) => {
    const { genre, signals } = classifyGenre(NEWS_QUOTING_I_THINK, { title });
    expect(genre).toBe('opinion');
    expect(signal(signals, 'kicker')).toMatchObject({ genre: 'opinion', evidence });
  });

  it('reads "Name: headline" as a column only when the name is the author', () => {
    const title = 'Mara Lind: Closing branch libraries is a false economy';
    expect(signal(classifyGenre(NEWS_QUOTING_I_THINK, { title, authors: ['Mara Lind'] }).signals, 'column-title')).toMatchObject({ evidence: 'Mara Lind', weight: 4 });
    expect(signal(classifyGenre(NEWS_QUOTING_I_THINK, { title, authors: ['Lind'] }).signals, 'column-title')).toBeDefined();
    expect(signal(classifyGenre(NEWS_QUOTING_I_THINK, { title, authors: ['Jane Roe'] }).signals, 'column-title')).toBeUndefined();
    expect(signal(classifyGenre(NEWS_QUOTING_I_THINK, { title: 'Ukraine war: Russia fires 400 drones', authors: ['Jane Roe'] }).signals, 'column-title')).toBeUndefined();
  });

  it('reads an editorial byline', () => {
    const { genre, signals } = classifyGenre(NEWS_INDIRECT_JUDGMENTS, { authors: ['The Editorial Board'] });
    expect(genre).toBe('opinion');
    expect(signal(signals, 'editorial-byline')?.evidence).toBe('The Editorial Board');
  });
});

describe('classifyGenre: analysis', () => {
  it('reads analysis from its markers and hedges, despite a quote', () => {
    const { genre, signals } = classifyGenre(ANALYSIS, {});
    expect(genre).toBe('analysis');
    expect(signal(signals, 'analysis-markers')?.evidence).toEqual(expect.stringContaining('the question is'));
    expect(signal(signals, 'hedging')).toMatchObject({ genre: 'analysis' });
  });

  it('reads an explainer from its question subheadings, whose "my" and "I" are the reader’s', () => {
    const { genre, signals } = classifyGenre(EXPLAINER, { title: 'Explained: What the new rental bond rules mean' });
    expect(genre).toBe('analysis');
    expect(signal(signals, 'kicker')).toMatchObject({ genre: 'analysis', evidence: 'Explained' });
    expect(signal(signals, 'question-headings')?.evidence).toContain('What is changing?');
    expect(signal(signals, 'first-person')).toBeUndefined();
    expect(classifyGenre(EXPLAINER, {}).genre).toBe('analysis');
  });

  it('reads the kicker "Analysis:"', () => {
    const { genre } = classifyGenre(NEWS_QUOTING_I_THINK, { title: 'Analysis: What the library vote means for the budget' });
    expect(genre).toBe('analysis');
  });

  it('lets a "Why …" headline lean towards analysis without overruling a news body', () => {
    const { genre, signals } = classifyGenre(NEWS_QUOTING_I_THINK, { title: 'Why the council closed two libraries' });
    expect(signal(signals, 'explainer-title')).toMatchObject({ genre: 'analysis', weight: 1.5, evidence: 'Why' });
    expect(genre).toBe('reporting');
  });
});

describe('classifyGenre: output', () => {
  it('is deterministic and explains every signal', () => {
    for (const text of [NEWS_QUOTING_I_THINK, NEWS_INDIRECT_JUDGMENTS, COLUMN, ANALYSIS, EXPLAINER]) {
      const a = classifyGenre(text, { title: 'Mara Lind: Analysis of a vote', authors: ['Mara Lind'] });
      expect(classifyGenre(text, { title: 'Mara Lind: Analysis of a vote', authors: ['Mara Lind'] })).toEqual(a);
      for (const s of a.signals) {
        expect(s.signal).toMatch(/^[a-z-]+$/);
        expect(['reporting', 'opinion', 'analysis']).toContain(s.genre);
        expect(s.weight).toBeGreaterThan(0);
        expect(s.evidence === null || typeof s.evidence === 'string').toBe(true);
      }
    }
  });

  it('picks the genre with the highest total', () => {
    for (const text of [NEWS_QUOTING_I_THINK, COLUMN, ANALYSIS]) {
      const { genre, signals } = classifyGenre(text, {});
      const total = (g: string) => signals.filter((s) => s.genre === g).reduce((sum, s) => sum + s.weight, 0);
      expect(total(genre)).toBe(Math.max(total('reporting'), total('opinion'), total('analysis')));
    }
  });

  it('reads 100 KB well under a second', () => {
    const text = `${NEWS_QUOTING_I_THINK}\n\n${COLUMN}\n\n${ANALYSIS}\n\n`.repeat(40).slice(0, 100_000);
    const start = performance.now();
    classifyGenre(text, {});
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('stays fast on an unclosed quotation', () => {
    const start = performance.now();
    classifyGenre(`“${'word '.repeat(20_000)}`, {});
    expect(performance.now() - start).toBeLessThan(1000);
  });
});

describe('classifyGenre: the page fixtures', () => {
  // The cleaner's golden pages: three columns, an analysis, an explainer; everything else is news or sport.
  const NOT_REPORTING: Record<string, string> = {
    'text-outlet--column-branch-libraries': 'opinion',
    'text-outlet--column-youth-bus-fares': 'opinion',
    'text-outlet--four-day-school-week-opinion': 'opinion',
    'text-outlet--analysis-container-freight': 'analysis',
    'text-outlet--nz-rental-bond-explainer': 'analysis',
  };
  const root = new URL('../fixtures/', import.meta.url).pathname;
  const pages = ['pages', 'heldout'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((f) => f.endsWith('.expected.json'))
      .map((f) => [f.replace('.expected.json', ''), join(root, dir, f)] as const),
  );

  it.each(pages)('%s', (name, file) => {
    const gold = JSON.parse(readFileSync(file, 'utf8')) as {
      articles: { title: string | null; authors: string[]; paragraphs: string[] }[];
      removed?: { text: string; reason: string }[];
    };
    const article = gold.articles[0]!;
    const removedDisclaimers = (gold.removed ?? []).filter((r) => r.reason === 'disclaimer').map((r) => r.text);
    const { genre } = classifyGenre(article.paragraphs.join('\n\n'), { title: article.title, authors: article.authors, removedDisclaimers });
    expect(genre).toBe(NOT_REPORTING[name] ?? 'reporting');
  });
});
