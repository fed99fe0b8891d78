// Passkeys in a real browser: add one after founding, sign out, sign back in with it (Chromium's virtual
// authenticator stands in for the phone's screen lock).
import { describe, expect, it } from 'vitest';
import { expectAccessible, foundInBrowser, browserAndAppForFile } from './support.ts';

const files = browserAndAppForFile();

describe('passkeys', () => {
  it('adds a passkey, signs out, and signs back in with it', async () => {
    const context = await files.browser.newContext({ baseURL: files.app.base });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await foundInBrowser(page, files.app);
    const visited: string[] = [];
    await expectAccessible(page, visited);
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    // The welcome page reloads and says so, instead of still warning there is none.
    await expect
      .poll(() => page.getByText('You have a passkey: you can sign in again with it on this device.').count())
      .toBe(1);
    expect(await files.app.dbCount('passkeys')).toBe(1);
    await expectAccessible(page, visited);

    await page.goto('/settings');
    expect(await page.locator('main').textContent()).toContain('Passkey 1');
    // The same device again: the browser refuses in its own words; the page says what it means in the member's.
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await expect
      .poll(() => page.locator('[data-passkey-status]').textContent())
      .toBe('This device already has a passkey for you here.');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${files.app.base}/`);

    await page.goto('/sign-in');
    await expectAccessible(page, visited);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page.waitForURL('**/board');
    expect(await page.locator('h1').textContent()).toBe('Board');
    await context.close();
  });

  it('keeps the passkey button hidden and the email form working without JavaScript', async () => {
    const context = await files.browser.newContext({ baseURL: files.app.base, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/sign-in');
    expect(await page.getByRole('button', { name: 'Sign in with a passkey' }).isVisible()).toBe(false);
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('main').textContent()).toContain('If that address belongs to a member');
    await context.close();
  });
});
