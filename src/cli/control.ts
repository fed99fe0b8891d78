// A Unix socket in the data directory (mode 0600) through which the CLI asks the running server for things that
// need the database, since the embedded database allows only one process. Only the host's own user can reach it.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Deps } from '../web/context.ts';
import { createInvite, inviteUrl } from '../members/invites.ts';
import { foundingState, networkAgreements } from '../agreements/queries.ts';
import { parseProposal, PROPOSAL_DEFAULTS } from '../decisions/schema.ts';
import { openProposal, proposalProblems } from '../decisions/commands.ts';
import { writeBackup } from '../backup/commands.ts';
import { jobReport, type JobReport } from '../web/health.ts';

export type StatusReport = { jobs: JobReport[] };

export const socketPath = (dataDir: string) => path.join(dataDir, 'control.sock');

export async function startControlSocket(deps: Deps): Promise<() => Promise<void>> {
  const file = socketPath(deps.config.dataDir);
  fs.rmSync(file, { force: true });
  const server = http.createServer(async (req, res) => {
    try {
      if (req.method === 'POST' && req.url === '/invite') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const { uses } = JSON.parse(body || '{}') as { uses?: unknown };
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(
            await cliInvite(
              deps,
              Number.isInteger(uses) && (uses as number) >= 1 && (uses as number) <= 500 ? (uses as number) : 1,
            ),
          ),
        );
        return;
      }
      if (req.method === 'POST' && req.url === '/backup') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const { out } = JSON.parse(body || '{}') as { out?: string };
        res.setHeader('content-type', 'application/json');
        try {
          const r = await writeBackup(deps.config, deps.db, deps.keys, deps.clock(), out);
          res.end(JSON.stringify({ file: r.file, bytes: String(r.bytes) }));
        } catch (e) {
          res.end(JSON.stringify({ error: (e as Error).message }));
        }
        return;
      }
      if (req.method === 'POST' && req.url === '/propose') {
        let body = '';
        for await (const chunk of req) body += chunk;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(await cliPropose(deps, JSON.parse(body) as Record<string, string>)));
        return;
      }
      if (req.url === '/status') {
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            jobs: jobReport(
              deps.jobs,
              deps.registry.jobs.map((j) => j.name),
              true,
            ),
          }),
        );
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

/**
 * Opens a proposal from the host's console, as the host (no member's name on it). The CLI cannot change an agreement
 * itself: it can only ask the members, through the same proposal form the web uses.
 */
export async function cliPropose(deps: Deps, fields: Record<string, string>): Promise<Record<string, string>> {
  if (!(await foundingState(deps.db)).founded)
    return { error: 'There is no network yet: open the founding link first.' };
  const values = { ...PROPOSAL_DEFAULTS, ...fields };
  const parsed = parseProposal(values, deps.registry);
  if (!parsed.ok)
    return {
      error: Object.entries(parsed.errors)
        .map(([field, key]) => `${field}: ${deps.registry.catalogs.en[key]}`)
        .join('\n'),
    };
  const problems = await proposalProblems(deps.db, deps.registry, parsed.input);
  if (problems)
    return {
      error: Object.entries(problems)
        .map(([field, key]) => `${field}: ${deps.registry.catalogs.en[key]}`)
        .join('\n'),
    };
  const id = await openProposal(deps.db, null, parsed.input, deps.clock());
  return { id, url: `${deps.config.publicUrl}/decisions/${id}` };
}

export async function cliInvite(
  deps: Deps,
  uses = 1,
): Promise<{ url?: string; expiresAt?: string; error?: string; note?: string }> {
  if (!(await foundingState(deps.db)).founded)
    return { error: 'There is no network yet: open the founding link first.' };
  const joinMode = (await networkAgreements(deps.db, deps.registry)).joinMode;
  const seconded = joinMode === 'seconded';
  const { token, expiresAt } = await createInvite(deps.db, null, deps.clock(), { joinMode, maxUses: uses });
  const url = inviteUrl(deps.config.publicUrl, token);
  return {
    url,
    expiresAt: expiresAt.toISOString(),
    ...(seconded
      ? { note: 'This network asks for a second: the link works once a member seconds it on the Invite page.' }
      : {}),
  };
}

export function askServer(dataDir: string, route: string, body?: unknown): Promise<Record<string, string>> {
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
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}
