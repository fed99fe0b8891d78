// A listening cycle in the browser (issue 19), on phones, in English and Spanish, with and without JavaScript: Ada
// proposes it and the members decide; neighbours answer (one in Spanish without JavaScript), a listener enters an
// answer given on paper and notes a conversation; Ada suggests themes, renames, merges and moves answers; the report
// back reads in both languages; a proposal opened from a theme is decided; the next cycle starts from the last.
// Every page is checked with axe-core at 360 px, and every request any page made went to Kropotkin's own origin.
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, PHONE, type AppUnderTest } from './support.ts';

const files = browserAndAppForFile();
const requests: string[] = [];

/** A member who joined with an invite link, in a phone-sized context of their own (Spanish, or without script). */
async function member(
  browser: Browser,
  app: AppUnderTest,
  name: string,
  opts: { es?: boolean; noScript?: boolean } = {},
) {
  const context = await browser.newContext({
    baseURL: app.base,
    viewport: PHONE,
    javaScriptEnabled: !opts.noScript,
    locale: opts.es ? 'es' : 'en',
  });
  context.on('request', (r) => void requests.push(r.url()));
  const page = await context.newPage();
  await page.goto(await app.invite());
  await page.getByLabel(opts.es ? 'Nombre a mostrar' : 'Name to show').fill(name);
  await page.getByRole('radio', { name: opts.es ? 'Español' : 'English' }).check();
  await page.getByRole('button', { name: opts.es ? 'Unirme' : 'Join' }).click();
  await page.waitForURL('**/welcome');
  return page;
}

const answers = [
  'The rent went up again and the landlord will not fix the heating.',
  'Our landlord raised the rent by a third; we may lose the flat.',
  'Rent takes half of what I earn and the landlord ignores repairs.',
  'The bus to the clinic was cut, now it takes two hours.',
  'No bus on Sundays any more, I cannot get to work.',
];

describe('a listening cycle in the browser', () => {
  const visited: string[] = [];
  let ada: Page;
  let cycleUrl = '';

  it('is proposed on a phone, decided, answered, entered from paper and noted from a conversation', async () => {
    const context = await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE });
    context.on('request', (r) => void requests.push(r.url()));
    ada = await context.newPage();
    // Founded in English and Spanish.
    await ada.goto(files.app.foundingLink());
    await ada.getByLabel('Name of the network').fill('Hillcrest Mutual Aid');
    await ada.getByLabel('Neighbourhoods').fill('Hillcrest\nValley');
    await ada.getByLabel('Name to show').fill('Ada');
    await ada.getByRole('checkbox', { name: 'Español' }).check();
    await ada.getByRole('radio', { name: 'English' }).check();
    await ada.getByRole('button', { name: 'Start the network' }).click();
    await ada.waitForURL('**/welcome');
    const neighbours = [
      await member(files.browser, files.app, 'Bo'),
      await member(files.browser, files.app, 'Cy'),
      await member(files.browser, files.app, 'Di'),
      await member(files.browser, files.app, 'Ed'),
    ];
    const fe = await member(files.browser, files.app, 'Fe', { es: true, noScript: true });

    await ada.goto('/listening');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Propose a listening cycle' }).click();
    await expectAccessible(ada, visited);
    // A mistake is told beside the field, and nothing typed is lost.
    await ada.getByLabel('What are we listening for?').fill('What is hardest this winter?');
    await ada.getByLabel('The question').first().fill('What is hardest for you right now?\nxx: nope');
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await expect.poll(() => ada.locator('.error-summary').count()).toBe(1);
    await expectAccessible(ada, visited);
    expect(await ada.getByLabel('What are we listening for?').inputValue()).toBe('What is hardest this winter?');
    await ada
      .getByLabel('The question')
      .first()
      .fill('What is hardest for you right now?\nes: ¿Qué es lo más difícil para ti ahora?');
    await ada.locator('#q2').fill('Do you rent your home?\nes: ¿Alquilas tu casa?');
    await ada.locator('#q2_kind').selectOption('one');
    await ada.locator('#q2_options').fill('Yes = es: Sí\nNo = es: No');
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect.poll(() => ada.getByText('Listen: What is hardest this winter?').count()).toBeGreaterThan(0);
    await expectAccessible(ada, visited);
    files.app.advance(73);
    await files.app.runJobs();

    await ada.goto('/listening');
    await ada.getByRole('link', { name: 'What is hardest this winter?' }).click();
    cycleUrl = new URL(ada.url()).pathname;
    await expectAccessible(ada, visited);
    await ada.getByLabel('1. What is hardest for you right now?').fill(answers[0]!);
    await ada.getByRole('radio', { name: 'Yes' }).check();
    await ada.getByRole('button', { name: 'Send my answer' }).click();
    await expect.poll(() => ada.getByText('Your answer is in, with no name on it.').count()).toBe(1);
    await expectAccessible(ada, visited);
    for (const [i, page] of neighbours.entries()) {
      await page.goto(cycleUrl);
      await page.getByLabel('1. What is hardest for you right now?').fill(answers[i + 1]!);
      await page.getByRole('button', { name: 'Send my answer' }).click();
      await expect.poll(() => page.getByText('Your answer is in, with no name on it.').count()).toBe(1);
    }
    // Fe reads it in Spanish, on a phone without JavaScript (axe needs script: the pages are checked in English).
    await fe.goto(cycleUrl);
    await fe
      .getByLabel('1. ¿Qué es lo más difícil para ti ahora?')
      .fill('El alquiler subió y el casero no arregla nada.');
    await fe.getByRole('radio', { name: 'Sí' }).check();
    await fe.getByRole('button', { name: 'Enviar mi respuesta' }).click();
    await expect.poll(() => fe.getByText('Tu respuesta está dentro, sin nombre.').count()).toBe(1);

    // Cy enters an answer a neighbour gave on paper; Di notes a conversation.
    const cy = neighbours[1]!;
    await cy.goto(cycleUrl);
    await cy.getByRole('link', { name: 'Enter an answer given on paper' }).click();
    await expectAccessible(cy, visited);
    await cy.getByLabel('Language it was given in').selectOption('en');
    await cy
      .getByLabel('1. What is hardest for you right now?')
      .fill('The night bus stopped; the walk home is not safe.');
    await cy.getByRole('button', { name: 'Enter this answer' }).click();
    await expect.poll(() => cy.getByText('Entered. You can enter the next one.').count()).toBe(1);
    const di = neighbours[2]!;
    await di.goto(cycleUrl);
    await di.getByRole('link', { name: 'Note a conversation' }).click();
    await expectAccessible(di, visited);
    await di.getByLabel('What was raised').fill('Her landlord doubled the rent and she fears eviction.');
    await di.getByLabel('Tags').fill('rent, eviction');
    await di.getByRole('button', { name: 'Note this conversation' }).click();
    await expect
      .poll(() => di.getByText('Noted. What was raised is with the answers, without a name.').count())
      .toBe(1);
    await expectAccessible(di, visited);
    await files.app.runJobs(); // five English answers move together
  });

  it('is sorted into themes, reported back in both languages, acted on, and followed by the next cycle', async () => {
    await ada.goto(cycleUrl);
    await ada.getByRole('link', { name: 'Sort into themes' }).click();
    await expectAccessible(ada, visited);
    await ada.getByRole('button', { name: 'Suggest themes' }).click();
    await expect.poll(() => ada.locator('section.theme').count()).toBeGreaterThan(1);
    await expectAccessible(ada, visited);
    // The theme holding the first rent answer is renamed, with its Spanish name and root cause; the first bus answer
    // becomes a theme of its own (split), the other bus answers are moved there, and what is left is merged.
    const rentTheme = ada.locator('section.theme', { hasText: answers[0]! }).first();
    await rentTheme.getByText('Rename, root causes, merge').click();
    await rentTheme.getByLabel('Name', { exact: true }).fill('Rent = es: Alquiler');
    await rentTheme.getByLabel('Housing costs').check();
    await rentTheme.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => ada.getByRole('heading', { name: /^Rent \(/ }).count()).toBe(1);
    const sortOne = async (text: string, act: string, to: { theme?: string; name?: string }) => {
      const section = ada.locator('section.theme', { has: ada.locator('li', { hasText: text }) }).first();
      const item = section.locator('li', { hasText: text });
      await item.getByRole('checkbox').check();
      await section.getByLabel('Do', { exact: true }).selectOption(act);
      if (to.theme) await section.getByLabel('Theme', { exact: true }).selectOption({ label: to.theme });
      if (to.name) await section.getByLabel('New theme’s name').fill(to.name);
      await section.getByRole('button', { name: 'Do it' }).click();
      await expect.poll(() => ada.getByText('Done.').count()).toBe(1);
    };
    await sortOne(answers[3]!, 'split', { name: 'Buses' });
    await sortOne(answers[4]!, 'move', { theme: 'Buses' });
    await sortOne('The night bus stopped', 'move', { theme: 'Buses' });
    await expectAccessible(ada, visited);
    let merged = 0;
    for (;;) {
      const other = ada
        .locator('section.theme')
        .filter({ hasNot: ada.getByRole('heading', { name: /^(Rent|Buses) \(/ }) });
      if ((await other.count()) === 0) break;
      const section = other.first();
      await section.getByText('Rename, root causes, merge').click();
      await section.getByLabel('Merge this theme into').selectOption({ label: 'Rent' });
      await section.getByRole('button', { name: 'Merge', exact: true }).click();
      await ada.waitForURL(/done=merged/);
      merged += 1;
    }
    expect(merged).toBeGreaterThan(0);
    expect(
      await ada.locator('section.theme', { hasText: 'The night bus stopped' }).locator('h2').textContent(),
    ).toMatch(/^Buses \(3\)/);
    await ada.getByLabel('In English').fill('Rents are the heart of it: we should organise tenants.');
    await ada.getByLabel('In Español').fill('El alquiler es el centro: organicemos a quienes alquilan.');
    await ada.getByRole('button', { name: 'Save what we concluded' }).click();
    await expectAccessible(ada, visited);

    await ada.goto(`${cycleUrl}/report`);
    await expectAccessible(ada, visited);
    expect(await ada.locator('article.report').textContent()).toContain('Rents are the heart of it');
    await ada.getByRole('link', { name: 'Español' }).click();
    await expectAccessible(ada, visited);
    const es = (await ada.locator('article.report').textContent())!;
    expect(es).toContain('Lo que escuchamos');
    expect(es).toContain('Alquiler');
    expect(es).not.toContain('Di');

    // From the rent theme, a proposal; it passes.
    await ada.goto(`${cycleUrl}/themes`);
    await ada
      .locator('section.theme', { hasText: answers[0]! })
      .first()
      .getByRole('link', { name: 'Open a proposal from this theme' })
      .click();
    await expectAccessible(ada, visited);
    await ada.getByLabel('What do you propose?').fill('Start a tenants’ union');
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    files.app.advance(73);
    await files.app.runJobs();
    await ada.goto(`${cycleUrl}/report`);
    expect(await ada.locator('article.report').textContent()).toContain('Start a tenants’ union — decided');

    // The next cycle starts from this one and asks whether it helped.
    await ada.goto(cycleUrl);
    await ada.getByRole('link', { name: 'Propose the next cycle' }).click();
    await expectAccessible(ada, visited);
    expect(await ada.getByLabel('The question').first().inputValue()).toContain('Did what we did help?');
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    files.app.advance(73);
    await files.app.runJobs();
    await ada.goto('/listening');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Again: What is hardest this winter?' }).click();
    await expect.poll(() => ada.getByText('Before this: “What is hardest this winter?”').count()).toBe(1);
    expect(await ada.locator('main').textContent()).toContain('Start a tenants’ union');
    await expectAccessible(ada, visited);

    // Nothing any page loaded came from another origin.
    const origin = new URL(files.app.base).origin;
    expect(requests.length).toBeGreaterThan(50);
    expect(requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
  });
});
