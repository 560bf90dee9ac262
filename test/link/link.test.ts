/** The pure linking pieces: copy detection, clustering fit, labels, timeline events. */
import { describe, expect, it } from 'vitest';
import { absorb, decay, emptyProfile, fit, CLUSTER_SETTINGS } from '../../src/link/cluster.js';
import { copyKeys, judgeCopy } from '../../src/link/dedup.js';
import { buildTimeline, type EventMention } from '../../src/link/events.js';
import { entityKey, type LinkFeatures } from '../../src/link/features.js';
import { storyLabel } from '../../src/link/label.js';
import { sentenceAround } from '../../src/link/prepare.js';

const LEAD = 'Engineers closed the Ostmarsh river bridge to heavy lorries on Tuesday after an inspection found cracks in two of its steel girders, the county highways board said.';
const BODY = [
  LEAD,
  'The bridge carries about 14,000 vehicles a day between the port and the ring road. Cars and buses may still cross at a reduced speed while repairs are planned.',
  'Hauliers warned that the diversion would add forty minutes to each trip to the port. The board said a repair contract would be awarded within six weeks.',
].join('\n\n');

describe('copy detection', () => {
  it('exact: the same words whatever the case, punctuation and spacing', () => {
    expect(judgeCopy(BODY, BODY.toUpperCase().replace(/,/g, ' '))?.kind).toBe('exact');
    expect(copyKeys(BODY).textHash).toBe(copyKeys(BODY.replace(/\n\n/g, '\n')).textHash);
  });

  it('near: a re-run with a local intro and a trimmed end', () => {
    const rerun = `Drivers in Fenwick should expect heavier traffic.\n\n${BODY.split('\n\n').slice(0, 2).join('\n\n')}`;
    expect(judgeCopy(rerun, BODY)).toMatchObject({ kind: 'near' });
    const shared = copyKeys(rerun).bands.filter((b) => copyKeys(BODY).bands.includes(b));
    expect(shared.length).toBeGreaterThan(0);
  });

  it('lead: a snippet that is the opening of a full article', () => {
    expect(judgeCopy(LEAD.slice(0, 120), BODY)).toMatchObject({ kind: 'lead' });
  });

  it('not a copy: the same story told in other words, or a too-short text', () => {
    const other = 'A river bridge in Ostmarsh was shut to lorries after inspectors spotted cracked girders; the highways board expects to pick a contractor within weeks.';
    expect(judgeCopy(other, BODY)).toBeNull();
    expect(judgeCopy('Bridge closed to lorries', BODY)).toBeNull();
    expect(judgeCopy('', BODY)).toBeNull();
  });
});

function features(partial: Partial<LinkFeatures>): LinkFeatures {
  return { date: '2026-03-10', terms: {}, entities: {}, titleWords: [], names: {}, ...partial };
}

describe('clustering fit', () => {
  const idf = () => 1;
  const bridge = features({ terms: { bridg: 2, girder: 1.5, lorri: 1.2, crack: 1 }, entities: { 'p:quillan': 1, 'l:ostmarsh': 1 } });

  it('a similar article in the same weeks fits; the same words months later do not', () => {
    const story = absorb(emptyProfile(), bridge);
    const follow = features({ date: '2026-03-24', terms: { bridg: 2, girder: 1, contract: 1.5 }, entities: { 'p:quillan': 1, 'l:ostmarsh': 1 } });
    expect(fit(follow, story, idf).score).toBeGreaterThan(CLUSTER_SETTINGS.joinThreshold);
    expect(fit({ ...follow, date: '2026-08-24' }, story, idf).score).toBeLessThan(CLUSTER_SETTINGS.joinThreshold);
  });

  it('shared people alone, with different words, do not make the same story', () => {
    const story = absorb(emptyProfile(), bridge);
    const flood = features({ terms: { flood: 2, barrier: 1.5, harbour: 1 }, entities: { 'p:quillan': 1 } });
    expect(fit(flood, story, idf).score).toBeLessThan(CLUSTER_SETTINGS.joinThreshold);
  });

  it('decay is flat for a week around the span, then halves every half-life', () => {
    expect(decay(0)).toBe(1);
    expect(decay(CLUSTER_SETTINGS.graceDays)).toBe(1);
    expect(decay(CLUSTER_SETTINGS.graceDays + CLUSTER_SETTINGS.halfLifeDays)).toBeCloseTo(0.5);
  });

  it('absorbing an article widens the span and counts it', () => {
    const story = absorb(absorb(emptyProfile(), bridge), features({ date: '2026-03-01', terms: { bridg: 1 } }));
    expect(story).toMatchObject({ first: '2026-03-01', last: '2026-03-10', size: 2 });
  });

  it('people are keyed by surname so a later surname-only mention meets the full name', () => {
    expect(entityKey('Marta Quillan', 'person')).toBe(entityKey('Quillan', 'person'));
    expect(entityKey('Kyiv', 'place')).not.toBe(entityKey('Kyiv', 'organization'));
    // A place never shares a key with a person of the same name.
    expect(entityKey('Georgia', 'place')).not.toBe(entityKey('Georgia', 'person'));
    expect(entityKey('Riga', 'place')).toBe('l:riga');
  });
});

describe('story labels', () => {
  it('key actors, what the headlines say, and where', () => {
    const profile = { ...emptyProfile(), entities: { 'p:quillan': 3, 'o:brantwell steel': 2, 'l:ostmarsh': 2 }, names: { 'p:quillan': 'Quillan', 'o:brantwell steel': 'Brantwell Steel', 'l:ostmarsh': 'Ostmarsh' }, titleWords: { bridge: 3, cracks: 2, lorries: 1 } };
    expect(storyLabel(profile)).toBe('Quillan–Brantwell Steel bridge cracks in Ostmarsh');
  });

  it('falls back to headline words, then to a placeholder', () => {
    expect(storyLabel({ ...emptyProfile(), titleWords: { frost: 2 } })).toBe('frost');
    expect(storyLabel(emptyProfile())).toBe('Untitled story');
  });
});

function mention(articleId: number, value: string, sentence: string, outlet = `Outlet ${articleId}`): EventMention {
  const text = 'on Tuesday';
  return { articleId, outlet, published: '2026-03-12', value, text, sentence: `${sentence} ${text}.`, start: 0, end: 10 };
}

describe('timeline events', () => {
  it('one happening reported by two outlets on the same date is one event', () => {
    const events = buildTimeline([
      mention(1, '2026-03-10', 'Engineers closed the Ostmarsh river bridge to heavy lorries after finding cracks in its girders'),
      mention(2, '2026-03-10', 'The cracked girders forced engineers to close the bridge to lorries'),
    ]);
    expect(events).toHaveLength(1);
    expect(events[0]!.outlets).toEqual(['Outlet 1', 'Outlet 2']);
  });

  it('two different happenings on one date stay apart', () => {
    const events = buildTimeline([
      mention(1, '2026-03-10', 'Engineers closed the Ostmarsh river bridge to heavy lorries after finding cracks in its girders'),
      mention(2, '2026-03-10', 'The town council approved a new budget for school meals and libraries'),
    ]);
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.conflicts.length === 0)).toBe(true);
  });

  it('the same happening on two dates is a conflict, shown on both', () => {
    const events = buildTimeline([
      mention(1, '2026-03-10', 'Engineers closed the Ostmarsh river bridge to heavy lorries after finding cracks in its girders'),
      mention(2, '2026-03-09', 'Engineers closed the Ostmarsh river bridge to heavy lorries after finding cracks in its girders'),
    ]);
    expect(events.map((e) => e.date)).toEqual(['2026-03-09', '2026-03-10']);
    expect(events[0]!.conflicts).toEqual([events[1]!.id]);
    expect(events[1]!.conflicts).toEqual([events[0]!.id]);
  });
});

describe('sentence around a date', () => {
  it('stops at sentence ends and paragraph breaks', () => {
    const text = 'First sentence here. The bridge closed on Tuesday after cracks were found. Next one.\n\nAnother paragraph.';
    const at = text.indexOf('on Tuesday');
    const span = sentenceAround(text, at, at + 10);
    expect(text.slice(span.start, span.end)).toBe('The bridge closed on Tuesday after cracks were found.');
  });
});
