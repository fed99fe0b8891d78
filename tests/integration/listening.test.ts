// A listening cycle through the app (issue 19): proposed and decided; answered by members (once each), on paper and in
// conversations; answers moved in batches so who answered and what are never linkable (ADR 030: no member, time or
// order on an answer; a batch's answers and members share one transaction and nothing else); sorted into themes
// (suggested, renamed, merged, split, moved, in several); reported back (themes of three or more, quotes without
// names, counts, in Spanish too); a proposal from a theme; the next cycle asks whether it helped.
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
let founder: Client;
const members: Client[] = [];
let cycleId: string;

const RENT = [
  'The rent went up again and the landlord will not fix the heating.',
  'Our landlord raised the rent by a third, we may lose the flat.',
  'Rent is more than half of what I earn; the landlord ignores repairs.',
  'Eviction notice after the rent increase, landlord wants us out.',
];
const BUS = [
  'The bus to the clinic was cut, now it takes two hours.',
  'No bus on Sundays any more, I cannot get to work.',
  'The night bus stopped running, the walk home is not safe.',
];

const proposal = {
  title: 'What is hardest right now?',
  intro: 'We want to hear what you face this winter.',
  languages: 'en\nes',
  days: '14',
  q1: 'What is hardest for you right now?\nes: ¿Qué es lo más difícil para ti ahora?',
  q1_kind: 'long',
  q2: 'Do you rent your home?\nes: ¿Alquilas tu casa?',
  q2_kind: 'one',
  q2_options: 'Yes = es: Sí\nNo = es: No',
  q3: 'What happened with the rent?',
  q3_kind: 'short',
  q3_if: '2',
  q3_is: 'Yes',
  why: 'Before we plan the winter.',
  process: 'consent',
  closes_in: '24',
};

const rows = async (q: string) => (await sql.raw(q).execute(world.deps.db)).rows as Record<string, unknown>[];

beforeAll(async () => {
  world = files.world;
  founder = files.founder;
  for (let i = 0; i < 7; i++)
    members.push(await buildMember(world, { name: `Neighbour ${i}`, language: i % 2 ? 'es' : 'en' }));
});

describe(`a listening cycle (${engine})`, () => {
  it('is proposed as a decision, told beside the field when the questions are wrong, and opens when it passes', async () => {
    const bad = await founder.post('/listening/new', { ...proposal, q1: '', q2: '', q3: '', q2_options: 'Only' });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain('Please write at least one question.');
    expect(html).toContain('Only'); // what was typed stays
    const badCondition = await founder.post('/listening/new', { ...proposal, q3_is: 'Maybe' });
    expect(badCondition.status).toBe(422);
    expect(await badCondition.text()).toContain('Please write one of that question’s choices');
    const ok = await founder.post('/listening/new', proposal);
    expect(ok.status).toBe(303);
    const decision = await (await founder.get(ok.headers.get('location')!)).text();
    expect(decision).toContain('Listen: What is hardest right now?');
    expect(decision).toContain('the cycle opens at once for 14 days, with 3 questions');
    passHours(world, 25);
    await runJobs(world.deps);
    const cycle = await world.deps.db
      .selectFrom('listening_cycles')
      .select(['id', 'closes_at'])
      .executeTakeFirstOrThrow();
    cycleId = cycle.id;
    const list = await (await members[0]!.get('/listening')).text();
    expect(list).toContain('What is hardest right now?');
    const told = await (await members[1]!.get('/notifications')).text();
    expect(told).toContain('Las personas de la red decidieron escuchar');
    // A Spanish reader gets the questions in Spanish.
    expect(await (await members[1]!.get(`/listening/${cycleId}`)).text()).toContain(
      '¿Qué es lo más difícil para ti ahora?',
    );
  });

  it('takes each member’s answer once, and keeps no trace of who gave which', async () => {
    const empty = await members[0]!.post(`/listening/${cycleId}/answer`, {});
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Please answer at least one question.');
    for (let i = 0; i < 4; i++) {
      const text = RENT[i]!;
      const res = await members[i]!.post(`/listening/${cycleId}/answer`, { a1: text, a2: '0', a3: 'Up a third' });
      expect(res.status).toBe(303);
    }
    await runJobs(world.deps);
    // Four wait: not moved, and nothing on disk says who answered.
    expect(await rows(`select * from listening_answered`)).toEqual([]);
    expect((await rows(`select count(*)::int as n from listening_waiting`))[0]!.n).toBe(4);
    const waitingColumns = (
      await rows(`select column_name from information_schema.columns where table_name = 'listening_waiting' order by 1`)
    ).map((r) => r.column_name);
    expect(waitingColumns).toEqual(['answers', 'cycle_id', 'lang', 'source']);
    // The page knows (from memory) that they answered: a second answer is refused, with the text kept.
    const again = await members[0]!.post(`/listening/${cycleId}/answer`, { a1: 'Changed my mind' });
    expect(again.status).toBe(409);
    const againHtml = await again.text();
    expect(againHtml).toContain('You have answered already.');
    expect(againHtml).toContain('Changed my mind');
    expect(await (await members[0]!.get(`/listening/${cycleId}`)).text()).toContain('You have answered.');
    for (let i = 4; i < 7; i++) {
      const res = await members[i]!.post(`/listening/${cycleId}/answer`, { a1: BUS[i - 4]!, a2: '1', a3: 'ignored' });
      expect(res.status).toBe(303);
    }
    await runJobs(world.deps);
    // Answers move five of one language at a time: four in English wait, and three in Spanish. None moved yet.
    expect((await rows(`select count(*)::int as n from listening_answers`))[0]!.n).toBe(0);
    // Two more in English make the English batch.
    const late = await buildMember(world, { name: 'Late' });
    expect(
      (await founder.post(`/listening/${cycleId}/answer`, { a1: 'Heating broke and the landlord will not come.' }))
        .status,
    ).toBe(303);
    expect(
      (await late.post(`/listening/${cycleId}/answer`, { a1: 'The bus is always late since the route was cut.' }))
        .status,
    ).toBe(303);
    await runJobs(world.deps);
    const english = await rows(`select xmin::text as x, lang, source from listening_answers`);
    expect(english.length).toBe(6);
    expect(new Set(english.map((r) => r.lang))).toEqual(new Set(['en']));
    const answered = await rows(`select xmin::text as x, member_id from listening_answered`);
    expect(answered.length).toBe(6);
    // One transaction wrote the batch's answers, their open texts and their members, and nothing else.
    const xs = new Set([
      ...english.map((r) => r.x),
      ...answered.map((r) => r.x),
      ...(await rows(`select xmin::text as x from listening_texts`)).map((r) => r.x),
    ]);
    expect(xs.size).toBe(1);
    const [x] = [...xs];
    const elsewhere = await rows(
      `select 'members' as t from members where xmin::text = '${x}' union all select 'sessions' from sessions where xmin::text = '${x}' union all select 'notifications' from notifications where xmin::text = '${x}'`,
    );
    expect(elsewhere).toEqual([]);
    // No answer carries a member or a time.
    const columns = (
      await rows(
        `select table_name || '.' || column_name as c from information_schema.columns where table_name in ('listening_answers', 'listening_texts') order by 1`,
      )
    ).map((r) => r.c);
    expect(columns.filter((c) => /member|_at$|time|listener/.test(String(c)))).toEqual([]);
    // A question whose condition was not met is not kept ("ignored" was typed by those who do not rent).
    expect(await rows(`select body from listening_texts where body = 'ignored'`)).toEqual([]);
    // The Spanish ones still wait, and their members are nowhere on disk.
    const spanish = await Promise.all([1, 3, 5].map((i) => memberIdOf(world, `Neighbour ${i}`)));
    expect(answered.map((r) => r.member_id).filter((m) => spanish.includes(String(m)))).toEqual([]);
  });

  it('takes answers given on paper, marked so, and notes of conversations with a name only for the listener', async () => {
    const paper = await members[0]!.post(`/listening/${cycleId}/paper`, {
      lang: 'es',
      a1: 'El alquiler subió y el casero no arregla nada.',
      a2: '0',
    });
    expect(paper.status).toBe(303);
    const badLang = await members[0]!.post(`/listening/${cycleId}/paper`, { lang: 'xx', a1: 'Kept words' });
    expect(badLang.status).toBe(422);
    expect(await badLang.text()).toContain('Kept words');
    const future = await members[2]!.post(`/listening/${cycleId}/conversations`, {
      held_on: '2999-01-01',
      raised: 'Kept conversation',
      lang: 'en',
    });
    expect(future.status).toBe(422);
    expect(await future.text()).toContain('Kept conversation');
    const today = new Date(world.now.value).toISOString().slice(0, 10);
    const note = await members[2]!.post(`/listening/${cycleId}/conversations`, {
      held_on: today,
      raised: 'Her landlord doubled the rent and she is scared of eviction.',
      lang: 'en',
      tags: 'rent, eviction',
      follow_up: today,
      name: 'Marisol Canary',
    });
    expect(note.status).toBe(303);
    const mine = await (await members[2]!.get(`/listening/${cycleId}/conversations`)).text();
    expect(mine).toContain('Marisol Canary');
    expect(await (await members[3]!.get(`/listening/${cycleId}/conversations`)).text()).not.toContain('Marisol');
    const sealed = await rows(`select named_enc from listening_notes`);
    expect(Buffer.from(sealed[0]!.named_enc as Buffer).toString('latin1')).not.toContain('Marisol');
    await runJobs(world.deps);
    const told = await (await members[2]!.get('/notifications')).text();
    expect(told).toContain('A conversation you noted is due for a follow-up.');
    expect((await rows(`select source from listening_answers where source = 'paper'`)).length).toBe(1);
    // The listeners: who entered and who noted.
    const page = await (await founder.get(`/listening/${cycleId}`)).text();
    expect(page).toContain('Neighbour 0');
    expect(page).toContain('Neighbour 2');
  });

  it('is sorted into themes: suggested, then renamed, merged, split and moved by members; an answer in several', async () => {
    const sorter = members[2]!;
    expect((await sorter.post(`/listening/${cycleId}/suggest`)).status).toBe(303);
    let themes = await world.deps.db.selectFrom('listening_themes').select(['id', 'name']).execute();
    expect(themes.length).toBeGreaterThanOrEqual(2);
    const texts = await world.deps.db.selectFrom('listening_texts').select(['id', 'body']).execute();
    const rentText = texts.filter((t) => /landlord|rent/i.test(t.body) && !/bus/i.test(t.body));
    const busText = texts.filter((t) => /bus/i.test(t.body));
    // Members put the rent answers in one theme (a new one, made of them), and the bus ones in another.
    const split = await sorter.post(`/listening/${cycleId}/sort`, {
      act: 'split',
      name: 'Rent = es: Alquiler',
      text: rentText.map((t) => t.id).join('\n'),
    });
    expect(split.status).toBe(303);
    themes = await world.deps.db.selectFrom('listening_themes').select(['id', 'name']).execute();
    const rent = themes.find((t) => t.name === 'Rent = es: Alquiler')!;
    const busSplit = await sorter.post(`/listening/${cycleId}/sort`, {
      act: 'split',
      name: 'Buses',
      text: busText.map((t) => t.id).join('\n'),
    });
    expect(busSplit.status, (await busSplit.clone().text()).match(/error-summary.*?<\/ul>/s)?.[0]).toBe(303);
    const bus = await world.deps.db
      .selectFrom('listening_themes')
      .select(['id', 'name'])
      .where('name', '=', 'Buses')
      .executeTakeFirstOrThrow();
    // The night-bus answer is about safety too: in a second theme as well.
    const safety = await sorter.post(`/listening/${cycleId}/sort`, {
      act: 'split',
      name: 'Safety',
      from: bus.id,
      text: busText
        .filter((t) => /night/.test(t.body))
        .map((t) => t.id)
        .join('\n'),
    });
    expect(safety.status).toBe(303);
    const safe = await world.deps.db
      .selectFrom('listening_themes')
      .select('id')
      .where('name', '=', 'Safety')
      .executeTakeFirstOrThrow();
    const addBack = await sorter.post(`/listening/${cycleId}/sort`, {
      act: 'add',
      from: safe.id,
      to: bus.id,
      text: busText
        .filter((t) => /night/.test(t.body))
        .map((t) => t.id)
        .join('\n'),
    });
    expect(addBack.status).toBe(303);
    // Bad sorting: nothing ticked; a theme of another cycle or none.
    const none = await sorter.post(`/listening/${cycleId}/sort`, { act: 'move', to: bus.id });
    expect(none.status).toBe(422);
    expect(await none.text()).toContain('Please tick at least one answer.');
    // The suggested themes left are merged into ours, then suggesting again keeps what members did.
    const holding = await world.deps.db.selectFrom('listening_theme_texts').select(['theme_id', 'text_id']).execute();
    for (const t of await world.deps.db.selectFrom('listening_themes').select(['id', 'name']).execute()) {
      if ([rent.id, bus.id, safe.id].includes(t.id)) continue;
      const aboutBuses = holding.some((h) => h.theme_id === t.id && busText.some((b) => b.id === h.text_id));
      const into = aboutBuses ? bus.id : rent.id;
      expect((await sorter.post(`/listening/themes/${t.id}/merge`, { into })).status).toBe(303);
    }
    const renamed = await sorter.post(`/listening/themes/${rent.id}`, {
      name: 'Rent and landlords = es: Alquiler y caseros',
      causes: 'housing_costs',
    });
    expect(renamed.status).toBe(303);
    const badName = await sorter.post(`/listening/themes/${rent.id}`, { name: 'x'.repeat(60) });
    expect(badName.status).toBe(422);
    expect((await sorter.post(`/listening/${cycleId}/suggest`)).status).toBe(303);
    const after = await world.deps.db
      .selectFrom('listening_themes')
      .select(['id', 'name', 'root_causes'])
      .orderBy('name')
      .execute();
    expect(after.find((t) => t.id === rent.id)).toMatchObject({
      name: 'Rent and landlords = es: Alquiler y caseros',
      root_causes: ['housing_costs'],
    });
    const placed = await world.deps.db.selectFrom('listening_theme_texts').select(['theme_id', 'text_id']).execute();
    for (const t of busText) expect(placed.some((p) => p.theme_id === bus.id && p.text_id === t.id)).toBe(true);
    const night = busText.find((t) => /night/.test(t.body))!;
    expect(
      placed
        .filter((p) => p.text_id === night.id)
        .map((p) => p.theme_id)
        .sort(),
    ).toEqual([bus.id, safe.id].sort());
  });

  it('reports back: themes of three or more with quotes and no names, counts, in each language', async () => {
    const conclusions = await members[4]!.post(`/listening/${cycleId}/conclusions`, {
      conclusions_en: 'Rents are the heart of it; we should organise tenants.',
      conclusions_es: 'El alquiler es el centro; organicemos a inquilinas e inquilinos.',
    });
    expect(conclusions.status).toBe(303);
    const report = await (await members[0]!.get(`/listening/${cycleId}/report`)).text();
    expect(report).toContain('What we heard: What is hardest right now?');
    expect(report).toContain('Rent and landlords');
    expect(report).toContain('Buses');
    expect(report).not.toContain('<h3>Safety'); // one answer: not shown apart
    expect(report).toContain('Rents are the heart of it');
    expect(report).not.toContain('Marisol');
    expect(report).not.toContain('Neighbour');
    expect(report).toContain('Housing costs');
    expect(report).toMatch(/Do you rent your home\?/); // the choices, counted once five answered
    const es = await (await members[0]!.get(`/listening/${cycleId}/report?lang=es`)).text();
    expect(es).toContain('Lo que escuchamos');
    expect(es).toContain('Alquiler y caseros');
    expect(es).toContain('El alquiler es el centro');
    expect(es).toContain('¿Alquilas tu casa?');
  });

  it('acts: a proposal from a theme links back, and the next cycle starts from the last and asks if it helped', async () => {
    const rent = await world.deps.db
      .selectFrom('listening_themes')
      .select('id')
      .where('name', 'like', 'Rent and landlords%')
      .executeTakeFirstOrThrow();
    const form = await (await members[4]!.get(`/listening/themes/${rent.id}/propose`)).text();
    expect(form).toContain('we heard about Rent and landlords');
    const res = await members[4]!.post(`/listening/themes/${rent.id}/propose`, {
      title: 'Start a tenants’ union',
      why: 'Many of us face the same landlords.',
      process: 'consent',
      closes_in: '24',
    });
    expect(res.status).toBe(303);
    const proposalId = idFromRedirect(res);
    expect(await (await founder.get(`/listening/${cycleId}/report`)).text()).toContain(
      'Start a tenants’ union — being decided',
    );
    passHours(world, 25);
    await runJobs(world.deps);
    expect(await (await founder.get(`/listening/${cycleId}/report`)).text()).toContain(
      'Start a tenants’ union — decided',
    );
    // What was decided and done, as its opener wrote it, on the cycle's page.
    const said = await members[4]!.post(`/decisions/${proposalId}/statement`, {
      statement: 'We met on Thursday; twelve tenants joined.',
    });
    expect(said.status).toBe(303);
    const cyclePage = await (await founder.get(`/listening/${cycleId}`)).text();
    expect(cyclePage).toContain('Start a tenants’ union');
    expect(cyclePage).toContain('We met on Thursday; twelve tenants joined.');
    // Past the cycle's end: closed, the last waiting answers moved without their members.
    passHours(world, 24 * 14);
    await runJobs(world.deps);
    expect((await rows(`select count(*)::int as n from listening_waiting`))[0]!.n).toBe(0);
    const closedAnswer = await members[6]!.post(`/listening/${cycleId}/answer`, { a1: 'Too late' });
    expect(closedAnswer.status).toBe(409);
    const next = await (await founder.get(`/listening/new?after=${cycleId}`)).text();
    expect(next).toContain('Again: What is hardest right now?');
    expect(next).toContain('Did what we did help?');
    expect(next).toContain('es: La última vez te escuchamos y actuamos. ¿Sirvió lo que hicimos?');
    const proposed = await founder.post('/listening/new', {
      ...proposal,
      follows: cycleId,
      title: 'Again: what is hardest?',
      q1: 'Last time we heard you and acted on it. Did what we did help?\nes: ¿Sirvió?',
      q1_kind: 'one',
      q1_options: 'Yes\nNo',
    });
    expect(proposed.status).toBe(303);
    passHours(world, 25);
    await runJobs(world.deps);
    const second = await world.deps.db
      .selectFrom('listening_cycles')
      .select('id')
      .where('follows_id', '=', cycleId)
      .executeTakeFirstOrThrow();
    const page = await (await founder.get(`/listening/${second.id}`)).text();
    expect(page).toContain('Before this: “What is hardest right now?”');
    expect(page).toContain('Start a tenants’ union');
    const list = await (await founder.get('/listening')).text();
    expect(list).toContain('Again: what is hardest?');
    expect(list).toContain('Rent and landlords');
  });

  it('lets one member enter at most 200 answers from paper in a cycle', async () => {
    const proposed = await founder.post('/listening/new', { ...proposal, title: 'Paper flood' });
    expect(proposed.status).toBe(303);
    passHours(world, 25);
    await runJobs(world.deps);
    const c = await world.deps.db
      .selectFrom('listening_cycles')
      .select('id')
      .where('title', '=', 'Paper flood')
      .executeTakeFirstOrThrow();
    const id = await memberIdOf(world, 'Neighbour 6');
    await world.deps.db.insertInto('listening_entered').values({ cycle_id: c.id, member_id: id, n: 199 }).execute();
    expect((await members[6]!.post(`/listening/${c.id}/paper`, { lang: 'en', a1: 'one more' })).status).toBe(303);
    const refused = await members[6]!.post(`/listening/${c.id}/paper`, { lang: 'en', a1: 'and another' });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain('and another');
  });
});
