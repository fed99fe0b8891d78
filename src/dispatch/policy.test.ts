import { describe, expect, it } from 'vitest';
import { can } from './policy.ts';

describe('who may dispatch', () => {
  it('lets a dispatcher in while crisis mode is on, and says what is missing otherwise', () => {
    expect(can.dispatch(true, true)).toBeNull();
    expect(can.dispatch(true, false)).toBe('role');
    expect(can.dispatch(false, true)).toBe('off');
    expect(can.dispatch(false, false)).toBe('off');
  });
});
