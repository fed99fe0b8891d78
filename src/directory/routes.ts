// The directory's routes: the map and list (anyone may look), our published profile, the contact form it points to,
// and the messages it brought (members).
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, Network } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm, optionalText } from '../web/forms.ts';
import { requireMember } from '../web/edges.ts';
import { errors, refusedWrite } from '../web/errors.ts';
import { ourActorUrl } from '../federation/index.ts';
import { listedNetworks, searchEntries, SHOWS, type Entry } from './listing.ts';
import { drawMap, type Mark } from './map.ts';
import { murmurationsProfile, readPosition } from './profile.ts';
import { directoryMessages, messageCount, partnerActors, partnerEntries } from './queries.ts';
import { leaveMessage } from './commands.ts';
import { ContactPage, DirectoryPage, MessagesPage } from './views.tsx';

export const directoryRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const A_PAGE = 50;

/** Our own entry, when the members decided on a place to be listed by. */
function ourEntry(network: Network | null, publicUrl: string): Entry | null {
  if (!network?.directoryPlace) return null;
  return {
    key: 'ours',
    source: 'ours',
    name: network.networkName,
    place: network.directoryPlace,
    about: network.directoryAbout,
    category: null,
    position: readPosition(network.directoryPosition),
    link: null,
    contact: `${publicUrl}/directory/contact`,
    host: null,
  };
}

const searchQuery = z.object({
  q: z.string().max(200).catch(''),
  show: z.enum(SHOWS).catch('all'),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

directoryRoutes.get('/directory', async (c) => {
  const { db, config } = c.get('deps');
  const t = c.get('t');
  const query = searchQuery.parse({ q: c.req.query('q') ?? '', show: c.req.query('show'), page: c.req.query('page') });
  const partners = await partnerActors(db);
  const ours = ourEntry(c.get('network'), config.publicUrl);
  const everyone = [...(ours ? [ours] : []), ...(await partnerEntries(db, partners)), ...listedNetworks()];
  const found = searchEntries(everyone, query.q, query.show);
  const pages = Math.max(1, Math.ceil(found.length / A_PAGE));
  const at = Math.min(query.page, pages);
  const onMap = found.flatMap((e) => (e.position ? [{ ...e.position, source: e.source }] : []));
  const map = drawMap(onMap, {
    title: t('directory.mapTitle'),
    description: t('directory.mapDescription', { count: onMap.length }),
    mark: (m: Mark) =>
      t('directory.mark', {
        count: m.count,
        ours: m.sources.includes('ours') ? 'yes' : 'no',
        partners: m.sources.includes('partner') ? 'yes' : 'no',
      }),
  });
  const member = c.get('member');
  const mine = member ? { place: c.get('network')?.directoryPlace ?? '', messages: await messageCount(db) } : null;
  return page(c, t('directory.title'), (v) =>
    DirectoryPage({
      v,
      map,
      entries: found.slice((at - 1) * A_PAGE, at * A_PAGE),
      found: found.length,
      q: query.q,
      show: query.show,
      page: at,
      pages,
      ours: mine,
    }),
  );
});

/** Our profile, for other networks' directories (and Murmurations-style indexes): only once the members listed us. */
directoryRoutes.get('/directory/profile.json', (c) => {
  const deps = c.get('deps');
  const network = c.get('network');
  if (!network?.directoryPlace) throw errors.notFound();
  const profile = murmurationsProfile(
    {
      name: network.networkName,
      place: network.directoryPlace,
      about: network.directoryAbout,
      position: readPosition(network.directoryPosition),
    },
    deps.config.publicUrl,
    ourActorUrl(deps),
  );
  c.header('cache-control', 'public, max-age=3600');
  return c.json(profile);
});

const contactForm = z.object({
  body: z.string('directory.bodyRequired').trim().min(1, 'directory.bodyRequired').max(2000, 'error.textTooLong'),
  reply: optionalText(200, 'error.textTooLong'),
});

const contactPage = (c: C, form: FormState, sent = false, status: 200 | 422 | 429 = 200) => {
  const network = c.get('network');
  if (!network?.directoryPlace) throw errors.notFound();
  return page(
    c,
    c.get('t')('directory.contactTitle', { network: network.networkName }),
    (v) => ContactPage({ v, form, network: network.networkName, sent }),
    { status },
  );
};

directoryRoutes.get('/directory/contact', (c) => contactPage(c, emptyForm(), c.req.query('sent') === '1'));

directoryRoutes.post('/directory/contact', async (c) => {
  const deps = c.get('deps');
  if (!c.get('network')?.directoryPlace) throw errors.notFound();
  const values = await readForm(c);
  const parsed = checkForm(contactForm, values);
  if (!parsed.ok) return contactPage(c, parsed.form, false, 422);
  // Nobody signs in to write here: the limit is the network's, 30 messages a day (the database counts them).
  const no = await refusedWrite(() => leaveMessage(deps, parsed.data, deps.clock()), [429]);
  if (no) return contactPage(c, { values, errors: { _form: no.messageKey } }, false, 429);
  return c.redirect('/directory/contact?sent=1', 303);
});

directoryRoutes.get('/directory/messages', async (c) => {
  requireMember(c);
  const { db, keys } = c.get('deps');
  const messages = await directoryMessages(db, keys);
  return page(c, c.get('t')('directory.messagesTitle'), (v) => MessagesPage({ v, messages }));
});
