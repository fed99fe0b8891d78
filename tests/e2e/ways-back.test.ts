// A member without email loses and regains access, on a phone-sized screen and without JavaScript (issue 18): warned
// before signing out, they make a recovery code, sign out, and sign in with it on another phone; later, with every way
// lost, another member makes them a one-time code from the member list, typed on a phone set to Spanish. axe-core
// checks each page, and none is wider than the screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();

/** A phone without JavaScript, in a language. */
const newPhone = async (locale = 'en-GB') =>
  (
    await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE, javaScriptEnabled: false, locale })
  ).newPage();

/**
 * axe and the 360 px check (expectAccessible does both) on the page as a phone without JavaScript got it: its HTML,
 * shown at the same address in a phone-sized page that runs scripts (axe needs them; the page itself has none).
 */
async function check(page: Page, visited: string[]) {
  const html = await page.content();
  const url = page.url();
  const js = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
  try {
    await js.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await js.goto(url);
    await expectAccessible(js, visited);
  } finally {
    await js.context().close();
  }
}

describe('ways back in, in the browser', () => {
  it('walks a member without email through losing and regaining access', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);

    // Noa joins without email, on a phone without JavaScript.
    const noa = await newPhone();
    await noa.goto(await files.app.invite());
    await noa.getByLabel('Name to show').fill('Noa');
    await noa.getByRole('radio', { name: 'English' }).check();
    await noa.getByRole('button', { name: 'Join' }).click();
    await noa.waitForURL('**/welcome');

    // Signing out is held up: there would be no way back.
    await noa.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => noa.getByRole('heading', { name: 'You have no way back in yet' }).count()).toBe(1);
    await check(noa, visited);
    await noa.getByRole('button', { name: 'Make a recovery code' }).click();
    await expect.poll(() => noa.getByRole('heading', { name: 'Your recovery code' }).count()).toBe(1);
    await check(noa, visited);
    const recovery = (await noa.locator('.code').textContent())!.trim();
    expect(recovery).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await noa.getByRole('link', { name: 'I have kept it' }).click();
    expect(await noa.locator('#ways-back').textContent()).toContain('A recovery code, made on');
    await noa.getByRole('button', { name: 'Sign out', exact: true }).click();
    await noa.waitForURL(`${files.app.base}/`);

    // On another phone, with the code.
    const other = await newPhone();
    await other.goto('/sign-in');
    await check(other, visited);
    await other.getByLabel('Code', { exact: true }).fill(recovery.toLowerCase());
    await other.getByRole('button', { name: 'Sign in with this code' }).click();
    await expect.poll(() => other.getByText('You signed in with your recovery code').count()).toBe(1);
    await check(other, visited);

    // Every way lost again: Ada, with Noa, makes a code from the member list.
    await other.context().clearCookies();
    await ada.goto('/members');
    await ada.getByLabel('Find a member by name').fill('no');
    await ada.getByRole('button', { name: 'Find' }).click();
    await check(ada, visited);
    await ada.getByRole('button', { name: 'Make a sign-in code for Noa' }).click();
    await expect.poll(() => ada.getByRole('heading', { name: 'A sign-in code for Noa' }).count()).toBe(1);
    await check(ada, visited);
    const code = (await ada.locator('.code').textContent())!.trim();

    // Typed on a borrowed phone set to Spanish; a typo first, told beside the field and kept.
    const borrowed = await newPhone('es-ES');
    await borrowed.goto('/sign-in');
    await borrowed.getByLabel('Código', { exact: true }).fill('ABC');
    await borrowed.getByRole('button', { name: 'Entrar con este código' }).click();
    await expect.poll(() => borrowed.getByText('Un código tiene 8 o 16 letras y cifras').count()).toBeGreaterThan(0);
    expect(await borrowed.getByLabel('Código', { exact: true }).inputValue()).toBe('ABC');
    await check(borrowed, visited);
    await borrowed.getByLabel('Código', { exact: true }).fill(code);
    await borrowed.getByRole('button', { name: 'Entrar con este código' }).click();
    await expect.poll(() => borrowed.getByText('You are signed in again').count()).toBe(1);
    expect(await borrowed.locator('#ways-back').textContent()).toMatch(/Ada made one on .*; it was used on/);

    // Everything past the daily few is one tap away, without JavaScript: "More" opens and leads on.
    expect(await borrowed.getByRole('link', { name: 'Decisions' }).count()).toBe(0); // folded away until asked for
    await borrowed.locator('summary', { hasText: 'More' }).click();
    await borrowed.getByRole('link', { name: 'Decisions' }).click();
    await borrowed.waitForURL('**/decisions');
    expect(await borrowed.locator('nav [aria-current="page"]').textContent()).toBe('Decisions');
  });
});

describe('asking for someone without a phone, in the browser', () => {
  it('posts a need as theirs, hands over a slip, and the slip follows it and signs them in', async () => {
    const visited: string[] = [];
    // A member at a table, on a phone without JavaScript (the network the first test founded).
    const helper = await newPhone();
    await helper.goto(await files.app.invite());
    await helper.getByLabel('Name to show').fill('Tomás');
    await helper.getByRole('radio', { name: 'English' }).check();
    await helper.getByRole('button', { name: 'Join' }).click();
    await helper.waitForURL('**/welcome');
    await helper.goto('/posts/new?kind=need');
    await helper.getByRole('link', { name: /Asking for someone without a phone/ }).click();
    await helper.waitForURL('**/posts/for-someone');
    await check(helper, visited);
    // Forgot the name: told beside the field, the need kept.
    await helper.getByLabel('What do they need?').fill('Nappies size 4 and formula');
    await helper.getByLabel('Kind of help').selectOption('supplies');
    await helper.getByLabel('Area').selectOption('Hillcrest');
    await helper.getByRole('button', { name: 'Post it and make their slip' }).click();
    await expect.poll(() => helper.getByText('Please give a name').count()).toBeGreaterThan(0);
    expect(await helper.getByLabel('What do they need?').inputValue()).toBe('Nappies size 4 and formula');
    await helper.getByLabel('A name to call them').fill('Rosa');
    await helper.getByRole('button', { name: 'Post it and make their slip' }).click();
    await expect.poll(() => helper.getByRole('heading', { name: 'The slip for Rosa' }).count()).toBe(1);
    await check(helper, visited);
    const code = (await helper.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);

    // Later, on a library computer set to Spanish, without JavaScript: the slip shows how it goes, then signs her in.
    const library = await newPhone('es-ES');
    await library.goto('/');
    await library.getByRole('link', { name: /te dio una ficha/ }).click();
    await library.getByLabel('El código de la ficha').fill(code.replace(/-/g, ' ').toLowerCase());
    await library.getByRole('button', { name: 'Ver cómo va' }).click();
    await expect.poll(() => library.getByRole('heading', { name: 'Lo que se pidió para Rosa' }).count()).toBe(1);
    expect(await library.getByText('Nappies size 4 and formula').count()).toBe(1);
    await check(library, visited);
    await library.getByRole('button', { name: 'Entrar como yo' }).click();
    await library.waitForURL('**/settings?with=recovery#ways-back');
    await library.goto('/me');
    expect(await library.getByRole('link', { name: 'Nappies size 4 and formula' }).count()).toBe(1);
  });
});
