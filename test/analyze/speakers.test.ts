/**
 * Speaker attribution rules, each with a case where it applies and one where it must not:
 * phrase readings (speaker-phrases.ts), cue forms (cue-finder.ts), reported-speech forms
 * (reported-speech.ts) and resolution (speakers.ts, against hand-made entities so that the
 * entity recogniser cannot move the result). Every rule table is checked for full coverage.
 */
import { describe, expect, it } from 'vitest';
import { CUE_RULES, type CueRule } from '../../src/analyze/cue-finder.js';
import { findEntities } from '../../src/analyze/entities.js';
import { genderOfGivenName } from '../../src/analyze/first-names.js';
import { type TracedQuote, findQuotes, quoteSpans, traceQuotes } from '../../src/analyze/quotes.js';
import { REPORTED_RULES, type ReportedRule } from '../../src/analyze/reported-speech.js';
import { PHRASE_RULES, type PhraseRuleName, classify, parseSubject } from '../../src/analyze/speaker-phrases.js';
import { RESOLUTION_RULES, type ResolutionRule, SpeakerResolver } from '../../src/analyze/speakers.js';
import { VERB_CLASSES, type VerbUse } from '../../src/analyze/speech-cues.js';
import { tokenize } from '../../src/analyze/text.js';
import type { Entity, EntityType } from '../../src/analyze/types.js';

function trace(text: string): TracedQuote[] {
  const t = tokenize(text);
  return traceQuotes(t, findEntities(t));
}

function quoteWith(text: string, words: string): TracedQuote | undefined {
  return trace(text).find((q) => q.quote.text.includes(words));
}

describe('phrase readings', () => {
  const cases: Record<Exclude<PhraseRuleName, 'named-in-apposition' | 'name-in-apposition'>, { yes: [string, string]; no: string }> = {
    pronoun: { yes: ['she', 'she'], no: 'sheep farmers' },
    someone: { yes: ['someone in the control room', 'someone in the control room'], no: 'the control room' },
    spokesperson: { yes: ['An Indian foreign ministry spokesman', 'An Indian foreign ministry spokesman'], no: 'A ministry official' },
    'source-by': { yes: ['a study by economists at the Liffey Institute', 'Liffey Institute'], no: 'a study of local councils' },
    'experts-at': { yes: ['analysts at Hartwell Energy', 'Hartwell Energy'], no: 'Analysts' },
    indefinite: { yes: ['a bakery owner who asked not to be named', 'a bakery owner who asked not to be named'], no: 'Oneida Smith' },
    'owner-of-words': { yes: ["Fitzmaurice's answer to all of this", 'Fitzmaurice'], no: "Fitzmaurice's plan" },
    role: { yes: ['the Italian', 'the Italian'], no: 'the Kremlin' },
    'bare-organisation': { yes: ['interior ministry', 'interior ministry'], no: 'interior designers' },
    name: { yes: ['union leader Claus Wendland', 'Claus Wendland'], no: 'on Tuesday' },
    'plural-source': { yes: ['people familiar with the negotiations', 'people familiar with the negotiations'], no: 'the talks would continue' },
  };

  it('covers every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(PHRASE_RULES.map((r) => r.name).sort());
  });

  for (const [rule, c] of Object.entries(cases)) {
    it(`${rule}: reads "${c.yes[0]}", not "${c.no}"`, () => {
      const yes = classify(c.yes[0]);
      expect(yes?.rule).toBe(rule);
      expect(yes?.text).toBe(c.yes[1]);
      expect(classify(c.no)?.rule).not.toBe(rule);
    });
  }

  it('takes a name set in commas after a role as the speaker, the role as its description', () => {
    const p = parseSubject('Its chief executive, Pieter Hoogland,', 0)!;
    expect(p).toMatchObject({ kind: 'name', text: 'Pieter Hoogland', rule: 'name-in-apposition', description: 'Its chief executive' });
    expect(parseSubject('Anya, a Muscovite,', 0)).toMatchObject({ text: 'Anya', description: 'a Muscovite', rule: 'name' });
  });

  it('takes "a girl named Maya" as Maya', () => {
    expect(parseSubject('One of my students, a sharp and funny girl named Maya,', 0)).toMatchObject({ text: 'Maya', rule: 'named-in-apposition' });
    expect(parseSubject('One of my students, a sharp and funny girl,', 0)).toMatchObject({ kind: 'unnamed' });
  });

  it('does not read two clauses as a phrase and its apposition', () => {
    expect(parseSubject('a precaution, the tourism ministry', 0)).toBeNull();
    expect(parseSubject('Burkina Faso, researchers', 0)).toBeNull();
    expect(parseSubject('Fairbank, 58,', 0)).toMatchObject({ text: 'Fairbank', description: '58' });
  });

  it('keeps titles as description and reads a title alone as a role', () => {
    expect(classify('Mrs Justice Alison Merriweather')).toMatchObject({ text: 'Alison Merriweather', description: 'Mrs Justice' });
    expect(classify('The Minister for Sport')).toMatchObject({ kind: 'role', head: 'minister' });
    expect(classify("They're")?.kind).not.toBe('name');
  });
});

describe('cue forms', () => {
  const cases: Record<CueRule, { yes: [string, string, string | null]; no: [string, string] }> = {
    after: {
      yes: ['"We will not give way," union leader Claus Wendland told the Courier.', 'We will not give way', 'Claus Wendland'],
      no: ['"We will not give way," and the talks ended there.', 'We will not give way'],
    },
    inverted: {
      yes: ['"Prices are rising," said Maria Ostrova, an economist.', 'Prices are rising', 'Maria Ostrova'],
      no: ['"Prices are rising," said in a statement.', 'Prices are rising'],
    },
    before: {
      yes: ['Daniel Marsh added: "We are not there yet."', 'We are not there yet.', 'Daniel Marsh'],
      no: ['Daniel Marsh added a clause to the bill. "We are not there yet."', 'We are not there yet.'],
    },
    participle: {
      yes: ['Press secretary Marisa Dunn told reporters the talks would continue, adding: "Nothing is off the table."', 'Nothing is off the table.', 'Marisa Dunn'],
      no: ['A warning strike hit Bavaria on Monday. "Nothing is off the table."', 'Nothing is off the table.'],
    },
    coordinated: {
      yes: ['Hendrik Mulder will meet the leaders on Friday, and said he hoped to "narrow the field to two options".', 'narrow the field', 'Hendrik Mulder'],
      no: ['Hendrik Mulder will meet the leaders on Friday and the talks are "difficult".', 'difficult'],
    },
    'relative-who': {
      yes: ['"Operations will continue," stated Nodar Kipiani, director of the port authority, who said ships would be handled as normal.', 'ships would be handled', 'Nodar Kipiani'],
      no: ['In Tabriz, a bakery owner who asked not to be named said the gas had been cut off every evening.', 'the gas had been cut off'],
    },
    'colon-subject': {
      yes: ['Asked whether she would meet him, Oksana Hrytsenko was blunt: "When there is a document worth signing, I will sign it."', 'When there is a document', 'Oksana Hrytsenko'],
      no: ['Someone was blunt: "No deal today, no deal tomorrow."', 'No deal today'],
    },
    'according-to': {
      yes: ['According to the Harbour Authority, the talks will resume next week.', 'the talks will resume', 'Harbour Authority'],
      no: ['The most likely outcome, according to diplomats, is a freeze of the front line.', 'The most likely outcome'],
    },
  };

  it('covers every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(CUE_RULES.map((r) => r.name).sort());
  });

  for (const [rule, c] of Object.entries(cases)) {
    it(`${rule}: applies to "${c.yes[0].slice(0, 50)}…", not to "${c.no[0].slice(0, 50)}…"`, () => {
      const yes = quoteWith(c.yes[0], c.yes[1]);
      expect(yes?.cueRule).toBe(rule);
      expect(yes?.quote.speaker?.name ?? null).toBe(c.yes[2]);
      expect(quoteWith(c.no[0], c.no[1])?.cueRule ?? null).not.toBe(rule);
    });
  }

  it('never takes a speaker from a word inside a preposition phrase ("someone in the control room")', () => {
    const q = quoteWith('Engineers hugged as someone in the control room shouted: "It is talking to us!"', 'It is talking');
    expect(q?.quote.speaker).toBeNull();
  });
});

describe('reported speech forms', () => {
  const cases: Record<ReportedRule, { yes: [string, string, string | null]; no: string }> = {
    head: { yes: ['Anna Koval said Russia should face new sanctions.', 'Russia should face new sanctions', 'Anna Koval'], no: 'Anna Koval said nothing in public. The company added 300 jobs in March.' },
    tail: {
      yes: ['The boat overturned as passengers rushed to one side, the Harbour Authority said.', 'The boat overturned as passengers rushed to one side', 'Harbour Authority'],
      no: '"The boat overturned at dawn," the Harbour Authority said.',
    },
    'tail-inverted': {
      yes: ['About 11 million people have been displaced across Sudan, said Maria Okonjo-Berg, the UN coordinator.', 'About 11 million people', 'Maria Okonjo-Berg'],
      no: 'About 11 million people have been displaced, said to be the worst crisis.',
    },
    'according-head': { yes: ['According to the Harbour Authority, the talks will resume next week.', 'the talks will resume next week', 'Harbour Authority'], no: 'According to the Harbour Authority, 40.' },
    'according-tail': {
      yes: ['Freight rates have risen by nearly 40 percent since the spring, according to broker Nordsund Chartering.', 'Freight rates have risen', 'Nordsund Chartering'],
      no: 'The most likely outcome, according to diplomats, is a freeze of the front line.',
    },
  };

  it('covers every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(REPORTED_RULES.map((r) => r.name).sort());
  });

  for (const [rule, c] of Object.entries(cases)) {
    it(`${rule}: finds the clause in "${c.yes[0].slice(0, 50)}…", none in "${c.no.slice(0, 50)}…"`, () => {
      const yes = trace(c.yes[0]).find((q) => q.quote.kind === 'indirect');
      expect(yes?.reported).toBe(rule);
      expect(yes?.quote.text).toContain(c.yes[1]);
      expect(yes?.quote.speaker?.name ?? null).toBe(c.yes[2]);
      expect(trace(c.no).filter((q) => q.quote.kind === 'indirect' && q.reported === rule)).toEqual([]);
    });
  }

  it('stops a clause at the next speech act and continues with "and that"', () => {
    const quotes = findQuotes(...withEntities('She warned that rates could fall another 15 percent, but noted that bookings had been stronger than expected.'));
    expect(quotes.map((q) => q.text)).toEqual(['rates could fall another 15 percent', 'bookings had been stronger than expected']);
    const both = findQuotes(...withEntities('Arkady Belov told state television that Koval "knows our terms" and that the conditions had not changed since June.'));
    expect(both.find((q) => q.kind === 'indirect')?.text).toBe('the conditions had not changed since June');
  });

  it('leaves a clause that runs into a quote to the quote', () => {
    const quotes = findQuotes(...withEntities('Carla Benedetti said on Friday that the tragedy showed the need to stop departures "at the source".'));
    expect(quotes.map((q) => q.kind)).toEqual(['partial']);
  });

  it('reads "that" only as a clause after a listener or a setting, not after a verb or before one', () => {
    expect(findQuotes(...withEntities('The 105 ships added this week are a signal that Europe is still willing to act.'))).toEqual([]);
    expect(findQuotes(...withEntities('Lotte Vandamme told a news conference in Brussels that began at 11am.'))).toEqual([]);
    expect(findQuotes(...withEntities('Her colleagues estimate that sanctioned vessels now carry fewer barrels.'))[0]?.text).toBe('sanctioned vessels now carry fewer barrels');
  });

  it('does not read a time clause after "told reporters" as what was said', () => {
    expect(findQuotes(...withEntities('Oksana Hrytsenko told reporters in Kyiv after the session closed at 9pm.'))).toEqual([]);
  });
});

function withEntities(text: string): [ReturnType<typeof tokenize>, Entity[]] {
  const t = tokenize(text);
  return [t, findEntities(t)];
}

describe('verb classes', () => {
  const cases: Record<VerbUse, { yes: string; no: string }> = {
    report: { yes: 'Anna Koval warned that the talks could collapse within days.', no: 'Anna Koval warned the talks.' },
    'report-that': { yes: 'Glen Hadley has signalled that the chamber will not take up the bill.', no: 'Glen Hadley signalled the start of the session.' },
    quote: { yes: '"Sanctions are the new weather," quipped Anya Petrova.', no: 'Anya Petrova continued the work on the bridge for years.' },
    naming: { yes: 'Ion Cristea called the payment "crumbs from a table we built".', no: 'The so-called "peace dividend" never arrived.' },
  };

  it('covers every class', () => {
    expect(Object.keys(cases).sort()).toEqual([...new Set(VERB_CLASSES.map((c) => c.use))].sort());
  });

  for (const [use, c] of Object.entries(cases)) {
    it(`${use}: attributes in "${c.yes.slice(0, 40)}…", not in "${c.no.slice(0, 40)}…"`, () => {
      expect(findQuotes(...withEntities(c.yes)).some((q) => q.kind !== 'scare' && q.speaker !== null)).toBe(true);
      expect(findQuotes(...withEntities(c.no)).filter((q) => q.kind !== 'scare')).toEqual([]);
    });
  }

  it('reads a speech word after a determiner as a noun ("his claim that", "A warning strike")', () => {
    expect(findQuotes(...withEntities('The court rejected his claim that he would not receive a fair trial.'))).toEqual([]);
  });
});

/** Hand-made entities: each form's every occurrence is a mention. */
function entity(text: string, name: string, type: EntityType, forms: string[] = [name], descriptions: string[] = []): Entity {
  const spans = (s: string) => [...text.matchAll(new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => ({ start: m.index, end: m.index + s.length, text: s }));
  return { name, type, aliases: [], descriptions: descriptions.flatMap(spans), mentions: forms.flatMap(spans).sort((a, b) => a.start - b.start) };
}

/** Resolves the phrases (each the n-th occurrence of its words) in text order; returns the last one's speaker and rule. */
function resolveLast(text: string, entities: Entity[], phrases: [string, number?][]): { name: string | null; rule: ResolutionRule | null } {
  const t = tokenize(text);
  const resolver = new SpeakerResolver(t, entities, quoteSpans(text).map((q) => ({ start: q.open, end: q.close + 1 })));
  let out: { name: string | null; rule: ResolutionRule | null } = { name: null, rule: null };
  for (const [words, nth = 0] of phrases) {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
    const phrase = parseSubject(words, at);
    if (!phrase) throw new Error(`unreadable phrase: ${words}`);
    const speaker = resolver.resolve(phrase);
    out = { name: speaker?.name ?? null, rule: resolver.lastRule };
  }
  return out;
}

describe('speaker resolution', () => {
  type Case = { text: string; entities: (text: string) => Entity[]; phrases: [string, number?][]; name: string | null };
  const koval = 'Anna Koval arrived in Geneva. Critics said Koval would fail.';
  const veltrona = 'Veltrona Systems was fined on Monday. Veltrona said it would appeal.';
  const cases: Record<ResolutionRule, { yes: Case; no: Case }> = {
    entity: {
      yes: { text: koval, entities: (x) => [entity(x, 'Anna Koval', 'person', ['Anna Koval', 'Koval'])], phrases: [['Koval', 1]], name: 'Anna Koval' },
      no: { text: koval, entities: (x) => [entity(x, 'Anna Koval', 'person', ['Anna Koval', 'Koval'])], phrases: [['Critics']], name: null },
    },
    'name-met': {
      yes: { text: veltrona, entities: (x) => [entity(x, 'Veltrona Systems', 'organization')], phrases: [['Veltrona', 1]], name: 'Veltrona Systems' },
      no: { text: veltrona, entities: () => [], phrases: [['Veltrona', 1]], name: 'Veltrona' },
    },
    'new-name': {
      yes: { text: 'Anya, a Muscovite, quipped that sanctions were weather.', entities: () => [], phrases: [['Anya, a Muscovite,']], name: 'Anya' },
      no: { text: 'Officials said little.', entities: () => [], phrases: [['Officials']], name: null },
    },
    'plain-word': {
      yes: { text: 'Critics said the plan would fail.', entities: () => [], phrases: [['Critics']], name: null },
      no: { text: 'Kowalski said the plan would fail.', entities: () => [], phrases: [['Kowalski']], name: 'Kowalski' },
    },
    'two-people': {
      yes: {
        text: 'Anna Koval and Daniel Marsh said the talks would go on.',
        entities: (x) => [entity(x, 'Anna Koval', 'person'), entity(x, 'Daniel Marsh', 'person')],
        phrases: [['Anna Koval and Daniel Marsh']],
        name: null,
      },
      no: { text: 'The Rail and Transport Union said the strike would go on.', entities: (x) => [entity(x, 'Rail and Transport Union', 'organization')], phrases: [['The Rail and Transport Union']], name: 'Rail and Transport Union' },
    },
    pronoun: {
      yes: { text: 'Anna Koval arrived. She said the talks would go on.', entities: (x) => [entity(x, 'Anna Koval', 'person')], phrases: [['Anna Koval'], ['She']], name: 'Anna Koval' },
      // "she" is not Daniel: his given name says so.
      no: { text: 'Daniel Marsh arrived. She said the talks would go on.', entities: (x) => [entity(x, 'Daniel Marsh', 'person')], phrases: [['Daniel Marsh'], ['She']], name: null },
    },
    writer: {
      yes: { text: 'Anna Koval arrived. We said the talks would go on.', entities: (x) => [entity(x, 'Anna Koval', 'person')], phrases: [['Anna Koval'], ['We']], name: null },
      no: { text: 'Anna Koval arrived. She said the talks would go on.', entities: (x) => [entity(x, 'Anna Koval', 'person')], phrases: [['Anna Koval'], ['She']], name: 'Anna Koval' },
    },
    unnamed: {
      yes: { text: 'A bakery owner said the gas was cut.', entities: () => [], phrases: [['A bakery owner']], name: null },
      no: { text: 'Reza Karimzadeh said the gas was cut.', entities: (x) => [entity(x, 'Reza Karimzadeh', 'person')], phrases: [['Reza Karimzadeh']], name: 'Reza Karimzadeh' },
    },
    'linked-role': {
      yes: {
        text: 'Gennady Vorotnikov arrived late. Later the foreign minister said talks would go on.',
        entities: (x) => [entity(x, 'Gennady Vorotnikov', 'person', ['Gennady Vorotnikov', 'the foreign minister'])],
        phrases: [['the foreign minister']],
        name: 'Gennady Vorotnikov',
      },
      no: { text: "Sporting Vilamar sold him. Vilamar's president said the money would go to the academy.", entities: (x) => [entity(x, 'Sporting Vilamar', 'organization', ['Sporting Vilamar', 'Vilamar'])], phrases: [["Vilamar's president"]], name: "Vilamar's president" },
    },
    spokesperson: {
      yes: { text: 'The Kremlin has been dismissive. Its spokesman said the measures were illegal.', entities: (x) => [entity(x, 'Kremlin', 'organization')], phrases: [['The Kremlin'], ['Its spokesman']], name: 'Kremlin' },
      no: { text: 'Anna Koval has been dismissive. Its spokesman said the measures were illegal.', entities: (x) => [entity(x, 'Anna Koval', 'person')], phrases: [['Anna Koval'], ['Its spokesman']], name: null },
    },
    'organisation-kind': {
      yes: {
        text: 'Halcyon Biologics, a Dutch-Kenyan company, got grants from the Global Malaria Fund. The company said it could produce 40 million doses.',
        entities: (x) => [entity(x, 'Halcyon Biologics', 'organization'), entity(x, 'Global Malaria Fund', 'organization')],
        phrases: [['The company']],
        name: 'Halcyon Biologics',
      },
      no: { text: 'The Global Malaria Fund paid. The company said it could produce 40 million doses.', entities: (x) => [entity(x, 'Global Malaria Fund', 'organization')], phrases: [['The company']], name: null },
    },
    'organisation-phrase': {
      yes: { text: "Kenya's health ministry said it would decide by March.", entities: (x) => [entity(x, 'Kenya', 'place')], phrases: [["Kenya's health ministry"]], name: "Kenya's health ministry" },
      no: { text: 'The ministry said it would decide by March.', entities: () => [], phrases: [['The ministry']], name: null },
    },
    'role-holder': {
      yes: {
        text: 'President Oksana Hrytsenko spoke first. The Ukrainian president said the talks would go on.',
        entities: (x) => [entity(x, 'Oksana Hrytsenko', 'person', ['Oksana Hrytsenko'], ['President'])],
        phrases: [['The Ukrainian president']],
        name: 'Oksana Hrytsenko',
      },
      no: { text: 'Oksana Hrytsenko spoke first. The president said the talks would go on.', entities: (x) => [entity(x, 'Oksana Hrytsenko', 'person')], phrases: [['The president']], name: null },
    },
    'office-of': {
      yes: { text: "Vilamar's president said the money would go to the academy.", entities: () => [], phrases: [["Vilamar's president"]], name: "Vilamar's president" },
      no: { text: "Vilamar's stadium said nothing about the money.", entities: () => [], phrases: [["Vilamar's stadium"]], name: null },
    },
    epithet: {
      yes: { text: 'Luca Ferrandi was gracious in defeat. The Italian said there was no shame in it.', entities: (x) => [entity(x, 'Luca Ferrandi', 'person')], phrases: [['Luca Ferrandi'], ['The Italian']], name: 'Luca Ferrandi' },
      // An office is not an epithet: "the minister" with no minister in the article is nobody.
      no: { text: 'Luca Ferrandi was gracious in defeat. The minister said there was no shame in it.', entities: (x) => [entity(x, 'Luca Ferrandi', 'person')], phrases: [['Luca Ferrandi'], ['The minister']], name: null },
    },
    unresolved: {
      yes: { text: 'Luca Ferrandi was gracious. The minister said there was no shame in it.', entities: (x) => [entity(x, 'Luca Ferrandi', 'person')], phrases: [['The minister']], name: null },
      no: { text: 'Luca Ferrandi was gracious. The Italian said there was no shame in it.', entities: (x) => [entity(x, 'Luca Ferrandi', 'person')], phrases: [['Luca Ferrandi'], ['The Italian']], name: 'Luca Ferrandi' },
    },
  };

  it('covers every rule', () => {
    expect(Object.keys(cases).sort()).toEqual(RESOLUTION_RULES.map((r) => r.name).sort());
  });

  for (const [rule, c] of Object.entries(cases)) {
    it(`${rule}: decides "${c.yes.phrases.at(-1)![0]}" in "${c.yes.text.slice(0, 40)}…", not in "${c.no.text.slice(0, 40)}…"`, () => {
      const yes = resolveLast(c.yes.text, c.yes.entities(c.yes.text), c.yes.phrases);
      expect(yes).toEqual({ name: c.yes.name, rule });
      // Where the rule must not decide, it either does not apply or finds nobody.
      const no = resolveLast(c.no.text, c.no.entities(c.no.text), c.no.phrases);
      expect(no.name).toBe(c.no.name);
      if (no.rule === rule) expect(no.name).toBeNull();
    });
  }

  it('resolves "he" after an unnamed bakery owner to nobody, not to the minister named before', () => {
    const text = 'Minister Reza Karimzadeh spoke on Monday. A bakery owner said the gas was cut. He said ovens need gas.';
    const minister = [entity(text, 'Reza Karimzadeh', 'person', ['Reza Karimzadeh'], ['Minister'])];
    expect(resolveLast(text, minister, [['Reza Karimzadeh'], ['A bakery owner'], ['He']]).name).toBeNull();
    expect(resolveLast(text.replace('A bakery owner said the gas was cut. ', ''), minister, [['Reza Karimzadeh'], ['He']]).name).toBe('Reza Karimzadeh');
  });
});

describe('pronouns, gender and salience', () => {
  it('prefers the subject of the last sentence over an object', () => {
    const text = "Vilamar's president, Rui Teixeira Lobo, wrote on Instagram that he thanked Caio Mendonça. He said the money would go to the academy.";
    const q = trace(text).filter((x) => x.quote.kind === 'indirect').at(-1)!;
    expect(q.quote.speaker?.name).toMatch(/Lobo/);
  });

  it('prefers a person of the right gender over an unknown name, and learns gender from pronouns', () => {
    const text = 'The rebels are led by Simon Pettifer, a former minister who has represented Stoke North since 2017. He told Radio Meridian that he had not been invited.';
    expect(trace(text).find((q) => q.quote.kind === 'indirect')?.quote.speaker?.name).toBe('Simon Pettifer');
    expect(genderOfGivenName('Anna')).toBe('f');
    expect(genderOfGivenName('Daniel')).toBe('m');
    expect(genderOfGivenName('Kim')).toBeNull();
  });

  it('does not take a name used as a modifier ("the Leith Walk figures") for the one who speaks', () => {
    const text = 'I spoke to Gordon McCreadie afterwards, and I liked him. When I put the Leith Walk figures to him, he shrugged. ‘Leith isn’t Portobello,’ he said.';
    expect(quoteWith(text, 'Portobello')?.quote.speaker?.name).toBe('Gordon McCreadie');
  });

  it('takes a speaker not named as an entity from the sentence before ("Ayşe, a schoolteacher, …")', () => {
    const text = 'Ayşe, a schoolteacher who has spent both nights in a tent with her two daughters, was angrier. "They never came," she said.';
    expect(quoteWith(text, 'They never came')?.quote.speaker?.name).toBe('Ayşe');
  });
});

describe('quotes without a cue of their own', () => {
  it('carries the speaker on to a quote-only paragraph and to a later quote of the same sentence', () => {
    const text = 'His barrister, Kwame Asante, had argued that the conditions were "incompatible with his age" and that the case had been "poisoned by publicity".\n\n"We will appeal."';
    const quotes = findQuotes(...withEntities(text));
    expect(quotes.map((q) => [q.kind, q.speaker?.name])).toEqual([
      ['partial', 'Kwame Asante'],
      ['partial', 'Kwame Asante'],
      ['direct', 'Kwame Asante'],
    ]);
  });

  it('does not carry a speaker over a cue that names nobody', () => {
    const quotes = findQuotes(...withEntities('"Yes," said Anna Koval. "No," one aide said.'));
    expect(quotes.map((q) => q.speaker?.name ?? null)).toEqual(['Anna Koval', null]);
  });

  it('reads an unmarked paragraph after "X wrote:" as a block quote, and not after a plain colon', () => {
    const block = findQuotes(...withEntities('In her ruling, Mrs Justice Alison Merriweather wrote:\n\nThe court has been shown no evidence that the requesting state would treat him differently.'));
    expect(block).toMatchObject([{ kind: 'block', speaker: { name: 'Alison Merriweather' } }]);
    const plain = findQuotes(...withEntities('Consider the numbers:\n\nThe court has been shown no evidence that the requesting state would treat him differently.'));
    expect(plain).toEqual([]);
  });
});
