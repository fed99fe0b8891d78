// How a role decision reads: who would hold which role, for how long.
import type { Translate } from '../web/i18n/index.ts';
import { duration } from '../agreements/text.ts';
import type { FillRole } from './commands.ts';

export const fillRoleTitle = (t: Translate, lang: string, a: FillRole) =>
  t('proposal.fillRoleTitle', { name: a.member_name, role: t('role.treasurer'), days: duration(lang, 'day', a.days) });
