// Rotas: slots with a time, an area and how many people; sign up, swap, drop out with notice; slots short of people
// near their time are highlighted and the people who offer that help are asked; each member's commitments as a
// private iCalendar feed, checked by a real parser (ical.js), that stops working when revoked.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import ICAL from 'ical.js';
import {
  type Client,
  type TestWorld,
  buildMember,
  buildPost,
  idFromRedirect,
  inADay,
  passHours,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { memberIdOf } from '../support/fund.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
let bea: Client;
let cal: Client;
let driver: Client;
let rotaId: string;
let slotId: string;

const db = () => world.deps.db;
const notes = async (name: string, kind: string) =>
  db()
    .selectFrom('notifications')
    .select('subject as slot_id')
    .where('member_id', '=', await memberIdOf(world, name))
    .where('kind', '=', kind as never)
    .execute();

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
  bea = await buildMember(world, { name: 'Bea' });
  cal = await buildMember(world, { name: 'Cal' });
  driver = await buildMember(world, { name: 'Dana Driver' });
  await buildPost(driver, { kind: 'offer', what: 'I can drive people to appointments', category: 'rides' });
});

describe(`rotas (${engine})`, () => {
  it('makes a rota and weekly slots, keeping what was typed when something is wrong', async () => {
    const bad = await founder.post('/rotas/new', { title: 'R', category: 'nonsense', notice_hours: '999' });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Please choose a kind of help from the list.');
    expect(badHtml).toContain('Please give a number of hours from 1 to 336.');
    const res = await founder.post('/rotas/new', {
      title: 'Clinic ride rota',
      category: 'rides',
      about: 'Tuesday clinic runs',
      notice_hours: '48',
    });
    expect(res.status).toBe(303);
    rotaId = idFromRedirect(res);
    const day = inADay(world, 3);
    const wrong = await founder.post(`/rotas/${rotaId}/slots`, {
      date: day,
      start: '25:00',
      end: '11:00',
      area: 'Eastside',
      needed: '2',
      repeat_weeks: '0',
    });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Please give a time like 09:30.');
    expect(wrongHtml).toContain(`value="${day}"`);
    const ok = await founder.post(`/rotas/${rotaId}/slots`, {
      date: day,
      start: '09:00',
      end: '11:00',
      area: 'Eastside',
      needed: '2',
      repeat_weeks: '3',
    });
    expect(ok.status).toBe(303);
    const slots = await db()
      .selectFrom('rota_slots')
      .select(['id', 'starts_at', 'ends_at'])
      .where('rota_id', '=', rotaId)
      .orderBy('starts_at')
      .execute();
    expect(slots.length).toBe(4);
    expect(slots[1]!.starts_at.getTime() - slots[0]!.starts_at.getTime()).toBe(7 * 86_400_000);
    expect(slots[0]!.ends_at.getTime() - slots[0]!.starts_at.getTime()).toBe(2 * 3_600_000);
    slotId = slots[0]!.id;
  });

  it('fills a slot up to what it needs; the database refuses one more even when written directly', async () => {
    expect((await bea.post(`/rotas/slots/${slotId}/sign-up`)).status).toBe(303);
    expect((await cal.post(`/rotas/slots/${slotId}/sign-up`)).status).toBe(303);
    const full = await founder.post(`/rotas/slots/${slotId}/sign-up`);
    expect(full.status).toBe(409);
    expect(await full.text()).toContain('already has everyone it needs');
    await expect(
      sql`insert into rota_signups (slot_id, member_id, signed_at) values (${slotId}, ${await memberIdOf(world, 'Ada')}, ${world.now.value})`.execute(
        db(),
      ),
    ).rejects.toMatchObject({ code: 'KR026' });
    const page = await (await founder.get(`/rotas/${rotaId}`)).text();
    expect(page).toContain('2 of 2');
    expect(page).toContain('Bea, Cal');
  });

  it('swaps: a place offered is taken by another member in one step, and the one who offered is told', async () => {
    expect((await cal.post(`/rotas/slots/${slotId}/swap`, { wanted: 'on' })).status).toBe(303);
    const page = await (await founder.get(`/rotas/${rotaId}`)).text();
    expect(page).toContain('Take Cal');
    const signup = (
      await db()
        .selectFrom('rota_signups')
        .select('id')
        .where('slot_id', '=', slotId)
        .where('member_id', '=', await memberIdOf(world, 'Cal'))
        .where('dropped_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).id;
    expect((await founder.post(`/rotas/places/${signup}/take`)).status).toBe(303);
    expect((await founder.post(`/rotas/places/${signup}/take`)).status).toBe(409); // taken once
    expect((await notes('Cal', 'slot_taken')).length).toBe(1);
    expect(await (await founder.get(`/rotas/${rotaId}`)).text()).toContain('Ada, Bea');
  });

  it('drops out with notice: the others are told, the slot shows short near its time, and those who offer rides are asked once', async () => {
    passHours(world, 24 * 2); // the slot is now within its 48-hour notice
    expect((await bea.post(`/rotas/slots/${slotId}/drop`)).status).toBe(303);
    expect((await notes('Ada', 'slot_dropped')).length).toBe(1);
    const page = await (await founder.get(`/rotas/${rotaId}`)).text();
    expect(page).toContain('Soon and short of people');
    expect(page).toMatch(/class="card slot short" id="slot-/);
    await runJobs(world.deps);
    await runJobs(world.deps);
    expect((await notes('Dana Driver', 'slot_open')).map((n) => n.slot_id)).toEqual([slotId]);
    expect((await notes('Ada', 'slot_open')).length).toBe(0); // already in the slot
    expect(await (await driver.get('/notifications')).text()).toContain('A slot needs people soon: Clinic ride rota');
    expect((await bea.post(`/rotas/slots/${slotId}/drop`)).status).toBe(409); // not in it any more
  });

  it('gives each member a private calendar feed a real iCalendar parser reads, and revoking it ends it', async () => {
    expect((await driver.post(`/rotas/slots/${slotId}/sign-up`)).status).toBe(303);
    const made = await (await driver.post('/calendar/new')).text();
    const url = made.match(/http:\/\/localhost:3000(\/calendar\/[\w-]{43}\.ics)/)![1]!;
    // One tap subscribes a calendar app (webcal:); the address is in a field to copy, with a button where it can.
    expect(made).toContain(`href="webcal://localhost:3000${url}"`);
    expect(made).toContain(`value="http://localhost:3000${url}"`);
    expect(made).toContain('data-copy="feed-url"');
    expect(made).toContain('src="/static/copy.js"');
    const res = await driver.get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    for (const line of text.split('\r\n').filter(Boolean)) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n'); // every line ends CRLF
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBeTruthy();
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBe(1);
    const slot = await db()
      .selectFrom('rota_slots')
      .select(['starts_at', 'ends_at'])
      .where('id', '=', slotId)
      .executeTakeFirstOrThrow();
    expect(events[0]!.summary).toBe('Clinic ride rota');
    expect(events[0]!.location).toBe('Eastside');
    expect(events[0]!.startDate.toJSDate().getTime()).toBe(slot.starts_at.getTime());
    expect(events[0]!.endDate.toJSDate().getTime()).toBe(slot.ends_at.getTime());
    expect(events[0]!.uid).toContain(slotId);
    expect(cal.getAllSubcomponents('vevent')[0]!.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(text).not.toContain('Ada'); // nothing about anyone else

    expect((await driver.post('/calendar/revoke')).status).toBe(303);
    expect((await driver.get(url)).status).toBe(404);
    expect((await driver.get('/calendar/not-a-token.ics')).status).toBe(404);
    const again = await (await driver.post('/calendar/new')).text();
    const url2 = again.match(/http:\/\/localhost:3000(\/calendar\/[\w-]{43}\.ics)/)![1]!;
    expect(url2).not.toBe(url);
    expect((await driver.get(url2)).status).toBe(200);
    expect((await driver.get(url)).status).toBe(404);
  });
});
