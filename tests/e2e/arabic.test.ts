// An Arabic member uses the whole core loop right to left on a 360 px phone (issue 21): joins from an invite in Arabic,
// posts a need, is answered by a member who reads English, talks in the private thread, and marks the need met; every
// page is in Arabic, dir="rtl", no wider than the screen, and axe-core clean. The words are the shipped catalog's.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, PHONE } from './support.ts';

const files = browserAndAppForFile();
const ar = JSON.parse(
  fs.readFileSync(new URL('../../src/web/i18n/catalogs/ar.json', import.meta.url), 'utf8'),
) as Record<string, string>;

describe('an Arabic member on a phone', () => {
  it('joins, asks, talks and marks it met — right to left, accessible on every page', async () => {
    const visited: string[] = [];
    const rtl = async (page: Page) => {
      expect(await page.getAttribute('html', 'lang'), page.url()).toBe('ar');
      expect(await page.getAttribute('html', 'dir'), page.url()).toBe('rtl');
      await expectAccessible(page, visited);
    };
    // Ada founds the network in English, offering Arabic too.
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await ada.goto(files.app.foundingLink());
    await ada.getByLabel('Name of the network').fill('Riverside Mutual Aid');
    await ada.getByLabel('Neighbourhoods').fill('Riverside\nOld Town');
    await ada.getByRole('checkbox', { name: 'العربية' }).check();
    await ada.getByLabel('Name to show').fill('Ada');
    await ada.getByRole('radio', { name: 'English' }).check();
    await ada.getByRole('button', { name: 'Start the network' }).click();
    await ada.waitForURL('**/welcome');

    // Salma's phone reads Arabic: the invite opens in Arabic, and she joins in it.
    const salma = await (
      await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE, locale: 'ar' })
    ).newPage();
    await salma.goto(await files.app.invite());
    await rtl(salma);
    await salma.getByRole('button', { name: ar['join.submit'], exact: true }).click();
    await expect.poll(() => salma.locator('#display_name-error').textContent()).toContain(ar['error.nameRequired']);
    await rtl(salma);
    await salma.getByLabel(ar['member.displayName']!).fill('سلمى');
    await salma.getByRole('radio', { name: 'العربية' }).check();
    await salma.getByRole('button', { name: ar['join.submit'], exact: true }).click();
    await salma.waitForURL('**/welcome');
    await rtl(salma);

    // She asks for groceries.
    await salma.goto('/posts/new?kind=need');
    await rtl(salma);
    await salma.getByLabel(ar['post.whatNeed']!).fill('بقالة من بنك الطعام لأسرتي');
    await salma.getByLabel(ar['post.category']!).selectOption('groceries');
    await salma.getByLabel(ar['post.area']!).selectOption('Riverside');
    await salma.getByRole('radio', { name: ar['urgency.urgent'] }).check();
    await salma.getByRole('button', { name: ar['post.submitNeed'] }).click();
    await salma.waitForURL('**/posts/*');
    await rtl(salma);
    await salma.goto('/board');
    await rtl(salma);

    // Ada answers it and writes in the thread.
    await ada.goto('/board');
    const card = ada.locator('li.card', { hasText: 'بقالة من بنك الطعام' });
    await card.getByRole('button', { name: 'I can help' }).click();
    await ada.waitForURL('**/matches/*');
    const thread = new URL(ada.url()).pathname;
    await ada.getByRole('textbox', { name: 'Message' }).fill('I can bring them at 6pm — which door?');
    await ada.getByRole('button', { name: 'Send' }).click();
    await ada.waitForURL('**/matches/*');

    // Salma is told, reads the thread, answers in Arabic, and marks the need met.
    await salma.goto('/notifications');
    await rtl(salma);
    expect(await salma.locator('main').textContent()).toContain('بقالة من بنك الطعام');
    await salma.goto(thread);
    await rtl(salma);
    expect(await salma.locator('.thread').textContent()).toContain('I can bring them at 6pm');
    await salma.getByRole('textbox', { name: ar['match.message'] }).fill('الباب الجانبي، شكرًا!');
    await salma.getByRole('button', { name: ar['match.send'], exact: true }).click();
    await salma.waitForURL('**/matches/*');
    await rtl(salma);
    await salma.getByRole('button', { name: ar['match.markMet'] }).click();
    await salma.waitForURL('**/matches/*');
    expect(await salma.locator('main').textContent()).toContain(ar['match.status.met']);
    await rtl(salma);
    for (const path of ['/me', '/settings', '/agreements', '/decisions', '/translate']) {
      await salma.goto(path);
      await rtl(salma);
    }
    expect(visited.length).toBeGreaterThanOrEqual(15);
    // Ada reads Salma's answer in the thread, as she wrote it.
    await ada.goto(thread);
    expect(await ada.locator('.thread').textContent()).toContain('الباب الجانبي، شكرًا!');
  });
});
