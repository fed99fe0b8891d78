// One clock: what the database writes by itself (defaults, triggers) carries the app's time, whatever the machine's
// calendar says, so logic that compares rows with the app's clock sees them where the app put them.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildMember,
  buildPost,
  buildWorld,
  Client,
  foundNetwork,
  idFromRedirect,
  type TestWorld,
} from '../support/app.ts';
import { engine } from '../support/db.ts';

let world: TestWorld;
let founder: Client;
beforeAll(async () => {
  world = await buildWorld({ now: new Date('2031-03-04T05:06:07Z') });
  founder = await foundNetwork(world);
});
afterAll(() => world?.close());

describe(`one clock for the app and the database (${engine})`, () => {
  it('stamps rows and trigger writes with the app’s time, and follows the clock as it moves', async () => {
    const asker = await buildMember(world, { name: 'Asha' });
    const need = await buildPost(asker, { what: 'Soup for two' });
    const row = await world.deps.db
      .selectFrom('posts')
      .select(['created_at', 'updated_at'])
      .where('id', '=', need)
      .executeTakeFirstOrThrow();
    expect(new Date(row.created_at).toISOString()).toBe('2031-03-04T05:06:07.000Z');
    world.now.value = new Date('2031-03-05T00:00:00Z');
    idFromRedirect(await founder.post(`/posts/${need}/respond`));
    const after = await world.deps.db
      .selectFrom('posts')
      .select(['updated_at'])
      .where('id', '=', need)
      .executeTakeFirstOrThrow();
    expect(new Date(after.updated_at).toISOString()).toBe('2031-03-05T00:00:00.000Z'); // written by the match trigger
    const match = await world.deps.db
      .selectFrom('matches')
      .select('created_at')
      .where('need_id', '=', need)
      .executeTakeFirstOrThrow();
    expect(new Date(match.created_at).toISOString()).toBe('2031-03-05T00:00:00.000Z');
  });

  it('has no column that takes the server’s own time by default', async () => {
    const r = await sql<{
      t: string;
      c: string;
      d: string;
    }>`select table_name as t, column_name as c, column_default as d
      from information_schema.columns where table_schema = current_schema() and column_default ilike '%now()%'
      and column_default not ilike '%app_now()%' and table_name <> 'schema_migrations'`.execute(world.deps.db);
    expect(r.rows).toEqual([]);
    const fns = await sql<{
      name: string;
    }>`select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = current_schema() and p.proname <> 'app_now' and p.prosrc ~* '(^|[^_])now\\(\\)'`.execute(
      world.deps.db,
    );
    expect(fns.rows).toEqual([]);
  });
});
