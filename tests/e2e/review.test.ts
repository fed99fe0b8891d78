// A flagged post walked through its review on phone-sized screens (issue 18): three members flag it; it leaves the
// board, and the third flagger lands on the post with the way to its review; a member who never flagged opens the
// review from the safety log, reads the post, and objects; when the review closes the post is back on the board.
// axe-core and the 360 px check on every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAndAppForFile, expectAccessible, foundInBrowser, joinInBrowser, PHONE } from './support.ts';

const files = browserAndAppForFile();
const WHAT = 'Homemade bread every Saturday for anyone who asks';

async function flag(page: Page, post: string) {
  await page.goto(post);
  await page.getByText('Flag this post').click();
  await page.getByLabel('Why?').selectOption('spam');
  await page.getByRole('button', { name: 'Flag', exact: true }).click();
}

describe('a flagged post and its review, in the browser', () => {
  it('shows the reviewers what they decide on, and brings the post back when a member objects', async () => {
    const visited: string[] = [];
    const ada = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(ada, files.app);
    const [bo, cy, di, ed] = await Promise.all(
      ['Bo', 'Cy', 'Di', 'Ed'].map((n) => joinInBrowser(files.browser, files.app, n)),
    );
    for (const p of [bo!, cy!, di!, ed!]) await p.setViewportSize(PHONE);

    await ada.goto('/posts/new?kind=offer');
    await ada.getByLabel('What can you offer?').fill(WHAT);
    await ada.getByLabel('Kind of help').selectOption('meals');
    await ada.getByLabel('Area').selectOption('Hillcrest');
    await ada.getByRole('button', { name: 'Post my offer' }).click();
    await ada.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    const post = new URL(ada.url()).pathname;

    await flag(bo!, post);
    await flag(cy!, post);
    await flag(di!, post);
    // The third flag hid it: Di is on the post, told why, with the way to the review.
    await expect.poll(() => di!.getByText('hidden from the board while members review it').count()).toBe(1);
    await expectAccessible(di!, visited);
    await di!.goto('/board');
    expect(await di!.locator('main').textContent()).not.toContain(WHAT);

    // Ed never flagged: he finds it in the safety log, reads the post, and objects to removing it.
    await ed!.goto('/safety');
    await expectAccessible(ed!, visited);
    await ed!.getByRole('link', { name: 'See the post' }).first().click();
    await ed!.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    expect(await ed!.locator('h1').innerText()).toBe(WHAT);
    await expectAccessible(ed!, visited);
    await ed!.getByRole('link', { name: 'See the proposal and take part' }).click();
    await ed!.waitForURL(/\/decisions\/[0-9a-f-]{36}/);
    await expectAccessible(ed!, visited);
    await ed!.getByRole('radio', { name: 'I object' }).check();
    await ed!.getByLabel('Your reason').fill('Free bread is what we are for; this is not spam.');
    await ed!.getByRole('button', { name: 'Vote' }).click();
    await expect.poll(() => ed!.getByText('Your vote is saved.').count()).toBe(1);

    files.app.advance(73);
    await files.app.runJobs();
    await bo!.goto('/board');
    expect(await bo!.locator('main').textContent()).toContain(WHAT);
  });
});
