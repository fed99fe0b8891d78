// The domain contract (src/web/domain.ts): a domain the app has never seen plugs in with one line (the list it is
// added to) and everything it declares works — its page, its words in both languages, its scheduled job, its link in
// the navigation, its agreement (listed, changed by decision, in force on every page), its kind of notification, and
// what a proposal carrying its action does when it passes. And the scheduled jobs are isolated: one that fails is
// reported and stops no other.
import { Hono } from 'hono';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains } from '../../src/domains.ts';
import { buildRegistry, defineAction, type Domain, type NotificationKind } from '../../src/web/domain.ts';
import type { AppEnv, Network } from '../../src/web/context.ts';
import { defineAgreement, whole } from '../../src/web/agreement.ts';
import { defineMessages, type MessageKey } from '../../src/web/i18n/index.ts';
import { notify, plain } from '../../src/notifications/index.ts';
import { requireMember } from '../../src/web/edges.ts';
import { runJobs } from '../../src/jobs.ts';
import { openProposal } from '../../src/decisions/commands.ts';
import { standardRules } from '../../src/decisions/tally.ts';
import { buildMember, buildWorld, foundNetwork, passHours, type Client, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';

type Bell = { type: 'toy_bell'; times: number };

/** A toy domain, all in this file: what a new domain's folder would hold. */
function toyDomain(heard: string[], opts: { failing?: boolean } = {}): Domain {
  const routes = new Hono<AppEnv>();
  // A test cannot add to the MessageKey, NotificationKind and Network types as a domain's folder does (that would
  // change them for the whole project), so it names its own with a cast.
  const word = (key: string) => key as MessageKey;
  const rings = (c: { get: (k: 'network') => Network | null }) =>
    (c.get('network') as unknown as { toyRings?: number } | null)?.toyRings;
  routes.get('/toy', (c) =>
    c.text(`hello ${requireMember(c).displayName}: ${c.get('t')(word('toy.title'))}, ${rings(c)} rings`),
  );
  return {
    name: 'toy',
    messages: defineMessages(
      { 'toy.title': 'The bell', 'toy.rang': 'The bell rang', 'agreement.toy_rings': 'How often the bell rings' },
      { 'toy.title': 'La campana', 'toy.rang': 'Sonó la campana', 'agreement.toy_rings': 'Cuántas veces suena' },
    ),
    agreements: [
      defineAgreement({
        key: 'toy_rings',
        schema: whole(1, 12),
        start: 1,
        typed: 'number',
        network: (toyRings) => ({ toyRings }) as Partial<Network>,
      }),
    ],
    notifications: [plain('toy_rang' as NotificationKind, word('toy.rang'), () => '/toy')],
    routes: [routes],
    access: { 'GET /toy': { who: 'members' } },
    jobs: [
      {
        name: 'ring the toy bell',
        run: async () => {
          heard.push('job');
          if (opts.failing) throw new Error('the toy bell is cracked');
        },
      },
    ],
    nav: [{ href: '/toy', label: 'nav.board', place: 'more', order: 99 }],
    actions: [
      defineAction<Bell>({
        handles: 'toy_bell',
        payload: z.object({ type: z.literal('toy_bell'), times: z.number().int().min(1).max(12) }),
        apply: async (tx, closing, a) => {
          if (!closing.passed) return;
          heard.push(`rang ${a.times}`);
          const everyone = await tx.selectFrom('members').select('id').execute();
          await notify(
            tx,
            everyone.map((m) => ({ member_id: m.id, kind: 'toy_rang' as NotificationKind })),
          );
        },
        title: (_t, _lang, a) => `Ring the bell ${a.times} times`,
      }),
    ],
  };
}

describe(`the domain contract (${engine})`, () => {
  const heard: string[] = [];
  let world: TestWorld;
  let founder: Client;
  /** A consent proposal by the first member, carrying `action`. */
  const proposeToy = async (action: { type: string; [field: string]: unknown }) => {
    const founderId = (
      await world.deps.db.selectFrom('members').select('id').orderBy('joined_at').executeTakeFirstOrThrow()
    ).id;
    return openProposal(
      world.deps.db,
      founderId,
      {
        title: 'typed title',
        body: '',
        process: 'consent',
        options: [],
        rules: standardRules('consent'),
        anonymous: false,
        closesInHours: 24,
        action,
        kind: 'general',
      },
      world.now.value,
    );
  };
  beforeAll(async () => {
    world = await buildWorld({ domains: [...domains, toyDomain(heard)] }); // the one line a new domain takes
    founder = await foundNetwork(world);
  });
  afterAll(() => world.close());

  it('serves its page in the member’s language, and links to it from every page', async () => {
    const res = await founder.get('/toy');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^hello .*: The bell, 1 rings$/);
    expect(await (await founder.get('/board')).text()).toContain('href="/toy"');
    const spanish = await buildMember(world, { name: 'Rosa', language: 'es' });
    expect(await (await spanish.get('/toy')).text()).toMatch(/: La campana, 1 rings$/);
  });

  it('lists its agreement, which changes only by decision and is then in force on every page', async () => {
    const listed = await (await founder.get('/agreements')).text();
    expect(listed).toContain('How often the bell rings');
    const other = await buildMember(world);
    const bad = await founder.post('/decisions', {
      title: 'Ring more',
      process: 'consent',
      closes_in: '24',
      agreement: 'toy_rings',
      agreement_value: '40',
    });
    expect(bad.status).toBe(422); // outside what the agreement may hold
    const res = await founder.post('/decisions', {
      title: 'Ring more',
      process: 'consent',
      closes_in: '24',
      agreement: 'toy_rings',
      agreement_value: '5',
    });
    expect(res.status).toBe(303);
    passHours(world, 25);
    await runJobs(world.deps);
    expect(await (await other.get('/toy')).text()).toMatch(/5 rings$/);
  });

  it('runs its job with the others', async () => {
    await runJobs(world.deps);
    expect(heard).toContain('job');
    expect(world.deps.jobs.get('ring the toy bell')?.lastSuccess).toEqual(world.now.value);
  });

  it('applies its action when a proposal carrying it passes, and titles the proposal', async () => {
    const other = await buildMember(world);
    const id = await proposeToy({ type: 'toy_bell', times: 3 });
    expect(await (await other.get(`/decisions/${id}`)).text()).toContain('Ring the bell 3 times');
    passHours(world, 25);
    await runJobs(world.deps);
    expect(heard).toContain('rang 3');
    expect(await (await other.get('/notifications')).text()).toContain('The bell rang');
    const closed = await world.deps.db
      .selectFrom('proposals')
      .select(['status', 'outcome'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'closed', outcome: 'passed' });
  });

  it('stops, and reports, the close of a proposal whose action does not fit its payload, acting on nothing', async () => {
    const rang = heard.length;
    const id = await proposeToy({ type: 'toy_bell', times: 'all night' });
    passHours(world, 25);
    await expect(runJobs(world.deps)).rejects.toThrow(/close due proposals/);
    expect(world.logs.some((l) => l.includes('does not fit') && l.includes('toy_bell'))).toBe(true);
    expect(heard.slice(rang)).not.toContain('rang all night');
    const still = await world.deps.db
      .selectFrom('proposals')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('open');
    // The members can still see it and what it says; nothing else stopped.
    expect(world.deps.jobs.get('ring the toy bell')?.lastSuccess).toEqual(world.now.value);
  });

  it('refuses two domains that claim the same name, word or agreement', () => {
    expect(() => buildRegistry([...domains, toyDomain([]), toyDomain([])])).toThrow(
      /Two domains declare the domain "toy"/,
    );
    const twin = { name: 'twin', messages: toyDomain([]).messages };
    expect(() => buildRegistry([...domains, toyDomain([]), twin])).toThrow(/the message "toy.title"/);
    const clash = { name: 'clash', agreements: toyDomain([]).agreements };
    expect(() => buildRegistry([...domains, toyDomain([]), clash])).toThrow(/the agreement "toy_rings"/);
    // Every route says who may reach it, and no entry names a route the domain does not serve.
    const silent = { ...toyDomain([]), access: {} };
    expect(() => buildRegistry([...domains, silent])).toThrow(/serves GET \/toy without saying who may reach it/);
    const stray = {
      ...toyDomain([]),
      access: { 'GET /toy': { who: 'members' }, 'POST /toy': { who: 'owner' } },
    } as Domain;
    expect(() => buildRegistry([...domains, stray])).toThrow(/says who may reach POST \/toy, which it does not serve/);
  });
});

describe(`scheduled jobs on their own (${engine})`, () => {
  const heard: string[] = [];
  let world: TestWorld;
  beforeAll(async () => {
    world = await buildWorld({ domains: [toyDomain(heard, { failing: true }), ...domains] });
    await foundNetwork(world);
  });
  afterAll(() => world.close());

  it('runs every other job when one fails, logs it, and says so on /health after three failures in a row', async () => {
    for (let i = 0; i < 3; i++) {
      if (i) passHours(world, 0.02);
      await expect(runJobs(world.deps)).rejects.toThrow(/ring the toy bell/);
    }
    // The failing job comes first; every job after it still ran, each time.
    for (const job of world.deps.registry.jobs.filter((j) => j.name !== 'ring the toy bell')) {
      expect(world.deps.jobs.get(job.name)?.lastSuccess, job.name).toEqual(world.now.value);
    }
    expect(world.logs.filter((l) => l.includes('"ring the toy bell" failed'))).toHaveLength(3);
    const health = await world.app.request('/health');
    expect(health.status).toBe(503);
    const body = (await health.json()) as {
      status: string;
      jobs: { name: string; failuresInARow: number; lastFailure?: unknown }[];
    };
    expect(body.status).toBe('failing');
    const toy = body.jobs.find((j) => j.name === 'ring the toy bell')!;
    expect(toy.failuresInARow).toBe(3);
    expect(JSON.stringify(body)).not.toContain('cracked'); // why stays in the log, not on a public page
  });
});
