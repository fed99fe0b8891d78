// Moving in (issue 22), in the browser on a phone: Ada brings her network's Google Form responses as Sheets exports
// them, checks the suggested columns, matches the addresses and neighbourhoods in it to the network's own areas, reads
// the dry run (errors beside the rows, a likely duplicate), asks the members, and once the decision passes the people
// are members with their needs on the board. axe-core on every page.
import { describe, expect, it } from 'vitest';
import { browserAndAppForFile, expectAccessible, expectFitsPhone, foundInBrowser, PHONE } from './support.ts';
import { sheetsExport } from '../support/sheets.ts';

const files = browserAndAppForFile();

describe('moving in from a spreadsheet', () => {
  it('imports a real-looking Sheets export with mapping and a dry run', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);

    await ada.goto('/');
    await ada.getByText('More', { exact: true }).click();
    await ada.getByRole('link', { name: 'Moving in: import a sheet' }).click();
    await expectAccessible(ada, visited);
    await expectFitsPhone(ada);
    // Nothing chosen: said beside the field.
    await ada.getByRole('button', { name: 'Read the sheet' }).click();
    await expect.poll(() => ada.locator('#sheet-error').textContent()).toBe('Choose the file to read.');
    await ada.getByLabel('The sheet').setInputFiles({
      name: 'Mutual aid requests (Responses) - Form Responses 1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheetsExport()),
    });
    await ada.getByRole('button', { name: 'Read the sheet' }).click();
    await ada.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    await expectAccessible(ada, visited);
    await expectFitsPhone(ada);
    const sheet = new URL(ada.url()).pathname;

    // The suggested columns: names in two columns, the email, the phone, the address.
    await expect.poll(() => ada.getByLabel('First name').inputValue()).toBe('name');
    expect(await ada.getByLabel('Last name').inputValue()).toBe('name');
    expect(await ada.getByLabel('Email Address').inputValue()).toBe('email');
    expect(await ada.getByLabel('Your address or neighborhood').inputValue()).toBe('area');
    expect(await ada.getByLabel('What kind of help do you need?').inputValue()).toBe('category');
    // "Tell us more" is details; the member keeps it and saves the columns.
    await ada.getByRole('button', { name: 'Save the columns' }).click();
    await ada.waitForURL(`**${sheet}#values`);

    // The network's areas are Hillcrest and Valley: the sheet's places are matched to them by hand.
    const areas = ada.locator('fieldset', { hasText: 'Areas' });
    for (const [value, area] of [
      ['12 Elm St, Eastside', 'Hillcrest'],
      ['Eastside', 'Hillcrest'],
      ['Riverside', 'Valley'],
      ['40 River Rd, Riverside', 'Valley'],
      ['Downtown', 'Valley'],
    ] as const)
      await areas.getByLabel(value, { exact: true }).selectOption(area);
    expect(await ada.getByLabel('Español').inputValue()).toBe(''); // the network speaks only English: its default
    await ada.getByRole('button', { name: 'See the dry run' }).click();
    await ada.waitForURL(`**${sheet}/dry-run`);
    await expectAccessible(ada, visited);
    await expectFitsPhone(ada);
    const main = ada.locator('main');
    expect(await main.getByRole('status').textContent()).toBe('New members: 4. Needs: 6. Offers: 1. Rows left out: 2.');
    expect(await ada.locator('#row-5 .error').textContent()).toBe('No name.');
    expect(await ada.locator('#row-8 .error').textContent()).toBe('The email does not look right.');
    expect(await ada.locator('#row-4').textContent()).toContain('Likely the same person as row 2: one member.');
    expect(await main.textContent()).not.toContain('Elm St');
    await ada.getByRole('link', { name: 'Only rows with something to look at' }).click();
    await expect.poll(() => ada.locator('ol.dry-run > li').count()).toBe(3);

    await ada.getByLabel('Why').fill('Our old sign-up form: everyone on it, without signing up again.');
    await ada.getByRole('button', { name: 'Propose importing this sheet' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}/);
    await expectAccessible(ada, visited);
    expect(await ada.locator('main').textContent()).toContain(
      'Imports the sheet “Mutual aid requests (Responses) - Form Responses 1.csv”: new members 4, needs 6, offers 1',
    );

    // Nobody objects in three days: it passes, and the import is carried out by itself.
    files.app.advance(73);
    await files.app.runJobs();
    await ada.goto('/import');
    await expect.poll(() => ada.locator('main').textContent()).toContain('imported: 4 members, 6 needs, 1 offer');
    await ada.goto('/board');
    await expect.poll(() => ada.getByText('Help with the electric bill').count()).toBe(1);
    await ada.goto('/notifications');
    expect(await ada.locator('main').textContent()).toContain('What became of your sheet');
    expect(await files.app.dbCount('members')).toBe(5);
  });
});
