import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { chronoBaseline, findDates, inferPublished } from '../../src/analyze/dates.js';
import type { TemporalExpression } from '../../src/analyze/types.js';

// Publication days used below, with their weekdays (ISO week in brackets).
const FRI = '2025-08-15'; // Friday  [2025-W33]
const SAT = '2025-08-16'; // Saturday [2025-W33]
const SUN = '2025-08-17'; // Sunday  [2025-W33]
const MON = '2025-08-18'; // Monday  [2025-W34]
const WED = '2025-08-20'; // Wednesday [2025-W34]

/** The expression whose text is exactly `span`; fails the test when there is none. */
function dateIn(text: string, published: string | null, span: string): TemporalExpression {
  const found = findDates(text, { published });
  const hit = found.find((d) => d.text === span);
  if (!hit) throw new Error(`no expression "${span}" in ${JSON.stringify(found.map((d) => d.text))}`);
  return hit;
}

type Row = [published: string | null, text: string, span: string, value: string | null, basis: string];

function resolvesAll(rows: Row[], type = 'date'): void {
  it.each(rows)('(%s) %j: %j → %s by %s', (published, text, span, value, basis) => {
    expect(dateIn(text, published, span)).toMatchObject({ value, basis, type });
  });
}

describe('absolute dates', () => {
  resolvesAll([
    [FRI, 'The round collapsed on March 17, 2025, after one session.', 'on March 17, 2025', '2025-03-17', 'absolute'],
    [FRI, 'He was born on the 17th of March 2001.', 'on the 17th of March 2001', '2001-03-17', 'absolute'],
    [FRI, 'The full-scale invasion began in 2022.', 'in 2022', '2022', 'absolute'],
    [FRI, 'The terminal has been run by the firm since October 2021.', 'since October 2021', '2021-10', 'absolute'],
    [FRI, 'Inflation peaked in May 2019.', 'in May 2019', '2019-05', 'absolute'],
    [FRI, 'It was ruled that the 2021 tender had been tailored.', '2021', '2021', 'absolute'],
    [FRI, 'The 2019 elections were close.', '2019', '2019', 'absolute'],
    [FRI, 'Growth slowed in mid-2020.', 'in mid-2020', '2020', 'absolute'],
    [FRI, 'The filing is dated 2025-03-17.', '2025-03-17', '2025-03-17', 'absolute'],
    [FRI, 'The filing is dated 3/17/2025.', '3/17/2025', '2025-03-17', 'absolute'],
    [FRI, 'The filing is dated 17/3/2025.', '17/3/2025', '2025-03-17', 'absolute'],
    [FRI, 'The filing is dated 17.03.2025.', '17.03.2025', '2025-03-17', 'absolute'],
  ]);
});

describe('weekdays by tense', () => {
  resolvesAll([
    // A Friday article: "said on Friday" is that day, and so is "will speak on Friday" (AP names the day).
    [FRI, 'Its author said on Friday that the bill was ready.', 'on Friday', '2025-08-15', 'tense'],
    [FRI, 'The minister will speak on Friday.', 'on Friday', '2025-08-15', 'tense'],
    [FRI, 'Officials met on Monday in Geneva.', 'on Monday', '2025-08-11', 'tense'],
    [FRI, 'Officials will meet on Monday in Geneva.', 'on Monday', '2025-08-18', 'tense'],
    [MON, 'Its author said on Friday that the bill was ready.', 'on Friday', '2025-08-15', 'tense'],
    [MON, 'The minister will speak on Friday.', 'on Friday', '2025-08-22', 'tense'],
    [MON, 'The minister resigned on Sunday.', 'on Sunday', '2025-08-17', 'tense'],
    [WED, 'The bill passed the Senate on Tuesday.', 'on Tuesday', '2025-08-19', 'tense'],
    [WED, 'The Senate is expected to vote on Thursday.', 'on Thursday', '2025-08-21', 'tense'],
    [WED, 'Aides said he would meet senators on Thursday to discuss timing.', 'on Thursday', '2025-08-21', 'tense'],
    [WED, 'The envoy, who chaired Thursday\'s session, left.', 'Thursday', '2025-08-14', 'tense'],
    [SUN, 'He arrived on Saturday.', 'on Saturday', '2025-08-16', 'tense'],
    [MON, "Friday's meeting was tense.", 'Friday', '2025-08-15', 'tense'],
    // A present-tense schedule points forward, but only as a guess.
    [WED, 'The trial begins on Monday.', 'on Monday', '2025-08-25', 'inferred'],
    // No verb at all: the nearest Thursday, said to be a guess.
    [FRI, 'Talks on Thursday.', 'on Thursday', '2025-08-14', 'inferred'],
  ]);

  it('decides each clause on its own verbs', () => {
    const text = 'He said on Friday that the vote in March will be close.';
    expect(dateIn(text, MON, 'on Friday').value).toBe('2025-08-15');
    expect(dateIn(text, MON, 'in March').value).toBe('2026-03');
  });
});

describe('shifted weekdays and months', () => {
  resolvesAll([
    [SAT, 'He left last Friday.', 'last Friday', '2025-08-15', 'relative'],
    [FRI, 'He left last Friday.', 'last Friday', '2025-08-08', 'relative'],
    [FRI, 'He returns next Friday.', 'next Friday', '2025-08-22', 'relative'],
    [SAT, 'The decision comes this Friday.', 'this Friday', '2025-08-15', 'relative'],
    [SUN, 'He arrives next Saturday.', 'next Saturday', '2025-08-23', 'relative'],
    [FRI, 'Last May, he left.', 'Last May', '2025-05', 'relative'],
    [FRI, 'Next May he returns.', 'Next May', '2026-05', 'relative'],
    [FRI, 'This May was wet.', 'This May', '2025-05', 'relative'],
  ]);
});

describe('bare months and month-days by tense', () => {
  resolvesAll([
    [FRI, 'In January, he stepped back into the office.', 'In January', '2025-01', 'tense'],
    [FRI, 'The vote in March will be close.', 'in March', '2026-03', 'tense'],
    [FRI, 'In August, prices rose.', 'In August', '2025-08', 'tense'],
    [FRI, 'The House version, introduced in April, has not yet been scheduled.', 'in April', '2025-04', 'tense'],
    [FRI, 'He has not said whether the chamber will act before the budget vote in March.', 'in March', '2026-03', 'tense'],
    ['2025-01-10', 'In December, sales fell.', 'In December', '2024-12', 'tense'],
    ['2025-01-10', 'The vote in December will be close.', 'in December', '2025-12', 'tense'],
    [FRI, 'He met her on June 2.', 'on June 2', '2025-06-02', 'tense'],
    [FRI, 'She will visit on June 2.', 'on June 2', '2026-06-02', 'tense'],
    [FRI, 'Talks collapsed on September 3.', 'on September 3', '2024-09-03', 'tense'],
    [FRI, 'The deadline is set to expire on September 3.', 'on September 3', '2025-09-03', 'tense'],
    [FRI, 'Protesters gathered on 17 March.', 'on 17 March', '2025-03-17', 'tense'],
    [FRI, 'The order was signed Jan. 5 by the governor.', 'Jan. 5', '2025-01-05', 'tense'],
    [FRI, 'The law passed on Feb. 29.', 'on Feb. 29', '2024-02-29', 'tense'],
    [FRI, 'The lease will expire on Feb. 29.', 'on Feb. 29', '2028-02-29', 'tense'],
    [FRI, 'Ships already booked for May and June would be handled as normal.', 'June', '2026-06', 'tense'],
    // A written weekday picks the year whose date falls on it.
    [FRI, 'The vote is on Friday, March 20.', 'on Friday, March 20', '2026-03-20', 'inferred'],
  ]);
});

describe('relative dates and periods', () => {
  resolvesAll([
    [FRI, 'He left two days ago.', 'two days ago', '2025-08-13', 'relative'],
    [FRI, 'She resigned three weeks ago.', 'three weeks ago', '2025-07-25', 'relative'],
    [FRI, 'Some questions are closer than they were a month ago.', 'a month ago', '2025-07', 'relative'],
    [FRI, 'The firm was founded a year ago.', 'a year ago', '2024', 'relative'],
    [FRI, 'The results come two weeks from now.', 'two weeks from now', '2025-08-29', 'relative'],
    [FRI, 'Yesterday he spoke.', 'Yesterday', '2025-08-14', 'relative'],
    [FRI, 'He will speak tomorrow.', 'tomorrow', '2025-08-16', 'relative'],
    [FRI, 'It rained the day before yesterday.', 'the day before yesterday', '2025-08-13', 'relative'],
    [FRI, 'Sirens sounded last night.', 'last night', '2025-08-14', 'relative'],
    [FRI, 'He offered an exchange last month.', 'last month', '2025-07', 'relative'],
    [FRI, 'It was agreed earlier this week.', 'earlier this week', '2025-W33', 'relative'],
    [FRI, 'She will brief leaders in Brussels next week.', 'next week', '2025-W34', 'relative'],
    [FRI, 'The deal ends later this month.', 'later this month', '2025-08', 'relative'],
    [FRI, 'Importers bought 80 percent last year.', 'last year', '2024', 'relative'],
    [FRI, 'Not this month, not next year.', 'next year', '2026', 'relative'],
    [FRI, 'The market fell late last year.', 'late last year', '2024', 'relative'],
    [FRI, '"We cannot," he said last weekend.', 'last weekend', '2025-W32', 'relative'],
    [MON, '"We cannot," he said last weekend.', 'last weekend', '2025-W33', 'relative'],
    [FRI, 'He will be back in two days.', 'in two days', '2025-08-17', 'relative'],
  ]);

  it('reads "over the weekend" by tense', () => {
    expect(dateIn('The ceasefire collapsed over the weekend.', WED, 'the weekend')).toMatchObject({ value: '2025-W33', basis: 'tense' });
    expect(dateIn('They will meet over the weekend.', WED, 'the weekend')).toMatchObject({ value: '2025-W34', basis: 'tense' });
    // From Saturday on, the past weekend is the current one.
    expect(dateIn('The ceasefire collapsed over the weekend.', SUN, 'the weekend').value).toBe('2025-W33');
  });
});

describe('seasons (valued by the year that holds them)', () => {
  resolvesAll([
    [FRI, 'It selected the bidder in the summer of 2021.', 'in the summer of 2021', '2021', 'absolute'],
    [FRI, 'Last summer was hot.', 'Last summer', '2024', 'relative'],
    ['2025-11-10', 'Last summer was hot.', 'Last summer', '2025', 'relative'],
    [FRI, 'This winter will be cold.', 'This winter', '2025', 'relative'],
    ['2026-01-20', 'This winter is cold.', 'This winter', '2025', 'relative'],
    [FRI, 'The plant reopens next spring.', 'next spring', '2026', 'relative'],
    [FRI, 'In the fall, they left.', 'In the fall', '2024', 'tense'],
  ]);
});

describe('holidays', () => {
  resolvesAll([
    ['2026-02-13', 'He has not been invited in since Christmas.', 'since Christmas', '2025-12-25', 'tense'],
    ['2026-09-14', 'He promised a rescue package by Thanksgiving.', 'Thanksgiving', '2026-11-26', 'tense'],
    [FRI, 'Talks resume on Christmas Eve.', 'on Christmas Eve', '2025-12-24', 'inferred'],
    [FRI, 'The market reopened after Easter.', 'Easter', '2025-04-20', 'tense'],
    [FRI, 'Shops were shut on Good Friday.', 'on Good Friday', '2025-04-18', 'tense'],
    [FRI, 'It was first sold at Christmas 2019.', 'at Christmas 2019', '2019-12-25', 'absolute'],
  ]);

  it('needs a preposition or a year for a bare name', () => {
    expect(findDates('The Christmas market opened.', { published: FRI })).toEqual([]);
  });
});

describe('words that govern the tense', () => {
  resolvesAll([
    // "since" puts the date in the past even next to a plan.
    ['2026-09-17', 'The firm plans to sell six ships, and cut its guidance for the second time since March.', 'since March', '2026-03', 'tense'],
    // A reduced relative clause is past, whatever the main verb.
    ['2026-08-16', 'Its demands, set out in a memorandum in June, include the whole region.', 'in June', '2026-06', 'tense'],
    // An infinitive after a forward-looking word points ahead of the main verb.
    ['2026-07-06', 'He was unlikely to start the opening league game on August 15.', 'on August 15', '2026-08-15', 'tense'],
    ['2026-09-28', 'He said he hoped to "narrow the field to two options" by mid-October.', 'mid-October', '2026-10', 'tense'],
    // "bids" after a number is a noun, however the tagger reads it.
    ['2026-07-06', 'Vilamar rejected two earlier bids before accepting an improved offer on Thursday.', 'on Thursday', '2026-07-02', 'tense'],
  ]);
});

describe('period edges', () => {
  resolvesAll([
    [FRI, 'Imports could resume by the end of the month.', 'the end of the month', '2025-08', 'relative'],
    [FRI, 'Rates could fall before the end of the year.', 'the end of the year', '2025', 'relative'],
    [FRI, 'The plant reopens at the start of next year.', 'the start of next year', '2026', 'relative'],
  ]);
});

describe('quoted "today"', () => {
  resolvesAll([
    // Said at the event the report covers, the day before publication.
    [SAT, 'The council voted on Friday. "Today we stopped arguing," the ambassador said.', 'Today', '2025-08-15', 'inferred'],
    // The lede's Monday is the report's day, even after a mention of Sunday.
    [
      MON,
      'Firefighters were battling blazes on Monday. Villages were evacuated late on Sunday. "The wind will turn tonight," he said.',
      'tonight',
      '2025-08-18',
      'inferred',
    ],
    // Outside quotation marks "today" is the publication day.
    [SAT, 'The council voted on Friday. Today the work begins.', 'Today', '2025-08-16', 'relative'],
  ]);
});

describe('narrative and anchored offsets', () => {
  resolvesAll([
    [FRI, 'Sales fell in 2019. A year earlier, they rose.', 'A year earlier', '2018', 'relative'],
    [FRI, 'Prices rose 5% last year. A year earlier, they fell.', 'A year earlier', '2023', 'relative'],
    [FRI, 'The talks opened on March 3, 2025. Two days later, they collapsed.', 'Two days later', '2025-03-05', 'relative'],
    [FRI, 'The talks opened on March 3, 2025. The next day, they collapsed.', 'The next day', '2025-03-04', 'relative'],
    [FRI, 'The talks opened on March 3, 2025. The following week, they collapsed.', 'The following week', '2025-W11', 'relative'],
    [
      FRI,
      'The talks opened in Geneva on March 3, 2025. Nobody expected much. Just one day before the talks, the envoy resigned.',
      'Just one day before the talks',
      '2025-03-02',
      'relative',
    ],
    [FRI, 'The vote was held on Tuesday. Two days before the vote began, he quit.', 'Two days before the vote', '2025-08-10', 'relative'],
    // Nothing dated the election: no value, and the basis says it would be a guess.
    [FRI, 'Two days before the election, he quit.', 'Two days before the election', null, 'inferred'],
    // An undated event, but the sentence already dated the moment the phrase describes.
    [FRI, 'The rules, published on January 8, arrived just one day before the talks between US and Japanese officials.', 'just one day before the talks', '2025-01-08', 'inferred'],
    [MON, 'He passed a medical on Saturday, two days after the clubs agreed terms.', 'two days after the clubs', '2025-08-16', 'inferred'],
    // Offsets from a date in the text keep its precision: a month here.
    ['2026-01-10', '"Last January they promised us controls. A year later, the trucks are still coming."', 'A year later', '2026-01', 'relative'],
    // No earlier date to count from: publication, flagged as a guess.
    [FRI, 'Sales rose from a year earlier.', 'a year earlier', '2024', 'inferred'],
  ]);
});

describe('durations', () => {
  resolvesAll(
    [
      [FRI, 'A memorandum could be drafted within 50 days.', 'within 50 days', 'P50D', 'absolute'],
      [FRI, 'We have waited for three long years.', 'for three long years', 'P3Y', 'absolute'],
      [FRI, 'She stayed for two weeks.', 'for two weeks', 'P2W', 'absolute'],
      [FRI, 'Rescuers worked for 14 hours.', 'for 14 hours', 'PT14H', 'absolute'],
      [FRI, 'He spoke for 90 minutes.', 'for 90 minutes', 'PT90M', 'absolute'],
      [FRI, 'Workers have spent the past two days waiting.', 'the past two days', 'P2D', 'absolute'],
      [FRI, 'Prices doubled over the past decade.', 'over the past decade', 'P10Y', 'absolute'],
      [FRI, 'He was away for a fortnight.', 'for a fortnight', 'P2W', 'absolute'],
      [FRI, 'He returned after a six-month medical leave.', 'six-month', 'P6M', 'absolute'],
      [FRI, 'They signed a 50-day truce.', '50-day', 'P50D', 'absolute'],
      [FRI, 'Ships would be barred for more than five years.', 'for more than five years', 'P5Y', 'absolute'],
      [FRI, 'It was the first time in two years.', 'in two years', 'P2Y', 'absolute'],
      // Without a cue word, a counted unit is still a length.
      [FRI, 'The judge gave him 14 days to appeal.', '14 days', 'P14D', 'absolute'],
      [FRI, 'Five years is a long time to wait.', 'Five years', 'P5Y', 'absolute'],
      [FRI, 'He faces up to 10 years in prison.', 'up to 10 years', 'P10Y', 'absolute'],
      [FRI, 'Protection waned after about a year.', 'about a year', 'P1Y', 'absolute'],
      [FRI, 'He was 1 minute 50 seconds down.', '1 minute 50 seconds', 'PT1M50S', 'absolute'],
      [FRI, 'He finished after more than four and a half hours in the saddle.', 'more than four and a half hours', 'PT4H30M', 'absolute'],
      [FRI, 'They waited for half an hour.', 'for half an hour', 'PT30M', 'absolute'],
      [FRI, 'He won stage two 42 seconds ahead of the defending champion.', '42 seconds', 'PT42S', 'absolute'],
      [FRI, 'The lane was paused barely a year after it was approved.', 'barely a year', 'P1Y', 'absolute'],
      // A vague count keeps the expression but has no value.
      [FRI, 'They have argued for years.', 'for years', null, 'inferred'],
    ],
    'duration',
  );

  it('splits a length from an offset that follows it', () => {
    const found = findDates('He lost by just nine seconds two years ago.', { published: FRI });
    expect(found.map((d) => [d.text, d.value])).toEqual([
      ['just nine seconds', 'PT9S'],
      ['two years ago', '2023'],
    ]);
  });

  it('reads a hedged count after an undated event as the length between them', () => {
    const text = 'Sanctions still matter more than three years after the first price cap was imposed.';
    expect(findDates(text, { published: FRI })[0]).toMatchObject({ value: 'P3Y', type: 'duration' });
  });
});

describe('clock times', () => {
  resolvesAll(
    [
      [FRI, 'The meeting is at 9am.', 'at 9am', 'T09:00', 'absolute'],
      [FRI, 'Doors close at noon.', 'at noon', 'T12:00', 'absolute'],
      [FRI, 'The curfew starts at midnight.', 'at midnight', 'T00:00', 'absolute'],
      [FRI, 'The session ended at 14:30.', 'at 14:30', 'T14:30', 'absolute'],
      [FRI, 'He arrived at 9:30 p.m. EDT on Friday.', 'at 9:30 p.m. EDT', '2025-08-15T21:30', 'tense'],
      [FRI, 'Talks ended in Geneva on Thursday. She spoke after the session closed at 9pm.', 'at 9pm', '2025-08-14T21:00', 'inferred'],
      [FRI, 'My ovens need gas at four in the morning.', 'at four in the morning', 'T04:00', 'absolute'],
      [MON, 'The strike will halt long-distance and regional trains from 2am on Wednesday.', '2am', '2025-08-20T02:00', 'tense'],
      // The day the report has reached (Friday), not the last one it mentioned (Thursday).
      [
        SAT,
        'The boat capsized early on Friday. It had left port on Thursday evening. The boat overturned at around 3am, the charity said.',
        'at around 3am',
        '2025-08-15T03:00',
        'inferred',
      ],
      // Habits and standing instructions keep the time alone.
      [FRI, 'Gas was cut off every evening between 6pm and 10pm on Thursday.', '6pm', 'T18:00', 'absolute'],
      [FRI, 'The operator said demand peaked on Thursday, and asked households to avoid running washers between 5pm and 9pm.', '5pm', 'T17:00', 'absolute'],
      [FRI, 'Talks ended on Thursday. We stopped answering emails at 11pm to prove we were keen.', 'at 11pm', 'T23:00', 'absolute'],
    ],
    'time',
  );

  it('keeps a sentence-final full stop out of "9pm." but inside "9 p.m."', () => {
    expect(dateIn('It closed at 9pm.', FRI, 'at 9pm').end).toBe(16);
    expect(dateIn('It closed at 9 p.m.', FRI, 'at 9 p.m.').value).toBe('T21:00');
  });
});

describe('recurrences (sets, valued by their period)', () => {
  resolvesAll(
    [
      [FRI, 'The museum opens every Monday.', 'every Monday', 'P1W', 'absolute'],
      [FRI, 'It closes on Sundays.', 'on Sundays', 'P1W', 'absolute'],
      [FRI, 'Every two weeks, the panel meets.', 'Every two weeks', 'P2W', 'absolute'],
      [FRI, 'The report comes out each year.', 'each year', 'P1Y', 'absolute'],
      [FRI, 'Rent is due every other month.', 'every other month', 'P2M', 'absolute'],
      [FRI, 'The board meets twice a week.', 'twice a week', 'P1W', 'absolute'],
      [FRI, 'The festival returns every March.', 'every March', 'P1Y', 'absolute'],
    ],
    'set',
  );
});

describe('negative cases: nothing temporal is read', () => {
  it.each([
    ['"may" the modal', 'It may rain, and we may go.'],
    ['"May" opening a question', 'May I ask a question?'],
    ['May as a surname', 'Theresa May said the plan would work.'],
    ['a possessive surname', "Theresa May's plan failed."],
    ['"march" the verb', 'They will march on the capital.'],
    ['"March" the noun', 'The March was the largest ever.'],
    ['"March" opening an imperative', 'March with us, the organisers said.'],
    ['a count that looks like a year', '2019 votes were cast.'],
    ['a counted plural', 'He counted 2019 votes.'],
    ['a hedged count', 'About 2000 people came.'],
    ['currency and percentages', 'It cost $2019, a rise of 2019%.'],
    ['"second" as an ordinal', 'The second round. A second term. Voters want a second chance for a second term.'],
    ['an ordinal day of talks', 'Negotiators ended a second day of talks.'],
    ['a day-long strike', 'Unions called a day-long strike.'],
    ['an age', 'The three-year-old was rescued.'],
    ['a newspaper named after a weekday', 'The Sunday Times reported it.'],
    ['a named day', 'Black Friday sales rose.'],
    ['a season as an event', 'It was the fall of Kabul.'],
    ['a season in a name', 'The Summer Olympics opened.'],
    ['"fall" the verb', 'Prices will fall sharply.'],
    ['ratios and verses', 'The score was 2:1. Read John 3:16.'],
    ['decimals', 'The index rose 9.30 points.'],
    ['an age in years', 'Cristea, 52 years old, spoke first.'],
    ['a rate per year', 'The plant makes 50 tonnes a year.'],
  ])('%s: %j', (_why, text) => {
    expect(findDates(text, { published: FRI })).toEqual([]);
  });

  it('reads the month in a text that also has a Theresa May', () => {
    const found = findDates('Prime Minister May said the vote in May was fair.', { published: FRI });
    expect(found.map((d) => d.text)).toEqual(['in May']);
  });
});

describe('without a publication date', () => {
  resolvesAll([
    [null, 'He said on Friday that talks stalled.', 'on Friday', null, 'inferred'],
    [null, 'In January, he stepped back.', 'In January', null, 'inferred'],
    [null, 'He left two days ago.', 'two days ago', null, 'inferred'],
    [null, 'It fell last year.', 'last year', null, 'inferred'],
    [null, 'The round collapsed on March 17, 2025.', 'on March 17, 2025', '2025-03-17', 'absolute'],
    [null, 'It peaked in May 2019.', 'in May 2019', '2019-05', 'absolute'],
    [null, 'It peaked in 2019.', 'in 2019', '2019', 'absolute'],
    // Counting from a date the text wrote in full needs no publication date.
    [null, 'Sales fell in 2019. A year earlier, they rose.', 'A year earlier', '2018', 'relative'],
    [null, 'He will be back in two days.', 'in two days', null, 'inferred'],
  ]);

  it('keeps durations, times and recurrences, which need no reference', () => {
    expect(dateIn('She stayed for two weeks.', null, 'for two weeks')).toMatchObject({ value: 'P2W', type: 'duration' });
    expect(dateIn('The meeting is at 9am.', null, 'at 9am')).toMatchObject({ value: 'T09:00', type: 'time' });
    expect(dateIn('It opens every Monday.', null, 'every Monday')).toMatchObject({ value: 'P1W', type: 'set' });
  });

  it('treats a malformed publication date as none', () => {
    expect(dateIn('He left two days ago.', 'yesterday-ish', 'two days ago').value).toBeNull();
    expect(dateIn('He left two days ago.', '2025-02-30', 'two days ago').value).toBeNull();
  });
});

describe('offsets', () => {
  it('reports character offsets into the text, end exclusive, in text order', () => {
    const text = 'On Friday, officials said talks would resume within 50 days.';
    const found = findDates(text, { published: FRI });
    expect(found.map(({ start, end, text: t }) => [start, end, t])).toEqual([
      [0, 9, 'On Friday'],
      [45, 59, 'within 50 days'],
    ]);
  });

  it('keeps offsets exact after emoji, zero-width and right-to-left characters', () => {
    const text = '😀\u200B\u202Eمرحبا — talks resumed on Monday.';
    const [monday] = findDates(text, { published: FRI });
    expect(text.slice(monday!.start, monday!.end)).toBe('on Monday');
    expect(monday!.value).toBe('2025-08-11');
  });
});

describe('chronoBaseline', () => {
  const tenseCases: [string, string, string, string][] = [
    [FRI, 'In January, he stepped back into the office.', 'In January', '2025-01'],
    [FRI, 'Officials met on Monday in Geneva.', 'on Monday', '2025-08-11'],
    [WED, 'Officials will meet on Monday in Geneva.', 'on Monday', '2025-08-25'],
    ['2026-08-17', 'The chamber will not act until the budget vote in March.', 'in March', '2027-03'],
  ];

  it.each(tenseCases)('(%s) differs from ours on %j', (published, text, span, ours) => {
    expect(dateIn(text, published, span).value).toBe(ours);
    const chrono = chronoBaseline(text, published).find((d) => span.toLowerCase().includes(d.text.toLowerCase()));
    expect(chrono).toBeDefined();
    expect(chrono!.value).not.toBe(ours);
  });

  it('returns our output shape with offsets into the text', () => {
    const text = 'The round collapsed on March 17, 2025, and talks resume tomorrow at 9pm.';
    const out = chronoBaseline(text, FRI);
    expect(out.length).toBeGreaterThan(0);
    for (const d of out) {
      expect(text.slice(d.start, d.end)).toBe(d.text);
      expect(['date', 'time']).toContain(d.type);
    }
    expect(out[0]).toMatchObject({ value: '2025-03-17', basis: 'absolute' });
  });

  it('gives values only to fully written dates without a publication date', () => {
    const out = chronoBaseline('It ended on March 17, 2025. He left two days ago.', null);
    expect(out.map((d) => d.value)).toEqual(['2025-03-17', null]);
  });
});

describe('inferPublished', () => {
  it.each([
    ['the latest written date', 'The talks began on March 3, 2025. They collapsed on March 17, 2025.', '2025-03-17'],
    ['not a date in a future clause', 'The talks ended on March 17, 2025. A new round will open on April 2, 2025.', '2025-03-17'],
    ['nothing without a full date', 'He said on Friday that the vote in 2026 will be close.', null],
    ['nothing for an empty text', '', null],
  ])('%s', (_why, text, expected) => {
    expect(inferPublished(text)).toBe(expected);
  });
});

/** The value forms of the output contract (as checked by test/gold/analyze/check.mjs). */
const VALUE_FORM =
  /^(\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?|\d{4}-W\d{2}|T\d{2}:\d{2}|P(\d+(\.\d+)?[YMWD])+(T(\d+(\.\d+)?[HMS])+)?|PT(\d+(\.\d+)?[HMS])+)$/;

function wellFormed(text: string, found: TemporalExpression[]): void {
  let previousEnd = 0;
  for (const d of found) {
    expect(d.start).toBeGreaterThanOrEqual(previousEnd);
    expect(d.end).toBeGreaterThan(d.start);
    expect(d.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(d.start, d.end)).toBe(d.text);
    if (d.value !== null) expect(d.value).toMatch(VALUE_FORM);
    expect(['date', 'duration', 'time', 'set']).toContain(d.type);
    expect(['absolute', 'relative', 'tense', 'inferred']).toContain(d.basis);
    previousEnd = d.end;
  }
}

describe('properties', () => {
  const fragments = fc.constantFrom(
    'on Friday', 'in March', 'March 17, 2025', 'two days ago', 'for three long years', 'at 9pm.', 'every Monday',
    'said', 'will', 'the talks', 'one day before the talks', 'a year earlier', '2019 votes', 'May', ', ', '. ', '\n',
    '"', '“', '😀', '\u200B', '\u202E', 'مرحبا', ' ', 'the summer of 2021', 'last weekend', '3/17/2025', 'noon',
  );
  const articles = fc.array(fc.oneof(fragments, fc.string({ maxLength: 12 })), { maxLength: 40 }).map((parts) => parts.join(' '));
  const published = fc.constantFrom(null, FRI, MON, '2024-02-29', '2025-12-31', 'not a date');

  it('never throws and always returns ordered, non-overlapping, well-formed expressions', () => {
    fc.assert(
      fc.property(articles, published, (text, pub) => {
        wellFormed(text, findDates(text, { published: pub }));
        const guess = inferPublished(text);
        if (guess !== null) expect(guess).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary UTF-16, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        wellFormed(text, findDates(text, { published: FRI }));
      }),
      { numRuns: 200 },
    );
  });

  it('without a publication date, dates a text only from what it wrote in full', () => {
    fc.assert(
      fc.property(articles, (text) => {
        const found = findDates(text, { published: null });
        const written = found.some((d) => d.type === 'date' && d.basis === 'absolute');
        for (const d of found) if (d.type === 'date' && !written) expect(d.value).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});

describe('pathological input stays linear', () => {
  const KB100 = 100_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  const inputs: [string, string][] = [
    ['a paragraph without punctuation', fill('the talks went on and on without any stop ')],
    ['dense dates in one sentence', fill('he said on Friday that the vote in March will be held at 9am for two weeks ')],
    ['dense clock times', fill('9am 10:30 p.m. noon ')],
    ['dense four-digit numbers', fill('2019 1999 2020 ')],
    ['anchored offsets', fill('two days before the talks began and the talks on March 3, 2025 ')],
    ['unclosed quotes', fill('"“«‘ he said “ ')],
    ['emoji, zero-width and RTL marks', fill('😀\u200B\u202Eمرحبا ')],
    ['long whitespace runs', fill(`for${' '.repeat(50)}two${' '.repeat(50)}`)],
    ['one long run of spaces', ' '.repeat(KB100)],
    ['one long run of full stops', '.'.repeat(KB100)],
    ['colon-separated digits', fill('12:34:56:78:')],
  ];

  beforeAll(() => {
    // Load wink's model and chrono once, so the bound measures the work, not module start-up.
    findDates('He said on Friday that talks will resume at 9am.', { published: FRI });
  });

  it.each(inputs)('%s: 100 KB in well under a second', (_why, text) => {
    const started = performance.now();
    const found = findDates(text, { published: FRI });
    inferPublished(text);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1000);
    expect(Array.isArray(found)).toBe(true);
  });
});

/**
 * Share of annotated values in test/gold/analyze that findDates reproduces, matched as the
 * quality scorer matches them. Measured 326/330 when set; the misses need world knowledge
 * ("Tonight" at an election-night speech reported the next day; bookings "for November" being
 * future) or a parse of the main clause. Raise the floor when it improves; never lower it.
 */
const GOLD_VALUE_FLOOR = 0.97;

describe('analysis gold set', () => {
  const dir = new URL('../gold/analyze/', import.meta.url).pathname;
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const matching = (found: TemporalExpression[], text: string) => {
    const k = key(text);
    return found.find((d) => key(d.text) === k) ?? found.find((d) => key(d.text).includes(k) || k.includes(key(d.text)));
  };
  const fixtures = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      const gold = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { published: string; dates: { text: string; value: string | null }[] };
      return { name, gold, text: readFileSync(join(dir, `${name}.txt`), 'utf8') };
    });

  it(`reproduces at least ${GOLD_VALUE_FLOOR * 100}% of annotated values, and more than chrono alone`, () => {
    let total = 0;
    let ours = 0;
    let chrono = 0;
    const misses: string[] = [];
    for (const { name, gold, text } of fixtures) {
      const found = findDates(text, { published: gold.published });
      const baseline = chronoBaseline(text, gold.published);
      for (const g of gold.dates.filter((d) => d.value !== null)) {
        total++;
        const value = matching(found, g.text)?.value;
        if (value === g.value) ours++;
        else misses.push(`${name}: ${JSON.stringify(g.text)} want ${g.value}, got ${value}`);
        if (matching(baseline, g.text)?.value === g.value) chrono++;
      }
    }
    expect(total).toBeGreaterThan(0);
    expect(ours / total, misses.join('\n')).toBeGreaterThanOrEqual(GOLD_VALUE_FLOOR);
    expect(ours).toBeGreaterThan(chrono);
  });
});
