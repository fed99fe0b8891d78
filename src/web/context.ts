// What every request can reach: the app's dependencies and the current member, language and CSP nonce.
import type { Config } from '../core/config.ts';
import type { Db } from '../db/connect.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { Keys } from '../security/crypto.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { Translate } from './i18n/index.ts';
import type { Registry } from './domain.ts';

/** Who is signed in, as every request knows them (members/sessions.ts finds them from the cookie). */
export type SessionMember = {
  id: string;
  displayName: string;
  language: string;
  hasEmail: boolean;
  emailDecisions: boolean;
  /** When this session began (a sign-in): changing where sign-in links go asks for a recent one. */
  signedInAt: Date;
  /** Another member acts for them in this session, with their consent, until then (members/acting.ts). */
  acting?: { byName: string; until: Date; recordId: string };
};

/**
 * The network's agreements as they stand, on every request (null before founding). The edge knows only the name; the
 * agreements domain fills in the rest by augmenting this interface (agreements/middleware.ts), so the edge imports no
 * domain and every page still sees them typed.
 */
export interface Network {
  networkName: string;
  /** The words the members gave in their agreements (a kind of help named in Spanish), by language then message key:
   * every page's translator shows them (agreements/middleware.ts). */
  words: Record<string, Record<string, string>>;
}

export type Deps = {
  config: Config;
  db: Db;
  keys: Keys;
  mailer: Mailer;
  clock: () => Date;
  log: (line: string) => void;
  limits: { signInLinks: RateLimiter; signInLinksGlobal: RateLimiter; wrongCodes: RateLimiter };
  /** What the domains declare (src/domains.ts): routes, jobs, decision actions, notification kinds, navigation. */
  registry: Registry;
  /** How each scheduled job last went (src/jobs.ts). */
  jobs: JobStatus;
  /** The network's agreements as they stand (null before founding), for work outside a request (a request has them
   * as c.get('network')). */
  network: () => Promise<Network | null>;
};

export type JobStatus = Map<
  string,
  { lastSuccess: Date | null; lastFailure: { at: Date; message: string } | null; failures: number }
>;

export type AppEnv = {
  Variables: {
    deps: Deps;
    member: SessionMember | null;
    sessionToken: string | undefined;
    lang: string;
    t: Translate;
    nonce: string;
    network: Network | null;
    /** What the domains read on every request with the session (web/domain.ts's RequestRead), by name. */
    reads: ReadonlyMap<string, unknown>;
  };
};
