// What a need or an offer looks like between networks: an FEP-0837 marketplace Proposal publishing a ValueFlows Intent,
// typed also as a Note so any fediverse server shows it as a post. Only what the sharing agreement covers goes: the
// words of the post, its kind of help and its coarse area — never who posted it (the network's Group actor is its
// author), never an address, a time of day or a contact (ADR 042).
import { z } from 'zod';

const AS = 'https://www.w3.org/ns/activitystreams';

/** The terms a proposal uses beyond ActivityStreams (FEP-0837's context). */
export const PROPOSAL_CONTEXT = [
  AS,
  {
    om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
    vf: 'https://w3id.org/valueflows/ont/vf#',
    Proposal: 'vf:Proposal',
    Intent: 'vf:Intent',
    action: 'vf:action',
    purpose: 'vf:purpose',
    unitBased: 'vf:unitBased',
    publishes: 'vf:publishes',
    resourceConformsTo: { '@id': 'vf:resourceConformsTo', '@type': '@id' },
    resourceQuantity: 'vf:resourceQuantity',
    hasUnit: 'om2:hasUnit',
    hasNumericalValue: 'om2:hasNumericalValue',
  },
] as const;

/** A kind of help as a resource specification: our own words for it, in a URN any network can read back. */
export const kindUri = (category: string) => `urn:kropotkin:kind:${encodeURIComponent(category)}`;
const KIND_PREFIX = 'urn:kropotkin:kind:';

export type SharedPost = {
  id: string;
  kind: 'need' | 'offer';
  what: string;
  category: string;
  area: string;
  published: Date;
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/** The first line of a post's words, short enough for a title. */
export const titleOf = (what: string) => {
  const line = what.split('\n')[0]!.trim();
  return line.length > 80 ? `${line.slice(0, 79)}…` : line;
};

/** The proposal object (without its @context, which the activity carrying it has). */
export function proposalObject(post: SharedPost, opts: { actor: string; to: string[] }) {
  return {
    id: post.id,
    type: ['Note', 'Proposal'],
    purpose: post.kind === 'offer' ? 'offer' : 'request',
    attributedTo: opts.actor,
    name: titleOf(post.what),
    content: `<p>${escapeHtml(post.what).replace(/\n/g, '<br>')}</p>`,
    mediaType: 'text/html',
    published: post.published.toISOString(),
    location: { type: 'Place', name: post.area },
    publishes: {
      id: `${post.id}#primary`,
      type: 'Intent',
      action: 'deliverService',
      resourceConformsTo: kindUri(post.category),
      resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1' },
    },
    unitBased: false,
    to: opts.to,
  };
}

const text = (most: number) => z.string().max(most);
const oneOrMany = <T extends z.ZodType>(s: T) => z.union([s, z.array(s).max(8)]);

/** What a received proposal must hold to be shown; anything else in it is ignored. */
const received = z.object({
  id: z.url().max(2000),
  type: oneOrMany(text(60)),
  purpose: z.enum(['offer', 'request']).optional(),
  name: text(400).optional(),
  content: text(20_000).optional(),
  location: z
    .object({ name: text(400).optional() })
    .loose()
    .optional(),
  publishes: z
    .object({ resourceConformsTo: text(400).optional() })
    .loose()
    .optional(),
});

/** The text of some HTML as a person reads it (tags gone, entities read), for a partner's words. */
export function plainText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]{0,2000}>/g, '')
    .replace(/&(lt|gt|quot|#39|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e]!)
    .trim();
}

/**
 * A proposal a partner sent, as we keep it: its kind (a request is a need), its words, its kind of help and its area;
 * null if it is not one (no purpose, no words).
 */
export function readProposal(object: unknown): Omit<SharedPost, 'published'> | null {
  const parsed = received.safeParse(object);
  if (!parsed.success) return null;
  const p = parsed.data;
  const types = Array.isArray(p.type) ? p.type : [p.type];
  if (!types.includes('Proposal') || !p.purpose) return null;
  const what = plainText(p.content ?? '') || (p.name ?? '').trim();
  if (!what) return null;
  const uri = p.publishes?.resourceConformsTo ?? '';
  let category = 'other';
  if (uri.startsWith(KIND_PREFIX)) {
    try {
      category = decodeURIComponent(uri.slice(KIND_PREFIX.length)).trim().slice(0, 60) || 'other';
    } catch {
      category = 'other';
    }
  }
  return {
    id: p.id,
    kind: p.purpose === 'offer' ? 'offer' : 'need',
    what: what.slice(0, 2000),
    category,
    area: (p.location?.name ?? '').trim().slice(0, 100),
  };
}

/** The terms an offer to help uses (FEP-0837's Agreement and Commitment). */
export const AGREEMENT_CONTEXT = [
  AS,
  {
    om2: 'http://www.ontology-of-units-of-measure.org/resource/om-2/',
    vf: 'https://w3id.org/valueflows/ont/vf#',
    Agreement: 'vf:Agreement',
    Commitment: 'vf:Commitment',
    stipulates: 'vf:stipulates',
    satisfies: { '@id': 'vf:satisfies', '@type': '@id' },
    resourceQuantity: 'vf:resourceQuantity',
    hasUnit: 'om2:hasUnit',
    hasNumericalValue: 'om2:hasNumericalValue',
  },
] as const;

/**
 * "I can help" with a partner's need: an Offer of an Agreement whose Commitment satisfies the proposal's primary
 * intent (FEP-0837). The Agreement is typed also as an Object, the one type every ActivityPub library reads.
 */
export function offerToHelp(opts: { id: string; actor: string; to: string; proposal: string; name: string | null }) {
  return {
    '@context': AGREEMENT_CONTEXT,
    id: opts.id,
    type: 'Offer',
    actor: opts.actor,
    to: [opts.to],
    ...(opts.name ? { summary: opts.name } : {}),
    object: {
      type: ['Object', 'Agreement'],
      stipulates: {
        type: 'Commitment',
        satisfies: `${opts.proposal}#primary`,
        resourceQuantity: { hasUnit: 'one', hasNumericalValue: '1' },
      },
    },
  };
}

const offered = z.object({
  id: z.url().max(2000),
  summary: z.string().max(400).optional(),
  object: z.object({ stipulates: z.object({ satisfies: z.string().max(2000) }).loose() }).loose(),
});

/** What an offer to help names: the proposal (without its #primary) and the helper's chosen name. */
export function readOfferToHelp(raw: unknown): { id: string; proposal: string; name: string | null } | null {
  const parsed = offered.safeParse(raw);
  if (!parsed.success) return null;
  const satisfies = parsed.data.object.stipulates.satisfies;
  if (!satisfies.endsWith('#primary')) return null;
  const name = (parsed.data.summary ?? '').trim().slice(0, 60);
  return { id: parsed.data.id, proposal: satisfies.slice(0, -'#primary'.length), name: name || null };
}
