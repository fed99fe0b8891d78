// The hourly digest: one mail per member per hour at most, listing what happened, with no private details in it.
// Members owns it (their address, their hour); the notifications service gives what to list and marks it mailed.
import type { Db } from '../db/connect.ts';
import { decrypt, type Keys } from '../security/crypto.ts';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { pickLanguage, translator, type Overlay } from '../web/i18n/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { markEmailed, notificationsOf, notificationText } from '../notifications/index.ts';
import type { Registry } from '../web/domain.ts';
import { EMAIL_PURPOSE, noteDigestSent } from './commands.ts';

export async function sendDigests(
  db: Db,
  registry: Registry,
  keys: Keys,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
  /** The network's time zone: read once, and only when some mail is due. */
  zone: () => Promise<string>,
): Promise<number> {
  let sent = 0;
  let known: string | undefined;
  const decisionKinds = registry.notificationKinds.filter((k) => k.aboutDecisions).map((k): string => k.kind);
  let approved: Overlay | undefined;
  for (const member of await dueDigests(db, now, decisionKinds)) {
    // The members' approved words, as their pages show them (read once, when some mail is due).
    approved ??= await registry.approvedWords(db);
    const t = translator(pickLanguage(member.language), registry.catalogs, approved);
    // Decisions go by email only if the member wants them to (in the app they are always listed).
    const items = (await notificationsOf(db, registry, member.id, 50)).filter(
      (n) => !n.read && (member.email_decisions || !decisionKinds.includes(n.kind)),
    );
    const at = { lang: pickLanguage(member.language), zone: (known ??= await zone()) };
    const lines = items.map((n) => `- ${notificationText(t, registry, n, at)}`);
    try {
      await mailer.send({
        to: decrypt(keys, EMAIL_PURPOSE, member.email_enc!),
        subject: t('mail.digestSubject', { count: items.length }),
        text: `${t('mail.digestIntro')}\n\n${lines.join('\n')}\n\n${t('mail.digestLink')} ${publicUrl}/notifications\n`,
      });
    } catch {
      continue; // Try again next round; the notifications stay unmailed and in the list.
    }
    await db.transaction().execute(async (tx) => {
      await markEmailed(
        tx,
        items.map((n) => n.id),
        now,
      );
      await noteDigestSent(tx, member.id, now);
    });
    sent++;
  }
  return sent;
}

/** Members with email, unmailed notifications, and no digest in the last hour. `decisionKinds`: the kinds mailed only
 * to members who asked for decisions by email. */
async function dueDigests(db: Kysely<Database>, now: Date, decisionKinds: string[]) {
  const hourAgo = new Date(now.getTime() - 3_600_000);
  return db
    .selectFrom('members')
    .select(['members.id', 'members.email_enc', 'members.language', 'members.email_decisions'])
    .where('members.removed_at', 'is', null)
    .where('members.on_break_since', 'is', null)
    .where('members.email_enc', 'is not', null)
    .where((eb) => eb.or([eb('members.last_digest_at', 'is', null), eb('members.last_digest_at', '<=', hourAgo)]))
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('notifications')
          .select(sql`1`.as('one'))
          .whereRef('notifications.member_id', '=', 'members.id')
          .where('notifications.emailed_at', 'is', null)
          .where('notifications.read_at', 'is', null)
          .where((eb) =>
            eb.or([
              eb('members.email_decisions', '=', true),
              ...(decisionKinds.length ? [eb('notifications.kind', 'not in', decisionKinds)] : [eb.lit(true)]),
            ]),
          ),
      ),
    )
    .limit(500)
    .execute();
}
