// Shared things (issue 20): a drill a member lends; borrowed with its condition noted; others wait in line and, when
// it comes back, the first is offered it for the claim window and then the next; renewals only when nobody waits;
// reminders before and after the due date; problems reported without blame; one loan at a time and the agreed number
// at once held by the database even under a crowd; a printable label with a QR code.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { borrow, giveBack, joinLine, lapseThingOffers, leaveLine, renew } from '../../src/things/commands.ts';
import { thing } from '../../src/things/queries.ts';
import {
  Client,
  buildMember,
  decideAgreement,
  idFromRedirect,
  memberIdOf,
  passHours,
  worldForFile,
  type TestWorld,
} from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let cy: Client;
let di: Client;
let drill: string;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
  di = await buildMember(world, { name: 'Di' });
});

const loansOf = async (thing: string) =>
  world.deps.db
    .selectFrom('thing_loans')
    .select(['member_id', 'returned_at', 'condition_out', 'condition_back'])
    .where('thing_id', '=', thing)
    .execute();

describe(`shared things (${engine})`, () => {
  it('are added by any member, with what is wrong told beside the field and kept', async () => {
    const bad = await ada.post('/things', { title: 'D', area: 'Nowhere', condition: 'good', loan_days: '400' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please say what it is, in 2 to 120 characters.');
    expect(html).toContain('Please give 1 to 90 days.');
    const ok = await ada.post('/things', {
      title: 'Cordless drill',
      about: 'With two batteries.',
      mine: 'on',
      area: 'Eastside',
      pickup: 'Blue door at 14 Elm Street',
      condition: 'good',
      loan_days: '7',
      claim_hours: '24',
    });
    expect(ok.status).toBe(303);
    drill = idFromRedirect(ok);
    expect(await (await bo.get('/things')).text()).toContain('Cordless drill');
    expect(await (await bo.get('/things?q=drill')).text()).toContain('Cordless drill');
    expect(await (await bo.get('/things?q=%25_')).text()).not.toContain('Cordless drill');
  });

  it('is borrowed by one at a time; the line is offered it in turn when it comes back', async () => {
    const place = 'Blue door at 14 Elm Street';
    expect(await (await ada.get(`/things/${drill}`)).text()).toContain(place); // she lends it
    expect(await (await bo.get(`/things/${drill}`)).text()).not.toContain(place);
    expect((await bo.post(`/things/${drill}/borrow`, { condition: 'good' })).status).toBe(303);
    const his = await (await bo.get(`/things/${drill}`)).text();
    expect(his).toContain('You have it, due back');
    expect(his).toContain(`Pick it up at: ${place}`);
    const stored = await world.deps.db
      .selectFrom('things')
      .select('pickup_enc')
      .where('id', '=', drill)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.pickup_enc!).toString('latin1')).not.toContain('Elm');
    const taken = await cy.post(`/things/${drill}/borrow`, { condition: 'good' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toContain('Someone has it now: wait in line for it.');
    expect((await cy.post(`/things/${drill}/line`)).status).toBe(303);
    expect((await di.post(`/things/${drill}/line`)).status).toBe(303);
    expect(await (await di.get(`/things/${drill}`)).text()).toContain('You are number 2 in line.');
    // Nobody renews what someone waits for.
    const renew = await bo.post(`/things/${drill}/renew`);
    expect(renew.status).toBe(409);
    expect(await renew.text()).toContain('Someone is waiting for it: please bring it back.');
    // Back, a little worn: offered to Cy (told), not to Di, not to anyone else.
    expect((await bo.post(`/things/${drill}/return`, { condition: 'worn' })).status).toBe(303);
    expect(await (await cy.get('/notifications')).text()).toContain('“Cordless drill” is back and yours to borrow');
    expect(await (await cy.get(`/things/${drill}`)).text()).toContain(place); // offered to her now
    expect(await (await di.get(`/things/${drill}`)).text()).not.toContain(place);
    const jump = await di.post(`/things/${drill}/borrow`, { condition: 'worn' });
    expect(jump.status).toBe(409);
    expect(await jump.text()).toContain('It is offered to the next in line for now.');
    // Cy lets the claim window pass: it goes to Di, who takes it.
    passHours(world, 25);
    await runJobs(world.deps);
    expect(await (await di.get('/notifications')).text()).toContain('“Cordless drill” is back and yours to borrow');
    expect((await di.post(`/things/${drill}/borrow`, { condition: 'worn' })).status).toBe(303);
    const loans = await loansOf(drill);
    expect(loans.filter((l) => l.returned_at === null)).toHaveLength(1);
    expect(loans.find((l) => l.returned_at !== null)).toMatchObject({ condition_out: 'good', condition_back: 'worn' });
    // Even written straight into the table, a second active loan is refused.
    await expect(
      sql`insert into thing_loans (thing_id, member_id, due_at, condition_out)
        values (${drill}, (select id from members where display_name = 'Bo'), app_now() + interval '1 day', 'good')`.execute(
        world.deps.db,
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });

  it('is renewed when nobody waits, reminded of before and after its date, and its problems are said without blame', async () => {
    expect((await di.post(`/things/${drill}/renew`)).status).toBe(303);
    passHours(world, 24 * 13 + 1);
    await runJobs(world.deps);
    expect(await (await di.get('/notifications')).text()).toContain('“Cordless drill” is due back tomorrow');
    passHours(world, 24);
    await runJobs(world.deps);
    expect(await (await di.get('/notifications')).text()).toContain('“Cordless drill” was due back');
    expect(
      (await di.post(`/things/${drill}/report`, { kind: 'missing_part', note: 'The second battery' })).status,
    ).toBe(303);
    expect(await (await ada.get('/notifications')).text()).toContain(
      'Someone reported a problem with “Cordless drill”.',
    );
    const page = await (await ada.get(`/things/${drill}`)).text();
    expect(page).toContain('needs repair');
    expect(page).toContain('The second battery');
    expect((await di.post(`/things/${drill}/return`, { condition: 'needs_repair' })).status).toBe(303);
    expect((await bo.post(`/things/${drill}/retire`)).status).toBe(403);
    const label = await (await bo.get(`/things/${drill}/label`)).text();
    expect(label).toContain('<svg role="img"');
    expect(label).toContain(`/things/${drill}`);
  });

  it('lends one member no more than the agreed number at once, even when asked all at once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        idFromRedirect(
          await ada.post('/things', { title: `Ladder ${i}`, area: 'Eastside', condition: 'good', loan_days: '3' }),
        ),
      );
    const answers = await Promise.all(ids.map((id) => cy.post(`/things/${id}/borrow`, { condition: 'good' })));
    expect(answers.filter((r) => r.status === 303)).toHaveLength(3);
    const refused = answers.find((r) => r.status === 409)!;
    expect(await refused.text()).toContain('You have as many things as the members agreed one may borrow at once.');
    await decideAgreement(world, ada, 'loans_at_once', '4');
    const free = [];
    for (const id of ids) if ((await loansOf(id)).length === 0) free.push(id);
    expect((await cy.post(`/things/${free[0]}/borrow`, { condition: 'good' })).status).toBe(303);
    expect((await cy.post(`/things/${free[1]}/borrow`, { condition: 'good' })).status).toBe(409);
  });

  it('keeps a photo without what the camera wrote: no place, time or phone, and only its adder changes it', async () => {
    const sharp = (await import('sharp')).default;
    // A phone's photo: EXIF with the phone, the time and where it was taken (GPS), 2000 px wide.
    const taken = await sharp({ create: { width: 2000, height: 1200, channels: 3, background: '#c33' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'SecretPhone 9', Artist: 'Ada Lovelace' },
        IFD2: { DateTimeOriginal: '2026:11:30 18:45:00', UserComment: 'kitchen at home' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '41/1 53/1 0/1',
          GPSLongitudeRef: 'W',
          GPSLongitude: '87/1 37/1 0/1',
        },
      })
      .toBuffer();
    expect(taken.includes(Buffer.from('SecretPhone'))).toBe(true);
    const send = (who: Client, bytes: Uint8Array, type = 'image/jpeg') => {
      const form = new FormData();
      form.set('photo', new File([new Uint8Array(bytes)], 'IMG_2031.jpg', { type }));
      return who.request(`/things/${drill}/photo`, { method: 'POST', body: form });
    };
    expect((await send(bo, taken)).status).toBe(403);
    const notPhoto = await send(ada, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml');
    expect(notPhoto.status).toBe(422);
    expect(await notPhoto.text()).toContain('This file is not a photo we can read.');
    const empty = new FormData();
    const none = await ada.request(`/things/${drill}/photo`, { method: 'POST', body: empty });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Please choose a photo to send.');

    expect((await send(ada, taken)).status).toBe(303);
    const page = await (await bo.get(`/things/${drill}`)).text();
    const src = /<img class="photo" src="([^"]+)"/.exec(page)![1]!.replaceAll('&amp;', '&');
    const served = await bo.get(src);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const kept = Buffer.from(await served.arrayBuffer());
    for (const secret of ['SecretPhone', 'PhoneMaker', 'Ada Lovelace', '2026:11:30', 'kitchen', 'Exif'])
      expect(kept.includes(Buffer.from(secret)), secret).toBe(false);
    const meta = await sharp(kept).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    expect(Math.max(meta.width!, meta.height!)).toBe(800);
    const stored = await world.deps.db
      .selectFrom('thing_photos')
      .select('body')
      .where('thing_id', '=', drill)
      .execute();
    expect(stored).toHaveLength(1);
    expect(Buffer.from(stored[0]!.body).includes(Buffer.from('SecretPhone'))).toBe(false);

    // Over the most a photo may be: refused before it is read; other forms keep their usual limit.
    const huge = new Uint8Array(17 * 1024 * 1024);
    expect((await send(ada, huge)).status).toBe(413);
    expect((await ada.post('/things', { title: 'x'.repeat(70_000), area: 'Eastside' })).status).toBe(413);

    expect((await ada.post(`/things/${drill}/photo/remove`)).status).toBe(303);
    expect((await bo.get(src)).status).toBe(404);
  });

  it('never lends one thing to two members at once, whatever members do at the same moment', async () => {
    const { db } = world.deps;
    const who = [await memberIdOf(world, 'Bo'), await memberIdOf(world, 'Cy'), await memberIdOf(world, 'Di')];
    const ids: string[] = [];
    for (const title of ['Ladder A', 'Ladder B'])
      ids.push(
        idFromRedirect(
          await ada.post('/things', { title, area: 'Eastside', condition: 'good', loan_days: '2', claim_hours: '1' }),
        ),
      );
    const act = fc.record({
      what: fc.constantFrom('borrow', 'return', 'line', 'leave', 'renew'),
      member: fc.integer({ min: 0, max: 2 }),
      thing: fc.integer({ min: 0, max: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(act, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        async (rounds) => {
          for (const round of rounds) {
            const now = world.now.value;
            // Everything in a round is asked at the same moment.
            await Promise.allSettled(
              round.map(async (a) => {
                const t = (await thing(db, ids[a.thing]!))!;
                const m = who[a.member]!;
                if (a.what === 'borrow') return borrow(db, t, m, 'good', now);
                if (a.what === 'return') return giveBack(db, t, m, 'good', now);
                if (a.what === 'line') return joinLine(db, t, m, now);
                if (a.what === 'leave') return leaveLine(db, t, m, now);
                return renew(db, t, m, now);
              }),
            );
            passHours(world, 1);
            await lapseThingOffers(db, world.now.value);
          }
          for (const id of ids) {
            const loans = await db
              .selectFrom('thing_loans')
              .select(['out_at', 'returned_at'])
              .where('thing_id', '=', id)
              .orderBy('out_at')
              .execute();
            expect(loans.filter((l) => l.returned_at === null).length).toBeLessThanOrEqual(1);
            // Each loan ends before the next begins.
            for (let i = 1; i < loans.length; i++)
              expect(loans[i - 1]!.returned_at!.getTime()).toBeLessThanOrEqual(loans[i]!.out_at.getTime());
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
