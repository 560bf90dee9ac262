import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/ingest/index.js';

describe('sniffFormat', () => {
  it('takes .html, .htm and .xhtml files as HTML when they hold any markup', () => {
    expect(sniffFormat('<p>One line</p>', { path: 'a/story.html' })).toBe('html');
    expect(sniffFormat('Intro <b>bold</b> text', { path: 'STORY.HTM' })).toBe('html');
    expect(sniffFormat('<?xml version="1.0"?><html/>', { path: 'x.xhtml' })).toBe('html');
  });

  it('takes an .html file with no markup at all as text', () => {
    expect(sniffFormat('Just a headline\n\nAnd a paragraph, 3 < 4.', { path: 'story.html' })).toBe('text');
  });

  it('honours an HTML Content-Type like an extension', () => {
    expect(sniffFormat('Hello <em>there</em>', { contentType: 'text/html; charset=utf-8' })).toBe('html');
  });

  it('finds HTML by content in a .txt file', () => {
    expect(sniffFormat('\n  <!DOCTYPE html>\n<html><body>x</body></html>', { path: 'dump.txt' })).toBe('html');
    expect(sniffFormat('<!-- saved --><html lang="en"><p>x</p></html>', { path: 'dump.txt' })).toBe('html');
    expect(sniffFormat('<body>\n<p>Body only</p></body>', { path: 'dump.txt' })).toBe('html');
  });

  it('finds HTML fragments that open with a block element', () => {
    expect(sniffFormat('<div class="story"><p>First.</p><p>Second.</p></div>')).toBe('html');
  });

  it('finds HTML by block-tag density even after leading prose', () => {
    const page = `Saved by scraper\n${'<p>Paragraph text here.</p>\n'.repeat(12)}`;
    expect(sniffFormat(page, { path: 'page' })).toBe('html');
  });

  it('keeps plain text as text, even with a stray tag or angle bracket', () => {
    expect(sniffFormat('Ceasefire talks stall\n\nNegotiators left Geneva.')).toBe('text');
    const prose = `${'A long paragraph of ordinary news prose that goes on. '.repeat(60)}Use <br> for breaks.`;
    expect(sniffFormat(prose, { path: 'notes.txt' })).toBe('text');
    expect(sniffFormat('Markets <3 rate cuts; 2 < 3', { path: 'x.md' })).toBe('text');
  });
});
