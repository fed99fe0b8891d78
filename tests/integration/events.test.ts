// Events (issue 19): a teach-in that repeats weekly with two places, answered date by date in one request each; a yes
// beyond the places waits in line, a freed place is offered to the first in line for the claim window and then to
// the next; the database holds the places even under a crowd; the exact place only for those with a place; reminders
// the day before and on the day; the member's calendar feed; a flyer with a QR code; the open page shows no place and
// no names; the library shows where its readings were used; only who made it calls it off.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  Client,
  buildMember,
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
let ed: Client;
let eventId: string;
let dates: string[] = [];
let reading: string;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
  di = await buildMember(world, { name: 'Di' });
  ed = await buildMember(world, { name: 'Ed' });
  reading = idFromRedirect(
    await ada.post('/library', { title: 'Why rents rise', language: 'en', body: 'Landlords and speculation.' }),
  );
});

const day = (plus: number) => new Date(world.now.value.getTime() + plus * 86_400_000).toISOString().slice(0, 10);
const rsvp = (c: Client, date: string, answer: string) =>
  c.post(`/events/${eventId}/rsvp`, { occurrence: date, answer });
const placeOf = async (name: string, date: string) =>
  (
    await world.deps.db
      .selectFrom('event_rsvps')
      .select('place')
      .where('event_id', '=', eventId)
      .where('occurrence', '=', new Date(date))
      .where('member_id', '=', await memberIdOf(world, name))
      .executeTakeFirst()
  )?.place;

describe(`events (${engine})`, () => {
  it('are made by any member, with what is wrong told beside the field and kept', async () => {
    const bad = await ada.post('/events', {
      kind: 'teach_in',
      title: 'Why rents rise',
      language: 'en',
      area: 'Eastside',
      place: 'Room 4, 12 Elm Street',
      date: day(-3),
      start: '18:00',
      minutes: '5',
    });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('This date has passed.');
    expect(html).toContain('Please give 15 to 720 minutes.');
    expect(html).toContain('Room 4, 12 Elm Street');
    const ok = await ada.post('/events', {
      kind: 'teach_in',
      title: 'Why rents rise',
      about: 'A teach-in and a reading.',
      language: 'en',
      area: 'Eastside',
      place: 'Room 4, 12 Elm Street',
      date: day(3),
      start: '18:00',
      minutes: '90',
      repeat: 'weekly',
      times: '3',
      capacity: '2',
      claim_hours: '24',
      open_to_all: 'on',
      readings: reading,
    });
    expect(ok.status).toBe(303);
    eventId = idFromRedirect(ok);
    const page = await (await bo.get(`/events/${eventId}`)).text();
    dates = [...page.matchAll(/name="occurrence" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(dates).toHaveLength(3);
    expect(new Date(dates[1]!).getTime() - new Date(dates[0]!).getTime()).toBeGreaterThanOrEqual(
      7 * 86_400_000 - 3_600_000,
    );
    expect(page).not.toContain('12 Elm Street'); // Bo has no place yet
    expect(page).toContain('Eastside');
    expect(await (await ada.get(`/events/${eventId}`)).text()).toContain('12 Elm Street'); // who made it
    const sealed = await world.deps.db.selectFrom('events').select('place_enc').executeTakeFirstOrThrow();
    expect(Buffer.from(sealed.place_enc!).toString('latin1')).not.toContain('Elm');
    expect(await (await bo.get('/events')).text()).toContain('Why rents rise');
    expect(await (await bo.get(`/library/${reading}`)).text()).toContain(`href="/events/${eventId}"`);
  });

  it('takes yes, maybe or no date by date; beyond the places, a line that is offered freed places in turn', async () => {
    const [first, second] = dates as [string, string];
    expect((await rsvp(bo, first, 'yes')).status).toBe(303);
    expect(await (await bo.get(`/events/${eventId}`)).text()).toContain('12 Elm Street'); // Bo has a place now
    expect((await rsvp(cy, first, 'yes')).status).toBe(303);
    expect((await rsvp(di, first, 'yes')).status).toBe(303);
    expect((await rsvp(ed, first, 'yes')).status).toBe(303);
    expect(await placeOf('Di', first)).toBe('waiting');
    expect(await placeOf('Ed', first)).toBe('waiting');
    expect(await (await ed.get(`/events/${eventId}`)).text()).toContain('You are number 2 in line.');
    // Each date on its own: Di has a place on the second.
    expect((await rsvp(di, second, 'yes')).status).toBe(303);
    expect(await placeOf('Di', second)).toBe('going');
    // Maybe is not a place.
    expect((await rsvp(ada, first, 'maybe')).status).toBe(303);
    expect(await placeOf('Ada', first)).toBe('none');
    // Bo gives up the place: Di, first in line, is offered it and told.
    expect((await rsvp(bo, first, 'no')).status).toBe(303);
    expect(await placeOf('Di', first)).toBe('offered');
    expect(await (await di.get('/notifications')).text()).toContain('A place freed up at “Why rents rise”');
    expect(await placeOf('Ed', first)).toBe('waiting');
    // Di lets the claim window pass: the place goes to Ed.
    passHours(world, 25);
    await runJobs(world.deps);
    expect(await placeOf('Di', first)).toBe('none');
    expect(await placeOf('Ed', first)).toBe('offered');
    expect(await (await di.get(`/events/${eventId}`)).text()).toContain('went to the next in line');
    expect((await rsvp(ed, first, 'yes')).status).toBe(303);
    expect(await placeOf('Ed', first)).toBe('going');
    // Di says yes again: at the end of the line.
    expect((await rsvp(di, first, 'yes')).status).toBe(303);
    expect(await placeOf('Di', first)).toBe('waiting');
    // A date that is not the event's, and nonsense, are told.
    const wrong = await rsvp(bo, new Date(Date.parse(first) + 60_000).toISOString(), 'yes');
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toContain('Please choose one of the event’s dates.');
    expect((await rsvp(bo, first, 'perhaps')).status).toBe(422);
  });

  it('holds the places in the database, even when many say yes at once', async () => {
    const third = dates[2]!;
    const crowd = [
      ada,
      bo,
      cy,
      di,
      ed,
      await buildMember(world, { name: 'Fe' }),
      await buildMember(world, { name: 'Gu' }),
    ];
    const answers = await Promise.all(crowd.map((c) => rsvp(c, third, 'yes')));
    expect(answers.every((r) => r.status === 303)).toBe(true);
    const rows = await world.deps.db
      .selectFrom('event_rsvps')
      .select('place')
      .where('event_id', '=', eventId)
      .where('occurrence', '=', new Date(third))
      .execute();
    expect(rows.filter((r) => r.place === 'going')).toHaveLength(2);
    expect(rows.filter((r) => r.place === 'waiting')).toHaveLength(5);
    // Even written straight into the table, a third place is refused.
    await expect(
      sql`update event_rsvps set place = 'going' where event_id = ${eventId} and occurrence = ${new Date(third)}
        and place = 'waiting'`.execute(world.deps.db),
    ).rejects.toMatchObject({ code: 'KR034' });
  });

  it('reminds those coming the day before and on the day, and puts the date in their calendar feed', async () => {
    const made = await (await ed.post('/calendar/new')).text();
    const url = made.match(/http:\/\/localhost:3000(\/calendar\/[\w-]{43}\.ics)/)![1]!;
    const feed = await (await ed.get(url)).text();
    expect(feed).toContain('SUMMARY:Why rents rise');
    expect(feed).toContain('LOCATION:Eastside');
    expect(feed).not.toContain('Elm');
    // The day before the first date, then on the day.
    const first = new Date(dates[0]!);
    world.now.value = new Date(first.getTime() - 24 * 3_600_000 - 60_000);
    await runJobs(world.deps);
    expect(await (await ed.get('/notifications')).text()).toContain('Tomorrow: “Why rents rise”');
    world.now.value = new Date(first.getTime() - 3 * 3_600_000);
    await runJobs(world.deps);
    expect(await (await ed.get('/notifications')).text()).toContain('Today: “Why rents rise”');
  });

  it('prints a flyer with a QR code, and opens to anyone a page with no place and no names', async () => {
    const flyer = await (await bo.get(`/events/${eventId}/flyer`)).text();
    expect(flyer).toContain('<svg role="img"');
    expect(flyer).toContain(`/events/${eventId}/public`);
    const open = await new Client(world).get(`/events/${eventId}/public`);
    expect(open.status).toBe(200);
    const html = await open.text();
    expect(html).toContain('Why rents rise');
    expect(html).not.toContain('Elm');
    expect(html).not.toContain('Ed');
    const closed = idFromRedirect(
      await ada.post('/events', {
        kind: 'assembly',
        title: 'Members’ assembly',
        language: 'en',
        area: 'Eastside',
        date: day(20),
        start: '10:00',
      }),
    );
    expect((await new Client(world).get(`/events/${closed}/public`)).status).toBe(404);
    expect((await new Client(world).get(`/events/${closed}`)).status).toBe(401);
  });

  it('is called off only by who made it, and those coming are told', async () => {
    expect((await bo.post(`/events/${eventId}/cancel`)).status).toBe(403);
    expect((await ada.post(`/events/${eventId}/cancel`)).status).toBe(303);
    expect(await (await ed.get('/notifications')).text()).toContain('“Why rents rise” is called off.');
    const late = await rsvp(bo, dates[2]!, 'yes');
    expect(late.status).toBe(409);
    expect(await late.text()).toContain('This event is called off.');
  });
});
