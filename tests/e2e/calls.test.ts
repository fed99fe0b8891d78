// A round of wellness calls with two callers (issue 21), on phones: Ada in English with JavaScript, Bo in Spanish
// without. Two neighbours asked to be called; the two callers take calls at the same moment and get different ones;
// Bo has no answer, Ada's neighbour needs groceries — posted as the neighbour's own, with a slip to give them — and
// the round page counts what was done. axe-core on the pages with script.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();
const main = (p: Page) => p.locator('main').innerText();

describe('a round of wellness calls', () => {
  it('is shared by two callers, one call each at a time', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);
    const joined = await joinInBrowser(files.browser, files.app, 'Bo');
    await files.app.db.updateTable('members').set({ language: 'es' }).where('display_name', '=', 'Bo').execute();
    const bo = await (
      await files.browser.newContext({
        baseURL: files.app.base,
        viewport: PHONE,
        javaScriptEnabled: false,
        storageState: await joined.context().storageState(),
      })
    ).newPage();

    for (const [name, phone] of [
      ['Mrs Ortiz', '+1 555 010 4242'],
      ['Mr Haile', '+1 555 010 5151'],
    ]) {
      await ada.goto('/calls/neighbours/new');
      await ada.getByLabel('A name to call them').fill(name!);
      await ada.getByLabel('Phone number').fill(phone!);
      await ada.getByLabel('Area').selectOption('Valley');
      await ada.getByLabel('They asked me to add them, to be called').check();
      await ada.getByRole('button', { name: 'Add them' }).click();
      expect(await main(ada)).toContain('Added. They will be called when a round opens.');
    }
    await expectAccessible(ada, visited);
    await ada.goto('/calls/new');
    await expectAccessible(ada, visited);
    await ada.getByLabel('What it is for').fill('Heat wave this weekend');
    await ada.getByLabel('What to say').first().fill('Hi, this is the network. How are you keeping cool?');
    await ada.getByRole('button', { name: 'Open the round' }).click();
    await ada.waitForURL(/\/calls\/rounds\/[0-9a-f-]{36}/);
    const round = new URL(ada.url()).pathname;
    await expectAccessible(ada, visited);

    // Bo is told, and both take a call at the same moment.
    await bo.goto('/notifications');
    expect(await main(bo)).toContain('Heat wave this weekend');
    await bo.goto(round);
    await Promise.all([
      ada.getByRole('button', { name: 'Take the next call' }).click(),
      bo.getByRole('button', { name: 'Tomar la siguiente llamada' }).click(),
    ]);
    await ada.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    await bo.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    expect(ada.url()).not.toBe(bo.url());
    const adaCalls = await ada.locator('h1').innerText();
    const boCalls = await bo.locator('h1').innerText();
    expect(new Set([adaCalls, boCalls])).toEqual(new Set(['Mrs Ortiz', 'Mr Haile']));
    await expectAccessible(ada, visited);
    expect(await main(ada)).toContain('+1 555 010');
    // Nobody else opens a call held by another.
    expect((await ada.goto(new URL(bo.url()).pathname))!.status()).toBe(404);
    await ada.goBack();

    // Bo: no answer. Ada: groceries, posted as the neighbour's own, with a slip to give them.
    await bo.getByRole('button', { name: 'No contesta' }).click();
    expect(await main(bo)).toContain('Anotado. Se la llamará de nuevo en una hora');
    await ada.getByText('They need something').click();
    await ada.getByLabel('What they need').fill('Groceries and water for the weekend');
    await ada.getByLabel('Kind of help').selectOption('groceries');
    await ada.getByRole('button', { name: 'Post their need' }).click();
    expect(await main(ada)).toContain(`The need is posted as ${adaCalls}’s own.`);
    expect(await ada.locator('p.code').innerText()).toMatch(/\w/);
    await expectAccessible(ada, visited);

    await ada.goto(round);
    expect(await main(ada)).toContain('1 of 2 called; one need found');
    await bo.goto(round);
    await bo.getByRole('button', { name: 'Tomar la siguiente llamada' }).click();
    expect(await main(bo)).toContain('Ahora nadie espera una llamada.');
  });
});
