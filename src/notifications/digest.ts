// The hourly digest: one mail per member per hour at most, listing what happened, with no private details in it.
import type { Db } from '../db/connect.ts';
import { decrypt, type Keys } from '../security/crypto.ts';
import { EMAIL_PURPOSE } from '../members/index.ts';
import { pickLanguage, translator } from '../web/i18n/index.ts';
import type { Mailer } from '../mail/mailer.ts';
import { dueDigests, markDigestSent, notificationsOf } from './queries.ts';
import { notificationText } from './text.ts';
import type { Registry } from '../web/domain.ts';

export async function sendDigests(
  db: Db,
  registry: Registry,
  keys: Keys,
  mailer: Mailer,
  publicUrl: string,
  now: Date,
): Promise<number> {
  let sent = 0;
  const decisionKinds = registry.notificationKinds.filter((k) => k.aboutDecisions).map((k): string => k.kind);
  for (const member of await dueDigests(db, now, decisionKinds)) {
    const t = translator(pickLanguage(member.language), registry.catalogs);
    // Decisions go by email only if the member wants them to (in the app they are always listed).
    const items = (await notificationsOf(db, registry, member.id, 50)).filter(
      (n) => !n.read && (member.email_decisions || !decisionKinds.includes(n.kind)),
    );
    const lines = items.map((n) => `- ${notificationText(t, registry, n, pickLanguage(member.language))}`);
    try {
      await mailer.send({
        to: decrypt(keys, EMAIL_PURPOSE, member.email_enc!),
        subject: t('mail.digestSubject', { count: items.length }),
        text: `${t('mail.digestIntro')}\n\n${lines.join('\n')}\n\n${t('mail.digestLink')} ${publicUrl}/notifications\n`,
      });
    } catch {
      continue; // Try again next round; the notifications stay unmailed and in the list.
    }
    await markDigestSent(
      db,
      member.id,
      items.map((n) => n.id),
      now,
    );
    sent++;
  }
  return sent;
}
