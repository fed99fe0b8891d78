// The domain contract (src/web/domain.ts): a domain the app has never seen plugs in with one line (the list it is
// added to) and everything it declares works — its page, its scheduled job, its link in the navigation, and what a
// proposal carrying its action does when it passes. And the scheduled jobs are isolated: one that fails is reported
// and stops no other.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { domains } from '../../src/domains.ts';
import { buildRegistry, defineAction, type Domain } from '../../src/web/domain.ts';
import type { AppEnv } from '../../src/web/context.ts';
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
  routes.get('/toy', (c) => c.text(`hello ${requireMember(c).displayName}`));
  return {
    name: 'toy',
    routes: [routes],
    jobs: [
      {
        name: 'ring the toy bell',
        run: async () => {
          heard.push('job');
          if (opts.failing) throw new Error('the toy bell is cracked');
        },
      },
    ],
    nav: [{ href: '/toy', label: 'nav.board', place: 'bottom', order: 99 }],
    actions: [
      defineAction<Bell>({
        handles: 'toy_bell',
        apply: async (_tx, closing, a) => {
          if (closing.passed) heard.push(`rang ${a.times}`);
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
  beforeAll(async () => {
    world = await buildWorld({ domains: [...domains, toyDomain(heard)] }); // the one line a new domain takes
    founder = await foundNetwork(world);
  });
  afterAll(() => world.close());

  it('serves its page, and links to it from every page', async () => {
    const res = await founder.get('/toy');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^hello /);
    expect(await (await founder.get('/board')).text()).toContain('href="/toy"');
  });

  it('runs its job with the others', async () => {
    await runJobs(world.deps);
    expect(heard).toContain('job');
    expect(world.deps.jobs.get('ring the toy bell')?.lastSuccess).toEqual(world.now.value);
  });

  it('applies its action when a proposal carrying it passes, and titles the proposal', async () => {
    const other = await buildMember(world);
    const founderId = (
      await world.deps.db.selectFrom('members').select('id').orderBy('joined_at').executeTakeFirstOrThrow()
    ).id;
    const id = await openProposal(
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
        action: { type: 'toy_bell', times: 3 },
        kind: 'general',
      },
      world.now.value,
    );
    expect(await (await other.get(`/decisions/${id}`)).text()).toContain('Ring the bell 3 times');
    passHours(world, 25);
    await runJobs(world.deps);
    expect(heard).toContain('rang 3');
    const closed = await world.deps.db
      .selectFrom('proposals')
      .select(['status', 'outcome'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'closed', outcome: 'passed' });
  });

  it('refuses two domains that claim the same name', () => {
    expect(() => buildRegistry([...domains, toyDomain([]), toyDomain([])])).toThrow(
      /Two domains declare the domain "toy"/,
    );
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
