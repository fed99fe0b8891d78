// Moving in (issue 22): a network's Google Form responses, exported from Sheets, are brought by a member, matched
// column by column and value by value, looked over in a dry run with every row's result, and imported — in one
// transaction — when the members' decision passes. Contacts are sealed and addresses become areas at once; the sheet
// is forgotten after. Nobody else sees a sheet; bad files and bad choices are said beside the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildMember, idFromRedirect, passHours, worldForFile, type Client, type TestWorld } from '../support/app.ts';
import { runJobs } from '../../src/jobs.ts';
import { engine } from '../support/db.ts';
import { sheetsExport } from '../support/sheets.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
});

function upload(who: Client, name: string, bytes: Uint8Array | string, type = 'text/csv') {
  const form = new FormData();
  form.set('sheet', new File([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], name, { type }));
  return who.request('/import', { method: 'POST', body: form });
}

/** What a page's select has chosen for a field. */
const selected = (html: string, name: string) =>
  new RegExp(`<select id="${name}" name="${name}"[^>]*>(?:(?!</select>).)*?<option value="([^"]*)" selected`, 's').exec(
    html,
  )?.[1];

/** The form's values as the page has them: every select's choice. */
function formOf(html: string, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of html.matchAll(/<select id="([^"]+)" name="([^"]+)"/g))
    if (m[2]!.startsWith(prefix)) out[m[2]!] = selected(html, m[2]!) ?? '';
  return out;
}

describe(`moving in from a spreadsheet (${engine})`, () => {
  let sheet: string;

  it('says beside the field why a file cannot be read, and keeps nothing', async () => {
    const none = await ada.request('/import', { method: 'POST', body: new FormData() });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Choose the file to read.');
    const binary = await upload(ada, 'photo.jpg', Uint8Array.from([0xff, 0xd8, 0, 0, 0, 1, 0, 0]), 'image/jpeg');
    expect(binary.status).toBe(422);
    expect(await binary.text()).toContain('This file cannot be read as a sheet.');
    const headerOnly = await upload(ada, 'empty.csv', 'Name,Email\n');
    expect(await headerOnly.text()).toContain('at least one row under it');
    const big = await upload(ada, 'big.csv', 'Name\n' + 'x'.repeat(5 * 1024 * 1024));
    expect(big.status).toBe(422);
    expect(await big.text()).toContain('larger than 5 MB');
    expect(await world.deps.db.selectFrom('imports').select('id').execute()).toEqual([]);
  });

  it('reads a Sheets export and suggests what each column and value means; only its maker sees it', async () => {
    const res = await upload(ada, 'Mutual aid requests (Responses) - Form Responses 1.csv', sheetsExport());
    expect(res.status).toBe(303);
    sheet = idFromRedirect(res);
    const html = await (await ada.get(`/import/${sheet}`)).text();
    expect(html).toContain('Read as UTF-8 ,: 7 rows.');
    expect(selected(html, 'col-0')).toBe('ignore'); // Timestamp
    expect(selected(html, 'col-1')).toBe('name');
    expect(selected(html, 'col-3')).toBe('email');
    expect(selected(html, 'col-4')).toBe('phone');
    expect(selected(html, 'col-5')).toBe('area');
    expect(selected(html, 'col-6')).toBe('category');
    // The values: a street address in Eastside becomes Eastside; a multi-select's items, kinds of help.
    expect(html).toContain('12 Elm St, Eastside');
    expect(selected(html, 'd-kind')).toBe('need');
    // Nobody else may open it, match it, see its dry run or ask the members about it.
    for (const path of [`/import/${sheet}`, `/import/${sheet}/dry-run`]) expect((await bo.get(path)).status).toBe(404);
    expect((await bo.post(`/import/${sheet}/propose`, { process: 'consent', closes_in: '72' })).status).toBe(404);
    // The sheet is sealed: neither an email nor an address is in the database as written.
    const row = await world.deps.db
      .selectFrom('imports')
      .select(['sheet_enc', 'file_name', 'row_count'])
      .where('id', '=', sheet)
      .executeTakeFirstOrThrow();
    expect(row.row_count).toBe(7);
    expect(row.sheet_enc!.toString('latin1')).not.toContain('ada.n@example.org');
    expect(row.sheet_enc!.toString('latin1')).not.toContain('Elm St');
  });

  it('refuses two columns for one email, and a value that is not the network’s, keeping every choice', async () => {
    const page = await (await ada.get(`/import/${sheet}`)).text();
    const columns = formOf(page, 'col-');
    const twice = await ada.post(`/import/${sheet}/columns`, { ...columns, 'col-2': 'email' });
    expect(twice.status).toBe(422);
    const html = await twice.text();
    expect(html).toContain('Only one column can hold this.');
    expect(selected(html, 'col-2')).toBe('email');
    const ok = await ada.post(`/import/${sheet}/columns`, columns);
    expect(ok.status).toBe(303);
    const values = formOf(await (await ada.get(`/import/${sheet}`)).text(), 'v-');
    const defaults = formOf(page, 'd-');
    const wrong = await ada.post(`/import/${sheet}/values`, { ...values, ...defaults, 'd-area': 'Atlantis' });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('Choose one of the network’s own.');
    // "Downtown" names no area here: the member sends its rows to Old Town.
    const downtown = Object.keys(values).find((k) => k.startsWith('v-area-') && !values[k]);
    expect(downtown).toBeDefined();
    const saved = await ada.post(`/import/${sheet}/values`, { ...values, ...defaults, [downtown!]: 'Old Town' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/import/${sheet}/dry-run`);
  });

  it('shows every row’s result in the dry run, with errors beside the row and likely duplicates', async () => {
    const html = await (await ada.get(`/import/${sheet}/dry-run`)).text();
    expect(html).toContain('New members: 4. Needs: 6. Offers: 1. Rows left out: 2.');
    expect(html).toContain('The email does not look right.');
    expect(html).toContain('No name.');
    expect(html).toContain('Likely the same person as row 2: one member.');
    expect(html).toContain('The same post again: posted once.');
    expect(html).not.toContain('Elm St');
    const problems = await (await ada.get(`/import/${sheet}/dry-run?only=problems`)).text();
    expect(problems).toContain('No name.');
    expect(problems).not.toContain('Dee Quinn'); // a row with nothing to look at
  });

  it('imports in one transaction once the members decide, sealing contacts; then forgets the sheet', async () => {
    const res = await ada.post(`/import/${sheet}/propose`, {
      why: 'Our sign-up form, so nobody has to sign up twice',
      process: 'consent',
      closes_in: '72',
    });
    expect(res.status).toBe(303);
    const proposal = idFromRedirect(res);
    expect(res.headers.get('location')).toBe(`/decisions/${proposal}`);
    const shown = await (await bo.get(`/decisions/${proposal}`)).text();
    expect(shown).toContain('new members 4, needs 6, offers 1; rows left out 2');
    // The mapping is fixed while the members decide.
    expect(
      (await ada.post(`/import/${sheet}/columns`, formOf(await (await ada.get(`/import/${sheet}`)).text(), 'col-')))
        .status,
    ).toBe(409);
    passHours(world, 73);
    await runJobs(world.deps);
    const done = await world.deps.db
      .selectFrom('imports')
      .selectAll()
      .where('id', '=', sheet)
      .executeTakeFirstOrThrow();
    expect(done.done_at).not.toBeNull();
    expect(done.sheet_enc).toBeNull();
    expect(done.mapping_enc).toBeNull();
    expect(done.outcome).toEqual({ members: 4, needs: 6, offers: 1, skipped: 2 });
    const people = await world.deps.db
      .selectFrom('members')
      .select(['id', 'display_name', 'language', 'email_enc'])
      .where('display_name', 'in', ['Ada Núñez', 'Bea Lopez', 'Carl Ortiz', 'Dee Quinn'])
      .orderBy('display_name')
      .execute();
    expect(people.map((p) => [p.display_name, p.language, !!p.email_enc])).toEqual([
      ['Ada Núñez', 'es', true],
      ['Bea Lopez', 'en', false],
      ['Carl Ortiz', 'en', true],
      ['Dee Quinn', 'en', true],
    ]);
    const posts = await world.deps.db
      .selectFrom('posts')
      .select(['kind', 'category', 'area', 'what', 'urgency'])
      .where(
        'member_id',
        'in',
        people.map((p) => p.id),
      )
      .orderBy('what')
      .orderBy('category')
      .execute();
    expect(posts).toHaveLength(7);
    expect(posts.every((p) => ['Eastside', 'Riverside', 'Old Town'].includes(p.area))).toBe(true);
    expect(posts.find((p) => p.kind === 'offer')).toMatchObject({ category: 'rides', area: 'Riverside' });
    // Bea has no email, only a phone: linked for texts, sealed.
    const contact = await world.deps.db
      .selectFrom('text_contacts')
      .innerJoin('members', 'members.id', 'text_contacts.member_id')
      .select(['number_enc', 'members.display_name'])
      .where('members.display_name', '=', 'Bea Lopez')
      .executeTakeFirstOrThrow();
    expect(contact.number_enc!.toString('latin1')).not.toContain('5550100');
    // Nothing anywhere holds the street address or an email as written.
    expect(JSON.stringify(posts)).not.toContain('Elm St');
    const told = await world.deps.db
      .selectFrom('notifications')
      .select('kind')
      .where('kind', '=', 'import_done')
      .execute();
    expect(told).toHaveLength(1);
    expect(await (await ada.get('/import')).text()).toContain('imported: 4 members, 6 needs, 1 offer');
  });

  it('finds everyone already here when the same sheet comes again, and has nothing to propose', async () => {
    const res = await upload(ada, 'again.csv', sheetsExport());
    const again = idFromRedirect(res);
    const html = await (await ada.get(`/import/${again}/dry-run`)).text();
    expect(html).toContain('Already a member here: Ada Núñez. Left out.');
    expect(html).toContain('Already a member here: Bea Lopez. Left out.');
    const propose = await ada.post(`/import/${again}/propose`, { process: 'consent', closes_in: '72' });
    expect(propose.status).toBe(422);
    expect(await propose.text()).toContain('No row would be imported');
    expect((await ada.post(`/import/${again}/forget`)).status).toBe(303);
    expect((await ada.get(`/import/${again}`)).status).toBe(404);
    expect(await world.deps.db.selectFrom('imports').select('id').where('id', '=', again).execute()).toEqual([]);
  });

  it('imports nothing at all when any part of it fails', async () => {
    const csv =
      'Name,Email,What I can offer,Neighbourhood,Kind of help\nZed,zed@example.org,A ladder,Eastside,Other\nYan,yan@example.org,Boxes,Eastside,Other\n';
    const res = await upload(ada, 'offers.csv', csv);
    const id = idFromRedirect(res);
    const page = await (await ada.get(`/import/${id}`)).text();
    expect((await ada.post(`/import/${id}/values`, { ...formOf(page, 'v-'), ...formOf(page, 'd-') })).status).toBe(303);
    const proposed = await ada.post(`/import/${id}/propose`, { process: 'consent', closes_in: '72' });
    expect(proposed.status, await proposed.clone().text()).toBe(303);
    // The second offer cannot be written (as if the disk filled up): the first must not stay either.
    await sql`create function refuse_boxes() returns trigger language plpgsql as $$
      begin if new.what = 'Boxes' then raise exception 'disk full'; end if; return new; end $$`.execute(world.deps.db);
    await sql`create trigger refuse_boxes before insert on posts for each row execute function refuse_boxes()`.execute(
      world.deps.db,
    );
    try {
      passHours(world, 73);
      await runJobs(world.deps);
    } finally {
      await sql`drop trigger refuse_boxes on posts`.execute(world.deps.db);
      await sql`drop function refuse_boxes()`.execute(world.deps.db);
    }
    const row = await world.deps.db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.outcome).toMatchObject({ failed: true });
    expect(row.sheet_enc).toBeNull();
    const zed = await world.deps.db.selectFrom('members').select('id').where('display_name', '=', 'Zed').execute();
    expect(zed).toEqual([]);
    expect(await (await ada.get('/import')).text()).toContain('could not be imported: nothing of it was');
  });
});
