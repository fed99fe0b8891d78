// The library (issue 19, political education): readings, links and short texts members share, each in a language
// with its versions in others, a discussion under each, printable as a handout. See web/domain.ts.
import type { Domain } from '../web/domain.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { libraryRoutes } from './routes.ts';

export const library: Domain = {
  name: 'library',
  access,
  messages,
  tables: ['library_items', 'library_comments'],
  routes: [libraryRoutes],
  nav: [{ href: '/library', label: 'nav.library', place: 'more', order: 45 }],
};
