/**
 * The invented corpus the browser tests run against: the bridge story of the store tests, one
 * more outlet dating the same finding a day earlier (a timeline conflict), an unrelated story, and
 * a page whose text carries markup that must be shown as text, never run.
 */
import type { DecodedPage } from '../../src/model.js';
import { BRIDGE, FLOOD, ORCHARD, type PageSpec, textPage } from '../store/pages.js';

/** Residue lines the cleaner removes (an ad slot, share tools, a newsletter pitch). */
const RESIDUE = ['Advertisement', 'Share this article', 'Sign up for our newsletter'];

export const EARLIER: PageSpec = {
  source: 'post/bridge-date.txt',
  outlet: 'Marsh Post',
  title: 'Ostmarsh river bridge shut to lorries over girder cracks',
  date: '2026-03-11',
  paragraphs: [
    'Engineers closed the Ostmarsh river bridge to heavy lorries on March 9 after an inspection found cracks in two of its steel girders, the county highways board said.',
    'Lorries now take a diversion through Fenwick, which hauliers say adds forty minutes to every trip between the port and the ring road.',
    'About 14,000 vehicles a day use the river bridge. Cars and buses can still cross it at 20 miles per hour while the girders are replaced.',
    'The board expects to award a repair contract for the cracked girders within six weeks; steel firms including Brantwell Steel are expected to bid.',
    '"Safety comes first on a bridge of this age," said Marta Quillan, the chair of the highways board, adding that new girders would be ordered.',
    '"The records are clear about the dates," said Oren Vasko, a spokesman for the hauliers\' association.',
  ],
};

export const XSS: PageSpec = {
  source: 'bulletin/defaced.txt',
  outlet: 'Harbour Bulletin',
  title: 'Greyhaven library site defaced with <img src=x onerror=alert(1)> tag',
  date: '2026-05-14',
  paragraphs: [
    'Visitors to the Greyhaven library website on Thursday saw the text <script>alert(1)</script> printed at the top of the catalogue page, the library trust said.',
    'A second line read <img src=x onerror=alert(1)> and the page was taken down within an hour.',
    '"Nothing was run on anyone\'s computer," said Petra Lind, the trust\'s digital officer. "The text was shown, not executed."',
  ],
};

/** Pasted through the Add page during the tests. */
export const FERRY_TEXT = [
  'Dunmere Ledger',
  'Dunmere ferry crossing reopens after winter storm repairs',
  'By Ilse Harrow',
  '2 December 2026 08:30 GMT',
  'The Dunmere ferry resumed crossings on Tuesday after three weeks of repairs to its landing ramp, which was torn loose in a winter storm on November 10.',
  '"Passengers have been patient with us and we are grateful," said Aldo Brenn, who manages the ferry company. "Every crossing runs on time from today."',
  'The company said the new ramp was built to survive waves twice as high as the storm produced.',
].join('\n\n');

export function corpusPages(): DecodedPage[] {
  const wire = textPage(BRIDGE.wire);
  wire.context.url = 'https://kestrel-wire.example/ostmarsh/bridge-cracks';
  wire.text = `${wire.text}\n\n${RESIDUE.join('\n\n')}`;
  const xss = textPage(XSS);
  xss.text = `${xss.text}\n\nAdvertisement`;
  return [wire, textPage(BRIDGE.rerun), textPage(BRIDGE.followUp), textPage(EARLIER), textPage(ORCHARD), textPage(FLOOD), xss];
}

/** Dropped onto the Add page as a file during the tests. */
export const HARBOUR_FILE = {
  name: 'greyhaven-harbour-lights.txt',
  title: 'Greyhaven harbour lights restored after a month in the dark',
  text: [
    'Harbour Bulletin',
    'Greyhaven harbour lights restored after a month in the dark',
    'By Tamsin Rook',
    '3 December 2026 07:15 GMT',
    'The navigation lights at the mouth of Greyhaven harbour were switched back on on Wednesday, a month after a cable fault left the entrance unlit.',
    '"Skippers can come home at night again," said Wenna Drake, the harbour master.',
  ].join('\n\n'),
};
