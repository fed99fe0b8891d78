// The directory of networks (issue 22): anyone finds mutual aid networks on a map drawn by the server and in a list —
// Mutual Aid Hub's public listings to start with, and this network once its members decide to be listed; the only
// contact published is a form on this server, and what visitors write through it is sealed, limited and forgotten.
import { describe, expect, it } from 'vitest';
import { Client, buildMember, decideAgreement, passHours, worldForFile } from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();

const marksIn = (html: string) => (html.match(/<g><title>/g) ?? []).length;

describe(`the directory of networks (${engine})`, () => {
  it('shows anyone, without an account, the listed networks on a map drawn here and in a list', async () => {
    const visitor = new Client(files.world);
    const res = await visitor.get('/directory');
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('606 networks are on the map.'); // three listings' places were geocoded abroad: left off
    expect(html).toContain('609 networks.');
    expect(html).toMatch(/<svg class="map"[^>]*role="img"/);
    // Networks a few pixels apart are one mark with their count: a few hundred marks at most, a small page.
    expect(marksIn(html)).toBeGreaterThan(20);
    expect(marksIn(html)).toBeLessThan(400);
    expect(html.length).toBeLessThan(150_000);
    // No third party is asked for anything: the map is inline, and listings' own links are plain links.
    expect(html).not.toMatch(/<(img|script|iframe)[^>]+src="https?:/);
    expect(html).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain('Page 1 of 13');
  });

  it('finds networks by the words of their name or place, and draws only those', async () => {
    const visitor = new Client(files.world);
    const html = await (await visitor.get('/directory?q=oakland')).text();
    expect(html).toContain('East Bay DIsabled Folks COVID19 Support');
    expect(html).not.toContain('Framingham Coronavirus Community Outreach');
    const marks = marksIn(html);
    expect(marks).toBeGreaterThan(0);
    expect(marks).toBeLessThan(15);
    const both = await (await visitor.get('/directory?q=framingham+ma')).text();
    expect(both).toContain('Framingham Coronavirus Community Outreach');
    expect(both).toContain('One network.');
    const none = await (await visitor.get('/directory?q=zzzyyyxxx')).text();
    expect(none).toContain('No network matches.');
    expect(none).toContain('No network is on the map.');
  });

  it('answers odd searches plainly: a huge query, an unknown choice, a page past the end', async () => {
    const visitor = new Client(files.world);
    for (const path of [
      `/directory?q=${'a'.repeat(60_000)}`,
      '/directory?show=everything&page=-3',
      '/directory?page=99999',
      '/directory?q=%00%FF&page=abc',
      '/directory?show=listed&page=13',
    ]) {
      const res = await visitor.get(path);
      expect(res.status, path).toBe(200);
    }
    const last = await (await visitor.get('/directory?show=listed&page=99')).text();
    expect(last).toContain('Page 13 of 13');
  });

  it('speaks Spanish', async () => {
    const visitor = new Client(files.world);
    const html = await (await visitor.get('/directory', { cookie: '__Host-kropotkin-lang=es' })).text();
    expect(html).toContain('Directorio de redes');
    expect(html).toContain('606 redes están en el mapa.');
  });

  it('lists this network only once its members decide on a place, roughly placed, with a form as its contact', async () => {
    const { world, founder } = files;
    const visitor = new Client(world);
    expect((await visitor.get('/directory/profile.json')).status).toBe(404);
    expect((await visitor.get('/directory/contact')).status).toBe(404);
    expect(await (await founder.get('/directory')).text()).toContain('This network is not in the directory.');

    // A position that is not one is refused beside the field, with what was typed kept.
    const bad = await founder.post('/decisions', {
      title: 'Our place on the map',
      process: 'consent',
      closes_in: '24',
      agreement: 'directory_position',
      agreement_value: 'near the old mill',
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('Write a latitude and a longitude apart by a comma, such as 37.8, -122.3.');
    expect(badHtml).toContain('near the old mill');

    await decideAgreement(world, founder, 'directory_place', 'Eastside, Oakland');
    await decideAgreement(world, founder, 'directory_position', '37.80449, -122.27114');
    await decideAgreement(world, founder, 'directory_about', 'Groceries and rides, neighbour to neighbour.');

    const profile = await (await visitor.get('/directory/profile.json')).json();
    expect(profile).toMatchObject({
      linked_schemas: ['organizations_schema-v1.0.0'],
      name: 'Eastside Mutual Aid',
      locality: 'Eastside, Oakland',
      description: 'Groceries and rides, neighbour to neighbour.',
      geolocation: { lat: 37.8, lon: -122.3 },
      contact_details: { contact_form: `${world.deps.config.publicUrl}/directory/contact` },
    });
    // Nothing finer than a tenth of a degree, no email, no member.
    const text = JSON.stringify(profile);
    expect(text).not.toContain('37.804');
    expect(text).not.toContain('@');
    expect(text).not.toContain('Ada');

    const html = await (await visitor.get('/directory?show=partners')).text();
    expect(html).toContain('Eastside Mutual Aid');
    expect(html).toContain('One network.');
    expect(html).toContain('href="http://localhost:3000/directory/contact"');
    expect(html).toContain('One network, this one among them');
  });

  it('takes a visitor’s message through the form: sealed, for every member, and forgotten after 60 days', async () => {
    const { world } = files;
    const visitor = new Client(world);
    const empty = await visitor.post('/directory/contact', { body: '   ', reply: 'west@example.net' });
    expect(empty.status).toBe(422);
    const emptyHtml = await empty.text();
    expect(emptyHtml).toContain('Write a message.');
    expect(emptyHtml).toContain('west@example.net');
    const long = await visitor.post('/directory/contact', { body: 'x'.repeat(60_000) });
    expect(long.status).toBeLessThan(500);
    expect(long.status).toBeGreaterThanOrEqual(400);

    const sent = await visitor.post('/directory/contact', {
      body: 'Westside Mutual Aid here: shall we share rides?',
      reply: 'westside@example.net',
    });
    expect(sent.status).toBe(303);
    expect(await (await visitor.get(sent.headers.get('location')!)).text()).toContain('Sent.');
    const stored = await world.deps.db.selectFrom('directory_messages').selectAll().execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body_enc.toString('latin1')).not.toContain('shall we share');
    expect(stored[0]!.reply_enc!.toString('latin1')).not.toContain('westside');

    expect((await visitor.get('/directory/messages')).status).toBe(401);
    const bo = await buildMember(world, { name: 'Bo' });
    expect(await (await bo.get('/directory')).text()).toContain('One message from visitors');
    const page = await (await bo.get('/directory/messages')).text();
    expect(page).toContain('Westside Mutual Aid here: shall we share rides?');
    expect(page).toContain('How to answer: westside@example.net');

    passHours(world, 61 * 24);
    await runJobs(world.deps);
    expect(await world.deps.db.selectFrom('directory_messages').select('id').execute()).toHaveLength(0);
  });

  it('lets no one flood the members: 30 messages a day for the whole network, and the 31st keeps its words', async () => {
    const visitor = new Client(files.world);
    for (let i = 0; i < 30; i++)
      expect((await visitor.post('/directory/contact', { body: `Message ${i}` })).status).toBe(303);
    const refused = await visitor.post('/directory/contact', { body: 'One more, please read me' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('One more, please read me');
    passHours(files.world, 25);
    expect((await visitor.post('/directory/contact', { body: 'A day later' })).status).toBe(303);
  });
});
