// The server-process benchmarks at a tiny size, so they cannot rot: pages on a throttled phone, a one-step load on
// Kropotkin and on hello world, memory, and start-up on an existing data directory. Sense, not speed, is checked.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support.ts';
import { processTree, pssTreeMb, startServerProcess, type ServerProcess } from '../../bench/support.ts';
import { foundInContext, measurePages } from '../../bench/pages.ts';
import { helloUnderLoad, joinMembers, kropotkinUnderLoad } from '../../bench/load.ts';
import { tempDir } from '../support/disk.ts';

let browser: Browser;
let server: ServerProcess;
const dir = tempDir('kropotkin-bench-smoke-');

beforeAll(async () => {
  browser = await launchChromium();
  server = await startServerProcess(path.join(dir, 'data'), path.join(dir, 'key'));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('server benchmarks at a tiny size', () => {
  it('measures a page, a load step, memory and a restart', async () => {
    const context = await browser.newContext();
    const cookie = await foundInContext(context, server.origin, server.foundingToken!);
    const [board] = await measurePages(context, server.origin, ['/board']);
    expect(board!.gzipBytes).toBeGreaterThan(500);
    expect(board!.gzipBytes).toBeLessThan(board!.bytes);
    expect(board!.lcpMs).toBeGreaterThan(0);
    await context.close();

    const members = await joinMembers(server, path.join(dir, 'data'), 3);
    const load = await kropotkinUnderLoad(server, cookie, members, { seconds: 1, rates: [5] });
    expect(load.steps[0]!.errors).toBe(0);
    expect(load.steps[0]!.achieved).toBeGreaterThan(0);
    expect(load.peakPssMb).toBeGreaterThan(0);
    const hello = await helloUnderLoad({ seconds: 1, rates: [5] });
    expect(hello.steps[0]!.errors).toBe(0);
    // Memory counts the database server's processes too: more than Node alone.
    expect(processTree(server.child.pid!).length).toBeGreaterThan(3);
    expect(pssTreeMb(server.child.pid!)).toBeGreaterThan(10);

    await server.stop();
    server = await startServerProcess(path.join(dir, 'data'), path.join(dir, 'key'));
    expect(server.foundingToken).toBeNull(); // the existing network, not a new one
    expect(server.startedMs).toBeGreaterThan(0);
  });
});
