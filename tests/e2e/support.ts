// Browser test support: the real server on a free port with a temporary data directory, Debian's Chromium through
// playwright-core, and axe-core run on each page.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { loadConfig } from '../../src/core/config.ts';
import { startServer, type Running } from '../../src/server.ts';
import type { Mail } from '../../src/mail/mailer.ts';
import { askServer } from '../../src/cli/control.ts';
import { tempDir } from '../support/disk.ts';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath) throw new Error('CHROMIUM_PATH is not set (tests/run.mjs sets it from `command -v chromium`)');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type AppUnderTest = Running & {
  base: string;
  foundingLink: () => string;
  /** A fresh invite link, asked of the running server the way `kropotkin invite` does. */
  invite: () => Promise<string>;
  /** Opens a proposal the way `kropotkin propose` does while the server runs. */
  propose: (fields: Record<string, string>) => Promise<Record<string, string>>;
  mails: Mail[];
  dir: string;
  /** Rows in a table, asked of the running server's own database connection. */
  dbCount: (table: 'passkeys' | 'members' | 'posts') => Promise<number>;
  /** Moves the server's clock forward (scheduled work sees it on the next runJobs). */
  advance: (hours: number) => void;
};

export async function startApp(): Promise<AppUnderTest> {
  const dir = tempDir('kropotkin-e2e-');
  const lines: string[] = [];
  const mails: Mail[] = [];
  // Bind a free port first so PUBLIC_URL (the passkey origin) can name it.
  const probe = await import('node:net').then(
    (net) =>
      new Promise<number>((resolve) => {
        const s = net.createServer().listen(0, '127.0.0.1', () => {
          const p = (s.address() as { port: number }).port;
          s.close(() => resolve(p));
        });
      }),
  );
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: String(probe),
    PUBLIC_URL: `http://localhost:${probe}`,
    KROPOTKIN_DATA_DIR: path.join(dir, 'data'),
    KROPOTKIN_KEY_FILE: path.join(dir, 'kropotkin.key'),
  });
  let offsetMs = 0;
  const running = await startServer(config, {
    clock: () => new Date(Date.now() + offsetMs),
    log: (l) => lines.push(l),
    mailer: { kind: 'console', send: async (m) => void mails.push(m) },
  });
  return {
    ...running,
    base: `http://localhost:${running.port}`,
    mails,
    dir,
    advance: (hours) => void (offsetMs += hours * 3_600_000),
    foundingLink: () => {
      const link = lines.join('\n').match(/http:\/\/\S+\/found\?token=[\w-]+/);
      if (!link) throw new Error('no founding link was printed');
      return link[0];
    },
    invite: async () => (await askServer(config.dataDir, '/invite')).url!,
    propose: (fields) => askServer(config.dataDir, '/propose', fields),
    dbCount: async (table) => {
      const row = await running.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: async () => {
      await running.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const PHONE = { width: 360, height: 740 };
/** The tallest the header may be on a phone: the network's name on one line, and two rows of touch targets. */
export const HEADER_MAX = 28 + 2 * 44 + 4;

/**
 * Shows the page on a 360 px wide screen and fails if anything makes it wider (a table scrolls in its own box, never
 * the page), naming what sticks out; then puts the viewport back.
 */
export async function expectFitsPhone(page: Page) {
  const size = page.viewportSize();
  await page.setViewportSize(PHONE);
  const wide = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      // Past the right edge, or (right to left) past the left one.
      if ((box.right > width + 0.5 || box.left < -0.5) && !el.closest('.table-scroll') && out.length < 5)
        out.push(
          `${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).replace(/ /g, '.') : ''} (${Math.round(box.left)} to ${Math.round(box.right)} px)`,
        );
    }
    // Nothing past an edge, yet the page scrolls: name what holds more than it shows (text that overflows its box).
    if (!out.length && document.documentElement.scrollWidth > width)
      for (const el of document.querySelectorAll('body *'))
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0 && !el.closest('.table-scroll') && out.length < 5)
          out.push(
            `${el.tagName.toLowerCase()}.${String(el.className)} holds ${el.scrollWidth} px in ${el.clientWidth}`,
          );
    const header = document.querySelector('header.top')?.getBoundingClientRect().height ?? 0;
    return { scroll: document.documentElement.scrollWidth, width, out, header };
  });
  if (size) await page.setViewportSize(size);
  if (wide.scroll > wide.width && process.env.KEEP_WIDE) fs.writeFileSync(process.env.KEEP_WIDE, await page.content());
  expect(wide.scroll, `${page.url()} is wider than a 360 px screen: ${wide.out.join(', ')}`).toBeLessThanOrEqual(
    wide.width,
  );
  // The header (name and menu) takes a line and two rows of 44 px targets: under a sixth of a 740 px screen.
  expect(wide.header, `${page.url()}: the header is ${wide.header} px tall on a 360 px screen`).toBeLessThanOrEqual(
    HEADER_MAX,
  );
}

/**
 * Runs axe-core on the page (through the devtools protocol, so the page's CSP stays as it is), and checks that it fits
 * a 360 px screen: every page a browser test looks at is held to both.
 */
export async function expectAccessible(page: Page, visited: string[]) {
  visited.push(new URL(page.url()).pathname);
  await expectFitsPhone(page);
  await page.evaluate(axeSource);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[];
  };
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `accessibility of ${page.url()}`).toEqual([]);
}

/** Founds the network through the founding form, as the host would. */
export async function foundInBrowser(page: Page, app: AppUnderTest, name = 'Ada') {
  await page.goto(app.foundingLink());
  await page.getByLabel('Name of the network').fill('Hillcrest Mutual Aid');
  await page.getByLabel('Neighbourhoods').fill('Hillcrest\nValley');
  await page.getByLabel('Name to show').fill(name);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Start the network' }).click();
  await page.waitForURL('**/welcome');
}

/** A new member in their own browser context, joined through a fresh invite link. */
export async function joinInBrowser(browser: Browser, app: AppUnderTest, name: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: app.base })).newPage();
  await page.goto(await app.invite());
  await page.getByLabel('Name to show').fill(name);
  await page.getByRole('radio', { name: 'English' }).check();
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL('**/welcome');
  return page;
}

/** Chromium and a fresh app for one test file: started before its tests, closed after. */
export function browserAndAppForFile() {
  const holder = {} as { browser: Browser; app: AppUnderTest };
  beforeAll(async () => {
    holder.browser = await launchChromium();
    holder.app = await startApp();
  });
  afterAll(async () => {
    await holder.browser?.close();
    await holder.app?.close();
  });
  return holder;
}
