/** Small invented pages for the store tests, built the way a scraped text page looks. */
import type { DecodedPage } from '../../src/model.js';

export interface PageSpec {
  source: string;
  outlet: string;
  title: string;
  date: string;
  byline?: string;
  paragraphs: string[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function textPage(spec: PageSpec): DecodedPage {
  const [y, m, d] = spec.date.split('-').map(Number) as [number, number, number];
  const text = [spec.outlet, spec.title, `By ${spec.byline ?? 'Ines Morrow'}`, `${d} ${MONTHS[m - 1]} ${y} 09:00 GMT`, ...spec.paragraphs].join('\n\n');
  return { context: { source: spec.source, url: null, published: null, fetched: null }, format: 'text', text, encoding: 'utf-8' };
}

/** A story about a bridge closure in an invented town, in three outlets' words. */
export const BRIDGE = {
  wire: {
    source: 'wire/bridge-1.txt',
    outlet: 'Kestrel Wire',
    title: 'Cracks close Ostmarsh river bridge to lorries',
    date: '2026-03-10',
    paragraphs: [
      'OSTMARSH, March 10 (Kestrel) - Engineers closed the Ostmarsh river bridge to heavy lorries on Tuesday after an inspection found cracks in two of its steel girders, the county highways board said.',
      'The bridge carries about 14,000 vehicles a day between the port and the ring road. Cars and buses may still cross at a reduced speed of 20 miles per hour while repairs are planned.',
      '"We will not take any chances with a structure this old," said Marta Quillan, who chairs the highways board. "Lorries will be diverted through Fenwick until the girders are replaced."',
      'Hauliers warned that the diversion would add forty minutes to each trip to the port. The board said a repair contract would be awarded within six weeks.',
    ],
  },
  rerun: {
    source: 'herald/bridge-rerun.txt',
    outlet: 'Fenwick Herald',
    title: 'Lorries diverted through Fenwick as river bridge cracks',
    date: '2026-03-10',
    paragraphs: [
      'Drivers in Fenwick should expect heavier traffic from this week.',
      'OSTMARSH, March 10 (Kestrel) - Engineers closed the Ostmarsh river bridge to heavy lorries on Tuesday after an inspection found cracks in two of its steel girders, the county highways board said.',
      'The bridge carries about 14,000 vehicles a day between the port and the ring road. Cars and buses may still cross at a reduced speed of 20 miles per hour while repairs are planned.',
      '"We will not take any chances with a structure this old," said Marta Quillan, who chairs the highways board. "Lorries will be diverted through Fenwick until the girders are replaced."',
    ],
  },
  followUp: {
    source: 'courier/bridge-contract.txt',
    outlet: 'Ostmarsh Courier',
    title: 'Ostmarsh bridge repair contract goes to Brantwell Steel',
    date: '2026-03-24',
    paragraphs: [
      'The county highways board has awarded the contract to replace the cracked girders on the Ostmarsh river bridge to Brantwell Steel, two weeks after the bridge was closed to lorries.',
      'Engineers found the cracks on March 10, and the bridge has since carried only cars and buses. Hauliers have complained about the diversion through Fenwick.',
      '"We will not take any chances with a structure this old," Marta Quillan, the board\'s chair, said again on Monday. She said the girders would be replaced by the end of June.',
      'Brantwell Steel said its crews would start work in April and that the bridge would stay open to cars throughout.',
    ],
  },
} satisfies Record<string, PageSpec>;

/** Same town and same board chair, but a different event months later: a separate story. */
export const FLOOD: PageSpec = {
  source: 'courier/flood-barriers.txt',
  outlet: 'Ostmarsh Courier',
  title: 'Ostmarsh tests new flood barriers before winter',
  date: '2026-10-06',
  paragraphs: [
    'Crews in Ostmarsh raised the town\'s new demountable flood barriers along the harbour wall on Monday in a full-scale test ahead of the winter storm season.',
    'The barriers, bought last year for 2.3 million pounds, took four hours to assemble, an hour less than the target set by the council\'s emergency planners.',
    '"The test went better than we had hoped," said Marta Quillan, who also sits on the council\'s flood committee. "Residents near the harbour can sleep a little easier."',
    'The council plans a second test in January with volunteers from the harbour neighbourhood.',
  ],
};

/** An unrelated story in another place. */
export const ORCHARD: PageSpec = {
  source: 'gazette/orchard.txt',
  outlet: 'Vale Gazette',
  title: 'Late frost ruins half of Dunmere apple blossom',
  date: '2026-04-21',
  paragraphs: [
    'A late frost on Sunday night destroyed about half of the apple blossom in the orchards around Dunmere, growers said, threatening the valley\'s autumn cider harvest.',
    'Temperatures fell to minus four degrees shortly before dawn, according to the growers\' co-operative, which represents 38 farms in the valley.',
    '"In thirty years I have not seen blossom this badly burnt," said Tobias Renwick, who farms 40 acres near Dunmere. "We will know by June how much fruit has set."',
    'The co-operative said it would ask the regional government for help with losses.',
  ],
};
