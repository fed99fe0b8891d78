// Crisis dispatch in the browser: two members turn on crisis mode, a member volunteers as dispatcher, the dispatch
// view proposes pairs, the dispatcher changes one and sends them, and the matches exist with both sides told.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser } from './support.ts';

const files = browserAndAppForFile();
const visited: string[] = [];

async function post(
  page: Page,
  kind: 'need' | 'offer',
  what: string,
  area: string,
  extra: { urgent?: boolean; takes?: string } = {},
) {
  await page.goto(`/posts/new?kind=${kind}`);
  await page.getByLabel(kind === 'need' ? 'What do you need?' : 'What can you offer?').fill(what);
  await page.getByLabel('Kind of help').selectOption('meals');
  await page.getByLabel('Area').selectOption(area);
  if (extra.urgent) await page.getByRole('radio', { name: 'Urgent' }).check();
  if (extra.takes) await page.getByLabel('How many needs can you take on at once?').fill(extra.takes);
  await page.getByRole('button', { name: kind === 'need' ? 'Post my need' : 'Post my offer' }).click();
  await page.waitForURL(/\/posts\/[0-9a-f-]{36}/);
  return new URL(page.url()).pathname.split('/')[2]!;
}

describe('crisis dispatch in the browser', () => {
  it('sends a reviewed, adjusted batch of pairs as matches', async () => {
    const ada = await (await files.browser.newContext({ baseURL: files.app.base })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await joinInBrowser(files.browser, files.app, 'Bo');
    const cy = await joinInBrowser(files.browser, files.app, 'Cy');
    const di = await joinInBrowser(files.browser, files.app, 'Di');

    const boOffer = await post(bo, 'offer', 'Hot meals from the church kitchen', 'Hillcrest', { takes: '2' });
    await expectAccessible(bo, visited);
    await post(ada, 'offer', 'A pot of soup', 'Valley');
    const cyNeed = await post(cy, 'need', 'Meals for my father, who cannot cook', 'Hillcrest', { urgent: true });
    const diNeed = await post(di, 'need', 'Meals for three children tonight', 'Valley');

    // Ada calls crisis mode; Bo confirms it.
    await ada.goto('/crisis');
    await expectAccessible(ada, visited);
    await ada.getByRole('button', { name: 'Call crisis mode' }).click();
    await expect.poll(() => ada.getByText('Ask another member to confirm it.').count()).toBe(1);
    await bo.goto('/crisis');
    await bo.getByRole('button', { name: /Confirm: turn on crisis mode/ }).click();
    await expect.poll(() => bo.getByText('Every member has been told.').count()).toBe(1);
    await expectAccessible(bo, visited);

    // Cy volunteers as a dispatcher and opens the dispatch view from the board.
    await cy.goto('/roles/dispatcher');
    await cy.getByRole('button', { name: 'Volunteer for this role' }).click();
    await cy.goto('/board');
    expect(await cy.getByText('Crisis mode is on.').count()).toBe(1);
    await expectAccessible(cy, visited);
    await cy.getByRole('link', { name: 'Open the dispatch view' }).click();
    await cy.waitForURL('**/dispatch');
    expect(await cy.getByText('Proposed pairs: 2.').count()).toBe(1);
    await expectAccessible(cy, visited);

    // The proposal sends each need to the offer in its own area; Cy sends Di's to Bo's kitchen instead.
    const cySelect = cy.locator(`select[name="send_${cyNeed}"]`);
    const diSelect = cy.locator(`select[name="send_${diNeed}"]`);
    expect(await cySelect.inputValue()).toBe(boOffer);
    expect(await diSelect.inputValue()).not.toBe(boOffer);
    await diSelect.selectOption(boOffer);
    await cy.getByRole('button', { name: 'Send these pairs (2)' }).click();
    await expect.poll(() => cy.getByText('Sent: 2.').count()).toBe(1);
    await expectAccessible(cy, visited);

    const matches = await files.app.db
      .selectFrom('matches')
      .innerJoin('members', 'members.id', 'matches.helper_id')
      .select(['matches.need_id', 'members.display_name', 'matches.via_offer_id'])
      .where('matches.status', '=', 'active')
      .execute();
    expect(matches.map((m) => [m.need_id, m.display_name, m.via_offer_id]).sort()).toEqual(
      [
        [cyNeed, 'Bo', boOffer],
        [diNeed, 'Bo', boOffer],
      ].sort(),
    );

    // Both sides are told; the thread works as any other.
    await bo.goto('/notifications');
    expect(await bo.getByText(/A dispatcher matched your offer with a need/).count()).toBe(2);
    await di.goto('/notifications');
    await di
      .getByRole('link', { name: /Meals for three children tonight/ })
      .first()
      .click();
    await di.waitForURL(/\/matches\/[0-9a-f-]{36}/);
    expect(await di.getByText('Bo').count()).toBeGreaterThan(0);
    expect(visited.length).toBeGreaterThanOrEqual(6);
  });
});
