/** Pages for the API tests, beside the store suite's (test/store/pages.ts). */
import type { PageSpec } from '../store/pages.js';

/** A page whose text is made to look like markup: it must come back as text, never as markup. */
export const HOSTILE: PageSpec = {
  source: 'hostile/markup.txt',
  outlet: 'Harbour Gazette',
  title: 'Council <script>alert(1)</script> vote on harbour fees',
  date: '2026-05-02',
  paragraphs: [
    'The harbour council voted on Friday to raise mooring fees by 12 percent, <script>alert(1)</script> its chair said after a long meeting in Ostmarsh.',
    'A placard outside read <img src=x onerror=alert(2)> and "fees are theft", the Harbour Gazette reported from the quay.',
    '"We had no choice with the sea wall repairs coming," said Ada Pemberton, who chairs the harbour council.',
  ],
};
