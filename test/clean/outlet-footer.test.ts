import { describe, expect, it } from 'vitest';
import { cleanText } from '../../src/clean/index.js';

const BODY = [
  'Ferry crossings cancelled as gales sweep the west coast',
  'Ferry operators cancelled every sailing on Friday as gusts of up to 80mph hit the west coast, leaving hundreds of passengers stranded at the terminals overnight.',
  'The coastguard said two small boats had been helped back to harbour and that nobody had been hurt, although several piers were closed as a precaution.',
].join('\n');

describe('outlet from the footer', () => {
  it('takes the copyright holder when nothing near the headline names the publisher', () => {
    const page = cleanText(`${BODY}\n© 2026 Fenwick Daily Media Ltd. All rights reserved.`);
    expect(page.articles[0]!.outlet).toBe('Fenwick Daily');
  });

  it('prefers an aggregator\'s "Read the full story at" line', () => {
    const page = cleanText(`${BODY}\nRead the full story at Brackwater Finance\n© 2026 Skimfeed Inc.`);
    expect(page.articles[0]!.outlet).toBe('Brackwater Finance');
  });

  it('never overrides an outlet the header gave', () => {
    const page = cleanText(`The Harbour Courier\n${BODY}\n© 2026 Skimfeed Inc.`);
    expect(page.articles[0]!.outlet).toBe('The Harbour Courier');
  });
});
