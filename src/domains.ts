// The domains of Kropotkin, each declared in its own folder's index.ts (see web/domain.ts and docs/CONVENTIONS.md).
// Adding a domain is one line here. Listed so that a domain comes after those it uses; jobs run in this order.
import { buildRegistry, type Domain } from './web/domain.ts';
import { members } from './members/index.ts';
import { translate } from './translate/index.ts';
import { agreements } from './agreements/index.ts';
import { notifications } from './notifications/index.ts';
import { decisions } from './decisions/index.ts';
import { safety } from './safety/index.ts';
import { roles } from './roles/index.ts';
import { crisis } from './crisis/index.ts';
import { exchange } from './exchange/index.ts';
import { dispatch } from './dispatch/index.ts';
import { fund } from './fund/index.ts';
import { circles } from './circles/index.ts';
import { rotas } from './rotas/index.ts';
import { mutuality } from './mutuality/index.ts';
import { causes } from './causes/index.ts';
import { listening } from './listening/index.ts';
import { library } from './library/index.ts';
import { events } from './events/index.ts';
import { things } from './things/index.ts';
import { places } from './places/index.ts';
import { timebank } from './timebank/index.ts';
import { buying } from './buying/index.ts';
import { calls } from './calls/index.ts';
import { texts } from './texts/index.ts';
import { federation } from './federation/index.ts';
import { directory } from './directory/index.ts';
import { moving } from './moving/index.ts';
import { api } from './api/index.ts';

export const domains: readonly Domain[] = [
  notifications,
  members,
  translate,
  agreements,
  causes,
  decisions,
  roles,
  crisis,
  mutuality,
  exchange,
  safety,
  dispatch,
  fund,
  circles,
  events,
  rotas,
  listening,
  library,
  things,
  places,
  timebank,
  buying,
  calls,
  texts,
  federation,
  directory,
  moving,
  api,
];

export const registry = buildRegistry(domains);
