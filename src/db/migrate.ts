// Forward-only migrations, applied in order at start, each in its own transaction.
import { sql, type Kysely } from 'kysely';
import type { Database } from './types.ts';
import type { Db } from './connect.ts';
import { maintenanceTransaction } from './limits.ts';
import * as core from './migrations/001_core.ts';
import * as decisions from './migrations/002_decisions.ts';
import * as fund from './migrations/003_fund.ts';
import * as circles from './migrations/004_circles.ts';
import * as care from './migrations/005_care.ts';
import * as rolesRotas from './migrations/006_roles_rotas.ts';
import * as dispatch from './migrations/007_dispatch.ts';
import * as oneClock from './migrations/008_one_clock.ts';
import * as memberLimits from './migrations/009_member_limits.ts';
import * as oneAtATime from './migrations/010_one_at_a_time.ts';
import * as reversalSecond from './migrations/011_reversal_second.ts';
import * as invites from './migrations/012_invites.ts';
import * as emailConfirmations from './migrations/013_email_confirmations.ts';
import * as checkinBatches from './migrations/014_checkin_batches.ts';
import * as notificationSubjects from './migrations/015_notification_subjects.ts';
import * as networkState from './migrations/016_network_state.ts';
import * as waysBack from './migrations/017_ways_back.ts';
import * as proposalTalk from './migrations/018_proposal_talk.ts';
import * as seenOn from './migrations/019_seen_on.ts';
import * as leaving from './migrations/020_leaving.ts';
import * as slips from './migrations/021_slips.ts';
import * as rootCauses from './migrations/022_root_causes.ts';
import * as library from './migrations/023_library.ts';
import * as listening from './migrations/024_listening.ts';
import * as events from './migrations/025_events.ts';
import * as things from './migrations/026_things.ts';
import * as photosPlaces from './migrations/027_photos_places.ts';
import * as timeBank from './migrations/028_time_bank.ts';
import * as buying from './migrations/029_buying.ts';
import * as orderFund from './migrations/030_order_fund.ts';
import * as passerby from './migrations/031_passerby_reports.ts';
import * as thingPickup from './migrations/032_thing_pickup.ts';
import * as calls from './migrations/033_calls.ts';
import * as translations from './migrations/034_translations.ts';
import * as texts from './migrations/035_texts.ts';
import * as actingFor from './migrations/036_acting_for.ts';
import * as federation from './migrations/037_federation.ts';
import * as movingIn from './migrations/038_moving_in.ts';
import * as apiTokens from './migrations/039_api_tokens.ts';
import * as webhooks from './migrations/040_webhooks.ts';
import * as directory from './migrations/041_directory.ts';
import * as partnerTerms from './migrations/042_partner_terms.ts';

const migrations: { name: string; up: string }[] = [
  core,
  decisions,
  fund,
  circles,
  care,
  rolesRotas,
  dispatch,
  oneClock,
  memberLimits,
  oneAtATime,
  reversalSecond,
  invites,
  emailConfirmations,
  checkinBatches,
  notificationSubjects,
  networkState,
  waysBack,
  proposalTalk,
  seenOn,
  leaving,
  slips,
  rootCauses,
  library,
  listening,
  events,
  things,
  photosPlaces,
  timeBank,
  buying,
  orderFund,
  passerby,
  thingPickup,
  calls,
  translations,
  texts,
  actingFor,
  federation,
  movingIn,
  apiTokens,
  webhooks,
  directory,
  partnerTerms,
];

/** Every migration this code knows, in the order they apply. */
export const migrationNames: readonly string[] = migrations.map((m) => m.name);

/** The migrations already applied to this database (none on an empty one). */
export async function appliedMigrations(db: Kysely<Database>): Promise<string[]> {
  await sql`create table if not exists schema_migrations (
    name text primary key, applied_at timestamptz not null default now())`.execute(db);
  return (await db.selectFrom('schema_migrations').select('name').execute()).map((r) => r.name);
}

/** Applies the migrations not yet applied, in order; `upTo` stops after the named one (a restore loads old data there). */
export async function migrate(db: Db, opts: { upTo?: string } = {}): Promise<string[]> {
  const done = new Set(await appliedMigrations(db));
  const applied: string[] = [];
  for (const m of migrations) {
    if (m.name === opts.upTo && done.has(m.name)) break;
    if (done.has(m.name)) continue;
    await maintenanceTransaction(db, async (tx) => {
      await sql.raw(m.up).execute(tx);
      await tx.insertInto('schema_migrations').values({ name: m.name }).execute();
    });
    applied.push(m.name);
    if (m.name === opts.upTo) break;
  }
  return applied;
}
