// Root causes (issue 19): a member may say why a need arose, with one tap and never as a condition; only monthly
// totals are kept — counted in a batch an hour later, never with the need or its member — and How we share shows
// them month by month, no count under five. The members change the list by decision, naming causes in each language.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import {
  Client,
  type TestWorld,
  AREAS,
  buildMember,
  decideAgreement,
  passHours,
  worldForFile,
} from '../support/app.ts';
import { engine } from '../support/db.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let world: TestWorld;
let members: Client[];
beforeAll(async () => {
  world = files.world;
  members = [];
  for (let i = 0; i < 7; i++) members.push(await buildMember(world, { name: `Neighbour ${i}` }));
});

const need = (what: string, causes: string) => ({
  kind: 'need',
  what,
  category: 'food',
  area: AREAS[0]!,
  urgency: 'soon',
  causes,
});

describe(`root causes (${engine})`, () => {
  it('asks what is behind a need only on a new one, optionally, and refuses a cause not on the list with what was typed kept', async () => {
    const needForm = await (await members[0]!.get('/posts/new?kind=need')).text();
    expect(needForm).toContain('What is behind this need? (only if you want to say)');
    expect(needForm).toContain('name="causes" value="housing_costs"');
    expect(await (await members[0]!.get('/posts/new?kind=offer')).text()).not.toContain('name="causes"');
    const wrong = await members[0]!.post('/posts', need('Groceries for the week please', 'housing_costs\nnot_a_cause'));
    expect(wrong.status).toBe(422);
    const html = await wrong.text();
    expect(html).toContain('Please choose root causes from the list, or none.');
    expect(html).toContain('Groceries for the week please');
    // None is fine.
    expect((await members[0]!.post('/posts', need('A bag of rice and beans', ''))).status).toBe(303);
  });

  it('keeps only monthly totals, added an hour later, and shows none under five', async () => {
    for (const [i, m] of members.slice(0, 5).entries())
      expect((await m.post('/posts', need(`Help with food this week, ${i}`, 'housing_costs\nwages'))).status).toBe(303);
    expect((await members[5]!.post('/posts', need('Help with food after the layoff', 'debt'))).status).toBe(303);
    // Nothing is written with the need, nor at once.
    const columns = await sql<{ table_name: string; column_name: string }>`
      select table_name, column_name from information_schema.columns
      where table_schema = 'public' and column_name like '%cause%'`.execute(world.deps.db);
    // (A listening theme the members sorted names its root causes: a theme of anonymous answers, never a need.)
    expect(columns.rows.map((r) => `${r.table_name}.${r.column_name}`).sort()).toEqual([
      'cause_tallies.cause',
      'listening_themes.root_causes',
    ]);
    await runJobs(world.deps);
    expect(await world.deps.db.selectFrom('cause_tallies').selectAll().execute()).toHaveLength(0);
    passHours(world, 2);
    await runJobs(world.deps);
    const tallies = await world.deps.db
      .selectFrom('cause_tallies')
      .select(['cause', 'needs'])
      .orderBy('cause')
      .execute();
    expect(tallies).toEqual([
      { cause: 'debt', needs: 1 },
      { cause: 'housing_costs', needs: 5 },
      { cause: 'wages', needs: 5 },
    ]);
    const page = await (await members[6]!.get('/mutuality')).text();
    expect(page).toContain('Why needs arise');
    expect(page).toMatch(/Housing costs<\/th>(<td class="num">.*?<\/td>)*<td class="num">5<\/td>/);
    expect(page).not.toContain('>Debt</th>'); // one need: not shown
    // The printable summary and the CSV say the same.
    expect(await (await members[6]!.get('/mutuality/summary')).text()).toContain('Housing costs');
    const csv = await (await members[6]!.get('/mutuality.csv')).text();
    expect(csv).toMatch(/needs_cause_housing_costs,\d{4}-\d{2},5,/);
    expect(csv).not.toContain('needs_cause_debt');
  });

  it('takes the members’ own causes, named in each language, by decision', async () => {
    await decideAgreement(world, files.founder, 'root_causes', 'housing_costs\nRent hikes = es: Subidas del alquiler');
    const ines = await buildMember(world, { name: 'Inés', language: 'es' });
    const form = await (await ines.get('/posts/new?kind=need')).text();
    expect(form).toContain('name="causes" value="Rent hikes"');
    expect(form).toContain('Subidas del alquiler');
    expect(form).toContain('Costo de la vivienda');
    expect(form).not.toContain('value="wages"');
  });
});
