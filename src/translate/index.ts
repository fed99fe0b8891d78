// Translating in the app (issue 21): members propose translations of messages in context, other members approve
// them, and approved words are laid over the shipped catalogs at once — for every request, in the language asked for
// if it has any (web/i18n translator's overlay, looked up along the language's chain). See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { languages as shipped, pickLanguage, translator } from '../web/i18n/index.ts';
import { wantedLanguage } from '../members/index.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { translateRoutes } from './routes.ts';
import { approvedWords } from './words.ts';

export const translate: Domain = {
  name: 'translate',
  access,
  messages,
  tables: ['translations'],
  approvedWords,
  routes: [translateRoutes],
  nav: [{ href: '/translate', label: 'nav.translate', place: 'more', order: 80 }],
  middleware: [
    async (c, next) => {
      const { db, registry } = c.get('deps');
      const approved = await approvedWords(db);
      const theirs = Object.keys(approved);
      if (theirs.length) {
        // A language with approved words is one to answer in; each message is looked up along its chain.
        const lang = pickLanguage(wantedLanguage(c), [...shipped, ...theirs]);
        c.set('lang', lang);
        c.set('t', translator(lang, registry.catalogs, approved));
      }
      await next();
    },
  ],
};
