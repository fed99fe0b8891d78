// The signed-in member, or 401 (the error page offers sign-in).
import type { Context } from 'hono';
import type { AppEnv } from '../web/context.ts';
import { errors } from '../web/errors.ts';
import type { SessionMember } from './sessions.ts';

export function requireMember(c: Context<AppEnv>): SessionMember {
  const member = c.get('member');
  if (!member) throw errors.signInNeeded();
  return member;
}
