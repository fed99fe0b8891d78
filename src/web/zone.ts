// The network's time zone (an agreement: agreements/defaults.ts). Every time the app shows is in it, a time a member
// types (a rota slot's start) means the wall clock there, and "today" on a form is the day there — whatever zone the
// server's machine is set to. Node's Intl knows the IANA zones and their daylight-saving rules; nothing else needed.

import { z } from 'zod';
import type { Network } from './context.ts';

/** Where a time is shown: the reader's language and the network's zone. */
export type Locale = { lang: string; zone: string };

/** The zone of the machine the server runs on: what a network starts with until its founders choose. */
export const SERVER_ZONE: string = Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

/** The zone a network's times are shown in: its agreement, or the server's before founding. */
export const zoneOf = (network: Network | null): string => network?.timeZone ?? SERVER_ZONE;

/**
 * A zone's name as the person meant it, or null if there is no such zone. Case is mended ("america/mexico_city" is
 * America/Mexico_City); a zone's newer name stays as typed (Asia/Kolkata, though some ICU versions call it
 * Asia/Calcutta), since Intl knows both.
 */
export function canonicalZone(name: string): string | null {
  const typed = name.trim();
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(typed)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: typed }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  if (resolved.toLowerCase() === typed.toLowerCase()) return resolved;
  if (/[A-Z]/.test(typed)) return typed;
  return typed.replace(/(^|[/_-])([a-z])/g, (_m, sep: string, c: string) => sep + c.toUpperCase());
}

/** A time zone as a person types it, as Intl spells it; the founding form and a proposal both read it so. */
export const timeZoneSchema = z
  .string('error.timeZone')
  .trim()
  .transform((s, ctx) => canonicalZone(s) ?? (ctx.addIssue({ code: 'custom', message: 'error.timeZone' }), z.NEVER));

// Making an Intl.DateTimeFormat costs far more than using one: one per zone (a network has one; tests a few).
const clocks = new Map<string, Intl.DateTimeFormat>();
function clock(zone: string): Intl.DateTimeFormat {
  let f = clocks.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (clocks.size < 50) clocks.set(zone, f);
  }
  return f;
}

/** The wall clock in `zone` at instant `at` (ms), as if it were UTC: year, month, day, hour, minute, second. */
function wallAt(zone: string, at: number): number {
  const p: Record<string, number> = {};
  for (const part of clock(zone).formatToParts(at)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
}

/** How far `zone`'s wall clock is ahead of UTC at instant `at`, in ms. */
const offsetAt = (zone: string, at: number) =>
  wallAt(zone, Math.floor(at / 1000) * 1000) - Math.floor(at / 1000) * 1000;

/**
 * The instant the wall clock in `zone` shows `day` (YYYY-MM-DD, plus `plusDays`) at `hm` (HH:MM). On the night the
 * clocks go back an hour that comes twice is the first; an hour skipped when they go forward is read with the
 * offset from before the change (02:30 that never was is 03:30).
 */
export function wallClock(zone: string, day: string, hm: string, plusDays = 0): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, min] = hm.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d + plusDays, h, min);
  // The offset an instant has decides which instant it is: from the offset an hour either side, the earlier that fits.
  const before = offsetAt(zone, wall - 3 * 3_600_000 - offsetAt(zone, wall));
  const after = offsetAt(zone, wall + 3 * 3_600_000 - offsetAt(zone, wall));
  for (const offset of before === after ? [before] : [before, after]) {
    if (offsetAt(zone, wall - offset) === offset) return new Date(wall - offset);
  }
  return new Date(wall - before);
}

/** The day (YYYY-MM-DD) it is in `zone` at `now`. */
export function dayIn(zone: string, now: Date): string {
  return new Date(wallAt(zone, now.getTime())).toISOString().slice(0, 10);
}

/** The day (YYYY-MM-DD) and time (HH:MM) the wall clock in `zone` shows at `at`. */
export function wallOf(zone: string, at: Date): { day: string; hm: string } {
  const iso = new Date(wallAt(zone, at.getTime())).toISOString();
  return { day: iso.slice(0, 10), hm: iso.slice(11, 16) };
}
