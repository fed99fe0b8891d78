// Borrowing a drill someone else waits for (issue 20), on phones, one member in Spanish without JavaScript: Ada lends
// it, Bo borrows it, Cy waits in line, Bo gives it back and Cy is offered it and takes it — two screens at most each
// way, axe-core on every page; the label carries a QR code.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();

async function onPhone(page: Page, opts: { noScript?: boolean } = {}): Promise<Page> {
  const context = await files.browser.newContext({
    baseURL: files.app.base,
    viewport: PHONE,
    javaScriptEnabled: !opts.noScript,
    storageState: await page.context().storageState(),
  });
  return context.newPage();
}

describe('a drill someone waits for', () => {
  it('is borrowed, waited for, given back and offered to the next in line', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await onPhone(await joinInBrowser(files.browser, files.app, 'Bo'));
    const cyJoined = await joinInBrowser(files.browser, files.app, 'Cy');
    await files.app.db.updateTable('members').set({ language: 'es' }).where('display_name', '=', 'Cy').execute();
    const cy = await onPhone(cyJoined, { noScript: true });

    await ada.goto('/things');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Lend a thing' }).click();
    await expectAccessible(ada, visited);
    await ada.getByLabel('What it is').fill('Cordless drill');
    await ada.getByLabel('Where to pick it up').selectOption('Valley');
    await ada.getByRole('button', { name: 'Add it' }).click();
    await ada.waitForURL(/\/things\/[0-9a-f-]{36}/);
    await expectAccessible(ada, visited);
    const url = new URL(ada.url()).pathname;

    // Bo: the page, then one button (the condition is preselected).
    await bo.goto(url);
    await bo.getByRole('button', { name: 'Borrow it for 7 days' }).click();
    await expect.poll(() => bo.getByText(/You have it, due back/).count()).toBe(1);
    await expectAccessible(bo, visited);

    // Cy, in Spanish without script: waits in line.
    await cy.goto(url);
    await cy.getByRole('button', { name: 'Esperar en la fila' }).click();
    await expect.poll(() => cy.getByText('Estás en la fila. Se te avisará cuando puedas tomarla.').count()).toBe(1);

    // Bo gives it back: the page, then one button.
    await bo.goto(url);
    await bo.getByLabel('Its condition as it comes back').selectOption('worn');
    await bo.getByRole('button', { name: 'Give it back' }).click();
    await expect.poll(() => bo.getByText('Given back. Thank you.').count()).toBe(1);

    // Cy is told, and takes it.
    await cy.goto('/notifications');
    expect(await cy.locator('main').textContent()).toContain('«Cordless drill» volvió y es tuyo');
    await cy.goto(url);
    await cy.getByRole('button', { name: 'Tomarla por 7 días' }).click();
    await expect.poll(() => cy.getByText(/La tienes tú; se devuelve el/).count()).toBe(1);

    await ada.goto(`${url}/label`);
    await expectAccessible(ada, visited);
    expect(await ada.locator('article.label svg[role="img"]').count()).toBe(1);
  });
});
