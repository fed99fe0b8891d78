// A member's email address, attached only when its owner opens the link mailed to it. Asking looks the same whatever
// the address is: free, already another member's, or a removed member's; what differs goes only to the mailbox. When an
// address replaces another, the old one is told, so a stolen session cannot quietly redirect future sign-in links.
import type { Db } from '../db/connect.ts';
import { decrypt, encrypt, lookupHash, normaliseEmail, type Keys } from '../security/crypto.ts';
import { hashToken, looksLikeToken, newToken } from '../security/tokens.ts';
import { errors } from '../web/errors.ts';
import { translator, pickLanguage } from '../web/i18n/index.ts';
import type { Deps } from '../web/context.ts';
import type { Registry } from '../web/domain.ts';
import { EMAIL_PURPOSE } from './commands.ts';

export const CONFIRM_HOURS = 24;
/** At most this many addresses a member asks to confirm in a day: the form must not be a way to mail anyone, often. */
export const CONFIRMS_PER_DAY = 3;

type Member = { id: string; language: string };
/** `mayMail` holds the mail to one address within the server's limit (the same per-address limit as sign-in links). */
type Ctx = {
  db: Db;
  catalogs: Registry['catalogs'];
  keys: Keys;
  mailer: Deps['mailer'];
  publicUrl: string;
  networkName: string;
  mayMail?: (address: string) => boolean;
};

/** Mails the address a link that attaches it to the member (or, if it cannot be, a note saying why); answers nothing. */
export async function askToConfirmEmail(ctx: Ctx, member: Member, email: string, now: Date): Promise<void> {
  const address = normaliseEmail(email);
  const hash = lookupHash(ctx.keys, EMAIL_PURPOSE, address);
  const t = translator(pickLanguage(member.language), ctx.catalogs);
  if (await ctx.db.selectFrom('removed_marks').select('mark').where('mark', '=', hash).executeTakeFirst()) return;
  const { n } = await ctx.db
    .selectFrom('email_confirmations')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('member_id', '=', member.id)
    .where('created_at', '>', new Date(now.getTime() - 86_400_000))
    .executeTakeFirstOrThrow();
  if (Number(n) >= CONFIRMS_PER_DAY || (ctx.mayMail && !ctx.mayMail(address))) return;
  const owner = await ctx.db.selectFrom('members').select('id').where('email_hash', '=', hash).executeTakeFirst();
  if (owner?.id === member.id) return;
  // Every ask is kept (and counts toward the day's asks); only an ask for a free address gets a link that works.
  const token = newToken();
  await ctx.db
    .insertInto('email_confirmations')
    .values({
      token_hash: hashToken(owner ? newToken() : token),
      member_id: member.id,
      email_enc: encrypt(ctx.keys, EMAIL_PURPOSE, address),
      email_hash: hash,
      created_at: now,
      expires_at: new Date(now.getTime() + CONFIRM_HOURS * 3_600_000),
    })
    .execute();
  if (owner) {
    // The address is another member's: only its owner learns that someone tried it.
    await ctx.mailer.send({
      to: address,
      subject: t('mail.emailTakenSubject'),
      text: `${t('mail.emailTakenBody', { network: ctx.networkName })}\n\n${ctx.publicUrl}/sign-in\n`,
    });
    return;
  }
  await ctx.mailer.send({
    to: address,
    subject: t('mail.confirmEmailSubject'),
    text: `${t('mail.confirmEmailBody', { network: ctx.networkName })}\n\n${ctx.publicUrl}/email/confirm?token=${token}\n\n${t('mail.signInIgnore')}\n`,
  });
}

/**
 * Attaches the address the link was mailed to. Whoever opens it has the mailbox, so they may be told plainly when it
 * cannot be attached. The old address, if any, is told of the change.
 */
export async function confirmEmail(ctx: Ctx, token: string, now: Date): Promise<void> {
  if (!looksLikeToken(token)) throw errors.gone('link_not_valid', 'error.linkNotValid');
  const told = await ctx.db
    .transaction()
    .execute(async (tx) => {
      const row = await tx
        .deleteFrom('email_confirmations')
        .where('token_hash', '=', hashToken(token))
        .where('expires_at', '>', now)
        .returning(['member_id', 'email_enc', 'email_hash'])
        .executeTakeFirst();
      if (!row) throw errors.gone('link_not_valid', 'error.linkNotValid');
      if (await tx.selectFrom('removed_marks').select('mark').where('mark', '=', row.email_hash).executeTakeFirst()) {
        throw errors.conflict('email_not_usable', 'error.emailNotUsable');
      }
      const member = await tx
        .selectFrom('members')
        .select(['email_enc', 'language', 'removed_at'])
        .where('id', '=', row.member_id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (member.removed_at) throw errors.gone('link_not_valid', 'error.linkNotValid');
      // Another member took the address meanwhile: the unique index says so (mapped to a clear answer by the caller).
      await tx
        .updateTable('members')
        .set({ email_enc: row.email_enc, email_hash: row.email_hash })
        .where('id', '=', row.member_id)
        .execute();
      await tx.deleteFrom('email_confirmations').where('member_id', '=', row.member_id).execute();
      return member.email_enc
        ? { old: decrypt(ctx.keys, EMAIL_PURPOSE, member.email_enc), language: member.language }
        : null;
    })
    .catch((e: unknown) => {
      if ((e as { code?: unknown })?.code === '23505') throw errors.conflict('email_in_use', 'error.emailInUse');
      throw e;
    });
  if (told) {
    const t = translator(pickLanguage(told.language), ctx.catalogs);
    await ctx.mailer.send({
      to: told.old,
      subject: t('mail.emailChangedSubject'),
      text: `${t('mail.emailChangedBody', { network: ctx.networkName })}\n\n${ctx.publicUrl}/settings\n`,
    });
  }
}

/** Links not opened in time go (the scheduled clean-up). */
export async function clearEmailConfirmations(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('email_confirmations').where('expires_at', '<=', now).execute();
}
