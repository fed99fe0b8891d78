// Places members tend (issue 20): a community fridge reported empty in one form asks for a restock once, and the
// ask reaches the members who restock it and those offering that help — nobody else, and nobody twice however many
// report it; "last report N hours ago"; a pantry's counts never go below zero, even when many count out at once;
// who reported is forgotten after a day.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  buildMember,
  buildPost,
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
let fridge: string;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
  di = await buildMember(world, { name: 'Di' });
});

const toldOf = async (name: string) =>
  world.deps.db
    .selectFrom('notifications')
    .select('subject')
    .where('member_id', '=', await memberIdOf(world, name))
    .where('kind', '=', 'place_restock')
    .execute();

describe(`places members tend (${engine})`, () => {
  it('are added by any member, with what is wrong told beside the field and kept', async () => {
    const bad = await ada.post('/places', { name: 'F', kind: 'fridge', area: 'Nowhere', about: 'By the laundromat' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please give it a name, in 2 to 120 characters.');
    expect(html).toContain('By the laundromat');
    const ok = await ada.post('/places', {
      name: 'Fridge by the laundromat',
      kind: 'fridge',
      area: 'Eastside',
      about: 'Open all day.',
      help: 'food',
    });
    expect(ok.status).toBe(303);
    fridge = idFromRedirect(ok);
    const list = await (await bo.get('/places')).text();
    expect(list).toContain('Fridge by the laundromat');
    expect(list).toContain('No report yet');
  });

  it('asks for a restock when reported empty: told to who restocks it and who offers that help, once', async () => {
    await buildPost(cy, { kind: 'offer', what: 'I cook extra on Sundays', category: 'food' });
    await buildPost(di, { kind: 'offer', what: 'Rides to the clinic', category: 'rides' });
    const nothing = await bo.post(`/places/${fridge}/report`, {});
    expect(nothing.status).toBe(422);
    expect(await nothing.text()).toContain('Please choose what you see, or ask for a restock.');

    const empty = await bo.post(`/places/${fridge}/report`, { food: 'empty', clean: 'yes' });
    expect(empty.status).toBe(303);
    expect(empty.headers.get('location')).toContain('done=asked');
    expect(await toldOf('Ada')).toHaveLength(1); // she added it, so she restocks it
    expect(await toldOf('Cy')).toHaveLength(1); // she offers food
    expect(await toldOf('Di')).toHaveLength(0);
    expect(await toldOf('Bo')).toHaveLength(0); // who asked is not told

    // Eight more reports of "empty" from everyone: the same one ask, nobody told again.
    await Promise.all(
      [bo, cy, di, bo, cy, di, bo, cy].map((m) => m.post(`/places/${fridge}/report`, { food: 'empty', what: 'milk' })),
    );
    expect(await toldOf('Ada')).toHaveLength(1);
    expect(await toldOf('Cy')).toHaveLength(1);
    const asks = await world.deps.db.selectFrom('place_asks').selectAll().where('place_id', '=', fridge).execute();
    expect(asks).toHaveLength(1);
    expect(asks[0]!.what.length).toBeLessThanOrEqual(300);

    const notice = await (await cy.get('/notifications')).text();
    expect(notice).toContain('“Fridge by the laundromat” needs restocking.');
    passHours(world, 3);
    const list = await (await di.get('/places')).text();
    expect(list).toContain('empty · clean · Last report 3 hours ago');
    expect(list).toContain('restock asked');
  });

  it('is marked restocked once; the next empty report asks again', async () => {
    expect((await cy.post(`/places/${fridge}/restocked`)).status).toBe(303);
    const again = await di.post(`/places/${fridge}/restocked`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Nobody has asked for a restock');
    const page = await (await di.get(`/places/${fridge}`)).text();
    expect(page).toContain('some food');
    expect(page).toContain('Last report just now');
    // Di starts restocking it; the next ask reaches her too.
    expect((await di.post(`/places/${fridge}/tend`, { on: 'yes' })).status).toBe(303);
    expect((await bo.post(`/places/${fridge}/report`, { food: 'empty' })).status).toBe(303);
    expect(await toldOf('Di')).toHaveLength(1);
    expect(await toldOf('Ada')).toHaveLength(2);
    // Reporting full meets the ask.
    expect((await ada.post(`/places/${fridge}/report`, { food: 'full' })).status).toBe(303);
    expect(await (await bo.get(`/places/${fridge}`)).text()).not.toContain('A restock was asked for');
  });

  it('keeps a pantry’s counts at zero or more, even when many count out at once', async () => {
    const pantry = idFromRedirect(
      await ada.post('/places', {
        name: 'Church pantry',
        kind: 'pantry',
        area: 'Riverside',
        help: 'groceries',
        counted: 'on',
      }),
    );
    expect((await bo.post(`/places/${pantry}/stock`, { item: 'Rice (kg)', n: '10', way: 'in' })).status).toBe(303);
    expect((await cy.post(`/places/${pantry}/stock`, { item: 'rice (KG)', n: '4', way: 'out' })).status).toBe(303);
    const tooMany = await di.post(`/places/${pantry}/stock`, { item: 'Rice (kg)', n: '7', way: 'out' });
    expect(tooMany.status).toBe(409);
    const html = await tooMany.text();
    expect(html).toContain('That is more than the count says is there.');
    expect(html).toContain('value="7"');
    const bad = await di.post(`/places/${pantry}/stock`, { item: '', n: '-3', way: 'out' });
    expect(bad.status).toBe(422);
    const outs = await Promise.all(
      [ada, bo, cy, di, ada, bo].map((m) =>
        m.post(`/places/${pantry}/stock`, { item: 'Rice (kg)', n: '2', way: 'out' }),
      ),
    );
    expect(outs.filter((r) => r.status === 303)).toHaveLength(3);
    const page = await (await bo.get(`/places/${pantry}`)).text();
    expect(page).toMatch(/<td>Rice \(kg\)<\/td>\s*<td>0<\/td>/);
    expect(await (await cy.get('/mutuality')).text()).toMatch(/2 places tended; \d+ reports of what neighbours saw/);
    // A fridge that keeps no counts refuses them.
    expect((await bo.post(`/places/${fridge}/stock`, { item: 'Milk', n: '1', way: 'in' })).status).toBe(409);
  });

  it('takes what a passer-by sees from the sign, without an account: three choices, six an hour', async () => {
    const corner = idFromRedirect(
      await ada.post('/places', { name: 'Corner fridge', kind: 'fridge', area: 'Old Town', help: 'food' }),
    );
    const sign = await (await ada.get(`/places/${corner}/sign`)).text();
    expect(sign).toContain(`/places/${corner}/public`);
    const passerby = new Client(world);
    const page = await (await passerby.get(`/places/${corner}/public`)).text();
    expect(page).toContain('Corner fridge');
    expect(page).toContain('No report yet');
    expect((await passerby.post(`/places/${corner}/public/report`, {})).status).toBe(422);
    const empty = await passerby.post(`/places/${corner}/public/report`, { food: 'empty', what: 'spam words' });
    expect(empty.status).toBe(303);
    expect(empty.headers.get('location')).toContain('done=asked');
    expect((await toldOf('Ada')).length).toBe(3); // she tends it: told once more
    const stored = await world.deps.db
      .selectFrom('place_reports')
      .select(['member_id', 'by_passerby'])
      .where('place_id', '=', corner)
      .execute();
    expect(stored).toEqual([{ member_id: null, by_passerby: true }]);
    const asks = await world.deps.db.selectFrom('place_asks').select('what').where('place_id', '=', corner).execute();
    expect(asks).toEqual([{ what: '' }]); // no words from outside the network
    // Five more in the hour are taken; the seventh is not, and says why.
    for (let i = 0; i < 5; i++)
      expect((await passerby.post(`/places/${corner}/public/report`, { clean: 'no' })).status).toBe(303);
    const seventh = await passerby.post(`/places/${corner}/public/report`, { clean: 'yes' });
    expect(seventh.status).toBe(429);
    expect(await seventh.text()).toContain('Several people reported this place in the last hour.');
    // Members still report.
    expect((await bo.post(`/places/${corner}/report`, { clean: 'yes' })).status).toBe(303);
    passHours(world, 1);
    expect((await passerby.post(`/places/${corner}/public/report`, { clean: 'yes' })).status).toBe(303);
  });

  it('forgets who reported after a day, and only who added a place retires it', async () => {
    passHours(world, 25);
    await runJobs(world.deps);
    const named = await world.deps.db
      .selectFrom('place_reports')
      .select('id')
      .where('member_id', 'is not', null)
      .where('made_at', '<', new Date(world.now.value.getTime() - 24 * 3_600_000))
      .execute();
    expect(named).toHaveLength(0);
    expect((await bo.post(`/places/${fridge}/retire`)).status).toBe(403);
    expect((await ada.post(`/places/${fridge}/retire`)).status).toBe(303);
    expect(await (await bo.get('/places')).text()).not.toContain('Fridge by the laundromat');
    expect((await bo.post(`/places/${fridge}/report`, { food: 'empty' })).status).toBe(409);
    expect((await new Client(world).get(`/places/${fridge}/public`)).status).toBe(404);
    const sign = await (await bo.get(`/places/${fridge}/sign`)).text();
    expect(sign).toContain('<svg role="img"');
  });
});
