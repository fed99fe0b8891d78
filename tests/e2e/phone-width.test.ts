// Every page on a 360 px screen (issue 18): a member's browser, on a network with a generated history, follows every
// link it can reach from the board and checks that no page is wider than the screen, and the first of each kind with
// axe-core; then each kind again in Spanish, at desktop width, without JavaScript, and in Arabic, right to left, on
// the phone, with axe-core again. The routes the app serves are
// enumerated from the registry: each GET route must be reached by the walk or named below with the reason it is not.
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/domains.ts';
import { generateHistory } from '../support/history.ts';
import { browserAndAppForFile, expectAccessible, expectFitsPhone, foundInBrowser, PHONE } from './support.ts';

import { sheetsExport } from '../support/sheets.ts';

const files = browserAndAppForFile();

/** GET routes the walk does not reach, and why (each is checked elsewhere or has no page of its own). */
const NOT_WALKED: Record<string, string> = {
  'GET /join/:token': 'needs a live invite link (abuse and ways-back browser tests open one)',
  'GET /sign-in': 'signed out only (ways-back.test.ts checks it at 360 px)',
  'GET /sign-in/link': 'needs a mailed link',
  'GET /email/confirm': 'needs a mailed link',
  'GET /email/confirmed': 'reached after confirming an email',
  'GET /found': 'only before the network is founded',
  'GET /static/:name': 'files, not pages',
  'GET /health': 'JSON for monitors',
  'GET /.well-known/webfinger': 'JSON for other networks’ servers (federation.test.ts)',
  'GET /ap/actors/:identifier':
    'ActivityPub JSON for other servers; a person is sent on to /partners (federation.test.ts)',
  'GET /mutuality.csv': 'a CSV file',
  'GET /fund/ledger.csv': 'a CSV file',
  'GET /calendar/:file': 'an iCalendar feed',
  'GET /things/:id/photo': 'an image (things.test.ts checks it)',
  'GET /buying/:id/fill.json': 'JSON for the order page’s live view',
  'GET /translate/:lang/export': 'a JSON file',
  'GET /texts/flyer.pdf': 'a PDF (texts-android.test.ts and src/texts/pdf.test.ts check it)',
  'GET /translate/go': 'the language picker’s redirect',
  'GET /api/suggestions': 'JSON for the post form',
  'GET /api/board/stamp': 'JSON for the board',
  'GET /api/posts': 'JSON',
  'GET /api/fund': 'JSON',
  'GET /export/:file': 'files: CSV, JSON lines, JSON-LD (export.test.ts)',
  'GET /api/v1/me': 'the JSON API (api.test.ts)',
  'GET /api/v1/posts': 'the JSON API (api.test.ts)',
  'GET /api/v1/posts/:id': 'the JSON API (api.test.ts)',
  'GET /api/v1/notifications': 'the JSON API (api.test.ts)',
  'GET /api/v1/openapi.json': 'the JSON API’s OpenAPI document (api.test.ts validates it)',
  'GET /directory/profile.json': 'JSON for other networks’ directories (directory.test.ts)',
  'GET /directory/contact': 'only once the members list the network: the directory browser test checks it at 360 px',
  'GET /directory/messages': 'reached once a visitor wrote: the directory browser test checks it at 360 px',
  'GET /dispatch': 'for dispatchers in crisis mode: dispatch.test.ts checks it at 360 px',
  'GET /fund/move': 'for the treasurer: fund.test.ts checks it at 360 px',
  'GET /fund/requests/:id': 'fund.test.ts opens requests and checks them at 360 px',
  'GET /fund/records/:id': 'fund.test.ts records a payout and checks it at 360 px',
};

const pattern = (path: string) =>
  path.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '/:id').replace(/\?.*$/, '');

describe('every page on a phone', () => {
  // The walk, then each kind of page again in Spanish and in Arabic: longer than the browser suite's usual bound.
  // Some 120 pages, three languages each (about 4 minutes on a loaded two-core machine).
  it('fits a 360 px screen, on every page a member can reach', { timeout: 480_000 }, async () => {
    const page = await (await files.browser.newContext({ baseURL: files.app.base, viewport: PHONE })).newPage();
    await foundInBrowser(page, files.app);
    await generateHistory(files.app.db, new Date(), { size: 300, months: 6 });
    const seen = new Set<string>();
    const byPattern = new Map<string, number>();
    // Ada's own post, a match with her, and a savings circle, so their pages are there to walk.
    await page.goto('/posts/new?kind=offer');
    await page.getByLabel('What can you offer?').fill('Rides to the clinic on weekday mornings');
    await page.getByLabel('Kind of help').selectOption('rides');
    await page.getByLabel('Area').selectOption('Hillcrest');
    await page.getByRole('button', { name: 'Post my offer' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}/);
    const own = new URL(page.url()).pathname;
    await page.goto('/board?kind=need');
    await page.getByRole('button', { name: 'I can help' }).first().click();
    await page.waitForURL(/\/matches\/[0-9a-f-]{36}/);
    const match = new URL(page.url()).pathname;
    // The hours that match took, recorded from its thread (prefilled), waiting for the other member's yes.
    await page.getByRole('link', { name: 'Record the hours this took (time bank)' }).click();
    await page.getByLabel('How long').fill('1:30');
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await page.waitForURL(/\/time\?done=recorded/);
    await page.goto('/circles/new');
    await page.getByLabel('Name of the circle').fill('Rent circle of the long street name');
    await page.getByLabel('Each member puts in, per round').fill('50');
    await page.getByLabel('Days between rounds').fill('30');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Form the circle' }).click();
    await page.waitForURL(/\/circles\/[0-9a-f-]{36}/);
    const circle = new URL(page.url()).pathname;
    await page.goto('/library/new');
    await page.getByLabel('Title').fill('Why rents rise in Hillcrest: a reading with a rather long title to wrap');
    await page.getByLabel('Text').fill('Notes from the teach-in.\n\nLandlords, speculation and what tenants did.');
    await page.getByRole('button', { name: 'Add it to the library' }).click();
    await page.waitForURL(/\/library\/[0-9a-f-]{36}/);
    // A listening cycle with what was heard sorted into a theme, so its pages are there to walk.
    const cycle = await files.app.db
      .insertInto('listening_cycles')
      .values({
        title: 'What is hardest for the families on the long street this winter?',
        questions: JSON.stringify([
          { kind: 'long', text: { typed: 'What is hardest right now?', names: {} }, options: [] },
          {
            kind: 'one',
            text: { typed: 'Do you rent?', names: {} },
            options: [
              { typed: 'Yes', names: {} },
              { typed: 'No', names: {} },
            ],
          },
        ]),
        languages: ['en', 'es'],
        opens_at: new Date(Date.now() - 86_400_000),
        closes_at: new Date(Date.now() + 7 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const theme = await files.app.db
      .insertInto('listening_themes')
      .values({ cycle_id: cycle.id, name: 'Rents and landlords who never repair = es: Alquileres' })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 6; i++) {
      const answer = await files.app.db
        .insertInto('listening_answers')
        .values({ cycle_id: cycle.id, source: 'member', lang: 'en', choices: JSON.stringify({ '1': i % 2 }) })
        .returning('id')
        .executeTakeFirstOrThrow();
      const text = await files.app.db
        .insertInto('listening_texts')
        .values({
          cycle_id: cycle.id,
          answer_id: answer.id,
          question: 0,
          lang: 'en',
          body: `The rent went up again (${i}) and the landlord will not fix the heating in the back bedroom.`,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (i < 4)
        await files.app.db
          .insertInto('listening_theme_texts')
          .values({ theme_id: theme.id, text_id: text.id })
          .execute();
    }
    // A partner network sharing a need, and a conversation with it, so the partner pages are walked with content.
    const partner = await files.app.db
      .insertInto('partners')
      .values({
        actor_url: 'https://riverside-mutual-aid.example.org/ap/actors/network',
        inbox_url: 'https://riverside-mutual-aid.example.org/ap/actors/network/inbox',
        shared_inbox_url: null,
        name: 'Riverside and Lower Hillcrest Mutual Aid Network',
        we_agreed_at: new Date(),
        they_agreed_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const theirNeed = await files.app.db
      .insertInto('partner_posts')
      .values({
        partner_id: partner.id,
        object_url: 'https://riverside-mutual-aid.example.org/ap/actors/network/posts/1',
        kind: 'need',
        what: 'Someone with a car to take three families’ groceries from the food bank on Saturday morning',
        category: 'rides',
        area: 'Riverside',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ada = await files.app.db
      .selectFrom('members')
      .select('id')
      .where('display_name', '=', 'Ada')
      .executeTakeFirstOrThrow();
    await files.app.db
      .insertInto('partner_threads')
      .values({
        partner_id: partner.id,
        offer_id: 'https://example.org/ap/actors/network#offer/1',
        partner_post_id: theirNeed.id,
        member_id: ada.id,
      })
      .execute();
    // A sheet brought to import, so its matching and dry-run pages are walked with content.
    await page.goto('/import');
    await page.getByLabel('The sheet').setInputFiles({
      name: 'Mutual aid requests (Responses) - Form Responses 1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(sheetsExport()),
    });
    await page.getByRole('button', { name: 'Read the sheet' }).click();
    await page.waitForURL(/\/import\/[0-9a-f-]{36}$/);
    // A weekly teach-in with places and a line, open to all, so its pages (and the one its flyer opens) are walked.
    await page.goto('/events/new');
    await page
      .getByLabel('Title', { exact: true })
      .fill('Why rents rise in Hillcrest: a teach-in with a long title that wraps');
    await page.getByLabel('Area').selectOption('Hillcrest');
    await page.getByLabel('Exact place').fill('Back room of the community centre, 14 Long Street');
    await page.getByLabel('Day').fill(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel('Starts at').fill('18:30');
    await page.getByLabel('Repeats').selectOption('weekly');
    await page.getByLabel('How many times').fill('4');
    await page.getByLabel('Places').fill('12');
    await page.getByLabel('Anyone with the flyer may see it').check();
    await page.getByRole('button', { name: 'Make the event' }).click();
    await page.waitForURL(/\/events\/[0-9a-f-]{36}/);
    await page
      .getByRole('button', { name: /^Yes, on / })
      .first()
      .click();
    // A drill Ada lends, out with her, so the thing's page shows its line and return.
    await page.goto('/things/new');
    await page.getByLabel('What it is').fill('Cordless drill with two batteries and a long name that wraps');
    await page.getByLabel('Where to pick it up').selectOption('Hillcrest');
    await page.getByRole('button', { name: 'Add it' }).click();
    await page.waitForURL(/\/things\/[0-9a-f-]{36}/);
    await page.getByRole('button', { name: /^Borrow it for/ }).click();
    // A pantry that keeps counts, reported empty (its restock ask shows) with rice counted in.
    await page.goto('/places/new');
    await page.getByLabel('Its name').fill('Pantry at the church hall on the corner of a very long street');
    await page.getByLabel('Pantry').check();
    await page.getByLabel('Area').selectOption('Hillcrest');
    await page.getByLabel('Keep counts of what comes in and goes out').check();
    await page.getByRole('button', { name: 'Add it' }).click();
    await page.waitForURL(/\/places\/[0-9a-f-]{36}/);
    const pantry = new URL(page.url()).pathname;
    await page.getByLabel('empty').check();
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByLabel('Item').fill('Rice (kg)');
    await page.getByLabel('How many').fill('12');
    await page.getByRole('button', { name: 'Came in' }).click();
    // A bulk order with rice half full, so the order page shows its packs filling and the want form.
    await page.goto('/buying/new');
    await page.getByLabel('Supplier').fill('Valley Food Co-operative of the Long Valley Road');
    await page
      .getByLabel('Items, one a line')
      .fill('Brown rice, long grain, organic; kg; 5; 12.50; step 0.5\nOlive oil; l; 1; 8.00');
    await page.getByLabel('Pickup points, one a line').fill('Church hall on the corner');
    await page.getByRole('button', { name: 'Open the order' }).click();
    await page.waitForURL(/\/buying\/[0-9a-f-]{36}/);
    await page.getByLabel('Up to').first().fill('2.5');
    await page.getByRole('button', { name: 'Save what I want' }).click();
    // A neighbour who asked to be called, a round of calls, and the call Ada takes in it.
    await page.goto('/calls/neighbours/new');
    await page.getByLabel('A name to call them').fill('Doña Esperanza from the corner building');
    await page.getByLabel('Phone number').fill('+1 555 010 4242');
    await page.getByLabel('Area').selectOption('Hillcrest');
    await page.getByLabel('They asked me to add them, to be called').check();
    await page.getByRole('button', { name: 'Add them' }).click();
    await page.goto('/calls/new');
    await page.getByLabel('What it is for').fill('Heat wave over the long weekend in the valley');
    await page.getByLabel('What to say').first().fill('Hello, this is the network calling. How are you keeping cool?');
    await page.getByRole('button', { name: 'Open the round' }).click();
    await page.getByRole('button', { name: 'Take the next call' }).click();
    await page.waitForURL(/\/calls\/[0-9a-f-]{36}$/);
    const held = new URL(page.url()).pathname;
    const queue = [
      '/board',
      '/listening',
      '/events',
      '/things',
      '/places',
      '/time',
      '/buying',
      `${pantry}/public`,
      '/calls',
      '/calls/me',
      '/translate',
      '/translate/es',
      '/translate/es/nav.board',
      held,
      '/me',
      '/settings',
      '/members',
      '/welcome',
      '/roles/new',
      '/circles/new',
      own,
      match,
      circle,
    ];
    for (const role of ['dispatcher', 'treasurer']) queue.push(`/roles/${role}/change`);
    const reached = new Set<string>();
    const firstOf = new Map<string, string>();
    const visited: string[] = [];
    let visits = 0;
    // Pages skipped as one more of a kind (a member list links every member) do not count toward the bound.
    while (queue.length && visits < 250) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const p = pattern(path);
      // A few of each kind of page is enough (the board's filters, fifty posts…).
      if ((byPattern.get(p) ?? 0) >= 3) continue;
      byPattern.set(p, (byPattern.get(p) ?? 0) + 1);
      visits++;
      const res = await page.goto(path);
      if (!res || !(res.headers()['content-type'] ?? '').includes('text/html')) continue;
      expect(res.status(), path).toBeLessThan(500);
      if (res.status() >= 400) continue;
      reached.add(p);
      // The first page of each kind is also held to axe-core; the others to the screen's width.
      if (!firstOf.has(p)) {
        firstOf.set(p, path);
        await expectAccessible(page, visited);
      } else await expectFitsPhone(page);
      // A link to download a file (an export) is no page.
      const links = await page.$$eval('a[href^="/"]:not([download])', (as) => as.map((a) => a.getAttribute('href')!));
      for (const href of links) {
        const clean = href.split('#')[0]!;
        if (
          !clean ||
          clean.startsWith('/static/') ||
          /\.(ics|csv|svg|pdf|jsonl|jsonld)$/.test(clean.split('?')[0]!) ||
          clean.includes('/feed') ||
          /^\/translate\/[^/]+\/export$/.test(clean)
        )
          continue;
        if (!seen.has(clean)) queue.push(clean);
      }
    }
    const routes = Object.keys(registry.access)
      .filter((k) => k.startsWith('GET '))
      .map((k) => k.slice(4));
    const routeOf = (p: string) => routes.find((r) => new RegExp(`^${r.replace(/:\w+/g, '[^/]+')}$`).test(p)) ?? p;
    const walked = new Set([...reached].map(routeOf));
    const missing = routes.filter((r) => !walked.has(r) && !NOT_WALKED[`GET ${r}`]);
    expect(missing, `GET routes neither walked nor named in NOT_WALKED (walked: ${[...walked].join(' ')})`).toEqual([]);

    // The same pages again, for a member who reads Spanish, on a desktop screen without JavaScript: each answers,
    // in Spanish, with no message key left untranslated.
    await files.app.db.updateTable('members').set({ language: 'es' }).where('display_name', '=', 'Ada').execute();
    const desktop = await (
      await files.browser.newContext({
        baseURL: files.app.base,
        viewport: { width: 1280, height: 800 },
        javaScriptEnabled: false,
        storageState: await page.context().storageState(),
      })
    ).newPage();
    const keys = Object.keys(registry.catalogs.en!);
    for (const [p, path] of firstOf) {
      const res = await desktop.goto(path);
      expect(res!.status(), path).toBeLessThan(400);
      expect(await desktop.getAttribute('html', 'lang'), path).toBe('es');
      const text = await desktop.locator('body').innerText();
      const leaked = keys.filter((k) => text.includes(k));
      expect(leaked, `${p}: message keys shown instead of words`).toEqual([]);
    }
    await desktop.context().close();

    // And again right to left (issue 21): every kind of page in Arabic on the 360 px phone, with JavaScript — each in
    // Arabic, dir="rtl", no wider than the screen, axe-core clean, no message key left showing.
    await files.app.db.updateTable('members').set({ language: 'ar' }).where('display_name', '=', 'Ada').execute();
    const arabic = await (
      await files.browser.newContext({
        baseURL: files.app.base,
        viewport: PHONE,
        storageState: await page.context().storageState(),
      })
    ).newPage();
    const checked: string[] = [];
    for (const [p, path] of firstOf) {
      const res = await arabic.goto(path);
      expect(res!.status(), path).toBeLessThan(400);
      expect(await arabic.getAttribute('html', 'lang'), path).toBe('ar');
      expect(await arabic.getAttribute('html', 'dir'), path).toBe('rtl');
      await expectAccessible(arabic, checked);
      const text = await arabic.locator('body').innerText();
      const leaked = keys.filter((k) => text.includes(k));
      expect(leaked, `${p}: message keys shown instead of words`).toEqual([]);
    }
    expect(checked.length).toBe(firstOf.size);
    await arabic.context().close();
  });
});
