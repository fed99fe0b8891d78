// The directory's map: every network inside the picture, near ones drawn as one mark with their count, a lone network
// shown with its region around it, and a picture small enough for a cheap phone.
import { describe, expect, it } from 'vitest';
import { drawMap, HEIGHT, marksOf, projectionFor, WIDTH, type MapPoint } from './map.ts';
import { listedNetworks } from './listing.ts';

const words = { title: 'Map', description: 'Networks', mark: (m: { count: number }) => `${m.count} networks` };
const listed: MapPoint[] = listedNetworks().flatMap((e) => (e.position ? [{ ...e.position, source: e.source }] : []));

describe('the directory map', () => {
  it('puts every network inside the picture, and counts each once', () => {
    const { projection } = projectionFor(listed);
    const marks = marksOf(projection, listed);
    expect(marks.reduce((n, m) => n + m.count, 0)).toBe(listed.length);
    for (const m of marks) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(WIDTH);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(HEIGHT);
    }
    // Six hundred networks, a few hundred marks at most: near ones are one.
    expect(marks.length).toBeLessThan(listed.length / 2);
  });

  it('keeps the kinds of network a mark holds, ours first', () => {
    const near: MapPoint[] = [
      { lat: 37.8, lng: -122.3, source: 'listed' },
      { lat: 37.8, lng: -122.3, source: 'ours' },
      { lat: 37.8, lng: -122.2, source: 'partner' },
      { lat: 40.7, lng: -74.0, source: 'listed' },
    ];
    const marks = marksOf(projectionFor(near).projection, near);
    expect(marks).toHaveLength(2);
    expect(marks.find((m) => m.count === 3)!.sources).toEqual(['ours', 'partner', 'listed']);
  });

  it('shows a lone network with its region around it, not a dot on an empty sea', () => {
    const svg = drawMap([{ lat: 37.8, lng: -122.3, source: 'ours' }], words);
    expect(svg).toContain('class="ours"');
    const land = /<path d="([^"]*)" class="land"/.exec(svg)![1]!;
    expect(land.length).toBeGreaterThan(100);
    const { projection } = projectionFor([{ lat: 37.8, lng: -122.3, source: 'ours' }]);
    const [x, y] = projection([-122.3, 37.8])!;
    expect(Math.abs(x - WIDTH / 2)).toBeLessThan(2);
    expect(Math.abs(y - HEIGHT / 2)).toBeLessThan(2);
  });

  it('draws the whole listing in a picture a cheap phone takes (under 80 KB), and an empty one still shows land', () => {
    const svg = drawMap(listed, words);
    expect(svg.length).toBeLessThan(80_000);
    expect(svg).toMatch(/^<svg class="map" viewBox="0 0 640 400" role="img"/);
    const empty = drawMap([], words);
    expect(empty).toContain('class="land"');
    expect(empty).not.toContain('<g>');
  });

  it('writes the words it is given as text, never as markup', () => {
    const svg = drawMap([{ lat: 1, lng: 1, source: 'listed' }], {
      title: '<script>alert(1)</script>',
      description: 'a & b',
      mark: () => '"><img src=x>',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('a &amp; b');
  });
});
