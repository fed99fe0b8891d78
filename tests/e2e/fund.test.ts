// The shared fund in the browser: members choose a treasurer and make an emergency fund by consent; a small request is
// approved at once by the standing agreement and paid; a larger one becomes a proposal, passes, and its payout is
// recorded by the treasurer and confirmed by a second member; the balance and the monthly statement show it all.
// axe-core checks every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser } from './support.ts';

const files = browserAndAppForFile();

const member = (name: string) => joinInBrowser(files.browser, files.app, name);

async function consent(page: Page, path: string, visited: string[]) {
  await page.goto(path);
  await page.getByRole('radio', { name: 'I consent' }).check();
  await page.getByRole('button', { name: 'Vote' }).click();
  await expect.poll(() => page.getByText('Your vote is saved.').count()).toBe(1);
  await expectAccessible(page, visited);
}

async function passAll(hours: number) {
  files.app.advance(hours);
  await files.app.runJobs();
}

describe('the shared fund in the browser', () => {
  const visited: string[] = [];

  it('pays a small request at once, a larger one by decision and two members, and shows it in the balance and statement', async () => {
    const ada = await (await files.browser.newContext({ baseURL: files.app.base })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await member('Bo');
    const cy = await member('Cy');
    const tia = await member('Tia');

    // The members choose a treasurer.
    await ada.goto('/fund');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Propose a treasurer' }).click();
    await ada.getByLabel('Who').selectOption({ label: 'Tia' });
    await expectAccessible(ada, visited);
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await consent(bo, new URL(ada.url()).pathname, visited);

    // And an emergency fund with a standing agreement: up to $150 a month each, paid without a vote.
    await ada.goto('/fund');
    await ada.getByRole('link', { name: 'Propose a new fund' }).click();
    await ada.getByLabel('Name of the new fund').fill('Emergency');
    await ada.getByLabel('Paid without a vote, per member').fill('150');
    await ada.getByLabel('A second member confirms payouts above').fill('100');
    await expectAccessible(ada, visited);
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => ada.getByText('Up to $150.00 per member every 30 days, paid without a vote.').count())
      .toBe(1);
    await consent(bo, new URL(ada.url()).pathname, visited);
    await passAll(73);

    // The treasurer records money that came in.
    await tia.goto('/fund/move');
    await expectAccessible(tia, visited);
    await tia.getByRole('radio', { name: 'Money came in from outside' }).check();
    await tia.getByLabel('Amount').fill('1000');
    await tia.getByLabel('Fund (the one it came into, or left)').selectOption({ label: 'Emergency' });
    await tia.getByLabel('A short public note').fill('Solidarity dinner');
    await tia.getByRole('button', { name: 'Record' }).click();
    await tia.waitForURL('**/fund');

    // A small request: approved at once, no reason asked, paid by the treasurer alone.
    await bo.goto('/fund/ask');
    await expectAccessible(bo, visited);
    await bo.getByLabel('Amount').fill('100');
    await bo.getByRole('radio', { name: 'Emergency' }).check();
    await bo.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => bo.getByText('Approved at once by the standing agreement').count()).toBe(1);
    await expectAccessible(bo, visited);
    const small = new URL(bo.url()).pathname;
    await tia.goto(small);
    await tia.getByRole('button', { name: 'I paid $100.00' }).click();
    await expect.poll(() => tia.getByText('Recorded. The member who asked will confirm').count()).toBe(1);
    await expectAccessible(tia, visited);
    await bo.goto(small);
    await bo.getByRole('button', { name: 'I received it' }).click();
    await expect.poll(() => bo.getByText('paid and received').count()).toBe(1);

    // A larger request goes to the members.
    await cy.goto('/fund/ask');
    await cy.getByLabel('Amount').fill('400');
    await cy.getByRole('radio', { name: 'Emergency' }).check();
    await cy.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => cy.getByText('the members will decide').count()).toBe(1);
    await cy.getByRole('link', { name: 'See the decision' }).click();
    await expect.poll(() => cy.getByRole('heading', { name: 'Pay $400.00 from Emergency?' }).count()).toBe(1);
    await expectAccessible(cy, visited);
    const decision = new URL(cy.url()).pathname;
    await consent(ada, decision, visited);
    await consent(bo, decision, visited);
    await passAll(49);

    // The treasurer records the payout; above $100 it waits for a second member, who confirms it.
    await tia.goto('/fund');
    await tia
      .getByRole('link', { name: /\$400\.00 from Emergency/ })
      .first()
      .click();
    await tia.getByRole('button', { name: 'I paid $400.00' }).click();
    await expect.poll(() => tia.getByText('waits for a second member to confirm it').count()).toBe(1);
    await expectAccessible(tia, visited);
    await ada.goto('/fund');
    await expect.poll(() => ada.getByText('you can confirm this').count()).toBe(1);
    await ada.getByRole('link', { name: 'A payout of $400.00 from Emergency' }).click();
    await ada.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => ada.getByText('Confirmed and in the ledger.').count()).toBe(1);
    await expectAccessible(ada, visited);

    // Everyone sees where the money is, that the ledger checks out, and the month's statement.
    await cy.goto('/fund');
    await expect.poll(() => cy.getByText('Held in all funds: $500.00').count()).toBe(1);
    await expect.poll(() => cy.getByText(/All 3 entries balance/).count()).toBe(1);
    expect(await cy.locator('svg[role="img"]').count()).toBe(1);
    await expectAccessible(cy, visited);
    await cy.goto('/fund/ledger');
    await expect.poll(() => cy.getByText('Emergency paid $400.00 to a member').count()).toBe(1);
    expect(await cy.getByText('confirmed by Ada').count()).toBe(1);
    await expectAccessible(cy, visited);
    await cy.goto('/fund/statement');
    const total = cy.locator('tr', { hasText: 'All funds' });
    await expect.poll(() => total.locator('td').last().textContent()).toBe('$500.00');
    await expectAccessible(cy, visited);
    await cy.goto('/circles/new');
    await expectAccessible(cy, visited);
  }, 120_000);
});
