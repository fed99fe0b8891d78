// The library (issue 19): any member adds a reading — a link, a text, or both — in a language, a version of it in
// another, says something under it; bad input is told beside the field with everything kept; a link is never
// anything but http(s); the one who added it may take it down; the daily limit holds.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestWorld, buildMember, idFromRedirect, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ana: Client;
let ben: Client;
beforeAll(async () => {
  world = files.world;
  ana = await buildMember(world, { name: 'Ana' });
  ben = await buildMember(world, { name: 'Ben', language: 'es' });
});

describe(`the library (${engine})`, () => {
  let id: string;

  it('adds a reading, telling what is wrong beside the field and keeping what was typed', async () => {
    const empty = await ana.post('/library', { title: 'Rent', language: 'en', url: '', body: '' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Please give a link or a text.');
    for (const url of [
      'javascript:alert(1)',
      'ftp://x.example/a',
      'https://a b',
      `https://x.example/${'a'.repeat(2100)}`,
    ]) {
      const bad = await ana.post('/library', { title: 'Why rents rise', language: 'en', url, body: 'kept text' });
      expect(bad.status, url).toBe(422);
      const html = await bad.text();
      expect(html).toContain('Please give a link that starts with https://');
      expect(html).toContain('kept text');
    }
    const long = await ana.post('/library', { title: 'Long', language: 'en', body: 'x'.repeat(60_000) });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('Please keep the text under 20,000 characters.');
    const ok = await ana.post('/library', {
      title: 'Why rents rise',
      language: 'en',
      about: 'Notes from the teach-in',
      url: 'https://example.org/rents',
      body: 'Landlords, speculation, and what tenants did about it.',
    });
    expect(ok.status).toBe(303);
    id = idFromRedirect(ok);
    const page = await (await ben.get(`/library/${id}`)).text();
    expect(page).toContain('Why rents rise');
    expect(page).toContain('href="https://example.org/rents" rel="noopener noreferrer nofollow"');
    expect(await (await ben.get('/library')).text()).toContain('Why rents rise');
  });

  it('keeps versions in other languages side by side, and a discussion under each', async () => {
    const v = await ben.post('/library', {
      title: 'Por qué suben los alquileres',
      language: 'es',
      body: 'Caseros, especulación y lo que hicieron las inquilinas.',
      version_of: id,
    });
    expect(v.status).toBe(303);
    const es = idFromRedirect(v);
    expect(await (await ana.get(`/library/${id}`)).text()).toContain('Por qué suben los alquileres');
    expect(await (await ana.get(`/library/${es}`)).text()).toContain('Why rents rise');
    const empty = await ben.post(`/library/${id}/comments`, { comment: '   ' });
    expect(empty.status).toBe(422);
    expect((await ben.post(`/library/${id}/comments`, { comment: 'Leámoslo el jueves.' })).status).toBe(303);
    expect(await (await ana.get(`/library/${id}`)).text()).toContain('Leámoslo el jueves.');
    // Only the Spanish items in Spanish.
    const list = await (await ana.get('/library?language=es')).text();
    expect(list).toContain('Por qué suben los alquileres');
    expect(list).not.toContain('>Why rents rise<');
  });

  it('lets only the one who added it take it down', async () => {
    expect((await ben.post(`/library/${id}/take-down`)).status).toBe(403);
    expect((await ana.post(`/library/${id}/take-down`)).status).toBe(303);
    expect((await ana.get(`/library/${id}`)).status).toBe(404);
    expect(await (await ana.get('/library')).text()).not.toContain('>Why rents rise<');
  });

  it('holds a member to the daily limit, saying so with what was typed kept', async () => {
    const many = await buildMember(world, { name: 'Many' });
    let last: Response | undefined;
    for (let i = 0; i < 21; i++)
      last = await many.post('/library', { title: `Reading ${i}`, language: 'en', body: 'text' });
    expect(last!.status).toBe(429);
    expect(await last!.text()).toContain('Reading 20');
  });
});
