// Under load: the board and posting a need, mixed three to one, at rising fixed rates (loadgen.ts: evenly spaced,
// loopback only, bounded steps); the highest rate whose 99th-percentile latency stays under 100 ms, against Hono's hello world
// measured the same way in the same run. Also the server's memory at idle and under that load.
import { askServer } from '../src/cli/control.ts';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { freePort, postForm, prng, pssTreeMb, type ServerProcess } from './support.ts';
import { fixedRate, type Req } from './loadgen.ts';

export const P99_LIMIT_MS = 100;

export type Step = { rate: number; achieved: number; p50: number; p99: number; errors: number; ok: boolean };
export type LoadResult = { best: number; steps: Step[]; peakPssMb: number };

/** One fixed-rate step. Passes when p99 < 100 ms, nothing failed, and the rate asked for was reached. */
async function step(
  url: string,
  rate: number,
  seconds: number,
  requests: Req[],
  headers: Record<string, string>,
  pid?: number,
) {
  let peak = 0;
  const sampler = pid ? setInterval(() => (peak = Math.max(peak, pssTreeMb(pid))), 250) : undefined;
  const r = await fixedRate(url, rate, seconds, requests, headers);
  if (sampler) clearInterval(sampler);
  const s: Step = {
    rate,
    achieved: r.achieved,
    p50: r.p50,
    p99: r.p99,
    errors: r.errors,
    ok: r.p99 < P99_LIMIT_MS && r.errors === 0 && r.achieved >= rate * 0.9,
  };
  return { s, peak };
}

async function climb(
  url: string,
  rates: number[],
  seconds: number,
  requests: Req[],
  headers: Record<string, string>,
  pid?: number,
): Promise<LoadResult> {
  const steps: Step[] = [];
  let best = 0;
  let peakPssMb = 0;
  for (const rate of rates) {
    const { s, peak } = await step(url, rate, seconds, requests, headers, pid);
    steps.push(s);
    if (!s.ok) {
      if (best === 0) peakPssMb = peak; // not even the first rate held: its memory is what there is to report
      break;
    }
    // Memory under load is read at the rates the server holds, not in a step where its queue grows without end.
    peakPssMb = Math.max(peakPssMb, peak);
    best = rate;
  }
  return { best, steps, peakPssMb };
}

export const RATES = [5, 10, 25, 50, 100, 200, 300, 400, 500, 600, 800, 1000, 1600, 3200, 6400, 12800];

/**
 * The mixed load against a running Kropotkin: the founder reads the board, and the members (their cookies given) post
 * needs, each in turn, as many members of a network would.
 */
export async function kropotkinUnderLoad(
  server: ServerProcess,
  cookie: string,
  members: string[],
  opts: { seconds: number; rates?: number[] },
) {
  const r = prng(11);
  const body = new URLSearchParams(postForm(r, 'need')).toString();
  const posts: Req[] = members.map((m) => ({
    method: 'POST',
    path: '/posts',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin, cookie: m },
  }));
  const board: Req = { method: 'GET', path: '/board', headers: { cookie } };
  const mix = posts.flatMap((post) => [board, board, board, post]);
  return climb(server.base, opts.rates ?? RATES, opts.seconds, mix, {}, server.child.pid);
}

/** The board alone, read by the founder: what most requests of a network are. */
export async function boardUnderLoad(
  server: ServerProcess,
  cookie: string,
  opts: { seconds: number; rates?: number[] },
) {
  const board: Req = { method: 'GET', path: '/board', headers: { cookie } };
  return climb(server.base, opts.rates ?? RATES, opts.seconds, [board], {}, server.child.pid);
}

/** Members who joined through one invite link for many, made by the host's command (the server answers it). */
export async function joinMembers(server: ServerProcess, dataDir: string, n: number): Promise<string[]> {
  const { url } = await askServer(dataDir, '/invite', { uses: Math.min(500, n) });
  const path = new URL(url!).pathname;
  const cookies: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${server.base}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.origin },
      body: new URLSearchParams({ display_name: `Member ${i}`, language: 'en', email: '' }),
    });
    if (res.status !== 303) throw new Error(`joining answered ${res.status}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; '),
    );
  }
  return cookies;
}

/** The same climb against Hono's hello world in its own process. */
export async function helloUnderLoad(opts: { seconds: number; rates?: number[] }) {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'hello.ts')], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  try {
    return await climb(
      `http://127.0.0.1:${port}`,
      opts.rates ?? RATES,
      opts.seconds,
      [{ method: 'GET', path: '/' }],
      {},
    );
  } finally {
    child.kill('SIGTERM');
  }
}
