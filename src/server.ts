// Start-up only: config, database, founding link, scheduled work, listen.
import fs from 'node:fs';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { boot } from './boot.ts';
import { ConfigError, loadConfig, type Config } from './core/config.ts';
import { foundingState, setFoundingToken } from './agreements/queries.ts';
import { newToken, hashToken } from './security/tokens.ts';
import { runJobs, startJobs } from './jobs.ts';
import { startControlSocket } from './cli/control.ts';
import { acquireDataLock, DataLockedError } from './db/lock.ts';
import { EmbeddedStartError, OldEngineError } from './db/embedded.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Db } from './db/connect.ts';

export type Running = { url: string; port: number; db: Db; runJobs: () => Promise<void>; close: () => Promise<void> };

export async function startServer(
  config: Config,
  opts: {
    mailer?: Mailer;
    log?: (line: string) => void;
    jobsEveryMs?: number;
    clock?: () => Date;
  } = {},
): Promise<Running> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const releaseLock = config.databaseUrl ? () => {} : acquireDataLock(config.dataDir);
  let deps: Awaited<ReturnType<typeof boot>>;
  try {
    deps = await boot(config, { mailer: opts.mailer, log, clock: opts.clock });
  } catch (e) {
    releaseLock();
    throw e;
  }
  const state = await foundingState(deps.db);
  if (!state.founded) {
    const token = newToken();
    await setFoundingToken(deps.db, hashToken(token));
    log(`\nThis Kropotkin has no network yet. Open this one-time link to start one (it works once, and only until`);
    log(`the next restart):\n\n  ${config.publicUrl}/found?token=${token}\n`);
  }
  const app = createApp(deps);
  const stopJobs = startJobs(deps, opts.jobsEveryMs);
  const stopControl = config.databaseUrl ? async () => {} : await startControlSocket(deps);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(
    `Kropotkin is serving ${config.publicUrl} (listening on ${config.host}:${port}, database: ${config.databaseUrl ? 'PostgreSQL' : 'embedded, ' + config.dataDir})`,
  );
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    db: deps.db,
    runJobs: () => runJobs(deps),
    close: async () => {
      stopJobs();
      await stopControl();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle keep-alive connections would hold close() open; requests under way finish first.
      if ('closeIdleConnections' in server) server.closeIdleConnections();
      await closed;
      await deps.db.destroy(); // and stops the embedded database server
      releaseLock();
    },
  };
}

export async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  if (!config.publicUrl.startsWith('https:') && !/^http:\/\/(localhost|127\.0\.0\.1)(:|$)/.test(config.publicUrl)) {
    console.warn(
      'Warning: PUBLIC_URL is not https. Browsers refuse passkeys and secure cookies there; see docs/HOSTING.md.',
    );
  }
  fs.mkdirSync(path.dirname(config.keyFile), { recursive: true });
  let running: Running;
  try {
    running = await startServer(config);
  } catch (e) {
    // A data directory of the earlier engine, a database that cannot start: say why, in words, and stop.
    if (e instanceof OldEngineError || e instanceof EmbeddedStartError || e instanceof DataLockedError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // A request that never finishes must not keep the process alive after it was told to stop.
    setTimeout(() => {
      console.error('Requests were still running 10 s after the stop signal; stopping without them.');
      process.exit(1);
    }, 10_000);
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  await main();
}
