// Texts (issue 21, reaching everyone): people without the app text the network's own number — a modem through
// gammu-smsd or an Android phone running an SMS gateway app, no outside service — to ask for what they need, in their
// language, and talk with the neighbour who helps through the network's number. See commands.ts and ADR 038.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { textRoutes } from './routes.ts';
import { forgetTexts, gatewayTurn } from './commands.ts';

export const texts: Domain = {
  name: 'texts',
  access,
  messages,
  tables: ['text_contacts', 'text_outbox', 'text_seen'],
  routes: [textRoutes],
  nav: [{ href: '/texts', label: 'nav.texts', place: 'more', order: 16 }],
  jobs: [
    // Every few seconds: a person who texts hears back within the minute.
    { name: 'texts in and out', run: (deps, now) => gatewayTurn(deps, now), everyMs: 3_000 },
    { name: 'forget texts', run: (deps, now) => forgetTexts(deps.db, now) },
  ],
};

// What other domains may use of this one (they import nothing else from this folder; src/architecture.test.ts).
export { linkNumber, membersByNumber, normalNumber } from './commands.ts';
export { areasNamed, wordsOf } from './intake.ts';
