import { describe, expect, it } from 'vitest';
import { areaDistance } from './areas.ts';

describe('distance between areas', () => {
  const areas = ['Eastside', 'Riverside', 'Old Town', 'Hillcrest', 'Island'];
  it('counts borders crossed along the agreed neighbours', () => {
    const d = areaDistance(areas, [
      ['Eastside', 'Riverside'],
      ['Riverside', 'Old Town'],
      ['Old Town', 'Hillcrest'],
    ]);
    expect(d('Eastside', 'Eastside')).toBe(0);
    expect(d('Eastside', 'Riverside')).toBe(1);
    expect(d('Hillcrest', 'Eastside')).toBe(3);
    expect(d('Eastside', 'Island')).toBe(5); // not connected: farther than any path
  });
  it('puts every other area one step away when no neighbours are agreed, and ignores unknown areas', () => {
    expect(areaDistance(areas, [])('Eastside', 'Hillcrest')).toBe(1);
    expect(areaDistance(areas, [['Gone', 'Eastside']])('Eastside', 'Riverside')).toBe(1);
  });
});
