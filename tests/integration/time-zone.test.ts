// The network's time zone is an agreement (issue 18): the founders choose it, every time is shown as the clocks there
// show it — whatever zone the server's machine is in — a time typed on a form means the wall clock there, and a
// decision that moves the network moves every time shown.
import { describe, expect, it } from 'vitest';
import { newToken, hashToken } from '../../src/security/tokens.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';
import { AREAS, Client, decideAgreement, idFromRedirect, inADay, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { networkAgreements } from '../../src/agreements/queries.ts';

const files = worldForFile({ found: false });

describe(`the network's time zone (${engine})`, () => {
  it('is chosen at founding, shown in, typed in, and moved by a decision', async () => {
    const world = files.world;
    const token = newToken();
    await setFoundingToken(world.deps.db, hashToken(token));
    const founder = new Client(world);
    const form = await (await founder.get(`/found?token=${token}`)).text();
    expect(form).toContain('name="time_zone"');
    const base = {
      token,
      network_name: 'Bay Mutual Aid',
      areas: AREAS.join('\n'),
      languages: 'en\nes',
      founder_name: 'Ines',
      founder_language: 'en',
    };
    // A zone that is not one: told beside the field, everything typed kept.
    const wrong = await founder.post('/found', { ...base, time_zone: 'Mars/Olympus' });
    expect(wrong.status).toBe(422);
    const wrongHtml = await wrong.text();
    expect(wrongHtml).toContain('Please give a time zone as a region and city');
    expect(wrongHtml).toContain('value="Mars/Olympus"');
    expect(wrongHtml).toContain('value="Bay Mutual Aid"');
    // Typed in any case, stored as the zone is spelled.
    expect((await founder.post('/found', { ...base, time_zone: ' asia/kolkata ' })).status).toBe(303);
    expect((await networkAgreements(world.deps.db, world.deps.registry)).timeZone).toBe('Asia/Kolkata');
    expect(await (await founder.get('/agreements')).text()).toContain('Asia/Kolkata');

    // A slot at 09:00 in Kolkata is 03:30 UTC, and shows as 9:00 whatever zone the server runs in.
    const rota = await founder.post('/rotas/new', { title: 'Kitchen', category: 'food', notice_hours: '48' });
    const rotaId = idFromRedirect(rota);
    const day = inADay(world, 3);
    const made = await founder.post(`/rotas/${rotaId}/slots`, {
      date: day,
      start: '09:00',
      end: '11:00',
      area: AREAS[0]!,
      needed: '1',
      repeat_weeks: '0',
    });
    expect(made.status, await made.clone().text()).toBe(303);
    const slot = await world.deps.db
      .selectFrom('rota_slots')
      .select(['starts_at', 'ends_at'])
      .executeTakeFirstOrThrow();
    expect(slot.starts_at.toISOString()).toBe(`${day}T03:30:00.000Z`);
    expect(slot.ends_at.toISOString()).toBe(`${day}T05:30:00.000Z`);
    const page = await (await founder.get(`/rotas/${rotaId}`)).text();
    expect(page).toMatch(/9:00\s*AM\s*–\s*11:00\s*AM/);

    // The members move the network to Mexico City: the same slot now shows as the evening before there.
    await decideAgreement(world, founder, 'time_zone', 'America/Mexico_City');
    expect((await networkAgreements(world.deps.db, world.deps.registry)).timeZone).toBe('America/Mexico_City');
    const moved = await (await founder.get(`/rotas/${rotaId}`)).text();
    expect(moved).toMatch(/9:30\s*PM\s*–\s*11:30\s*PM/);

    // A proposal naming no real zone is refused beside the field.
    const bad = await founder.post('/decisions', {
      title: 'Somewhere else',
      process: 'consent',
      closes_in: '24',
      agreement: 'time_zone',
      agreement_value: 'Nowhere/Atall',
    });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('Please give a time zone as a region and city');
  });
});
