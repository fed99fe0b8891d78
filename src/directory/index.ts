// A directory of networks (issue 22): a map drawn here and a list of mutual aid networks — this one when its members
// publish a profile, partner networks as their own profiles say, and Mutual Aid Hub's public listings — with a
// contact form on our own server as our only contact. ADR 045.
import { z } from 'zod';
import type { Domain } from '../web/domain.ts';
import { defineAgreement } from '../web/agreement.ts';
import { access } from './access.ts';
import { messages } from './messages.ts';
import { directoryRoutes } from './routes.ts';
import { positionAgreement } from './profile.ts';
import { forgetOldMessages, readPartnerProfiles } from './commands.ts';

declare module '../web/context.ts' {
  interface Network {
    /** The place the network is listed by in the directory; empty: not listed. */
    directoryPlace: string;
    /** Its coarse position ("37.8, -122.3"), or empty. */
    directoryPosition: string;
    directoryAbout: string;
  }
}

export const directory: Domain = {
  name: 'directory',
  access,
  messages,
  tables: ['directory_profiles', 'directory_messages'],
  routes: [directoryRoutes],
  nav: [{ href: '/directory', label: 'nav.directory', place: 'more', order: 18 }],
  agreements: [
    defineAgreement({
      key: 'directory_place',
      schema: z.string().trim().max(100, 'error.textTooLong'),
      start: '',
      network: (directoryPlace: string) => ({ directoryPlace }),
    }),
    defineAgreement({
      key: 'directory_position',
      schema: positionAgreement,
      start: '',
      network: (directoryPosition: string) => ({ directoryPosition }),
    }),
    defineAgreement({
      key: 'directory_about',
      schema: z.string().trim().max(500, 'error.textTooLong'),
      start: '',
      network: (directoryAbout: string) => ({ directoryAbout }),
    }),
  ],
  jobs: [
    { name: 'read partner networks’ profiles', run: (deps, now) => readPartnerProfiles(deps, now) },
    { name: 'forget old messages to the network', run: (deps, now) => forgetOldMessages(deps.db, now) },
  ],
};
