// Moving out (issue 22): every member may take what every member may see — CSV per table, JSON lines, ValueFlows
// JSON-LD — streamed a page of rows at a time, with nothing private in it; and the moving sheet, brought to a fresh
// Kropotkin's Moving in, makes the same members with the same open needs and offers there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import {
  buildMember,
  buildPost,
  buildWorld,
  foundNetwork,
  idFromRedirect,
  passHours,
  worldForFile,
  type Client,
  type TestWorld,
} from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let there: TestWorld;

const NEIGHBOURS = 600; // more than a page of 500

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo', language: 'es' });
  await buildMember(world, { name: 'Cy' });
  await buildPost(ada, { kind: 'offer', what: 'Spare winter coats', category: 'supplies', area: 'Riverside' });
  await buildPost(bo, {
    kind: 'need',
    what: '=SUM(A1) is not a formula, a ride',
    category: 'rides',
    urgency: 'urgent',
  });
  const gone = await buildPost(bo, { kind: 'need', what: 'Withdrawn before the move', category: 'food' });
  await bo.post(`/posts/${gone}/withdraw`);
  await bo.post('/decisions', { title: 'Meet on Sundays', body: 'At the hall', process: 'consent', closes_in: '24' });
  const hidden = await buildPost(ada, { kind: 'need', what: 'Hidden while members review it', category: 'food' });
  await world.deps.db.updateTable('posts').set({ hidden_at: world.now.value }).where('id', '=', hidden).execute();
  await world.deps.db
    .insertInto('members')
    .values(
      Array.from({ length: NEIGHBOURS }, (_, i) => ({
        display_name: `Neighbour ${String(i).padStart(4, '0')}`,
        language: 'en',
      })),
    )
    .execute();
  // An event, a thing to borrow, a pantry and a reading, each with what only some may see (sealed exact places).
  const { db } = world.deps;
  const adaId = (
    await db.selectFrom('members').select('id').where('display_name', '=', 'Ada').executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('events')
    .values({
      kind: 'teach_in',
      title: 'Why rents rise',
      language: 'en',
      area: 'Eastside',
      place_enc: Buffer.from('Back room, 14 Long Street'),
      starts_at: world.now.value,
      minutes: 90,
      zone: 'UTC',
      created_by: adaId,
    })
    .execute();
  await db
    .insertInto('things')
    .values({
      title: 'Cordless drill',
      lent_by: adaId,
      added_by: adaId,
      area: 'Riverside',
      condition: 'good',
      loan_days: 7,
      pickup_enc: Buffer.from('Flat 3B, ring twice'),
    })
    .execute();
  await db
    .insertInto('places')
    .values({ name: 'Pantry at the church hall', kind: 'pantry', area: 'Eastside', help: 'food', added_by: adaId })
    .execute();
  await db
    .insertInto('library_items')
    .values({ added_by: adaId, title: 'Notes from the teach-in', language: 'en', body: 'Landlords and tenants.' })
    .execute();
  there = await buildWorld();
});
afterAll(() => there?.close());

async function download(who: Client, file: string) {
  const res = await who.get(`/export/${file}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${file}"`);
  return res.text();
}

describe(`moving out (${engine})`, () => {
  it('gives every table a member may read as CSV, a page at a time, with nothing private in it', async () => {
    const members = Papa.parse<Record<string, string>>(await download(bo, 'members.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(members).toHaveLength(NEIGHBOURS + 3);
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
    const posts = Papa.parse<Record<string, string>>(await download(bo, 'posts.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(posts.map((p) => p.what).sort()).toEqual(["'=SUM(A1) is not a formula, a ride", 'Spare winter coats']);
    const agreements = await download(bo, 'agreements.csv');
    expect(agreements).toContain('Eastside Mutual Aid');
    expect(await download(bo, 'proposals.csv')).toContain('Meet on Sundays');
    const events = await download(bo, 'events.csv');
    expect(events).toContain('Why rents rise');
    expect(await download(bo, 'things.csv')).toContain('Cordless drill,,Riverside,good,7,Ada');
    expect(await download(bo, 'places.csv')).toContain('Pantry at the church hall');
    expect(await download(bo, 'library.csv')).toContain('Landlords and tenants.');
    const everything = await download(bo, 'network.jsonl');
    for (const secret of ['14 Long Street', 'ring twice', 'ada@example.org']) expect(everything).not.toContain(secret);
    for (const file of ['members.csv', 'posts.csv', 'agreements.csv', 'network.jsonl', 'moving.csv'])
      expect(await download(bo, file)).not.toContain('ada@example.org');
    expect((await bo.get('/export/secrets.csv')).status).toBe(404);
    const signedOut = await world.app.request('http://localhost:3000/export/members.csv');
    expect(signedOut.status).toBe(401);
  });

  it('gives it all as JSON lines, and the open needs and offers as ValueFlows intents', async () => {
    const lines = (await download(ada, 'network.jsonl'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(new Set(lines.map((l) => l.table))).toEqual(
      new Set(['members', 'posts', 'agreements', 'proposals', 'events', 'things', 'places', 'library']),
    );
    expect(lines.filter((l) => l.table === 'members')).toHaveLength(NEIGHBOURS + 3);
    const doc = JSON.parse(await download(ada, 'valueflows.jsonld'));
    expect(doc['@context'].vf).toBe('https://w3id.org/valueflows/ont/vf#');
    const intents = doc['@graph'] as Record<string, unknown>[];
    expect(intents).toHaveLength(2);
    const coats = intents.find((i) => i.name === 'Spare winter coats')!;
    expect(coats).toMatchObject({ '@type': 'vf:Intent', action: 'vf:transfer', finished: false });
    expect(coats.provider).toMatchObject({ '@type': 'vf:Person', name: 'Ada' });
    expect(coats.atLocation).toEqual({ '@type': 'vf:SpatialThing', name: 'Riverside' });
    expect(coats.resourceConformsTo).toBe('urn:kropotkin:kind:supplies');
  });

  it('moves the network to a fresh Kropotkin: its Moving in makes the same members with the same posts', async () => {
    const sheet = await download(ada, 'moving.csv');
    const host = await foundNetwork(there, { founder_name: 'Host', founder_email: 'host@example.org' });
    const form = new FormData();
    form.set('sheet', new File([sheet], 'moving.csv', { type: 'text/csv' }));
    const uploaded = await host.request('/import', { method: 'POST', body: form });
    expect(uploaded.status).toBe(303);
    const id = idFromRedirect(uploaded);
    const dryRun = await (await host.get(`/import/${id}/dry-run`)).text();
    expect(dryRun).toContain(`New members: ${NEIGHBOURS + 3}. Needs: 1. Offers: 1. Rows left out: 0.`);
    const proposed = await host.post(`/import/${id}/propose`, { process: 'consent', closes_in: '72' });
    expect(proposed.status).toBe(303);
    passHours(there, 73);
    await runJobs(there.deps);
    const posts = async (w: TestWorld) =>
      (
        await w.deps.db
          .selectFrom('posts as p')
          .innerJoin('members as m', 'm.id', 'p.member_id')
          .select(['m.display_name', 'm.language', 'p.kind', 'p.what', 'p.category', 'p.area', 'p.urgency'])
          .where('p.status', '=', 'open')
          .where('p.hidden_at', 'is', null)
          .orderBy('p.what')
          .execute()
      ).map((r) => JSON.stringify(r));
    expect(await posts(there)).toEqual(await posts(world));
    const names = async (w: TestWorld) =>
      (
        await w.deps.db
          .selectFrom('members')
          .select(['display_name', 'language'])
          .where('display_name', '<>', 'Host')
          .orderBy('display_name')
          .execute()
      ).map((m) => `${m.display_name}/${m.language}`);
    expect(await names(there)).toEqual(await names(world));
  });
});
