// What a member sees of issue 15's protections, on a phone-sized screen, with axe on the pages: a flyer link for
// several people, the links one made, a leaked link one member asks to end and a second ends, and signing out
// everywhere. (Seconding removals, limits and pauses are tested through the app in tests/integration.)
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser } from './support.ts';

const files = browserAndAppForFile();
const phone = { width: 360, height: 740 };

const fitsScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('protections a member sees', () => {
  it('makes, lists and ends invite links by two members, and signs out everywhere', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: phone })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await joinInBrowser(files.browser, files.app, 'Bo');
    const cy = await joinInBrowser(files.browser, files.app, 'Cy');
    await bo.setViewportSize(phone);

    // A flyer for up to 25 people.
    await ada.goto('/invites');
    await ada.getByLabel('How many people may join with it?').selectOption('25');
    await ada.getByRole('button', { name: 'Make an invite link' }).click();
    await expect.poll(() => ada.getByText('It lets up to 25 people join.').count()).toBe(1);
    const link = (await ada.locator('.link-text a').textContent())!;
    await expectAccessible(ada, visited);
    expect(await fitsScreen(ada)).toBe(true);
    await ada.goto('/invites');
    expect(await ada.locator('main').textContent()).toContain('0 of 25 joined');

    // Bo pastes it as leaked; Cy sees the ask and ends it.
    await bo.goto('/invites');
    await bo.getByLabel('The link').fill(link);
    await bo.getByRole('button', { name: 'Ask to end this link' }).click();
    await expect.poll(() => bo.getByText('The link ends when a second member asks too').count()).toBe(1);
    await expectAccessible(bo, visited);
    await cy.goto('/invites');
    await cy.getByRole('button', { name: 'End it' }).click();
    await expect.poll(() => cy.getByText('The link is ended').count()).toBe(1);
    const stranger = await (await files.browser.newContext({ baseURL: files.app.base })).newPage();
    await stranger.goto(link);
    expect(await stranger.locator('main').textContent()).toContain('expired or been withdrawn');

    // Sign out everywhere, from the settings page.
    await bo.goto('/settings');
    await expectAccessible(bo, visited);
    expect(await fitsScreen(bo)).toBe(true);
    await bo.getByRole('button', { name: 'Sign out everywhere' }).click();
    await bo.waitForURL(`${files.app.base}/`);
    await bo.goto('/board');
    expect(await bo.locator('main').textContent()).toContain('Please sign in first.');
  });
});
