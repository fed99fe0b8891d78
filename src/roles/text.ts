// How roles read: the treasurer's name in the member's language (other roles carry the network's own words), and what
// a role decision will do.
import type { MessageKey, Translate } from '../web/i18n/index.ts';
import { duration } from '../web/agreement.ts';
import type { DefineRole, FillRole } from './commands.ts';
import { DISPATCHER, TREASURER } from './queries.ts';

/** A role's name as a heading. */
/** The built-in roles' titles, in the member's language. */
const BUILT_IN_TITLES: Record<string, MessageKey> = {
  [TREASURER]: 'role.treasurerTitle',
  [DISPATCHER]: 'role.dispatcherTitle',
};

export const roleTitle = (t: Translate, r: { name: string; title: string }) => {
  const key = BUILT_IN_TITLES[r.name];
  return key ? t(key) : r.title;
};

/** What the software wrote for its own roles (migration 007), in every language while the members keep it. */
const BUILT_IN_DUTIES: Record<string, { as: string; key: MessageKey }> = {
  [DISPATCHER]: {
    as: 'In crisis mode: review the proposed pairs of needs and offers, adjust them, and send them.',
    key: 'role.dispatcherDuties',
  },
};

/** What a role does: the members' own words, or, for a built-in role they have not redescribed, the software's. */
export const roleDuties = (t: Translate, r: { name: string; duties: string }) => {
  const built = BUILT_IN_DUTIES[r.name];
  return built && r.duties.trim() === built.as ? t(built.key) : r.duties;
};

const roleWord = (t: Translate, a: FillRole) => (a.role === TREASURER ? t('role.treasurer') : (a.role_title ?? a.role));

export const fillRoleTitle = (t: Translate, lang: string, a: FillRole) =>
  t('proposal.fillRoleTitle', { name: a.member_name, role: roleWord(t, a), days: duration(lang, 'day', a.days) });

export const fillRoleText = (t: Translate, lang: string, a: FillRole) =>
  a.beyond_rotation ? `${fillRoleTitle(t, lang, a)} ${t('role.beyondRotationNote')}` : fillRoleTitle(t, lang, a);

export const defineRoleTitle = (t: Translate, a: DefineRole) => t('role.defineTitle', { title: a.title });

export function defineRoleText(t: Translate, lang: string, a: DefineRole): string {
  return t('role.defineText', {
    title: a.title,
    days: duration(lang, 'day', a.term_days),
    seats: a.seats,
    inRow: a.terms_in_row,
    how: t(a.volunteering ? 'role.byVolunteering' : 'role.byDecisionOnly'),
  });
}

/** A role name for the database from the title the members gave it: lower case letters, digits and underscores. */
export function roleName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_/, '')
    .replace(/_$/, '')
    .slice(0, 40);
  return /^[a-z][a-z0-9_]{1,39}$/.test(slug)
    ? slug
    : `role_${[...title].reduce((h, ch) => (h * 31 + ch.codePointAt(0)!) >>> 0, 7).toString(36)}`;
}
