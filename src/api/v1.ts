// The JSON API, version 1 (issue 22): what a member may see and do on the board, for the apps and scripts they choose,
// described by an OpenAPI document made from the same zod schemas that check each request (@hono/zod-openapi; ADR 044).
// Every route here is in the document (tests/integration/api.test.ts fails otherwise). Errors are the app's own:
// a 4xx with a stable code, and for input, each field's problem.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { InputError, errors } from '../web/errors.ts';
import { toFieldErrors } from '../web/forms.ts';
import { isUuid, requireMember } from '../web/edges.ts';
import { dayIn } from '../web/zone.ts';
import {
  boardFilterSchema,
  boardPosts,
  can,
  createPost,
  postById,
  postSchema,
  withdrawPost,
  type PostView,
} from '../exchange/index.ts';
import { notificationsOf, notificationText } from '../notifications/index.ts';
import { API_BASE } from './middleware.ts';

export const v1 = new OpenAPIHono<AppEnv>({
  // A request the document's schema refuses gets the app's own answer: 422 invalid_input, field by field.
  defaultHook: (result) => {
    if (!result.success) throw new InputError(toFieldErrors(result.error));
  },
});

// A member first (by token or session), before any input is read: nobody else learns even what the input should be.
v1.use(`${API_BASE}/*`, async (c, next) => {
  if (c.req.path !== `${API_BASE}/openapi.json`) requireMember(c);
  await next();
});

v1.openAPIRegistry.registerComponent('securitySchemes', 'token', {
  type: 'http',
  scheme: 'bearer',
  description: 'A personal access token a member makes on their Apps and tokens page (krp_…).',
});

const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'invalid_input' }),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .openapi('Error');

const errorsOf = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: ERROR_MEANING[s] ?? 'Refused', content: { 'application/json': { schema: ErrorBody } } },
    ]),
  );
const ERROR_MEANING: Record<number, string> = {
  401: 'No token, or a token that is unknown or revoked',
  403: 'The member may not do this (or the token may only read)',
  404: 'Nothing here by that id, or nothing this member may see',
  409: 'Not possible as things stand (the post is no longer open)',
  422: 'The input does not fit: each field’s problem',
  429: 'A daily limit the members agreed is reached',
};

const Post = z
  .object({
    id: z.uuid(),
    kind: z.enum(['need', 'offer']),
    what: z.string(),
    category: z.string().openapi({ description: 'A kind of help the network names (its agreements)' }),
    area: z.string().openapi({ description: 'One of the network’s areas: never more exact' }),
    urgency: z.enum(['urgent', 'soon', 'whenever']),
    neededBy: z.string().nullable().openapi({ description: 'A day, YYYY-MM-DD' }),
    availableUntil: z.string().nullable(),
    status: z.string(),
    by: z.string().openapi({ description: 'The name the member shows' }),
    mine: z.boolean(),
    createdAt: z.string().openapi({ format: 'date-time' }),
    url: z.string(),
  })
  .openapi('Post');

/** A post as the API and webhooks give it: what any member may see on the board. */
export const toPost = (p: PostView, me: string) => ({
  id: p.id,
  kind: p.kind,
  what: p.what,
  category: p.category,
  area: p.area,
  urgency: p.urgency,
  neededBy: p.neededBy,
  availableUntil: p.kind === 'offer' ? p.availableUntil : null,
  status: p.status,
  by: p.memberName,
  mine: p.memberId === me,
  createdAt: p.createdAt.toISOString(),
  url: `/posts/${p.id}`,
});

const NewPost = z
  .object({
    kind: z.enum(['need', 'offer']),
    what: z.string().min(3).max(1000).openapi({ example: 'A ride to the clinic on Thursday morning' }),
    category: z.string().max(40),
    area: z.string().max(80),
    urgency: z.enum(['urgent', 'soon', 'whenever']),
    needed_by: z.string().max(10).optional().openapi({ description: 'A need: the day it is needed by' }),
    available_until: z.string().max(10).optional().openapi({ description: 'An offer: the last day it stands' }),
    capacity: z.string().max(100).optional(),
    takes: z.number().int().min(1).max(50).optional(),
  })
  .openapi('NewPost');

// An id that is no id names nothing: 404, as on the pages (web/edges.ts idParam), not an input error.
const IdParam = z.object({
  id: z
    .string()
    .max(100)
    .openapi({ format: 'uuid', param: { name: 'id', in: 'path' } }),
});
const secured = [{ token: [] }];

const member = (c: Context<AppEnv>) => requireMember(c);

v1.openapi(
  createRoute({
    method: 'get',
    path: `${API_BASE}/me`,
    summary: 'The member the token stands for',
    security: secured,
    responses: {
      200: {
        description: 'The member',
        content: {
          'application/json': {
            schema: z
              .object({ id: z.uuid(), name: z.string(), language: z.string(), network: z.string() })
              .openapi('Me'),
          },
        },
      },
      ...errorsOf(401),
    },
  }),
  (c) => {
    const me = member(c);
    return c.json(
      { id: me.id, name: me.displayName, language: me.language, network: c.get('network')?.networkName ?? '' },
      200,
    );
  },
);

v1.openapi(
  createRoute({
    method: 'get',
    path: `${API_BASE}/posts`,
    summary: 'Open needs and offers on the board, most urgent first, a page at a time',
    security: secured,
    request: {
      query: z.object({
        kind: z.enum(['need', 'offer']).optional(),
        category: z.string().max(40).optional(),
        area: z.string().max(80).optional(),
        urgency: z.enum(['urgent', 'soon', 'whenever']).optional(),
        page: z.coerce.number().int().min(1).max(1000).optional(),
      }),
    },
    responses: {
      200: {
        description: 'A page of the board',
        content: { 'application/json': { schema: z.object({ posts: z.array(Post) }) } },
      },
      ...errorsOf(401, 422),
    },
  }),
  async (c) => {
    const me = member(c);
    const posts = await boardPosts(c.get('deps').db, boardFilterSchema.parse(c.req.valid('query')));
    return c.json({ posts: posts.map((p) => toPost(p, me.id)) }, 200);
  },
);

v1.openapi(
  createRoute({
    method: 'post',
    path: `${API_BASE}/posts`,
    summary: 'Post a need or an offer as the member',
    security: secured,
    request: { body: { required: true, content: { 'application/json': { schema: NewPost } } } },
    responses: {
      201: {
        description: 'Posted',
        content: { 'application/json': { schema: z.object({ id: z.uuid(), url: z.string() }) } },
      },
      ...errorsOf(401, 403, 422, 429),
    },
  }),
  async (c) => {
    const me = member(c);
    const { db, clock } = c.get('deps');
    const network = c.get('network')!;
    // The network's own kinds of help, areas and dates: the same check as the form's.
    const parsed = postSchema(network, dayIn(network.timeZone, clock())).safeParse(c.req.valid('json'));
    if (!parsed.success) throw new InputError(toFieldErrors(parsed.error));
    const id = await createPost(db, me.id, me.language, parsed.data, clock());
    return c.json({ id, url: `/posts/${id}` }, 201);
  },
);

async function visiblePost(c: Context<AppEnv>, id: string) {
  if (!isUuid(id)) throw errors.notFound();
  const post = await postById(c.get('deps').db, id);
  if (!post || !can.seePost(member(c), post) || post.status === 'withdrawn') throw errors.notFound();
  return post;
}

v1.openapi(
  createRoute({
    method: 'get',
    path: `${API_BASE}/posts/{id}`,
    summary: 'One need or offer',
    security: secured,
    request: { params: IdParam },
    responses: {
      200: { description: 'The post', content: { 'application/json': { schema: Post } } },
      ...errorsOf(401, 404),
    },
  }),
  async (c) => {
    const post = await visiblePost(c, c.req.valid('param').id);
    return c.json(toPost(post, member(c).id), 200);
  },
);

v1.openapi(
  createRoute({
    method: 'post',
    path: `${API_BASE}/posts/{id}/withdraw`,
    summary: 'Withdraw one of the member’s own open posts',
    security: secured,
    request: { params: IdParam },
    responses: {
      200: {
        description: 'Withdrawn',
        content: { 'application/json': { schema: z.object({ id: z.uuid(), status: z.literal('withdrawn') }) } },
      },
      ...errorsOf(401, 403, 404, 409),
    },
  }),
  async (c) => {
    const me = member(c);
    const post = await visiblePost(c, c.req.valid('param').id);
    if (!can.editPost(me, post)) {
      if (post.memberId !== me.id) throw errors.forbidden();
      throw errors.conflict('not_open', 'error.notOpen');
    }
    await withdrawPost(c.get('deps').db, post, c.get('deps').clock());
    return c.json({ id: post.id, status: 'withdrawn' as const }, 200);
  },
);

v1.openapi(
  createRoute({
    method: 'get',
    path: `${API_BASE}/notifications`,
    summary: 'The member’s newest notifications, in their language',
    security: secured,
    responses: {
      200: {
        description: 'Newest first',
        content: {
          'application/json': {
            schema: z.object({
              notifications: z.array(
                z
                  .object({
                    id: z.uuid(),
                    kind: z.string(),
                    text: z.string(),
                    read: z.boolean(),
                    at: z.string().openapi({ format: 'date-time' }),
                  })
                  .openapi('Notification'),
              ),
            }),
          },
        },
      },
      ...errorsOf(401),
    },
  }),
  async (c) => {
    const me = member(c);
    const { db, registry } = c.get('deps');
    const at = { lang: c.get('lang'), zone: c.get('network')?.timeZone ?? 'UTC' };
    const list = await notificationsOf(db, registry, me.id, 50);
    return c.json(
      {
        notifications: list.map((n) => ({
          id: n.id,
          kind: n.kind,
          text: notificationText(c.get('t'), registry, n, at),
          read: n.read,
          at: n.createdAt.toISOString(),
        })),
      },
      200,
    );
  },
);

/** The document: OpenAPI 3.1, every route above, served to anyone (it says how to ask, nothing of the network). */
export function openApiDocument(publicUrl: string) {
  return v1.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'Kropotkin',
      version: '1',
      description:
        'A mutual aid network’s board, for the apps and scripts its members choose. Each request carries a member’s personal access token and gets only what that member may see and do.',
    },
    servers: [{ url: publicUrl }],
  });
}

v1.get(`${API_BASE}/openapi.json`, (c) => c.json(openApiDocument(c.get('deps').config.publicUrl)));
