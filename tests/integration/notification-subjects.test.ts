// A notification names its subject with one generic reference (migration 015, issue 16): old rows keep what they were
// about, a subject deleted takes its notifications with it, a reminder goes once, and a notification whose subject is
// gone or malformed still shows, plainly.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPost,
  buildWorld,
  Client,
  foundNetwork,
  memberIdOf,
  type TestWorld,
} from '../support/app.ts';
import { engine, freshDatabase } from '../support/db.ts';
import { migrate } from '../../src/db/migrate.ts';
import { notify, notifySelected } from '../../src/notifications/index.ts';

describe(`notifications name one subject (${engine})`, () => {
  it('moves each old notification’s reference into its subject, and forgets it when the subject goes', async () => {
    const { db, close } = await freshDatabase(undefined, undefined, { upTo: '014_checkin_batches' });
    try {
      const member = async (name: string) =>
        (
          await sql<{
            id: string;
          }>`insert into members (display_name, language) values (${name}, 'en') returning id`.execute(db)
        ).rows[0]!.id;
      const asker = await member('Asha');
      const helper = await member('Hal');
      const need = (
        await sql<{ id: string }>`insert into posts (kind, member_id, what, category, area, urgency)
          values ('need', ${asker}, 'Soup for two', 'food', 'Eastside', 'soon') returning id`.execute(db)
      ).rows[0]!.id;
      const match = (
        await sql<{ id: string }>`insert into matches (need_id, helper_id, asker_id)
          values (${need}, ${helper}, ${asker}) returning id`.execute(db)
      ).rows[0]!.id;
      await sql`insert into notifications (member_id, kind, post_id, match_id) values
        (${asker}, 'claimed', ${need}, ${match})`.execute(db);
      await sql`insert into notifications (member_id, kind, post_id) values (${helper}, 'matching_need', ${need})`.execute(
        db,
      );
      await sql`insert into notifications (member_id, kind) values (${helper}, 'checkin')`.execute(db);

      await migrate(db);
      const rows = async () =>
        (
          await sql<{ kind: string; subject: string | null; once: boolean }>`
            select kind, subject, once from notifications order by kind`.execute(db)
        ).rows;
      expect(await rows()).toEqual([
        { kind: 'checkin', subject: null, once: false },
        { kind: 'claimed', subject: match, once: false }, // a claim names its match; the match names the need
        { kind: 'matching_need', subject: need, once: false },
      ]);

      await sql`delete from matches where id = ${match}`.execute(db);
      expect((await rows()).map((r) => r.kind)).toEqual(['checkin', 'matching_need']);
      await sql`delete from posts where id = ${need}`.execute(db);
      expect((await rows()).map((r) => r.kind)).toEqual(['checkin']);
    } finally {
      await close();
    }
  });

  describe('on a running network', () => {
    let world: TestWorld;
    let founder: Client;
    beforeAll(async () => {
      world = await buildWorld();
      founder = await foundNetwork(world);
    });
    afterAll(() => world?.close());

    it('tells a reminder once, and anything else as often as it happens', async () => {
      const id = await memberIdOf(world, 'Ada');
      const count = async (kind: string) =>
        (await world.deps.db.selectFrom('notifications').select('id').where('kind', '=', kind).execute()).length;
      const reminder = { member_id: id, kind: 'slot_open' as const, subject: '5a9c0f2e-0000-4000-8000-000000000001' };
      await notify(world.deps.db, [reminder], { once: true });
      await notify(world.deps.db, [reminder], { once: true });
      await notifySelected(world.deps.db, sql`select ${id}::uuid, 'slot_open', ${reminder.subject}`);
      expect(await count('slot_open')).toBe(1);
      await notify(world.deps.db, [{ member_id: id, kind: 'load_warning' }]);
      await notify(world.deps.db, [{ member_id: id, kind: 'load_warning' }]);
      expect(await count('load_warning')).toBe(2);
    });

    it('shows a notification whose subject is gone or malformed, plainly, and links somewhere that exists', async () => {
      const id = await memberIdOf(world, 'Ada');
      await notify(world.deps.db, [
        { member_id: id, kind: 'claimed', subject: '5a9c0f2e-0000-4000-8000-00000000dead' },
        { member_id: id, kind: 'proposal_closed', subject: 'not-a-uuid' },
        { member_id: id, kind: 'fund_paid', subject: null },
        { member_id: id, kind: 'role_ending', subject: 'no_such_role' },
      ]);
      const res = await founder.get('/notifications');
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).not.toContain('undefined');
      expect(html).toContain('href="/notifications"');
    });

    it('shows what each notification is about, from one query per kind of subject', async () => {
      const asker = await buildMember(world, { name: 'Asha' });
      const need = await buildPost(asker, { what: 'Soup for two' });
      expect((await founder.post(`/posts/${need}/respond`)).status).toBe(303);
      const html = await (await asker.get('/notifications')).text();
      const match = await world.deps.db
        .selectFrom('matches')
        .select('id')
        .where('need_id', '=', need)
        .executeTakeFirstOrThrow();
      expect(html).toContain(`href="/matches/${match.id}"`);
      expect(html).toContain('Soup for two');
    });
  });
});
