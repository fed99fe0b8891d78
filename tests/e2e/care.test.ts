// Care for the carers in the browser: the mutuality dashboard draws its charts for a generated history of 300
// members; a member who takes a break stops appearing in suggestions while a need is typed; the members define a
// role (outreach) and a rotation proposal fills it. axe-core checks every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser } from './support.ts';
import { generateHistory } from '../support/history.ts';

const files = browserAndAppForFile();
const visited: string[] = [];
let ada: Page;
let bo: Page;
let cy: Page;

async function consent(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole('radio', { name: 'I consent' }).check();
  await page.getByRole('button', { name: 'Vote' }).click();
  await expect.poll(() => page.getByText('Your vote is saved.').count()).toBe(1);
}

/** Ada opens the proposal on the form she filled in; Bo consents; it closes and takes effect. */
async function openAndPass() {
  await expectAccessible(ada, visited);
  await ada.getByRole('button', { name: 'Open the proposal' }).click();
  await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
  await consent(bo, new URL(ada.url()).pathname);
  files.app.advance(73);
  await files.app.runJobs();
}

/** Types a need and waits for the suggestions the page asks for; returns what they show. */
async function suggestionsWhileTyping(page: Page, what: string) {
  await page.goto('/posts/new?kind=need');
  const answered = page.waitForResponse(
    (r) => r.url().includes('/api/suggestions') && r.url().includes('category=rides'),
  );
  await page.getByLabel('What do you need?').fill(what);
  await page.getByLabel('Kind of help').selectOption('rides');
  await answered;
  await page.waitForTimeout(100);
  return page.locator('[data-suggestions]').innerText();
}

describe('care for the carers in the browser', () => {
  it('draws the mutuality dashboard for a generated history, with charts and their text alternatives', async () => {
    ada = await (await files.browser.newContext({ baseURL: files.app.base })).newPage();
    await foundInBrowser(ada, files.app);
    await generateHistory(files.app.db, new Date(), { size: 300, months: 6 });
    await ada.goto('/mutuality');
    await expect.poll(() => ada.getByRole('heading', { name: 'How we share', level: 1 }).count()).toBe(1);
    const charts = ada.getByRole('img');
    expect(await charts.count()).toBe(3);
    for (const name of ['Reciprocity by month', 'How uneven, by month', 'Needs by month posted']) {
      expect(await ada.getByRole('img', { name: new RegExp(name) }).count()).toBe(1);
    }
    expect(await ada.locator('svg path').count()).toBeGreaterThan(0);
    // Each line has its legend's colour, and no month label runs past its chart's edge.
    const look = await ada.evaluate(() => {
      const colour = (sel: string, prop: 'stroke' | 'backgroundColor') => {
        const el = document.querySelector(sel);
        return el ? getComputedStyle(el)[prop] : null;
      };
      const labels = [...document.querySelectorAll('svg.chart-svg')].map((svg) => {
        const edge = (svg as SVGSVGElement).viewBox.baseVal.width;
        return (
          Math.max(
            ...[...svg.querySelectorAll('text')].map(
              (t) => (t as SVGTextElement).getBBox().x + (t as SVGTextElement).getBBox().width,
            ),
          ) - edge
        );
      });
      return {
        lines: ['a', 'b', 'c'].map((k) => [
          colour(`#chart-gini-title ~ g.line-${k} path, svg .line-${k} path`, 'stroke'),
          colour(`.key-${k}`, 'backgroundColor'),
        ]),
        overflow: Math.max(...labels),
      };
    });
    for (const [line, key] of look.lines) expect(line).toBe(key);
    expect(look.overflow).toBeLessThanOrEqual(0.5);
    expect(await ada.locator('svg rect').count()).toBeGreaterThan(6);
    expect(await ada.getByText('The network may be sliding toward charity').count()).toBe(1);
    expect(await ada.getByRole('cell', { name: 'not shown (fewer than 5 members)' }).count()).toBeGreaterThan(0);
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'One-page summary to print' }).click();
    await ada.waitForURL('**/mutuality/summary');
    await ada.emulateMedia({ media: 'print' });
    expect(await ada.getByRole('navigation').isVisible()).toBe(false); // the page prints without the menus
    await ada.emulateMedia({ media: 'screen' });
    await expectAccessible(ada, visited);
  });

  it('stops suggesting a member who takes a break, and suggests them again when they are back', async () => {
    bo = await joinInBrowser(files.browser, files.app, 'Bo');
    cy = await joinInBrowser(files.browser, files.app, 'Cy');
    await bo.goto('/posts/new?kind=offer');
    await bo.getByLabel('What can you offer?').fill('Rides to the clinic in my car');
    await bo.getByLabel('Kind of help').selectOption('rides');
    await bo.getByLabel('Area').selectOption('Hillcrest');
    await bo.getByRole('button', { name: 'Post my offer' }).click();
    await bo.waitForURL('**/posts/*');

    expect(await suggestionsWhileTyping(cy, 'a ride to the clinic')).toContain('Rides to the clinic in my car');
    await bo.goto('/me');
    await expectAccessible(bo, visited);
    await bo.getByRole('button', { name: 'Take a break' }).click();
    await expect.poll(() => bo.getByText('You are taking a break').count()).toBe(1);
    expect(await suggestionsWhileTyping(cy, 'a ride to the clinic please')).not.toContain(
      'Rides to the clinic in my car',
    );
    await expectAccessible(cy, visited);
    await bo.getByRole('button', { name: 'I’m back' }).click();
    expect(await suggestionsWhileTyping(cy, 'a ride to the clinic, thanks')).toContain('Rides to the clinic in my car');
  });

  it('defines a role by decision and fills it by a rotation proposal', async () => {
    await ada.goto('/roles');
    await expectAccessible(ada, visited);
    await ada.getByRole('link', { name: 'Propose a new role' }).click();
    await ada.getByLabel('Name of the role').fill('Outreach');
    await ada.getByLabel('What the role does').fill('Brings new neighbours in and keeps the flyers going');
    await ada.getByLabel('Term, in days').fill('30');
    await ada.getByLabel('How many hold it at once').fill('1');
    await ada.getByLabel('Most terms in a row').fill('2');
    await openAndPass();

    await ada.goto('/roles');
    await ada
      .getByRole('region', { name: 'Outreach' })
      .getByRole('link', { name: 'Propose someone for this role' })
      .click();
    await ada.getByLabel('Who').selectOption({ label: 'Cy' });
    await openAndPass();

    await cy.goto('/roles/outreach');
    await expect.poll(() => cy.getByText(/^Cy, until /).count()).toBe(1);
    expect(await cy.getByRole('button', { name: 'Step down as Outreach' }).count()).toBe(1);
    await cy.getByLabel('Add to the handover note').fill('The call link is in the pinned message.');
    await cy.getByRole('button', { name: 'Save the note' }).click();
    await expect.poll(() => cy.getByText('The call link is in the pinned message.').count()).toBe(1);
    await expectAccessible(cy, visited);
    expect(visited.length).toBeGreaterThanOrEqual(8);
  });
});
