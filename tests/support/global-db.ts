// Vitest's global setup for the unit, system and integration tiers: one throwaway embedded PostgreSQL server for the
// whole run (the app's own engine, src/db/embedded.ts, started in a temp directory with fsync off: tests need no
// durability, and the durability and crash tests start servers of their own that sync). Each test file makes its own
// database on it (tests/support/db.ts). When TEST_DATABASE_URL is already set (tests/run.mjs's compatibility pass
// against the oldest PostgreSQL we support), that server is used instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbedded, layout, type EmbeddedServer } from '../../src/db/embedded.ts';

let server: EmbeddedServer | undefined;
let dir: string | undefined;

export async function setup() {
  if (process.env.TEST_DATABASE_URL) return;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-test-db-'));
  server = await startEmbedded(dir, { fsync: false, maxConnections: 400 });
  process.env.TEST_DATABASE_URL = server.url;
  // The seizure drill scans the server's own files.
  process.env.TEST_PG_DIR = layout(dir).pgdata;
}

export async function teardown() {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
