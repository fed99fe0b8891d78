// `npm start` as a host runs it: `node bin/kropotkin.js start` runs the compiled JavaScript in dist/, rebuilt first
// when src/ changed since the last build; it serves the founding page on an empty data directory, and on SIGTERM it
// stops cleanly, taking its database server with it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layout } from '../../src/db/embedded.ts';
import { tempDir } from '../support/disk.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const root = tempDir('kropotkin-start-');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

const fresh = () =>
  spawnSync(
    process.execPath,
    ['--input-type=module', '-e', `const b = await import('./bin/build.mjs'); process.exit(b.isFresh() ? 0 : 1)`],
    { cwd: ROOT },
  ).status === 0;

describe('npm start', () => {
  it('runs the compiled build (made fresh if src/ changed), answers, and stops cleanly with its database', async () => {
    const dataDir = path.join(root, 'data');
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/kropotkin.js'), 'start'], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        PUBLIC_URL: `http://localhost:${port}`,
        KROPOTKIN_DATA_DIR: dataDir,
        KROPOTKIN_KEY_FILE: path.join(root, 'master.key'),
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    try {
      let status = 0;
      for (const end = Date.now() + 90_000; Date.now() < end && child.exitCode === null;) {
        const res = await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' }).catch(() => null);
        if (res) {
          status = res.status;
          await res.arrayBuffer();
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(status, out).toBeGreaterThan(0);
      expect(status).toBeLessThan(500);
      expect(out).toMatch(/\/found\?token=/);
      // What ran is dist/ as built from the sources now checked out.
      expect(fresh()).toBe(true);
      const pid = Number(fs.readFileSync(path.join(layout(dataDir).pgdata, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(pid).toBeGreaterThan(0);

      child.kill('SIGTERM');
      expect(await exited, out).toBe(0);
      expect(fs.existsSync(path.join(layout(dataDir).pgdata, 'postmaster.pid'))).toBe(false);
      expect(() => process.kill(pid, 0)).toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 120_000);
});
