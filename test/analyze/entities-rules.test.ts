import { describe, expect, it } from 'vitest';
import { repairCasing } from '../../src/clean/casing.js';
import { findCandidates } from '../../src/analyze/entities/candidates.js';
import { CUE_RULES, cuesFor } from '../../src/analyze/entities/cues.js';
import { scanWords } from '../../src/analyze/entities/words.js';
import { findEntities } from '../../src/analyze/entities.js';
import { givenNameTier, placeTier } from '../../src/analyze/gazetteer.js';
import { tokenize } from '../../src/analyze/text.js';

/** The rules that fire for the candidate named `name` in `text`. */
function rulesFor(text: string, name: string): string[] {
  const t = tokenize(text);
  const words = scanWords(t);
  const candidate = findCandidates(words, text).find((c) => c.text === name);
  if (!candidate) return ['<no candidate>'];
  return cuesFor(candidate, words, text).map((c) => c.rule);
}

function entitiesOf(text: string) {
  return findEntities(tokenize(text));
}

function typeOf(text: string, name: string): string | undefined {
  return entitiesOf(text).find((e) => e.name === name || e.aliases.includes(name))?.type;
}

/** Each typing rule: a sentence where it fires for the name, and one where it does not. */
const CASES: Record<string, { yes: [string, string]; no: [string, string] }> = {
  metonym: { yes: ['The Kremlin said nothing.', 'Kremlin'], no: ['Kremlinology is a field.', 'Kremlinology'] },
  legislature: { yes: ['She spoke in the Dáil on Tuesday.', 'Dáil'], no: ['She spoke to Dale on Tuesday.', 'Dale'] },
  'known-organisation': { yes: ['Talks in the EU stalled.', 'EU'], no: ['Talks in the EUR market stalled.', 'EUR'] },
  event: { yes: ['Every Summer Games since 1960 ran over.', 'Summer Games'], no: ['Every Summer Vance spoke.', 'Summer Vance'] },
  'non-entity-acronym': { yes: ['Growth in GDP slowed.', 'GDP'], no: ['Growth at NGA slowed.', 'NGA'] },
  'title-only': { yes: ['The Minister for Sport, Aoife Brennan, spoke.', 'Minister for Sport'], no: ['The road to Col de Vassieux climbs.', 'Col de Vassieux'] },
  language: { yes: ['I have taught English for years.', 'English'], no: ['English tourists left the island.', 'English'] },
  'demonym-as-person': { yes: ['"It hurt," the Italian said.', 'Italian'], no: ['"It hurt," the Italian rider said.', 'Italian'] },
  'bare-org-word': { yes: ['Then the Commission said no.', 'Commission'], no: ['Then the European Commission said no.', 'European Commission'] },
  'corporate-suffix': { yes: ['Shares in Meridian Gulf Ltd fell.', 'Meridian Gulf Ltd'], no: ['Shares in Meridian Gulf fell.', 'Meridian Gulf'] },
  honorific: { yes: ['We look forward to seeing Mr Fairbanks soon.', 'Fairbanks'], no: ['We look forward to seeing Fairbanks soon.', 'Fairbanks'] },
  'post-nominal': { yes: ['His barrister, Kwame Asante KC, argued.', 'Kwame Asante'], no: ['His barrister, Kwame Asante, argued.', 'Kwame Asante'] },
  title: { yes: ['Foreign Minister Gennady Vorotnikov arrived.', 'Gennady Vorotnikov'], no: ['Gennady Vorotnikov arrived.', 'Gennady Vorotnikov'] },
  country: { yes: ['Troops left Burkina Faso.', 'Burkina Faso'], no: ['Troops left Burkina Falls.', 'Burkina Falls'] },
  demonym: { yes: ['Ukrainians welcomed the visit.', 'Ukrainians'], no: ['Ukrainka welcomed the visit.', 'Ukrainka'] },
  'geo-noun': { yes: ['Fighting spread across the Donetsk region overnight.', 'Donetsk region'], no: ['Fighting spread across Donetsk overnight.', 'Donetsk'] },
  'org-head-noun': { yes: ['Voters backed the Civic Renewal party.', 'Civic Renewal'], no: ['Voters backed Civic Renewal.', 'Civic Renewal'] },
  'org-word': { yes: ['The Harbour Authority met.', 'Harbour Authority'], no: ['The Harbour Pilot met.', 'Harbour Pilot'] },
  'geo-word': { yes: ['Traffic on Leith Walk fell.', 'Leith Walk'], no: ['Traffic on Leith Roberts fell.', 'Leith Roberts'] },
  platform: { yes: ['Taras Melnyk wrote on Telegram that it failed.', 'Telegram'], no: ['Taras Melnyk wrote to Telegraphist that it failed.', 'Telegraphist'] },
  'settlement-of': { yes: ['Russian forces took the town of Siversk.', 'Siversk'], no: ['Russian forces took the guns of Siversk.', 'Siversk'] },
  'person-apposition': { yes: ['"Prices rose," said Henrik Aas, a transport analyst.', 'Henrik Aas'], no: ['Estimates by Northline Maritime, a research firm in Oslo, differ.', 'Northline Maritime'] },
  'org-apposition': { yes: ['Estimates by Northline Maritime, a research firm in Oslo, differ.', 'Northline Maritime'], no: ['"Prices rose," said Henrik Aas, a transport analyst.', 'Henrik Aas'] },
  'org-noun-before': { yes: ['Talks with operator Deutsche Fernbahn collapsed.', 'Deutsche Fernbahn'], no: ['Talks with minister Deutsche Fernbahn collapsed.', 'Deutsche Fernbahn'] },
  'place-apposition': { yes: ['His farm outside Ames, Iowa, is flooded.', 'Ames'], no: ['His farm outside Ames, he said, is flooded.', 'Ames'] },
  'major-place': { yes: ['Fighting near Kharkiv went on.', 'Kharkiv'], no: ['Fighting near Kharkivka went on.', 'Kharkivka'] },
  employer: { yes: ['It fell, said Henrik Aas, an analyst at Skagen Securities.', 'Skagen Securities'], no: ['It fell, said Henrik Aas, who arrived at Skagen Securities.', 'Skagen Securities'] },
  'thing-noun-before': { yes: ['The rescue ship Aurora arrived.', 'Aurora'], no: ['The rescue chief Aurora arrived.', 'Aurora'] },
  'motion-to': { yes: ['Negotiators will return to Geneva on Tuesday.', 'Geneva'], no: ['Negotiators will talk to Geneva on Tuesday.', 'Geneva'] },
  'employer-before-role': { yes: ['Goldman Sachs analyst Jane Hughes disagreed.', 'Goldman Sachs'], no: ['Goldman Sachs disagreed.', 'Goldman Sachs'] },
  'strong-place-preposition': { yes: ['The fire near Limni spread.', 'Limni'], no: ['The fire with Limni spread.', 'Limni'] },
  'common-given-name': { yes: ['Daniel Marsh chaired the talks.', 'Daniel Marsh'], no: ['Hellas Grid chaired the talks.', 'Hellas Grid'] },
  'named-person': { yes: ['A sharp girl named Maya explained it.', 'Maya'], no: ['A small lander named Ferrow explained it.', 'Ferrow'] },
  'named-thing': { yes: ['A small lander named Ferrow touched down.', 'Ferrow'], no: ['A sharp girl named Maya touched down.', 'Maya'] },
  'the-name': { yes: ['Lindqvist told the Copenhagen Ledger it was wrong.', 'Copenhagen Ledger'], no: ['Lindqvist told Copenhagen Ledger it was wrong.', 'Copenhagen Ledger'] },
  'place-first': { yes: ['He told Batumi Herald it was wrong.', 'Batumi Herald'], no: ['He told Vakho Herald it was wrong.', 'Vakho Herald'] },
  'common-noun-last': { yes: ['Demand peaked, Hellas Grid said.', 'Hellas Grid'], no: ['Demand peaked, Eka Lomidze said.', 'Eka Lomidze'] },
  'other-given-name': { yes: ['Demand peaked, Marek Zieliński said.', 'Marek Zieliński'], no: ['Demand peaked, Enamul Karim said.', 'Enamul Karim'] },
  'listed-with-place': { yes: ['Athens, Rio and others have empty venues.', 'Rio'], no: ['Anna, Rio and others have empty venues.', 'Rio'] },
  'place-preposition': { yes: ['Voters in Nowa Huta were divided.', 'Nowa Huta'], no: ['Voters like Nowa Huta were divided.', 'Nowa Huta'] },
  acronym: { yes: ['The NGA said prices rose.', 'NGA'], no: ['The Nga said prices rose.', 'Nga'] },
  'single-given-name': { yes: ['We asked Piotr about it.', 'Piotr'], no: ['We asked Vakho about it.', 'Vakho'] },
  'speech-verb': { yes: ['"No," Koval said.', 'Koval'], no: ['"No," Koval left.', 'Koval'] },
  'minor-place': { yes: ['Rain fell on Valence.', 'Valence'], no: ['Rain fell on Valenciennes Vakho.', 'Valenciennes Vakho'] },
  'multiword-default': { yes: ['Eka Lomidze ruled.', 'Eka Lomidze'], no: ['The Eka Lomidze ruled.', 'Eka Lomidze'] },
};

describe('entity typing rules', () => {
  it('every rule in the table has a positive and a negative case', () => {
    expect(Object.keys(CASES).sort()).toEqual(CUE_RULES.map((r) => r.name).sort());
  });

  for (const rule of CUE_RULES) {
    const c = CASES[rule.name];
    if (!c) continue;
    it(`${rule.name}: fires for "${c.yes[1]}" in "${c.yes[0]}", not in "${c.no[0]}"`, () => {
      expect(rulesFor(...c.yes)).toContain(rule.name);
      expect(rulesFor(...c.no)).not.toContain(rule.name);
    });
  }

  it('every rule has a reason', () => {
    for (const rule of CUE_RULES) expect(rule.reason.length).toBeGreaterThan(10);
  });
});

describe('entity types across the document', () => {
  it('types one name by its strongest evidence anywhere in the article', () => {
    // "Sydney said" alone reads as a person; "in western Sydney" decides for the place.
    expect(typeOf('I taught in western Sydney for years. Sydney never changes.', 'Sydney')).toBe('place');
    expect(typeOf('Sydney said she would come.', 'Sydney')).toBe('person');
  });

  it('a metonym stays an organisation and never merges with the leader', () => {
    const found = entitiesOf('President Vladimir Putin spoke. The Kremlin said later that Putin was tired.');
    expect(found.find((e) => e.name === 'Kremlin')?.type).toBe('organization');
    expect(found.find((e) => e.name === 'Vladimir Putin')?.mentions.map((m) => m.text)).toEqual(['Vladimir Putin', 'Putin']);
  });

  it('capitals standing for governments are places', () => {
    expect(typeOf('Moscow said the proposal was unacceptable.', 'Moscow')).toBe('place');
  });
});

describe('entity merges', () => {
  it('spelling variants, possessives and bracketed possessives resolve to one person', () => {
    const found = entitiesOf("President Volodymyr Zelenskyy spoke. Zelenskiy's aides said Zelensky would travel. His [Zelenskyy's] office agreed.");
    const people = found.filter((e) => e.type === 'person');
    expect(people).toHaveLength(1);
    expect(people[0]!.mentions.map((m) => m.text)).toEqual(['Volodymyr Zelenskyy', "Zelenskiy's", 'Zelensky', "Zelenskyy's"]);
  });

  it('Kyiv and Kiev are one place; US and United States are one country', () => {
    const found = entitiesOf('Talks in Kyiv ended. Kiev said no. The United States agreed, and US envoys left.');
    expect(found.filter((e) => e.type === 'place').map((e) => e.name)).toEqual(['Kyiv', 'United States']);
  });

  it('a surname joins the person most recently mentioned with it, not a namesake', () => {
    const found = entitiesOf('Anna Koval met Petro Koval. Later Anna Koval left, and Koval said nothing.');
    expect(found.find((e) => e.name === 'Anna Koval')?.mentions.map((m) => m.text)).toEqual(['Anna Koval', 'Anna Koval', 'Koval']);
  });

  it('a near spelling of a surname joins the person (one letter apart), a different name does not', () => {
    const found = entitiesOf('Julian Fairbank was arrested. Mr Fairbanks denied it. Mr Fairweather did not.');
    expect(found.find((e) => e.name === 'Julian Fairbank')?.aliases).toContain('Fairbanks');
    expect(found.find((e) => e.name === 'Julian Fairbank')?.aliases).not.toContain('Fairweather');
  });

  it('a short form of an organisation joins it, but a place inside its name stays a place', () => {
    const found = entitiesOf('Nordhavn Shipping reported a loss. Nordhavn said fuel costs rose. The Batumi Port Authority met in Batumi.');
    expect(found.find((e) => e.name === 'Nordhavn Shipping')?.aliases).toContain('Nordhavn');
    expect(found.find((e) => e.name === 'Batumi')?.type).toBe('place');
  });

  it('an abbreviation in brackets after a name is that entity; a person\'s party in brackets is not', () => {
    const found = entitiesOf('The National Grid Authority (NGA) warned on Monday. The NGA said cuts were possible.');
    expect(found.find((e) => e.name === 'National Grid Authority')?.mentions.map((m) => m.text)).toEqual(['National Grid Authority', 'NGA', 'NGA']);
    const people = entitiesOf('Jane Roe (Labour) voted against.');
    expect(people.find((e) => e.name === 'Jane Roe')?.aliases ?? []).not.toContain('Labour');
  });
});

describe('references by common noun', () => {
  it('"the ministry" refers back to the ministry the article named', () => {
    const found = entitiesOf('The Ministry of Economy denied it. The ministry said the deal was legal.');
    expect(found.find((e) => e.name === 'Ministry of Economy')?.mentions.map((m) => m.text)).toEqual(['Ministry of Economy', 'The ministry']);
  });

  it('an institution the text never names is an organisation of its own; a passing noun phrase is not', () => {
    const found = entitiesOf('The tourism ministry said hotels were safe. Her government fell. A government collapsed.');
    expect(found.map((e) => e.name)).toEqual(['tourism ministry']);
  });

  it('"the office" alone is no organisation; "the public prosecutor\'s office" is', () => {
    expect(entitiesOf('She went back to the office on Monday.')).toEqual([]);
    expect(entitiesOf("The public prosecutor's office appealed.").map((e) => e.name)).toEqual(["public prosecutor's office"]);
  });

  it('a spokesman of an institution in the same phrase names the institution', () => {
    expect(entitiesOf('An Indian foreign ministry spokesman said aid would come.').map((e) => e.name)).toContain('Indian foreign ministry');
    expect(entitiesOf('An Indian foreign ministry building burned.').map((e) => e.name)).not.toContain('Indian foreign ministry');
  });

  it('"the company" is the last business named, never a ministry or a charity', () => {
    const found = entitiesOf('Halcyon Biologics made the vaccine with the Global Malaria Fund. The company said doses were ready.');
    expect(found.find((e) => e.name === 'Halcyon Biologics')?.aliases).toContain('The company');
    expect(found.find((e) => e.name === 'Global Malaria Fund')?.aliases ?? []).not.toContain('The company');
  });

  it('a role noun refers to the person given that role, a nationality adjective included', () => {
    const found = entitiesOf('President Volodymyr Zelenskyy spoke first. "We will not give up," the Ukrainian president said.');
    expect(found.find((e) => e.name === 'Volodymyr Zelenskyy')?.aliases).toContain('the Ukrainian president');
  });
});

describe('words and names', () => {
  it('keeps names whole across letters wink splits, hyphens and particles', () => {
    const names = entitiesOf('Marek Zieliński met Abdelrahman al-Tayeb, Maria Okonjo-Berg and Chen Wei-ling in Constanța.').map((e) => e.name);
    expect(names).toEqual(['Marek Zieliński', 'Abdelrahman al-Tayeb', 'Maria Okonjo-Berg', 'Chen Wei-ling', 'Constanța']);
  });

  it('takes the name out of "Kyiv-based" and "pro-Kremlin", and months are not names', () => {
    const names = entitiesOf('A Kyiv-based group met pro-Kremlin bloggers in May. Theresa May objected.').map((e) => e.name);
    expect(names).toEqual(['Kyiv', 'Kremlin', 'Theresa May']);
  });

  it('splits a title from the name, and a title alone names nobody', () => {
    const [karim] = entitiesOf('Disaster Management Minister Enamul Karim visited. The Prime Minister did not.');
    expect(karim).toMatchObject({ name: 'Enamul Karim', type: 'person', descriptions: [{ text: 'Disaster Management Minister' }] });
    expect(entitiesOf('The Prime Minister did not.')).toEqual([]);
  });

  it('gazetteers know world cities, regions and first names from the packaged data', () => {
    expect(placeTier('Kharkiv')).toBe('major');
    expect(placeTier('Iowa')).toBe('major');
    expect(placeTier('Krakow')).toBe(placeTier('Kraków'));
    expect(placeTier('Reading')).toBe('minor');
    expect(placeTier('Koval')).toBeNull();
    expect(givenNameTier('Dean')).toBe('common');
    expect(givenNameTier('Oksana')).toBe('other');
    expect(givenNameTier('Hellas')).toBeNull();
  });

  it('still finds names in a lower-cased page after casing repair', () => {
    const text = repairCasing('president oksana hrytsenko met officials in kharkiv on monday. hrytsenko said the kremlin was lying.', { names: new Map() });
    const found = entitiesOf(text);
    expect(found.find((e) => e.type === 'person')?.name).toBe('Oksana Hrytsenko');
    expect(found.find((e) => e.name === 'Kharkiv')?.type).toBe('place');
    expect(found.find((e) => e.name === 'Kremlin')?.type).toBe('organization');
  });
});

describe('entities stay linear on hostile input', () => {
  const cases: [string, string][] = [
    ['100 KB of capitalised words', 'Anna Koval Of The Harbour Authority And Ministry Of Economy '.repeat(1800)],
    ['100 KB of institution nouns', 'the new tourism ministry government council committee of the party '.repeat(1500)],
    ['100 KB of hyphenated names and adjectives', 'Okonjo-Berg met Kyiv-Lviv-Odesa-based al-Tayeb-Wei-ling '.repeat(1800)],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const t = tokenize(text);
      const started = performance.now();
      findEntities(t);
      expect(performance.now() - started).toBeLessThan(3000);
    });
  }
});
