// What a request costs before the page's own work: one statement finds who is signed in, their unread count and the
// network's version together; the agreements are read again only when a decision (in this process or another, as
// the CLI's) has changed them, and then the very next page shows the change.
import { sql, type KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, passHours, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { openDatabase, type Db } from '../../src/db/connect.ts';
import { runJobs } from '../../src/jobs.ts';

const files = worldForFile();
let statements = 0;
const counting: KyselyPlugin = {
  transformQuery: (args) => {
    statements++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};
/** The statements one request ran, with the text of its page. */
async function cost(client: Client, path: string) {
  statements = 0;
  const res = await client.get(path);
  const html = await res.text();
  return { statements, status: res.status, html };
}

let other: Db;
beforeAll(async () => {
  files.world.deps.db = files.world.deps.db.withPlugin(counting);
  // Another process on the same database: the CLI, or a second server.
  other = await openDatabase({ databaseUrl: files.world.url! });
});
afterAll(() => other?.destroy());

describe(`what a request costs before its page (${engine})`, () => {
  it('a signed-in page: one statement for the session, the unread count and the agreements together', async () => {
    const member = await buildMember(files.world);
    await cost(member, '/no-such-page');
    const signedIn = await cost(member, '/no-such-page');
    expect(signedIn.status).toBe(404);
    expect(signedIn.html).toContain('Eastside Mutual Aid');
    expect(signedIn.html).toContain('href="/notifications"');
    expect(signedIn.statements).toBe(1);
    const anonymous = await cost(new Client(files.world), '/no-such-page');
    expect(anonymous.statements).toBe(1);
    expect(anonymous.html).toContain('Eastside Mutual Aid');
  });

  it('reads the agreements again as soon as a decision changed them, in this process or another', async () => {
    const { world, founder } = files;
    const propose = async (name: string) => {
      const res = await founder.post('/decisions', {
        title: `Call us ${name}`,
        process: 'consent',
        closes_in: '24',
        agreement: 'network_name',
        agreement_value: name,
      });
      expect(res.status).toBe(303);
      passHours(world, 25);
    };
    await propose('Riverside Mutual Aid');
    await runJobs(world.deps); // in this process
    const here = await cost(founder, '/no-such-page');
    expect(here.html).toContain('Riverside Mutual Aid');
    expect(here.statements).toBeGreaterThan(1);
    expect((await cost(founder, '/no-such-page')).statements).toBe(1);

    await propose('Old Town Mutual Aid');
    await runJobs({ ...world.deps, db: other }); // another process closes it
    const there = await cost(founder, '/no-such-page');
    expect(there.html).toContain('Old Town Mutual Aid');
    expect(there.html).not.toContain('Riverside Mutual Aid');
    expect((await cost(founder, '/no-such-page')).statements).toBe(1);
  });

  it('keeps the unread count true on every page', async () => {
    const { founder } = files;
    const before = await cost(founder, '/no-such-page');
    const count = (html: string) =>
      Number(html.match(/href="\/notifications"[^>]*>[^<]*<span class="badge"[^>]*>[^0-9]*(\d+)/)?.[1] ?? 0);
    // Whatever writes it (here another connection), the next page counts it.
    await sql`insert into notifications (member_id, kind) select id, 'member_removed' from members
      where display_name = 'Ada'`.execute(other);
    const after = await cost(founder, '/no-such-page');
    expect(count(after.html)).toBeGreaterThan(count(before.html));
    expect(after.statements).toBe(1);
  });
});
