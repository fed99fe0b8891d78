// Wiring shared by the server, the CLI and the tests: open the database, migrate, load the key, pick the mailer.
import { registry } from './domains.ts';
import type { Config } from './core/config.ts';
import { openDatabase, type DbTarget } from './db/connect.ts';
import { migrate } from './db/migrate.ts';
import { deriveKeys, loadMasterKey } from './security/crypto.ts';
import { consoleMailer, showsMailOnConsole, smtpMailer, type Mailer } from './mail/mailer.ts';
import { RateLimiter } from './security/rate-limit.ts';
import type { Deps } from './web/context.ts';
import { networkNow } from './agreements/index.ts';

export function dbTarget(config: Config): DbTarget {
  return config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir };
}

export async function boot(
  config: Config,
  opts: { mailer?: Mailer; clock?: () => Date; log?: (line: string) => void; target?: DbTarget } = {},
): Promise<Deps> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const keys = deriveKeys(
    loadMasterKey({ keyFile: config.keyFile, secretKey: config.secretKey, dataDir: config.dataDir }),
  );
  const clock = opts.clock ?? (() => new Date());
  const db = await openDatabase(opts.target ?? dbTarget(config), clock);
  const applied = await migrate(db);
  if (applied.length) log(`database migrated: ${applied.join(', ')}`);
  const mailer =
    opts.mailer ??
    (config.smtpUrl
      ? smtpMailer(config.smtpUrl, config.mailFrom)
      : consoleMailer(log, { show: showsMailOnConsole(config.publicUrl) }));
  return {
    config,
    db,
    keys,
    mailer,
    clock,
    log,
    limits: {
      // Per address: 5 links per 15 minutes; for the whole server: 200 per 15 minutes.
      signInLinks: new RateLimiter(5, 15 * 60_000),
      signInLinksGlobal: new RateLimiter(200, 15 * 60_000),
      // Wrong sign-in and recovery codes, for the whole server: 60 per 15 minutes (SECURITY.md, ways back in).
      wrongCodes: new RateLimiter(60, 15 * 60_000),
    },
    registry,
    jobs: new Map(),
    network: () => networkNow(db, registry),
  };
}
