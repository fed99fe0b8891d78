// Members: joining (founding, invites), signing in (links, passkeys), sessions, settings and email. See web/domain.ts.
import { sendDigests } from './digest.ts';
import { membersWaiting } from './waiting.ts';
import type { Domain, Told } from '../web/domain.ts';
import { access } from './access.ts';
import { memberAgreements } from './agreements.ts';
import { messages } from './messages.ts';
import { memberRoutes } from './routes.ts';
import { homeRoutes } from './home.tsx';
import { loadSession } from './middleware.ts';
export { wantedLanguage } from './middleware.ts';
import { clearSpentCredentials } from './sessions.ts';
import { clearEmailConfirmations } from './email.ts';
import { clearOldSignInCodes } from './ways-back.ts';
import { oneLine, plain } from '../notifications/index.ts';
import { forgetActing } from './acting.ts';
import { actingRoutes } from './acting-routes.tsx';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { zoneOf } from '../web/zone.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    invite_to_second: true;
    code_to_second: true;
    slip_to_second: true;
    code_made_for_you: true;
    acted_for: true;
  }
}

export const members: Domain = {
  name: 'members',
  access,
  waitsForYou: membersWaiting,
  messages,
  agreements: memberAgreements,
  tables: [
    'members',
    'sessions',
    'passkeys',
    'sign_in_tokens',
    'auth_challenges',
    'invites',
    'removed_marks',
    'email_confirmations',
    'recovery_codes',
    'sign_in_codes',
    'member_slips',
    'acting_records',
  ],
  middleware: [loadSession()],
  notifications: [
    plain('invite_to_second', 'notification.inviteToSecond', () => '/invites'),
    plain('code_to_second', 'notification.codeToSecond', () => '/members'),
    plain('slip_to_second', 'notification.slipToSecond', () => '/members#slips'),
    plain('code_made_for_you', 'notification.codeMadeForYou', () => '/settings#ways-back'),
    {
      kind: 'acted_for',
      about: {
        tables: ['acting_records'],
        load: async (db: Kysely<Database>, ids: string[]) =>
          new Map(
            (
              await db
                .selectFrom('acting_records as a')
                .innerJoin('members as by', 'by.id', 'a.acting_by')
                .select(['a.id', 'by.display_name as name'])
                .where('a.id', 'in', ids)
                .execute()
            ).map((r) => [r.id, r.name]),
          ),
      },
      text: (t, _at, n: Told<string>) => t('notification.actedFor', { name: oneLine(n.about ?? t('match.someone')) }),
      link: () => '/settings#ways-back',
    },
  ],
  routes: [homeRoutes, memberRoutes, actingRoutes],
  jobs: [
    { name: 'clear spent sign-in credentials', run: (deps, now) => clearSpentCredentials(deps.db, now) },
    { name: 'clear email confirmations', run: (deps, now) => clearEmailConfirmations(deps.db, now) },
    { name: 'forget old sign-in codes', run: (deps, now) => clearOldSignInCodes(deps.db, now) },
    { name: 'forget acting for others', run: (deps, now) => forgetActing(deps.db, now) },
    {
      name: 'mail digests',
      last: true, // after every other job, so what they noticed this minute goes out with it
      run: (deps, now) =>
        sendDigests(deps.db, deps.registry, deps.keys, deps.mailer, deps.config.publicUrl, now, async () =>
          zoneOf(await deps.network()),
        ),
    },
  ],
  nav: [
    { href: '/me', label: 'nav.me', place: 'daily', order: 80 },
    { href: '/invites', label: 'nav.invite', place: 'more', order: 60 },
    { href: '/members', label: 'nav.members', place: 'more', order: 50 },
    { href: '/settings', label: 'nav.settings', place: 'more', order: 90 },
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { JOIN_MODES, type JoinMode } from './invites.ts';
export {
  createMember,
  EMAIL_PURPOSE,
  membersByEmail,
  noteDigestSent,
  removeMember,
  setBreak,
  type NewMember,
} from './commands.ts';
export { activeMember, activeMembers, breakSince, languageOf, reachableMemberIds } from './queries.ts';
export { email, signInCodeSchema } from './schema.ts';
export { bringSomeoneIn, slipHolder, slipWaits, type BroughtIn } from './slips.ts';
export { grouped, normaliseCode } from './ways-back.ts';
export { setSessionCookie } from './session-cookie.ts';
export { createSession } from './sessions.ts';
export { languageOptions } from './views.tsx';
