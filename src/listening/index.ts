// Listening cycles (issue 19, the mass line): members decide to listen — a question or a short survey, for a period,
// in their languages — answer it (or enter answers given on paper), hold one-to-one conversations and note what was
// raised, sort all they heard into themes (suggested on this machine, themes.ts), report back, and act: a proposal
// from a theme, and the next cycle asks whether it helped. Who answered and what are never linkable (answers.ts,
// ADR 030). See web/domain.ts.
import { defineAction, type Domain, type Told } from '../web/domain.ts';
import { oneLine } from '../notifications/index.ts';
import { dayIn } from '../web/zone.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { listeningRoutes } from './routes.ts';
import { moveAnswers } from './answers.ts';
import { forgetNames, openCycle, openCyclePayload, remindFollowUps, type OpenCycle } from './commands.ts';
import { languageNames } from '../web/i18n/index.ts';
import { own } from '../web/lookup.ts';

declare module '../web/domain.ts' {
  interface NotificationKinds {
    listening_opened: true;
    listening_follow_up: true;
  }
}

export const listening: Domain = {
  name: 'listening',
  access,
  messages,
  tables: [
    'listening_cycles',
    'listening_listeners',
    'listening_waiting',
    'listening_answers',
    'listening_answered',
    'listening_entered',
    'listening_notes',
    'listening_texts',
    'listening_themes',
    'listening_theme_texts',
    'listening_theme_proposals',
  ],
  routes: [listeningRoutes],
  nav: [{ href: '/listening', label: 'nav.listening', place: 'more', order: 44 }],
  jobs: [
    { name: 'move listening answers', run: (deps, now) => moveAnswers(deps.db, now, deps.log) },
    { name: 'forget names given in conversations', run: (deps, now) => forgetNames(deps.db, now) },
    {
      name: 'remind listeners to follow up',
      run: async (deps, now) => {
        const network = await deps.network();
        if (network) await remindFollowUps(deps.db, dayIn(network.timeZone, now));
      },
    },
  ],
  notifications: [
    {
      kind: 'listening_opened',
      about: {
        tables: ['listening_cycles'],
        load: async (db, ids) =>
          new Map(
            (await db.selectFrom('listening_cycles').select(['id', 'title']).where('id', 'in', ids).execute()).map(
              (r) => [r.id, r.title],
            ),
          ),
      },
      text: (t, _at, n: Told<string>) => t('notification.listeningOpened', { title: oneLine(n.about ?? '') }),
      link: (n) => (n.subject ? `/listening/${n.subject}` : '/listening'),
    },
    {
      kind: 'listening_follow_up',
      about: {
        tables: ['listening_notes'],
        load: async (db, ids) =>
          new Map(
            (await db.selectFrom('listening_notes').select(['id', 'cycle_id']).where('id', 'in', ids).execute()).map(
              (r) => [r.id, r.cycle_id],
            ),
          ),
      },
      text: (t) => t('notification.listeningFollowUp'),
      link: (n: Told<string>) => (n.about ? `/listening/${n.about}/conversations` : '/listening'),
    },
  ],
  actions: [
    defineAction<OpenCycle>({
      handles: 'open_listening_cycle',
      payload: openCyclePayload,
      apply: async (tx, closing, a) => {
        if (closing.passed) await openCycle(tx, closing.proposalId, a, closing.now);
      },
      title: (t, _lang, a) => t('listening.proposalOpenTitle', { title: a.title }),
      explain: (t, _lang, a) =>
        t('listening.explainOpen', {
          days: a.days,
          questions: a.questions.length,
          languages: a.languages.map((l) => own(languageNames, l) ?? l).join(', '),
        }),
    }),
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { suggestThemes, type OpenAnswer, type SuggestedTheme } from './themes.ts';
