// Partner networks' routes: the ActivityPub ones fedify answers (the actor, WebFinger, the inboxes), and the page where
// members see what partners share and propose a partner.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { isActor } from '@fedify/fedify';
import type { AppEnv } from '../web/context.ts';
import { page } from '../web/render.tsx';
import { emptyForm, type FormState } from '../web/parts.tsx';
import { checkForm, readForm } from '../web/forms.ts';
import { requireMember } from '../web/edges.ts';
import { RateLimiter } from '../security/rate-limit.ts';
import { ACTION_PROPOSAL_DEFAULTS, decisionFields } from '../decisions/index.ts';
import { ACTOR, contextOf, federationOf } from './actor.ts';
import { proposePartner } from './commands.ts';
import { TERMS } from './terms.ts';
import { errors } from '../web/errors.ts';
import { openPartnerProposal, partnerPosts, partnersList } from './queries.ts';
import { PartnersPage, ThreadPage } from './views.tsx';
import { offerHelp, threadFor, threadsOf, writeInThread } from './threads.ts';
import { idParam } from '../web/edges.ts';
import { checkbox } from '../web/forms.ts';

export const federationRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

// What fedify answers: everything else (an HTML page at the actor's address, an unknown actor) is ours to answer.
const fedify = (c: C) =>
  federationOf(c.get('deps')).federation.fetch(c.req.raw, {
    contextData: c.get('deps'),
    onNotFound: () => c.notFound() as Response,
    onNotAcceptable: () => c.redirect('/partners', 303) as Response,
  });

federationRoutes.get('/.well-known/webfinger', fedify);
federationRoutes.get('/ap/actors/:identifier', fedify);
federationRoutes.post('/ap/actors/:identifier/inbox', fedify);
federationRoutes.post('/ap/inbox', fedify);

const proposeForm = z.object({
  ...decisionFields,
  address: z
    .string('partner.addressInvalid')
    .trim()
    .min(3, 'partner.addressInvalid')
    .max(300, 'partner.addressInvalid'),
  why: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(2000, 'error.textTooLong')),
});

const partnersPage = async (c: C, form: FormState, status: 200 | 422 | 429 = 200) => {
  const { db } = c.get('deps');
  const network = c.get('network')!;
  const member = requireMember(c);
  const [partners, shared, threads] = await Promise.all([partnersList(db), partnerPosts(db), threadsOf(db, member.id)]);
  return page(
    c,
    c.get('t')('partner.title'),
    (v) =>
      PartnersPage({
        v,
        partners,
        shared,
        threads,
        form,
        sharing: { offers: network.shareOffers, needs: network.shareNeeds, hours: network.shareNeedsAfterHours },
      }),
    { status },
  );
};

federationRoutes.get('/partners', (c) => {
  requireMember(c);
  const address = c.req.query('address');
  return partnersPage(
    c,
    emptyForm({ ...ACTION_PROPOSAL_DEFAULTS, ...(address ? { address: address.slice(0, 300) } : {}) }),
  );
});

/** Where a network's actor is, from what a member typed: its web address, its actor's, or its handle. */
export function actorAddress(typed: string): string | URL | null {
  const s = typed.trim();
  if (/^@?[\w.-]{1,64}@[\w.-]{1,253}(:\d{1,5})?$/.test(s)) return s.replace(/^@/, '');
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(s) ? s : `https://${s}`);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.pathname === '/' || url.pathname === '') return new URL(`/ap/actors/${ACTOR}`, url.origin);
  return url;
}

const LOOKUP_MS = 15_000;

// Each proposal looks the other network up over the internet: a member may do it 20 times an hour, the whole network
// 200, so no loop of proposals turns the server into a crawler of other people's machines.
const lookups = new WeakMap<object, { member: RateLimiter; all: RateLimiter }>();
const lookupLimits = (deps: AppEnv['Variables']['deps']) => {
  let l = lookups.get(deps);
  if (!l) {
    const now = () => deps.clock().getTime();
    l = { member: new RateLimiter(20, 3_600_000, now), all: new RateLimiter(200, 3_600_000, now) };
    lookups.set(deps, l);
  }
  return l;
};

federationRoutes.post('/partners', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(proposeForm, values);
  if (!parsed.ok) return partnersPage(c, parsed.form, 422);
  const refuse = (key: Parameters<C['var']['t']>[0]) => partnersPage(c, { values, errors: { address: key } }, 422);
  const address = actorAddress(parsed.data.address);
  if (!address) return refuse('partner.addressInvalid');
  const deps = c.get('deps');
  const ctx = contextOf(deps);
  if (address.toString() === ctx.getActorUri(ACTOR).href) return refuse('partner.ourselves');
  const limits = lookupLimits(deps);
  if (!limits.member.take(member.id) || !limits.all.take('all'))
    return partnersPage(c, { values, errors: { address: 'error.tooMany' } }, 429);
  const found = await Promise.race([
    ctx.lookupObject(address).catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), LOOKUP_MS).unref()),
  ]);
  if (!found || !isActor(found) || !found.id || !found.inboxId) return refuse('partner.notFound');
  if (found.id.href === ctx.getActorUri(ACTOR).href) return refuse('partner.ourselves');
  const known = await deps.db
    .selectFrom('partners')
    .select(['we_agreed_at', 'they_agreed_at'])
    .where('actor_url', '=', found.id.href)
    .executeTakeFirst();
  if (known?.we_agreed_at) return refuse('partner.already');
  const open = await openPartnerProposal(deps.db, found.id.href);
  if (open) return c.redirect(`/decisions/${open.id}`, 303);
  const name = (found.name?.toString() ?? found.preferredUsername?.toString() ?? found.id.host).trim().slice(0, 200);
  const id = await proposePartner(
    deps.db,
    member.id,
    {
      type: 'become_partners',
      actor_url: found.id.href,
      inbox_url: found.inboxId.href,
      shared_inbox_url: found.endpoints?.sharedInbox?.href ?? null,
      name: name || found.id.host,
    },
    parsed.data.why,
    { process: parsed.data.process, closesInHours: parsed.data.closes_in },
    deps.clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
});

federationRoutes.post('/partners/posts/:id/help', async (c) => {
  const member = requireMember(c);
  const id = idParam(c);
  const values = await readForm(c);
  const deps = c.get('deps');
  const thread = await offerHelp(
    deps,
    { id: member.id, name: member.displayName },
    id,
    checkbox.parse(values.show_name ?? ''),
    deps.clock(),
  );
  return c.redirect(`/partners/threads/${thread}`, 303);
});

const messageForm = z.object({
  body: z.string('partner.messageRequired').trim().min(1, 'partner.messageRequired').max(4000, 'error.textTooLong'),
});

const threadPage = async (c: C, form: FormState, status: 200 | 409 | 422 = 200) => {
  const member = requireMember(c);
  const found = await threadFor(c.get('deps'), idParam(c), member.id);
  if (!found) return c.notFound();
  return page(c, c.get('t')('partner.threadsTitle'), (v) => ThreadPage({ v, ...found, form }), { status });
};

federationRoutes.get('/partners/threads/:id', (c) => threadPage(c, emptyForm()));

federationRoutes.post('/partners/threads/:id', async (c) => {
  const member = requireMember(c);
  const values = await readForm(c);
  const parsed = checkForm(messageForm, values);
  if (!parsed.ok) return threadPage(c, parsed.form, 422);
  const deps = c.get('deps');
  const found = await threadFor(deps, idParam(c), member.id);
  if (!found) return c.notFound();
  if (!found.thread.open) return threadPage(c, { values, errors: { body: 'partner.threadClosed' } }, 409);
  await writeInThread(deps, found.thread.id, member.id, parsed.data.body, deps.clock());
  return c.redirect(`/partners/threads/${found.thread.id}#last`, 303);
});

const termsForm = z.object({ terms: z.enum(TERMS, 'partner.termsChoose') });

/** A member proposes what we share with a partner from now, or the end of the partnership: the members decide. */
federationRoutes.post('/partners/:id/terms', async (c) => {
  const member = requireMember(c);
  const { db, clock } = c.get('deps');
  const partner = (await partnersList(db)).find((p) => p.id === idParam(c) && p.state === 'partners');
  if (!partner) throw errors.notFound();
  const parsed = checkForm(termsForm, await readForm(c));
  if (!parsed.ok) return partnersPage(c, { values: {}, errors: { _form: 'partner.termsChoose' } }, 422);
  const open = await openPartnerProposal(db, partner.actorUrl);
  if (open) return c.redirect(`/decisions/${open.id}`, 303);
  const id = await proposePartner(
    db,
    member.id,
    { type: 'partner_terms', actor_url: partner.actorUrl, name: partner.name, terms: parsed.data.terms },
    '',
    { process: ACTION_PROPOSAL_DEFAULTS.process, closesInHours: Number(ACTION_PROPOSAL_DEFAULTS.closes_in) },
    clock(),
  );
  return c.redirect(`/decisions/${id}`, 303);
});
