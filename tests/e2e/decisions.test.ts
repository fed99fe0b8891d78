// Decisions in the browser: a member proposes adding a kind of help by consent, two others consent and one asks in
// its discussion, it closes on time, the opener writes what was decided, and the new kind appears on the "ask for
// help" form. Then every other process is run through its own form.
// axe-core checks every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser } from './support.ts';

const files = browserAndAppForFile();

const member = (name: string) => joinInBrowser(files.browser, files.app, name);

async function openProposal(page: Page, visited: string[], title: string, process: string, options?: string) {
  await page.goto('/decisions/new');
  await page.getByLabel('What do you propose?').fill(title);
  await page.getByRole('radio', { name: new RegExp(`^${process} —`) }).check();
  if (options) await page.getByLabel(/^Options/).fill(options);
  await page.getByRole('radio', { name: 'Results can be seen at any time' }).check();
  await page.getByRole('button', { name: 'Open the proposal' }).click();
  await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
  await expectAccessible(page, visited);
  return new URL(page.url()).pathname;
}

describe('decisions in the browser', () => {
  const visited: string[] = [];
  let ada: Page;
  let bo: Page;
  let cy: Page;

  it('adds a kind of help by consent: two members consent, it closes, and the form offers it', async () => {
    const founderContext = await files.browser.newContext({ baseURL: files.app.base });
    ada = await founderContext.newPage();
    await foundInBrowser(ada, files.app);
    bo = await member('Bo');
    cy = await member('Cy');

    await ada.goto('/agreements');
    await expectAccessible(ada, visited);
    await ada.locator('dd', { hasText: 'Groceries' }).getByRole('link', { name: 'Propose a change' }).click();
    await expectAccessible(ada, visited);
    await ada.getByLabel('What do you propose?').fill('Add bike repair');
    const value = ada.getByLabel('New value');
    await value.fill(`${await value.inputValue()}\nbike repair`);
    await ada.getByRole('button', { name: 'Open the proposal' }).click();
    await ada.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    await expect.poll(() => ada.getByText('Kinds of help becomes:').count()).toBe(1);
    await expectAccessible(ada, visited);

    for (const voter of [bo, cy]) {
      await voter.goto('/decisions');
      await expectAccessible(voter, visited);
      await voter.getByRole('link', { name: 'Add bike repair' }).click();
      await voter.getByRole('radio', { name: 'I consent' }).check();
      await voter.getByRole('button', { name: 'Vote' }).click();
      await expect.poll(() => voter.getByText('Your vote is saved.').count()).toBe(1);
      await expectAccessible(voter, visited);
    }

    // Bo asks in the discussion; Ada, who opened it, answers.
    await bo.getByLabel('Your comment').fill('Who would lead the repairs?');
    await bo.getByRole('button', { name: 'Add to the discussion' }).click();
    await expect.poll(() => bo.getByText('Your comment is in the discussion.').count()).toBe(1);
    await expectAccessible(bo, visited);
    await ada.reload();
    await ada.getByLabel('Your comment').fill('Cy offered to, on Saturday mornings.');
    await ada.getByRole('button', { name: 'Add to the discussion' }).click();
    await expect.poll(() => ada.locator('#discussion .card').count()).toBe(2);

    files.app.advance(73);
    await files.app.runJobs();
    // Ada writes what was decided, for members who did not follow it.
    await ada.reload();
    await ada.getByLabel('What was decided, and what happens next').fill('Bike repair is a kind of help; Cy leads.');
    await ada.getByRole('button', { name: 'Save what was decided' }).click();
    await expect.poll(() => ada.getByText('Saved: members read it beside the result.').count()).toBe(1);
    await expectAccessible(ada, visited);
    await bo.reload();
    await expect.poll(() => bo.locator('.outcome').textContent()).toBe('Passed');
    expect(await bo.locator('#decided').textContent()).toContain('Bike repair is a kind of help; Cy leads.');
    // Cy reads it in Spanish: the talk around the proposal is in their words too.
    await files.app.db.updateTable('members').set({ language: 'es' }).where('display_name', '=', 'Cy').execute();
    await cy.goto(new URL(ada.url()).pathname);
    await expect.poll(() => cy.getByRole('heading', { name: /^Conversación/ }).count()).toBe(1);
    expect(await cy.getByRole('heading', { name: 'Lo que se decidió' }).count()).toBe(1);
    expect(await cy.getByText('La conversación se cerró con la votación.').count()).toBe(1);
    await expectAccessible(cy, visited);
    await files.app.db.updateTable('members').set({ language: 'en' }).where('display_name', '=', 'Cy').execute();
    await expectAccessible(bo, visited);
    await bo.goto('/posts/new?kind=need');
    expect(await bo.getByLabel('Kind of help').locator('option', { hasText: 'bike repair' }).count()).toBe(1);
    await expectAccessible(bo, visited);

    // The host can only ask: `kropotkin propose` opens a proposal, and nothing changes until members decide.
    const asked = await files.app.propose({ title: 'Add Somali', agreement: 'languages', agreement_value: 'en so' });
    await bo.goto(new URL(asked.url!).pathname);
    await expect.poll(() => bo.getByText('from the host’s console').count()).toBe(1);
    await bo.goto('/agreements');
    expect(await bo.getByText('Soomaali').count()).toBe(0);
  });

  it('runs every other process end to end through its forms', async () => {
    const runs: { process: string; options?: string; vote: (p: Page) => Promise<void>; outcome: string }[] = [
      {
        process: 'Consensus',
        vote: (p) => p.getByRole('radio', { name: 'Agree', exact: true }).check(),
        outcome: 'Passed',
      },
      { process: 'Majority vote', vote: (p) => p.getByRole('radio', { name: 'Yes' }).check(), outcome: 'Passed' },
      { process: 'Advice', vote: (p) => p.getByRole('radio', { name: 'Agree' }).check(), outcome: 'Advice given' },
      {
        process: 'Ranked choice',
        options: 'Library\nPark',
        outcome: 'Chosen',
        vote: async (p) => {
          await p.getByLabel('Park').selectOption({ label: 'Choice 1' });
          await p.getByLabel('Library').selectOption({ label: 'Choice 2' });
        },
      },
      {
        process: 'Dot vote',
        options: 'Soup\nSalad',
        outcome: 'Chosen',
        vote: async (p) => {
          await p.getByLabel('Soup').fill('9'); // more than 8: refused beside the field, then corrected
          await p.getByRole('button', { name: 'Vote' }).click();
          await expect.poll(() => p.getByText('That is more dots than you have.').count()).toBeGreaterThan(0);
          await expectAccessible(p, visited);
          await p.getByLabel('Soup').fill('6');
          await p.getByLabel('Salad').fill('2');
        },
      },
      {
        process: 'Score',
        options: 'Red\nBlue',
        outcome: 'Chosen',
        vote: async (p) => {
          await p.getByLabel('Red').selectOption('4');
          await p.getByLabel('Blue').selectOption('1');
        },
      },
      {
        process: 'Time poll',
        options: 'Monday 6pm\nTuesday 6pm',
        outcome: 'Chosen',
        vote: async (p) => {
          await p.getByRole('group', { name: 'Monday 6pm' }).getByRole('radio', { name: 'Maybe' }).check();
          await p.getByRole('group', { name: 'Tuesday 6pm' }).getByRole('radio', { name: 'Yes' }).check();
        },
      },
    ];
    const paths: string[] = [];
    for (const [i, run] of runs.entries()) {
      // Ada and Cy take turns opening them: each stays within the daily limit of proposals.
      paths.push(await openProposal(i % 2 ? cy : ada, visited, `Try ${run.process}`, run.process, run.options));
      await bo.goto(paths.at(-1)!);
      await run.vote(bo);
      await bo.getByRole('button', { name: 'Vote' }).click();
      await expect.poll(() => bo.getByText('Your vote is saved.').count(), { message: run.process }).toBe(1);
      await expectAccessible(bo, visited);
    }
    files.app.advance(73);
    await files.app.runJobs();
    for (const [i, run] of runs.entries()) {
      await cy.goto(paths[i]!);
      await expect
        .poll(async () => (await cy.locator('.outcome').textContent())?.split(':')[0], { message: run.process })
        .toBe(run.outcome);
      expect(await cy.getByText('Members who could vote: 3').count()).toBe(1);
    }
    await expectAccessible(cy, visited);
    await cy.goto('/decisions');
    await expectAccessible(cy, visited);
    const boId = (
      await files.app.db.selectFrom('members').select('id').where('display_name', '=', 'Bo').executeTakeFirstOrThrow()
    ).id;
    await cy.goto(`/members/${boId}`);
    for (const summary of await cy.locator('section.safety summary').all()) await summary.click();
    await expectAccessible(cy, visited);
    await cy.goto('/safety');
    await expectAccessible(cy, visited);
    expect(visited.length).toBeGreaterThan(15);
  });
});
