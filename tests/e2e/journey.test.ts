// Two members in two browsers: one founds the network and invites, the other joins; one posts a need, the other
// sees it, claims it, they talk in the private thread, and the need is marked met. axe-core checks every page.
// The same journey runs again with JavaScript off.
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { expectAccessible, browserAndAppForFile } from './support.ts';

const files = browserAndAppForFile();

async function journey(javaScriptEnabled: boolean, founded: boolean) {
  const visited: string[] = [];
  const check = async (page: Page) => {
    if (javaScriptEnabled) await expectAccessible(page, visited);
  };
  const context = (): Promise<BrowserContext> =>
    files.browser.newContext({ javaScriptEnabled, baseURL: files.app.base });
  const ctxA = await context();
  const ctxB = await context();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  const suffix = javaScriptEnabled ? 'with script' : 'without script';

  if (!founded) {
    // A founds the network with the one-time link printed on the console.
    await a.goto(files.app.foundingLink());
    await check(a);
    await a.getByLabel('Name of the network').fill('Riverside Mutual Aid');
    await a.getByLabel('Neighbourhoods').fill('Riverside\nOld Town\nHillcrest');
    await a.getByRole('checkbox', { name: 'Español' }).check();
    await a.getByLabel('Name to show').fill('Ada');
    await a.getByRole('radio', { name: 'English' }).check();
    await a.getByRole('button', { name: 'Start the network' }).click();
    await a.waitForURL('**/welcome');
    await check(a);
  } else {
    // A second founding is refused; A signs in through an invite instead for this run.
    const res = await a.goto(files.app.foundingLink());
    expect(res?.status()).toBe(410);
  }

  // Whoever is A makes an invite link.
  if (founded) {
    const invite = await files.app.invite();
    await a.goto(invite);
    await a.getByLabel('Name to show').fill('Ada again');
    await a.getByRole('radio', { name: 'English' }).check();
    await a.getByRole('button', { name: 'Join' }).click();
    await a.waitForURL('**/welcome');
  }
  await a.goto('/invites');
  await check(a);
  await a.getByRole('button', { name: 'Make an invite link' }).click();
  await check(a);
  const inviteLink = await a.locator('.link-text a').getAttribute('href');
  expect(inviteLink).toMatch(/\/join\//);
  await expect.poll(() => a.locator('.qr svg').count()).toBe(1);

  // B joins with just a name and a language.
  await b.goto(inviteLink!);
  await check(b);
  await b.getByRole('button', { name: 'Join' }).click(); // empty: messages beside the fields
  await expect.poll(() => b.locator('#display_name-error').textContent()).toContain('Please give a name');
  await check(b);
  await b.getByLabel('Name to show').fill(`Bo ${suffix}`);
  await b.getByRole('radio', { name: 'English' }).check();
  await b.getByRole('button', { name: 'Join' }).click();
  await b.waitForURL('**/welcome');
  await check(b);

  // A posts a need.
  const what = `Groceries from the food bank, ${suffix}`;
  await a.goto('/posts/new?kind=need');
  await check(a);
  await a.getByLabel('What do you need?').fill(what);
  await a.getByLabel('Kind of help').selectOption('groceries');
  await a.getByLabel('Area').selectOption('Riverside');
  await a.getByRole('radio', { name: 'Urgent' }).check();
  await a.getByRole('button', { name: 'Post my need' }).click();
  await a.waitForURL('**/posts/*');
  await check(a);

  // B sees it on the board and claims it.
  await b.goto('/board');
  await check(b);
  const card = b.locator('li.card', { hasText: what });
  await expect.poll(() => card.count()).toBe(1);
  await card.getByRole('button', { name: 'I can help' }).click();
  await b.waitForURL('**/matches/*');
  await check(b);
  const matchUrl = b.url();
  await b.getByRole('textbox', { name: 'Message' }).fill('I can bring them at 6pm — which door?');
  await b.getByRole('button', { name: 'Send' }).click();
  await b.waitForURL('**/matches/*');

  // A reads the thread, answers, and marks the need met.
  await a.goto(matchUrl);
  await check(a);
  expect(await a.locator('.thread').textContent()).toContain('I can bring them at 6pm');
  await a.getByRole('textbox', { name: 'Message' }).fill('Side door, thank you!');
  await a.getByRole('button', { name: 'Send' }).click();
  await a.waitForURL('**/matches/*');
  await a.getByRole('button', { name: 'Mark as met' }).click();
  await a.waitForURL('**/matches/*');
  expect(await a.locator('main').textContent()).toContain('Met');

  await b.goto('/me');
  await check(b);
  await b.goto('/notifications');
  await check(b);
  await a.goto('/agreements');
  await check(a);
  await a.goto('/settings');
  await check(a);

  await ctxA.close();
  await ctxB.close();
  return visited;
}

describe('two members in Chromium', () => {
  it('found, invite, join, post, claim, talk, meet — with JavaScript, accessible on every page', async () => {
    const visited = await journey(true, false);
    expect(visited.length).toBeGreaterThan(10);
  });

  it('the same journey works with JavaScript off', async () => {
    await journey(false, true);
  });
});
