// A Unix socket in the data directory (mode 0600) through which the CLI asks the running server for things that
// need the database, since the embedded database allows only one process. Only the host's own user can reach it.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Deps } from '../web/context.ts';
import { createInvite, inviteUrl } from '../members/invites.ts';
import { foundingState } from '../agreements/queries.ts';

export const socketPath = (dataDir: string) => path.join(dataDir, 'control.sock');

export async function startControlSocket(deps: Deps): Promise<() => Promise<void>> {
  const file = socketPath(deps.config.dataDir);
  fs.rmSync(file, { force: true });
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/invite') {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(await cliInvite(deps)));
        return;
      }
      res.statusCode = 404;
      res.end('{}');
    } catch (e) {
      res.statusCode = 500;
      res.end(JSON.stringify({ error: (e as Error).message }));
    }
  });
  await new Promise<void>((resolve) => server.listen(file, () => resolve()));
  fs.chmodSync(file, 0o600);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

export async function cliInvite(deps: Deps): Promise<{ url?: string; expiresAt?: string; error?: string }> {
  if (!(await foundingState(deps.db)).founded) return { error: 'There is no network yet: open the founding link first.' };
  const { token, expiresAt } = await createInvite(deps.db, null, deps.clock());
  return { url: inviteUrl(deps.config.publicUrl, token), expiresAt: expiresAt.toISOString() };
}

export function askServer(dataDir: string, route: string): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath: socketPath(dataDir), path: route, method: 'POST' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        try {
          resolve(JSON.parse(body));
        } catch (e) {
          reject(e);
        }
      });
    });
    req.on('error', reject);
    req.end();
  });
}
