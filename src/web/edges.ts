// What every route does at its edge, written once: who is signed in, whether they may act, and whether an id in the
// path can name anything at all (a malformed id is a 404 before any query).
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppEnv, SessionMember } from './context.ts';
import { errors } from './errors.ts';

/** An id as the database writes them. */
export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);

export const isUuid = (value: string | undefined): value is string =>
  value !== undefined && uuid.safeParse(value).success;

/** The signed-in member, or 401 (the error page offers sign-in). */
export function requireMember(c: Context<AppEnv>): SessionMember {
  const member = c.get('member');
  if (!member) throw errors.signInNeeded();
  return member;
}

/** Throws unless the member may: 401 when nobody is signed in, else 403 (or 404 where existence itself is private). */
export function authorize(allowed: boolean, who: SessionMember | null, notFound = false): void {
  if (!who) throw errors.signInNeeded();
  if (!allowed) throw notFound ? errors.notFound() : errors.forbidden();
}

/** The path parameter `name` when it is an id, else 404. */
export function idParam(c: Context<AppEnv>, name = 'id'): string {
  const id = c.req.param(name);
  if (!isUuid(id)) throw errors.notFound();
  return id;
}

/** What the id in the path names, loaded by `load`; 404 when the id is malformed or names nothing. */
export async function loadOr404<T>(
  c: Context<AppEnv>,
  load: (id: string) => Promise<T | undefined>,
  name = 'id',
): Promise<T> {
  const found = await load(idParam(c, name));
  if (found === undefined) throw errors.notFound();
  return found;
}
