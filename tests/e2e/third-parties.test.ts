// No third parties: Chromium crawls every page it can reach by following links, signed out and signed in (with a
// post, a match and a decision to visit), and every request it makes goes to Kropotkin's own origin.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, foundInBrowser, joinInBrowser } from './support.ts';

const files = browserAndAppForFile();

/** Follows same-origin links breadth-first (GET only, never sign-out), recording every request the pages make. */
async function crawl(page: Page, start: string[], limit: number) {
  const origin = new URL(files.app.base).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    await page.goto(path);
    // A link to download a file (an export, a flyer) is no page to crawl.
    const links = await page.$$eval('a[href]:not([download])', (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of links) {
      const u = new URL(href);
      if (
        u.origin !== origin ||
        /\.(csv|ics|pdf|jsonl|jsonld)$/.test(u.pathname) ||
        u.pathname.startsWith('/calendar/')
      )
        continue;
      const p = u.pathname + u.search;
      if (!seen.has(p)) queue.push(p);
    }
  }
  return { seen, outside: requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin) };
}

describe('no third parties', () => {
  it('loads nothing from any other origin on any page, signed out or in', async () => {
    const ada = await (await files.browser.newContext({ baseURL: files.app.base })).newPage();
    const anonymous = await crawl(
      await (await files.browser.newContext({ baseURL: files.app.base })).newPage(),
      ['/', '/sign-in'],
      20,
    );
    expect(anonymous.seen.size).toBeGreaterThan(1);
    expect(anonymous.outside).toEqual([]);

    await foundInBrowser(ada, files.app);
    const bo = await joinInBrowser(files.browser, files.app, 'Bo');
    await bo.goto('/posts/new?kind=need');
    await bo.getByLabel('What do you need?').fill('A ride to the clinic on Monday');
    await bo.getByLabel('Kind of help').selectOption('rides');
    await bo.getByLabel('Area').selectOption('Hillcrest');
    await bo.getByRole('button', { name: 'Post my need' }).click();
    await bo.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    await ada.goto(new URL(bo.url()).pathname);
    await ada.getByRole('button', { name: 'I can help' }).click();
    await ada.waitForURL(/\/matches\//);
    const member = await crawl(ada, ['/board', '/me', '/notifications', '/settings', '/agreements'], 120);
    expect(member.seen.size).toBeGreaterThan(25);
    expect(member.outside).toEqual([]);
  });
});
