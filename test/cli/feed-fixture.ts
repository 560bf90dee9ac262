/** A small RSS feed with full-text items (invented stories), served by the feed-polling tests. */
import { BRIDGE, ORCHARD } from '../store/pages.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function rss(items: { title: string; link: string; date: string; paragraphs: string[] }[]): string {
  const body = items
    .map(
      (item) => `<item><title>${escape(item.title)}</title><link>${item.link}</link><guid>${item.link}</guid>
<pubDate>${new Date(`${item.date}T09:00:00Z`).toUTCString()}</pubDate>
<content:encoded><![CDATA[${item.paragraphs.map((p) => `<p>${p}</p>`).join('')}${item.paragraphs.map((p) => `<p>${p.replace(/\b(said|told)\b/g, '$1 on Wednesday')}</p>`).join('')}]]></content:encoded></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Valley Desk</title><link>https://valley.example/</link>${body}</channel></rss>`;
}

export const ITEMS = [
  { title: BRIDGE.wire.title, link: 'https://valley.example/bridge', date: BRIDGE.wire.date, paragraphs: BRIDGE.wire.paragraphs },
  { title: ORCHARD.title, link: 'https://valley.example/orchard', date: ORCHARD.date, paragraphs: ORCHARD.paragraphs },
];
