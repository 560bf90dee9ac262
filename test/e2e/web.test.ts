/**
 * The web app end to end, in headless Chromium against `newsprism serve` on a temporary corpus of
 * invented pages: stories, search, a story's timeline and quotes, an article and what the cleaner
 * removed, adding a pasted page, markup in article text shown as text, keyboard use, and the
 * server's strict CSP never violated. Screenshots go to test-output/screenshots/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserAvailable, ensureWebBuild, launchBrowser, screenshotPath, type Site, startSite } from './harness.js';
import { FERRY_TEXT, HARBOUR_FILE, XSS } from './pages.js';

const enabled = browserAvailable();

interface Watch {
  dialogs: string[];
  errors: string[];
}

describe.skipIf(!enabled)('web app in Chromium', { timeout: 60_000 }, () => {
  let site: Site;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  const pages: { page: Page; watch: Watch }[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    site = await startSite();
    browser = await launchBrowser();
    context = browser.context;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  /** A new tab that records dialogs, uncaught errors, console errors and CSP violations. */
  async function open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; watch: Watch; csp: string | null }> {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    const watch: Watch = { dialogs: [], errors: [] };
    page.on('dialog', (dialog) => {
      watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => watch.errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') watch.errors.push(`console: ${message.text()}`);
    });
    await page.exposeFunction('__reportViolation', (text: string) => watch.errors.push(`CSP violation: ${text}`));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    const response = await page.goto(`${site.url}${path}`);
    pages.push({ page, watch });
    return { page, watch, csp: (await response?.allHeaders())?.['content-security-policy'] ?? null };
  }

  afterEach(async () => {
    for (const { page, watch } of pages.splice(0)) {
      await page.close();
      expect(watch.dialogs, 'no dialog may ever open').toEqual([]);
      expect(watch.errors, 'no script error, console error or CSP violation').toEqual([]);
    }
  });

  it('lists stories with their span, outlets, counts and a coverage sparkline', async () => {
    const { page, csp } = await open('/');
    // The app runs under the server's strict policy; every test fails on any violation of it.
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).toMatch(/style-src 'self'/);
    await expect(page.title()).resolves.toBe('Stories · newsprism');
    const cards = page.locator('.story-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    const bridge = cards.filter({ hasText: 'Kestrel Wire' });
    await expect(bridge.locator('.chip').allInnerTexts()).resolves.toEqual(expect.arrayContaining(['Fenwick Herald', 'Kestrel Wire', 'Marsh Post', 'Ostmarsh Courier']));
    expect(await bridge.locator('.meta').innerText()).toMatch(/Mar 2026.*\d+ articles/s);
    await bridge.locator('svg.sparkline').waitFor();
    expect(await bridge.locator('svg.sparkline rect.spark-bar').count()).toBeGreaterThan(1);
    expect(await bridge.locator('svg.sparkline').getAttribute('aria-label')).toMatch(/Coverage of .*dated articles from/);
    await page.screenshot({ path: screenshotPath('stories'), fullPage: true });
  });

  it('filters stories by outlet and by entity, in the address bar', async () => {
    const { page } = await open('/');
    await page.locator('.story-card').first().waitFor();
    await page.selectOption('#filter-outlet', 'Vale Gazette');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/outlet=Vale\+Gazette/);
    await page.locator('.story-card').first().waitFor();
    expect(await page.locator('.story-card').count()).toBe(1);
    expect(await page.locator('.story-card').innerText()).toContain('Vale Gazette');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.fill('#filter-entity', 'Marta Quillan');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/entity=Marta\+Quillan/);
    await page.locator('.story-card').first().waitFor();
    const texts = await page.locator('.story-card').allInnerTexts();
    expect(texts.length).toBeGreaterThanOrEqual(1);
    expect(texts.join('\n')).not.toContain('Vale Gazette');
  });

  it('searches articles and highlights the matched words with <mark>, as text', async () => {
    const { page } = await open('/');
    await page.fill('#search-q', 'girders');
    await page.press('#search-q', 'Enter');
    await page.waitForURL(/q=girders/);
    await page.locator('.hit').first().waitFor();
    const marks = await page.locator('.hit mark').allInnerTexts();
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) expect(mark.toLowerCase()).toContain('girder');
    expect(await page.locator('.hit .snippet').first().innerText()).not.toContain('[[');
    await page.screenshot({ path: screenshotPath('search'), fullPage: true });
  });

  it('opens a story: timeline with outlets and a conflict, dating sentences, who said what, outlets, entities, articles', async () => {
    const { page } = await open('/');
    await page.locator('.story-card').filter({ hasText: 'Kestrel Wire' }).locator('h2 a').click();
    await page.waitForURL(/\/stories\/\d+$/);
    await page.locator('#timeline .event').first().waitFor();
    // The heading takes focus after the navigation, for screen readers.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const march10 = page.locator('#timeline .event').filter({ has: page.locator('time[datetime="2026-03-10"]') }).first();
    expect(await march10.locator('.chip').allInnerTexts()).toEqual(expect.arrayContaining(['Kestrel Wire']));
    // Marsh Post dates the finding a day earlier: both events are marked as conflicting.
    expect(await page.locator('#timeline .event.conflict').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('#timeline svg.timeline-strip circle.event-dot.conflict').count()).toBeGreaterThanOrEqual(2);

    const toggle = march10.getByRole('button', { name: /Show the \d+ sentences? that date it/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    expect(await march10.getByRole('button', { name: /Hide the/ }).getAttribute('aria-expanded')).toBe('true');
    const sentence = march10.locator('.mentions blockquote').first();
    expect(await sentence.innerText()).toMatch(/bridge/i);
    expect(await march10.locator('.mentions mark.date-mark').count()).toBeGreaterThan(0);

    const quillan = page.locator('#quotes .speaker').filter({ hasText: 'Marta Quillan' });
    expect(await quillan.locator('blockquote').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringContaining('We will not take any chances')]));
    expect(await quillan.locator('.descriptions').innerText()).toMatch(/chair/);

    expect(await page.locator('#outlets table.outlets tbody tr').count()).toBe(4);
    await page.locator('#outlets summary').first().click();
    expect(await page.locator('#outlets .matrix[open] .dot-on').count()).toBeGreaterThan(0);
    await page.locator('#entities svg.graph').waitFor();
    expect(await page.locator('#entities .entity-list li').count()).toBeGreaterThan(0);
    expect(await page.locator('#articles tbody tr').count()).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: screenshotPath('story'), fullPage: true });
  });

  it('opens an article: highlighted text from offsets, removed blocks with reason and rule, the original link', async () => {
    const { page } = await open('/?q=lorries');
    await page.locator('.hit a', { hasText: 'Cracks close Ostmarsh river bridge' }).first().click();
    await page.waitForURL(/\/articles\/\d+$/);
    const text = page.locator('#article-text');
    await text.waitFor();
    expect(await text.innerText()).toContain('We will not take any chances with a structure this old');
    expect(await text.locator('.m-quote').count()).toBeGreaterThan(0);
    expect(await text.locator('.m-date').count()).toBeGreaterThan(0);
    expect(await text.locator('.m-speaker, .m-entity').count()).toBeGreaterThan(0);
    expect(await page.locator('.article-side').innerText()).toContain('Marta Quillan');

    // Switching a layer off removes its highlight class from the container, not the text.
    await page.getByRole('checkbox', { name: 'Quotes' }).uncheck();
    expect(await text.getAttribute('class')).not.toContain('show-quote');
    expect(await text.innerText()).toContain('We will not take any chances');

    const toggle = page.getByRole('button', { name: /Show what the cleaner removed \(3 blocks\)/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const blocks = page.locator('#removed-blocks li');
    expect(await blocks.count()).toBe(3);
    expect(await blocks.first().innerText()).toMatch(/advertisement[\s\S]*rule ad-slot[\s\S]*Advertisement/i);
    expect(await page.locator('#removed-blocks code').allInnerTexts()).toEqual(['ad-slot', 'share-tools', 'newsletter-pitch']);
    expect(await page.getByRole('button', { name: /Hide what the cleaner removed/ }).getAttribute('aria-expanded')).toBe('true');

    const original = page.locator('a.external');
    expect(await original.getAttribute('href')).toBe('https://kestrel-wire.example/ostmarsh/bridge-cracks');
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    await page.screenshot({ path: screenshotPath('article'), fullPage: true });
  });

  it('follows a quote from the story to its passage in the article', async () => {
    const { page } = await open('/');
    await page.locator('.story-card').filter({ hasText: 'Kestrel Wire' }).locator('h2 a').click();
    await page.locator('#quotes .speaker').first().waitFor();
    await page.locator('#quotes .quote').filter({ hasText: 'We will not take any chances' }).locator('.meta a').first().click();
    await page.waitForURL(/\/articles\/\d+\?at=\d+-\d+$/);
    const target = page.locator('#article-text .m-target');
    await target.first().waitFor();
    expect((await target.allInnerTexts()).join('')).toContain('We will not take any chances');
  });

  it('adds a pasted page, shows the job and its result, and the new story appears', async () => {
    const { page } = await open('/add');
    await page.getByLabel('Text of the page').fill(FERRY_TEXT);
    await page.getByLabel('Name (optional)').fill('ferry-reopens');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    expect(await page.locator('.job-status').innerText()).toMatch(/1 added/);
    const stored = page.locator('.job-articles a', { hasText: 'Dunmere ferry crossing reopens' });
    await stored.waitFor();
    await page.screenshot({ path: screenshotPath('add'), fullPage: true });
    await page.getByRole('link', { name: 'See the stories' }).click();
    await page.waitForURL(/\/$/);
    const first = page.locator('.story-card').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('Dunmere Ledger');
  });

  it('adds a file dropped onto the form (sent as multipart) and links the stored article', async () => {
    const { page } = await open('/add');
    const dataTransfer = await page.evaluateHandle(({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: 'text/plain' }));
      return transfer;
    }, HARBOUR_FILE);
    await page.dispatchEvent('form.add-form', 'dragover', { dataTransfer });
    expect(await page.locator('form.add-form').getAttribute('class')).toContain('dragging');
    await page.dispatchEvent('form.add-form', 'drop', { dataTransfer });
    expect(await page.getByRole('radio', { name: 'Files' }).isChecked()).toBe(true);
    expect(await page.locator('.file-list').innerText()).toContain(HARBOUR_FILE.name);
    await page.getByRole('button', { name: 'Add' }).click();
    await page.getByRole('heading', { name: 'Done' }).waitFor();
    expect(await page.locator('.job-status').innerText()).toMatch(/1 added/);
    await page.locator('.job-articles a', { hasText: HARBOUR_FILE.title }).click();
    await page.waitForURL(/\/articles\/\d+$/);
    expect(await page.locator('#provenance').innerText()).toContain(`upload:${HARBOUR_FILE.name}`);
  });

  it('shows markup inside article text as text: no script runs, no image loads', async () => {
    const { page, watch } = await open(`/?q=${encodeURIComponent('Greyhaven library')}`);
    await page.locator('.hit').first().waitFor();
    expect(await page.locator('.hit h3').first().innerText()).toBe(XSS.title);
    await page.locator('.hit h3 a').first().click();
    await page.waitForURL(/\/articles\/\d+$/);
    await page.locator('#article-text').waitFor();
    await expect(page.locator('h1').innerText()).resolves.toBe(XSS.title);
    const body = await page.locator('#article-text').innerText();
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('<img src=x onerror=alert(1)>');
    await page.getByText('<script>alert(1)</script>', { exact: false }).first().waitFor();
    const dom = await page.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      scripts: [...document.scripts].map((s) => s.src.replace(location.origin, '')),
      handlers: [...document.querySelectorAll('*')].filter((e) => [...e.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(dom.images).toBe(0);
    expect(dom.scripts).toEqual([expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)]);
    expect(dom.handlers).toBe(0);
    await page.getByRole('button', { name: /Show what the cleaner removed/ }).click();
    await page.screenshot({ path: screenshotPath('xss-inert'), fullPage: true });
    expect(watch.dialogs).toEqual([]);
  });

  it('is keyboard navigable: skip link first, real links, focus moves with the page', async () => {
    const { page } = await open('/');
    await page.locator('.story-card').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // Tab from the skip target reaches the search box; Enter on a focused story link opens it.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-q');
    await page.locator('.story-card h2 a').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/stories\/\d+$/);
    await page.locator('#timeline').waitFor();
    await page.goBack();
    await page.locator('.story-card').first().waitFor();
    expect(page.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/(#main)?$/);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    await page.locator('.story-card').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('stories-phone'), fullPage: true });
    await page.locator('.story-card h2 a').first().click();
    await page.locator('#timeline').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('story-phone'), fullPage: true });
  });

  it('says clearly when a story does not exist', async () => {
    const { page, watch } = await open('/stories/999999');
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/Could not load this story/);
    // The 404 answer is logged by Chromium as a failed resource; it is expected here.
    watch.errors = watch.errors.filter((e) => !/404/.test(e));
  });

  it('shows the queue page: on an SQLite corpus it says the shared queue needs PostgreSQL', async () => {
    const { page } = await open('/queue');
    await page.getByRole('heading', { name: 'Ingest queue' }).waitFor();
    await page.getByText(/needs PostgreSQL/).waitFor();
    expect(await page.getByRole('link', { name: 'Queue' }).getAttribute('aria-current')).toBe('page');
    await page.screenshot({ path: screenshotPath('queue'), fullPage: true });
  });
});
