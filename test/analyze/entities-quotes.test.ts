import { describe, expect, it } from 'vitest';
import { findEntities, variantKey } from '../../src/analyze/entities.js';
import { findQuotes, quoteSpans } from '../../src/analyze/quotes.js';
import { tokenize } from '../../src/analyze/text.js';

function entitiesOf(text: string) {
  return findEntities(tokenize(text));
}

function quotesOf(text: string) {
  const t = tokenize(text);
  return findQuotes(t, findEntities(t));
}

describe('entities', () => {
  it('types people, organisations, places and groups', () => {
    const found = entitiesOf('President Anna Koval met officials of the Harbour Authority in Kyiv on Monday. Ukrainians welcomed the visit.');
    const byName = Object.fromEntries(found.map((e) => [e.name, e.type]));
    expect(byName).toMatchObject({ 'Anna Koval': 'person', 'Harbour Authority': 'organization', Kyiv: 'place', Ukrainians: 'group' });
    expect(byName.Monday).toBeUndefined();
  });

  it('merges surnames, possessives and spelling variants into one person, with the title as description', () => {
    const [koval] = entitiesOf("President Oksana Hrytsenko spoke first. Hrytsenko's aides said Grytsenko would travel.").filter((e) => e.type === 'person');
    expect(koval!.name).toBe('Oksana Hrytsenko');
    expect(koval!.mentions.length).toBe(3);
    expect(koval!.descriptions.map((d) => d.text)).toEqual(['President']);
  });

  it('links a role noun to the person described that way, and keeps a metonym an organisation', () => {
    const found = entitiesOf('Foreign Minister Gennady Vorotnikov arrived late. The Kremlin said nothing. Later the foreign minister said talks would go on.');
    const minister = found.find((e) => e.name === 'Gennady Vorotnikov')!;
    expect(minister.mentions.some((m) => m.text === 'the foreign minister')).toBe(true);
    expect(found.find((e) => e.name === 'Kremlin')?.type).toBe('organization');
  });

  it('does not take sentence-initial words, months or weekdays for names', () => {
    // "the council" is an organisation referred to by its common noun; no capitalised word is a name.
    const names = entitiesOf('But the council met on Friday. In March the vote failed. However, nothing changed.').map((e) => e.name);
    expect(names).toEqual(['council']);
  });

  it('keeps "European Union" whole while "Ukrainian President" is a description', () => {
    // "Ukrainian" inside the title is a mention of the group Ukrainians, listed after the others.
    const found = entitiesOf('The European Union and Ukrainian President Anna Koval agreed.');
    expect(found.map((e) => e.name)).toEqual(['European Union', 'Anna Koval', 'Ukrainians']);
    expect(found[1]!.descriptions[0]!.text).toBe('Ukrainian President');
  });

  it('gives variant spellings one key', () => {
    expect(variantKey('Zelenskyy')).toBe(variantKey('Zelensky'));
    expect(variantKey('Zelenskiy')).toBe(variantKey('Zelensky'));
    expect(variantKey('Kyiv')).toBe(variantKey('Kiev'));
    expect(variantKey('Koval')).not.toBe(variantKey('Kovač'.replace('č', 'ch')));
  });
});

describe('quote spans', () => {
  it('pairs curly, straight and single marks and ignores apostrophes', () => {
    const spans = quoteSpans('He said “it’s over,” and ‘we’re done’ and "fine" but don’t stop.');
    expect(spans.map((s) => s.text)).toEqual(['it’s over', 'we’re done', 'fine']);
  });

  it('joins a quote that runs over a paragraph break and reopens', () => {
    const spans = quoteSpans('"We will stay.\n\n"And we will build," she said.');
    expect(spans).toHaveLength(1);
    expect(spans[0]!.text).toBe('We will stay.\n\nAnd we will build');
  });

  it('ends an unclosed quote with its paragraph', () => {
    expect(quoteSpans('He said "this never closes\n\nNext paragraph.')[0]!.text).toBe('this never closes');
    // At the end of the text, the last character belongs to the quote too.
    expect(quoteSpans('He said "this never closes')[0]!.text).toBe('this never closes');
  });
});

describe('quotes and speakers', () => {
  const cases: { name: string; text: string; quote: string; kind: string; speaker: string | null }[] = [
    { name: 'after, by name', text: '"We will not give way," Koval said.', quote: 'We will not give way', kind: 'direct', speaker: 'Koval' },
    { name: 'inverted', text: '"Prices are rising," said Maria Ostrova, an economist.', quote: 'Prices are rising', kind: 'direct', speaker: 'Maria Ostrova' },
    { name: 'colon', text: 'Daniel Marsh added: "We are not there yet."', quote: 'We are not there yet.', kind: 'direct', speaker: 'Daniel Marsh' },
    { name: 'apposition', text: 'Anya, a Muscovite, quipped: "Sanctions are the new weather."', quote: 'Sanctions are the new weather.', kind: 'direct', speaker: 'Anya' },
    { name: 'partial', text: 'Critics called the plan "deeply flawed and far too late" on Tuesday.', quote: 'deeply flawed and far too late', kind: 'partial', speaker: null },
    { name: 'scare', text: 'The so-called "peace dividend" never arrived.', quote: 'peace dividend', kind: 'scare', speaker: null },
    { name: 'name in commas after a role', text: 'Spain’s defence minister, Lucía Ferrer, said her government was "fully committed to the alliance" on Monday.', quote: 'fully committed to the alliance', kind: 'partial', speaker: 'Lucía Ferrer' },
    { name: 'organisation', text: 'The Kremlin said it was "not optimistic" about a deal.', quote: 'not optimistic', kind: 'partial', speaker: 'Kremlin' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const q = quotesOf(c.text).find((x) => x.kind !== 'indirect')!;
      expect(q.text).toBe(c.quote);
      expect(q.kind).toBe(c.kind);
      expect(q.speaker?.name ?? null).toBe(c.speaker);
    });
  }

  it('resolves a pronoun to the last person and carries a quote-only paragraph on', () => {
    const quotes = quotesOf('President Anna Koval arrived in Geneva.\n\n"It is a matter of survival," she added.\n\n"Nobody else will decide this."');
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Anna Koval', 'Anna Koval']);
  });

  it('finds reported speech without marks, and never guesses a speaker', () => {
    const quotes = quotesOf('Koval said Russia should face new sanctions. According to the ministry, the talks will resume next week. "Strange times."');
    const indirect = quotes.filter((q) => q.kind === 'indirect');
    expect(indirect.map((q) => q.text)).toEqual(['Russia should face new sanctions', 'the talks will resume next week']);
    expect(quotes.find((q) => q.text === 'Strange times.')?.speaker).toBeNull();
  });

  it('attributes a block quote to the writer named in the line before it', () => {
    const quotes = quotesOf('As Koval wrote in May:\n\n"The border is not a line on a map. It is our people."');
    expect(quotes[0]).toMatchObject({ kind: 'block', speaker: { name: 'Koval' } });
  });

  it('keeps offsets on the marks of the input', () => {
    const text = 'Then: “Yes,” he said.';
    const [q] = quotesOf(text);
    expect(text.slice(q!.start, q!.end)).toBe('“Yes,”');
  });
});

describe('bad input stays fast and safe', () => {
  const words = 'the council said the minister Anna Koval told reporters about the harbour plan ';
  const cases: [string, string][] = [
    ['a 100 KB paragraph without punctuation', words.repeat(Math.ceil(100_000 / words.length))],
    ['quotes that never close', `"${'He said "we will '.repeat(3000)}`],
    ['nested and mismatched marks', '“He said ‘it is “over” now,” she said’ and "then'.repeat(2000)],
    ['emoji, RTL and zero-width characters', '🙂 مرحبا Koval\u200b said “שלום” \u202eevil\u202c '.repeat(2000)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const started = performance.now();
      const t = tokenize(text);
      const entities = findEntities(t);
      const quotes = findQuotes(t, entities);
      expect(performance.now() - started).toBeLessThan(3000);
      for (const q of quotes) expect(q.start).toBeLessThanOrEqual(q.end);
      expect(() => JSON.stringify({ entities, quotes })).not.toThrow();
    });
  }
});
