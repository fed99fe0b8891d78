import { describe, expect, it } from 'vitest';
import { canonicalZone, dayIn, wallClock } from './zone.ts';
import { formatDate, formatDateTime, formatTime } from './parts.tsx';

describe('the network time zone', () => {
  it('knows zones however they are typed, and nothing else', () => {
    expect(canonicalZone('america/mexico_city')).toBe('America/Mexico_City');
    expect(canonicalZone('Europe/Madrid')).toBe('Europe/Madrid');
    expect(canonicalZone('utc')).toBe('UTC');
    for (const bad of ['', 'Mars/Olympus', 'Europe/Madrid; drop table', 'x'.repeat(100), '../etc/passwd'])
      expect(canonicalZone(bad)).toBeNull();
  });

  it('reads a wall-clock time typed in the zone as the instant it means there', () => {
    expect(wallClock('Asia/Kolkata', '2026-12-10', '09:00').toISOString()).toBe('2026-12-10T03:30:00.000Z');
    expect(wallClock('America/Mexico_City', '2026-12-10', '21:00').toISOString()).toBe('2026-12-11T03:00:00.000Z');
    expect(wallClock('UTC', '2026-12-31', '23:30', 1).toISOString()).toBe('2027-01-01T23:30:00.000Z');
    // Summer and winter in one zone: the offset of that day, not of today.
    expect(wallClock('Europe/Madrid', '2026-07-01', '10:00').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(wallClock('Europe/Madrid', '2026-01-15', '10:00').toISOString()).toBe('2026-01-15T09:00:00.000Z');
  });

  it('takes the first of an hour that comes twice, and moves an hour that never was forward', () => {
    // New York, 2026-11-01: 01:30 happens at 05:30Z (daylight time) and again at 06:30Z.
    expect(wallClock('America/New_York', '2026-11-01', '01:30').toISOString()).toBe('2026-11-01T05:30:00.000Z');
    // 2026-03-08: the clocks jump from 02:00 to 03:00; 02:30 is read as 03:30 daylight time.
    expect(wallClock('America/New_York', '2026-03-08', '02:30').toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('round-trips every quarter hour of a year in zones with and without daylight saving', () => {
    for (const zone of ['America/Santiago', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Europe/London']) {
      const f = new Intl.DateTimeFormat('en-CA', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      for (let at = Date.UTC(2026, 0, 1); at < Date.UTC(2027, 0, 1); at += 15 * 60_000 * 7) {
        const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, x.value]));
        const back = wallClock(zone, `${p.year}-${p.month}-${p.day}`, `${p.hour}:${p.minute}`);
        // An hour shown twice maps to its first instant: never later than the instant it came from.
        expect(back.getTime() <= at && at - back.getTime() <= 3_600_000).toBe(true);
        if (back.getTime() !== at) expect(f.format(back)).toBe(f.format(at));
      }
    }
  });

  it('says which day it is where the network is', () => {
    const now = new Date('2026-12-02T02:00:00Z');
    expect(dayIn('UTC', now)).toBe('2026-12-02');
    expect(dayIn('America/Mexico_City', now)).toBe('2026-12-01');
    expect(dayIn('Pacific/Kiritimati', new Date('2026-12-01T11:00:00Z'))).toBe('2026-12-02');
  });

  it('shows instants in the zone, and a typed day as that day', () => {
    const at = new Date('2026-12-02T02:00:00Z');
    expect(formatDateTime({ lang: 'en', zone: 'America/Mexico_City' }, at)).toBe('Dec 1, 2026, 8:00 PM');
    expect(formatDateTime({ lang: 'es', zone: 'Europe/Madrid' }, at)).toBe('2 dic 2026, 3:00');
    expect(formatTime({ lang: 'en', zone: 'Asia/Kolkata' }, at)).toBe('7:30 AM');
    expect(formatDate({ lang: 'en', zone: 'America/Mexico_City' }, at)).toBe('Dec 1, 2026');
    expect(formatDate({ lang: 'en', zone: 'Pacific/Kiritimati' }, '2026-12-02')).toBe('Dec 2, 2026');
  });
});
