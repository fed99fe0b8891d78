// What every request can reach: the app's dependencies and the current member, language and CSP nonce.
import type { Config } from '../config.ts';
import type { Db } from '../db/connect.ts';
import type { SessionMember } from '../members/sessions.ts';
import type { Mailer } from '../notifications/mailer.ts';
import type { Keys } from '../security/crypto.ts';
import type { RateLimiter } from '../security/rate-limit.ts';
import type { NetworkAgreements } from '../agreements/queries.ts';
import type { Translate } from './i18n/index.ts';

export type Deps = {
  config: Config;
  db: Db;
  keys: Keys;
  mailer: Mailer;
  clock: () => Date;
  log: (line: string) => void;
  limits: { signInLinks: RateLimiter; signInLinksGlobal: RateLimiter };
};

export type AppEnv = {
  Variables: {
    deps: Deps;
    member: SessionMember | null;
    sessionToken: string | undefined;
    lang: string;
    t: Translate;
    nonce: string;
    network: NetworkAgreements | null;
  };
};
