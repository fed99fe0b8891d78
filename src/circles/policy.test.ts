import { describe, expect, it } from 'vitest';
import { can } from './policy.ts';

const who = (id: string) => ({ id, displayName: id, language: 'en' }) as Parameters<typeof can.seeCircle>[0];
const circle = (startedAt: Date | null) => ({ startedAt, members: [{ id: 'ada', name: 'Ada', position: 1 }] });

describe('who may see a circle', () => {
  it('shows a gathering circle to every member, and a started one only to its own', () => {
    expect(can.seeCircle(who('bea'), circle(null))).toBe(true);
    expect(can.seeCircle(who('ada'), circle(new Date()))).toBe(true);
    expect(can.seeCircle(who('bea'), circle(new Date()))).toBe(false);
    expect(can.seeCircle(null, circle(null))).toBe(false);
  });
});
