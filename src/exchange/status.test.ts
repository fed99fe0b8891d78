import { describe, expect, it } from 'vitest';
import { canMove } from './status.ts';

describe('the life of a need and an offer', () => {
  it('lets a need go open → matched → met, and back to open when released', () => {
    expect(canMove('need', 'open', 'matched')).toBe(true);
    expect(canMove('need', 'matched', 'met')).toBe(true);
    expect(canMove('need', 'matched', 'open')).toBe(true);
    expect(canMove('need', 'open', 'withdrawn')).toBe(true);
    expect(canMove('need', 'open', 'expired')).toBe(true);
  });

  it('never brings a met, withdrawn or expired need back, nor skips matching', () => {
    for (const end of ['met', 'withdrawn', 'expired'] as const) {
      for (const to of ['open', 'matched', 'met'] as const) expect(canMove('need', end, to)).toBe(false);
    }
    expect(canMove('need', 'open', 'met')).toBe(false);
  });

  it('lets an offer close or be withdrawn, and never reopen', () => {
    expect(canMove('offer', 'open', 'closed')).toBe(true);
    expect(canMove('offer', 'open', 'withdrawn')).toBe(true);
    expect(canMove('offer', 'closed', 'open')).toBe(false);
    expect(canMove('offer', 'open', 'matched')).toBe(false);
  });
});
