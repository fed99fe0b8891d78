// A teach-in in the browser (issue 19), on phones: Ada makes it with one place; Bo takes it; Cy, without JavaScript,
// says yes and waits in line; Bo gives the place up, Cy is offered it and takes it — each answer one request, each
// page checked with axe-core at 360 px; the flyer carries a QR code.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();

async function phoneMember(name: string, noScript = false): Promise<Page> {
  const joined = await joinInBrowser(files.browser, files.app, name);
  const state = await joined.context().storageState();
  const context = await files.browser.newContext({
    baseURL: files.app.base,
    viewport: PHONE,
    javaScriptEnabled: !noScript,
    storageState: state,
  });
  return context.newPage();
}

describe('a teach-in with a line', () => {
  it('is answered date by date, and a freed place goes to the first in line', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await phoneMember('Bo');
    const cy = await phoneMember('Cy', true);

    await ada.goto('/events');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Make an event' }).click();
    await expectAccessible(ada, visited);
    await ada.getByLabel('Title').fill('Why rents rise');
    await ada.getByLabel('Area').selectOption('Valley');
    await ada.getByLabel('Exact place').fill('14 Long Street, back room');
    await ada.getByLabel('Day').fill(new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
    await ada.getByLabel('Starts at').fill('18:30');
    await ada.getByLabel('Places').fill('1');
    await ada.getByRole('button', { name: 'Make the event' }).click();
    await ada.waitForURL(/\/events\/[0-9a-f-]{36}/);
    await expectAccessible(ada, visited);
    const url = new URL(ada.url()).pathname;

    await bo.goto(url);
    expect(await bo.locator('main').textContent()).not.toContain('14 Long Street');
    await bo.getByRole('button', { name: /^Yes, on / }).click();
    await expect.poll(() => bo.getByText('You have a place.').count()).toBe(1);
    expect(await bo.locator('main').textContent()).toContain('14 Long Street');
    await expectAccessible(bo, visited);

    await cy.goto(url);
    await cy.getByRole('button', { name: /^Yes, on / }).click();
    await expect.poll(() => cy.getByText('You are number 1 in line.').count()).toBe(1);
    expect(await cy.locator('main').textContent()).not.toContain('14 Long Street');

    await bo.getByRole('button', { name: /^No, on / }).click();
    await expect.poll(() => bo.getByText('You said no.').count()).toBe(1);
    await cy.reload();
    await expect.poll(() => cy.getByText(/A place freed up: it is yours if you take it by/).count()).toBe(1);
    await cy.getByRole('button', { name: /^Yes, on / }).click();
    await expect.poll(() => cy.getByText('You have a place.').count()).toBe(1);
    expect(await cy.locator('main').textContent()).toContain('14 Long Street');

    await ada.goto(`${url}/flyer`);
    await expectAccessible(ada, visited);
    expect(await ada.locator('article.flyer svg[role="img"]').count()).toBe(1);
  });
});
