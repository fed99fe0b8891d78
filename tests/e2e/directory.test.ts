// The directory of networks in the browser (issue 22): a visitor on a phone, without JavaScript, finds networks on
// the server-drawn map and in the list, and searches; the members decide to be listed from the directory's own link;
// then a visitor writes through the contact form (a mistake shown beside the field, nothing typed lost) and a member
// reads it. axe-core and the 360 px check on every page.
import { describe, expect, it } from 'vitest';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();

describe('the directory of networks', () => {
  it('is found, searched, joined by the members’ decision and written to, on a phone without script', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);
    const bo = await joinInBrowser(files.browser, files.app, 'Bo');
    // axe-core needs script to run; the pages themselves have none, and `plain` (script off) uses them as they are.
    const visitor = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    const plain = await (
      await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE, javaScriptEnabled: false })
    ).newPage();

    // A visitor, signed out and without script: the map (drawn on the server) and the list.
    await visitor.goto('/directory');
    await expectAccessible(visitor, visited);
    const map = visitor.getByRole('img', { name: 'Map of the networks listed below' });
    expect(await map.count()).toBe(1);
    const box = (await map.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.width).toBeLessThanOrEqual(PHONE.width);
    expect(await visitor.getByRole('status').textContent()).toContain('609 networks.');
    expect(await visitor.locator('script').count()).toBe(0);
    await plain.goto('/directory');
    await plain.getByLabel('Search by name or place').fill('Oakland');
    await plain.getByRole('button', { name: 'Search' }).click();
    await plain.waitForURL(/q=Oakland/);
    expect(await plain.getByRole('heading', { name: 'East Bay DIsabled Folks COVID19 Support' }).count()).toBe(1);
    await visitor.goto(new URL(plain.url()).pathname + new URL(plain.url()).search);
    await expectAccessible(visitor, visited);
    // No contact form yet: the members have not decided to be listed.
    expect((await visitor.goto('/directory/contact'))!.status()).toBe(404);

    // Ada follows the directory's own link to propose the place; Bo consents; it passes.
    await ada.goto('/directory');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: /Propose a change: the place/ }).click();
    await ada.getByLabel('What do you propose?').fill('List us in the directory');
    await ada.getByLabel(/^New value/).fill('Eastside, Oakland');
    await expectAccessible(ada, visited);
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await bo.goto(new URL(ada.url()).pathname);
    await bo.getByRole('radio', { name: 'I consent' }).check();
    await bo.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => bo.getByText('Your vote is saved.').count()).toBe(1);
    files.app.advance(73);
    await files.app.runJobs();

    // The visitor now sees the network, and writes to it; a mistake is told beside the field.
    await visitor.goto('/directory?show=partners');
    await expectAccessible(visitor, visited);
    await visitor.getByRole('link', { name: 'Write to this network' }).click();
    await expectAccessible(visitor, visited);
    await plain.goto('/directory/contact');
    await plain.getByLabel('How can they answer you?').fill('westside@example.net');
    await plain.getByRole('button', { name: 'Send' }).click();
    expect(await plain.locator('#body-error').textContent()).toBe('Write a message.');
    expect(await plain.getByLabel('How can they answer you?').inputValue()).toBe('westside@example.net');
    await plain.getByLabel('Your message').fill('Westside here: shall we share rides on Saturdays?');
    await plain.getByRole('button', { name: 'Send' }).click();
    await expect.poll(() => plain.getByText('Sent. The members of the network will read it.').count()).toBe(1);
    await visitor.goto('/directory/contact?sent=1');
    await expectAccessible(visitor, visited);

    // Bo, a member, reads it from the directory.
    await bo.goto('/directory');
    await bo.getByRole('link', { name: 'One message from visitors' }).click();
    await expectAccessible(bo, visited);
    expect(await bo.locator('main').textContent()).toContain('Westside here: shall we share rides on Saturdays?');
    expect(await bo.locator('main').textContent()).toContain('How to answer: westside@example.net');

    // A visitor whose browser asks for Spanish.
    const es = await (
      await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE, locale: 'es' })
    ).newPage();
    await es.goto('/directory');
    expect(await es.getByRole('heading', { level: 1 }).textContent()).toBe('Directorio de redes');
    await expectAccessible(es, visited);
  });
});
