import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findNumbers } from '../../src/analyze/numbers.js';

interface Expected {
  text: string;
  value: number;
  unit: string | null;
  qualifier: string | null;
}

const claims = (text: string): Expected[] => findNumbers(text).map(({ text: t, value, unit, qualifier }) => ({ text: t, value, unit, qualifier }));
const one = (text: string, value: number, unit: string | null = null, qualifier: string | null = null): Expected => ({ text, value, unit, qualifier });

describe('findNumbers: quantities, units and qualifiers', () => {
  it.each<[string, Expected[]]>([
    ['Russia fired more than 430 missiles and drones overnight.', [one('more than 430 missiles and drones', 430, 'missiles and drones', 'more than')]],
    ['The strikes killed at least five people in Kyiv.', [one('at least five people', 5, 'people', 'at least')]],
    ['The bill has 81 Senate co-sponsors.', [one('81 Senate co-sponsors', 81, 'Senate co-sponsors')]],
    ['Some 1.5 million Iranians voted.', [one('Some 1.5 million Iranians', 1_500_000, 'Iranians', 'some')]],
    ['Officials visited about 300 households.', [one('about 300 households', 300, 'households', 'about')]],
    ['A dozen protesters were held.', [one('A dozen protesters', 12, 'protesters')]],
    ['More than a dozen protesters were held.', [one('More than a dozen protesters', 12, 'protesters', 'more than')]],
    ['Tens of thousands of people marched.', [one('Tens of thousands of people', 10_000, 'people', 'tens of')]],
    ['Hundreds of thousands of refugees fled.', [one('Hundreds of thousands of refugees', 100_000, 'refugees', 'hundreds of')]],
    ['Thousands of people marched.', [one('Thousands of people', 1000, 'people', 'thousands')]],
    ['Dozens of routes were cut.', [one('Dozens of routes', 12, 'routes', 'dozens')]],
    ['Several hundred drivers gathered.', [one('Several hundred drivers', 100, 'drivers', 'several')]],
    ['The ferry carried 10,000 troops.', [one('10,000 troops', 10_000, 'troops')]],
    ['Troops killed 300 fighters and wounded 12 civilians.', [one('300 fighters', 300, 'fighters'), one('12 civilians', 12, 'civilians')]],
    ['Police arrested 300 soldiers and police officers.', [one('300 soldiers and police officers', 300, 'soldiers and police officers')]],
    ['Five people and the driver were hurt.', [one('Five people', 5, 'people')]],
    ['Ten thousand displaced families arrived.', [one('Ten thousand displaced families', 10_000, 'displaced families')]],
  ])('%j', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('findNumbers: written numbers', () => {
  it.each<[string, number, string | null]>([
    ['five ministers resigned', 5, 'ministers'],
    ['twenty-three ministers resigned', 23, 'ministers'],
    ['three hundred ministers resigned', 300, 'ministers'],
    ['three hundred and fifty ministers resigned', 350, 'ministers'],
    ['two and a half million voters stayed home', 2_500_000, 'voters'],
    ['a million voters stayed home', 1_000_000, 'voters'],
    ['half a million voters stayed home', 500_000, 'voters'],
    ['half a dozen ministers resigned', 6, 'ministers'],
    ['three dozen eggs broke', 36, 'eggs'],
    ['forty-two ships docked', 42, 'ships'],
    ['nineteen ships docked', 19, 'ships'],
    ['one thousand two hundred ships docked', 1200, 'ships'],
  ])('%j is %d %s', (text, value, unit) => {
    expect(claims(text)).toEqual([one(text.replace(/ (?:resigned|stayed home|broke|docked)$/, ''), value, unit)]);
  });

  it('does not count a bare "one", which is as often a pronoun', () => {
    expect(claims('One official said one of the ships was lost, and no one knew why.')).toEqual([]);
    expect(claims('At least one person died.')).toEqual([one('At least one person', 1, 'person', 'at least')]);
    expect(claims('One million people signed.')).toEqual([one('One million people', 1_000_000, 'people')]);
  });

  it('reads capitalised number words inside a sentence as part of a name', () => {
    expect(claims('He leads the Tour of the Three Valleys after the Big Four met.')).toEqual([]);
    expect(claims('Three villages were evacuated.')).toEqual([one('Three villages', 3, 'villages')]);
  });
});

describe('findNumbers: percentages, money and measures', () => {
  it.each<[string, Expected]>([
    // Percent convention: unit "percent", and the noun it qualifies ("tariffs") stays outside the span.
    ['He threatened 50 percent tariffs.', one('50 percent', 50, 'percent')],
    ['He threatened 50% tariffs.', one('50%', 50, 'percent')],
    ['Fares rose 9 per cent.', one('9 per cent', 9, 'percent')],
    ['Fares rose 5pc.', one('5pc', 5, 'percent')],
    ['Turnout fell 2 percentage points.', one('2 percentage points', 2, 'percentage points')],
    ['Support stood at nearly 80 percent.', one('nearly 80 percent', 80, 'percent', 'nearly')],
    ['The deal is worth $1.34bn.', one('$1.34bn', 1_340_000_000, 'USD')],
    ['He stole £3.4m.', one('£3.4m', 3_400_000, 'GBP')],
    ['The fund holds €90m.', one('€90m', 90_000_000, 'EUR')],
    ['It costs US$5 million.', one('US$5 million', 5_000_000, 'USD')],
    ['It costs A$20 million.', one('A$20 million', 20_000_000, 'AUD')],
    ['It cost NT$780 million.', one('NT$780 million', 780_000_000, 'TWD')],
    ['It costs $50k.', one('$50k', 50_000, 'USD')],
    ['Tickets cost £8.', one('£8', 8, 'GBP')],
    ['They paid 5 million dollars.', one('5 million dollars', 5_000_000, 'USD')],
    ['They paid 30 million euros.', one('30 million euros', 30_000_000, 'EUR')],
    ['They paid more than $400 million.', one('more than $400 million', 400_000_000, 'USD', 'more than')],
    ['Temperatures hit 44C.', one('44C', 44, 'degrees Celsius')],
    ['Temperatures hit 44°C.', one('44°C', 44, 'degrees Celsius')],
    ['Temperatures fell to minus 15C.', one('minus 15C', -15, 'degrees Celsius')],
    ['The line runs 9.6km.', one('9.6km', 9.6, 'kilometres')],
    ['A magnitude 6.4 earthquake struck.', one('magnitude 6.4', 6.4, 'magnitude')],
    ['About 2.5m people live there.', one('About 2.5m people', 2_500_000, 'people', 'about')],
    ['She won the 100m sprint.', one('100m', 100, 'metres')],
    ['A 40-seat theatre opened.', one('40-seat', 40, 'seat')],
    ['A 35-year-old man was held.', one('35-year-old', 35, 'year-old')],
    ['"I saw it," said Iryna Bondar, 63, who lives nearby.', one('63', 63, 'years')],
  ])('%j', (text, expected) => {
    expect(claims(text)).toEqual([expected]);
  });

  it('keeps scaled values exact', () => {
    expect(findNumbers('$1.34bn and £14.6m and 1.12bn')[0]!.value).toBe(1340000000);
    expect(findNumbers('£14.6m')[0]!.value).toBe(14600000);
  });
});

describe('findNumbers: fractions', () => {
  // Fraction convention: unit "fraction", value a proportion between 0 and 1.
  it.each<[string, Expected]>([
    ['Costs rose by nearly a third of the total.', one('nearly a third', 1 / 3, 'fraction', 'nearly')],
    ['A third of households lost power.', one('A third', 1 / 3, 'fraction')],
    ['It needs a two-thirds majority.', one('two-thirds', 2 / 3, 'fraction')],
    ['Three quarters of voters agreed.', one('Three quarters', 0.75, 'fraction')],
    ['More than half of voters agreed.', one('More than half', 0.5, 'fraction', 'more than')],
    ['Half of them agreed.', one('Half', 0.5, 'fraction')],
    ['One in five adults smokes.', one('One in five', 0.2, 'fraction')],
    ['It infects up to nine out of ten people.', one('up to nine out of ten', 0.9, 'fraction', 'up to')],
  ])('%j', (text, expected) => {
    const [found] = claims(text);
    expect(found).toEqual({ ...expected, value: expect.closeTo(expected.value, 10) });
  });

  it.each(['He is seeking a third term.', 'Rates fell in the second half of the year.', 'It took an hour and a half.', 'It was a quarter century ago.'])(
    'reads no fraction in %j',
    (text) => {
      expect(claims(text)).toEqual([]);
    },
  );
});

describe('findNumbers: ranges and changes', () => {
  // Range convention: one claim, value = lower bound with the upper bound's scale, qualifier "between".
  it.each<[string, Expected[]]>([
    ['Between 38 and 42 million people voted.', [one('Between 38 and 42 million people', 38_000_000, 'people', 'between')]],
    ['Two or three people were hurt.', [one('Two or three people', 2, 'people', 'between')]],
    ['It costs between £38 million and £44 million.', [one('between £38 million and £44 million', 38_000_000, 'GBP', 'between')]],
    ['It hired about 10 to 14 engineers.', [one('about 10 to 14 engineers', 10, 'engineers', 'about')]],
    ['between 500,000 and 1 million people', [one('between 500,000 and 1 million people', 500_000, 'people', 'between')]],
    // A change is two claims; the first borrows the second's scale and unit.
    ['Turnout rose from 38 to 42 million.', [one('38', 38_000_000), one('42 million', 42_000_000)]],
    ['Reading scores fell from 52% to 41%.', [one('52%', 52, 'percent'), one('41%', 41, 'percent')]],
    ['Fares rose from 5 to 7 percent.', [one('5', 5, 'percent'), one('7 percent', 7, 'percent')]],
    // A tally is not a range: the first figure is larger.
    ['Councillors voted 52 to 48.', [one('52', 52), one('48', 48)]],
  ])('%j', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('findNumbers: qualifiers', () => {
  it.each([
    'more than', 'over', 'at least', 'nearly', 'almost', 'about', 'around', 'roughly', 'some', 'up to', 'as many as',
    'fewer than', 'less than', 'under', 'approximately', 'an estimated', 'just over', 'no more than', 'only',
  ])('reads %j', (qualifier) => {
    expect(claims(`The port handled ${qualifier} 40 ships.`)).toEqual([one(`${qualifier} 40 ships`, 40, 'ships', qualifier)]);
  });

  it('reports the qualifier lower-cased at the start of a sentence', () => {
    expect(claims('About 60 residents protested.')).toEqual([one('About 60 residents', 60, 'residents', 'about')]);
  });
});

describe('findNumbers: unit phrase boundaries', () => {
  it.each<[string, string | null]>([
    ['Five people were killed on Monday.', 'people'],
    ['The fire service said 58 blazes had broken out.', 'blazes'],
    ['They sit 14 points adrift of the top four.', 'points'],
    ['About 5 million people travel by train each day.', 'people'],
    ['Lunches go to 23 Limerick primary schools.', 'Limerick primary schools'],
    ['It installed 12 electric vehicle charging points.', 'electric vehicle charging points'],
    ['It will add 14 more schools.', 'more schools'],
    ['Of the 40 ships, 12 were late.', 'ships'],
    ['Five were killed.', null],
    ['The five of them left.', null],
  ])('%j → %j', (text, unit) => {
    expect(findNumbers(text)[0]?.unit).toBe(unit);
  });
});

describe('findNumbers: numbers that are not quantities', () => {
  it.each([
    // Ordinals
    'It was the third time this year.', 'He won the 2nd round.', 'She finished 3rd.',
    // Years, dates and decades
    'The law changed in 2019.', 'Talks resume on June 2.', 'Talks resume on 2 June.', 'Talks resume on June 2, 2025.',
    'Talks resume on Sept. 14.', 'It happened in the 1990s.', "Prices rose in the '90s.", 'The 2020 election was close.',
    'The walkouts are on 3, 6 and 17 April.', 'The site stays shut until at least 2027.', 'People in their 20s moved away.',
    // Clock times
    'The meeting starts at 9am.', 'The meeting starts at 9 a.m.', 'The meeting starts at 9.30pm.', 'The meeting starts at 14:30.',
    'The alert was issued at 0900 GMT.', 'The programme ends at 6.', "The bells rang at 10 o'clock.",
    // Scores, phone numbers, codes
    'They won 2-1.', 'They won 3–1 after extra time.', 'Call 555-1234 for details.', 'Call 020 7946 0958 for details.',
    // Identifiers
    'Article 5 was invoked.', 'An F-16 crashed.', 'COVID-19 spread.', 'The G7 met.', 'Traffic on Highway 99 was slow.',
    'She runs Windows 10.', 'He lives at No 10.', 'The trains use 5G signals.',
    // Durations and relative dates belong to the temporal stage
    'It happened two years ago.', 'Rescuers worked for 14 hours.', 'He signed a four-year contract.', 'Unions called a 48-hour strike.',
    'Talks lasted 10 to 14 days.',
    // Lists and other labels
    '1. Introduction',
  ])('%j', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it('finds the quantity next to a year or date', () => {
    expect(claims('In 2019, 5 people died on June 2.')).toEqual([one('5 people', 5, 'people')]);
    expect(claims('Some 1500 troops arrived; about 2000 members voted.')).toEqual([
      one('Some 1500 troops', 1500, 'troops', 'some'),
      one('about 2000 members', 2000, 'members', 'about'),
    ]);
  });

  it('keeps an age even though its unit is years', () => {
    expect(claims('Nearly a fifth of the fleet is more than 20 years old.')).toEqual([
      one('Nearly a fifth', 0.2, 'fraction', 'nearly'),
      one('more than 20 years', 20, 'years', 'more than'),
    ]);
  });
});

describe('findNumbers: offsets', () => {
  it('gives end-exclusive offsets into the text', () => {
    const text = 'Officials said at least five people died and £3.4m was lost.';
    const [people, money] = findNumbers(text);
    expect(people).toMatchObject({ start: text.indexOf('at least'), end: text.indexOf(' died') });
    expect(money).toMatchObject({ start: text.indexOf('£'), end: text.indexOf(' was') });
  });

  it('never runs a phrase across a line break', () => {
    expect(claims('They counted 40\nships in port.')).toEqual([one('40', 40)]);
  });

  it('returns nothing for empty or number-free text', () => {
    expect(findNumbers('')).toEqual([]);
    expect(findNumbers('   \n ')).toEqual([]);
    expect(findNumbers('No figures here at all.')).toEqual([]);
  });
});

describe('findNumbers: properties', () => {
  const pieces = [
    '5', '1,000', '1.5', '2019', '$', '£', '€', 'US', '%', 'm', 'bn', 'million', 'a', 'dozen', 'half', 'third', 'two-thirds',
    'tens', 'of', 'thousands', 'between', 'and', 'to', 'or', 'from', 'more than', 'at least', 'people', 'Senate', 'June',
    '9am', '-', '–', '(', ')', ',', '.', '\n', ' ', 'twenty-three', 'hundred', 'one', 'in', 'out', 'minus', '°', 'C', 'years',
    'ago', 'old', 'magnitude', 'Article', '’', '"', 'per', 'cent', '\u00a0', '😀',
  ];
  const newsish = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).chain((words) => fc.constantFrom(words.join(' '), words.join('')));
  const text = fc.oneof(fc.string({ maxLength: 120 }), fc.string({ unit: 'grapheme', maxLength: 80 }), newsish);

  it('never throws, and every span is the text it claims, in order, without overlap', () => {
    fc.assert(
      fc.property(text, (s) => {
        let previousEnd = 0;
        for (const n of findNumbers(s)) {
          expect(n.text).toBe(s.slice(n.start, n.end));
          expect(n.start).toBeGreaterThanOrEqual(previousEnd);
          expect(n.end).toBeGreaterThan(n.start);
          expect(Number.isFinite(n.value)).toBe(true);
          previousEnd = n.end;
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findNumbers: cost', () => {
  const timed = (text: string): number => {
    const start = performance.now();
    findNumbers(text);
    return performance.now() - start;
  };

  it('reads 100 KB of news well under a second', () => {
    findNumbers('Warm up the tagger with 5 people.');
    const paragraph =
      'Russia fired more than 430 missiles and drones overnight, killing at least five people, officials said on June 2, 2024. ' +
      'The $1.34bn deal covered 1.5 million Iranians, tens of thousands of homes and nearly a third of about 300 households.\n\n';
    const text = paragraph.repeat(Math.ceil(100_000 / paragraph.length));
    expect(timed(text)).toBeLessThan(1000);
  });

  it.each([
    ['one unbroken 100 KB word', 'x-'.repeat(50_000)],
    ['100 KB of number words', 'twenty-three hundred and fifty thousand and '.repeat(2_300)],
    ['100 KB of figures on separate lines', '5\n'.repeat(50_000)],
    ['an unclosed run of currency signs', '$ '.repeat(50_000)],
  ])('stays linear on %s', (_name, text) => {
    expect(timed(text)).toBeLessThan(1000);
  });
});
