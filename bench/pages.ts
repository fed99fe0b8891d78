// Pages on a cheap phone: every core page with all it loads, its bytes as served and gzip-compressed (what a
// compressing proxy sends), and largest contentful paint in Debian's Chromium with DevTools' "Slow 4G" network
// (562.5 ms latency, 180 kB/s down, 84 kB/s up) and the CPU slowed four times, cache off.
import zlib from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

/** Founds the network through its form in this browser context (which then holds the founder's session); returns the cookie header. */
export async function foundInContext(context: BrowserContext, origin: string, token: string): Promise<string> {
  const page = await context.newPage();
  await page.goto(`${origin}/found?token=${token}`);
  await page.getByLabel('Name of the network').fill('Bench Mutual Aid');
  await page.getByLabel('Neighbourhoods').fill('Eastside\nRiverside\nOld Town\nHillcrest');
  await page.getByLabel('Name to show').fill('Ada');
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Start the network' }).click();
  await page.waitForURL('**/welcome');
  await page.close();
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 };
export const CPU_SLOWDOWN = 4;

export type PageFigure = { path: string; bytes: number; gzipBytes: number; requests: number; lcpMs: number };

export async function measurePages(context: BrowserContext, base: string, paths: string[]): Promise<PageFigure[]> {
  const out: PageFigure[] = [];
  for (const p of paths) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const bodies: Promise<Buffer | null>[] = [];
    page.on('response', (res) => bodies.push(res.body().catch(() => null)));
    const res = await page.goto(`${base}${p}`, { waitUntil: 'load' });
    if (!res || res.status() >= 400) throw new Error(`${p} answered ${res?.status()}`);
    const lcpMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1]!.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          setTimeout(() => resolve(-1), 5000);
        }),
    );
    const all = (await Promise.all(bodies)).filter((b): b is Buffer => b !== null);
    out.push({
      path: p,
      bytes: all.reduce((s, b) => s + b.length, 0),
      gzipBytes: all.reduce((s, b) => s + zlib.gzipSync(b).length, 0),
      requests: all.length,
      lcpMs: Math.round(lcpMs),
    });
    await page.close();
  }
  return out;
}
