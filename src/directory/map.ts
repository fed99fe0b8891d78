// The directory's map, drawn here as SVG: land and borders from Natural Earth (world-atlas) and the US Census Bureau's
// states (us-atlas), shipped in node_modules, projected with d3-geo — no tiles, no script, nothing fetched. Networks
// that fall within a few pixels of each other are drawn as one mark with their count, so the page stays small however
// many are listed. ADR 045.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';

export type Source = 'ours' | 'partner' | 'listed';
export type MapPoint = { lat: number; lng: number; source: Source };
/** One mark on the map: the networks within a few pixels of each other. */
export type Mark = { x: number; y: number; count: number; sources: Source[] };

export const WIDTH = 640;
export const HEIGHT = 400;
const PAD = 24;
/** Marks closer than this (in the map's pixels) are one. */
const CELL = 14;

/** A shape with its box (west, south, east, north in degrees), so a regional view draws only what it shows. */
type Boxed = { shape: GeoPermissibleObjects; box: [number, number, number, number] };
type Layers = { land: Boxed[]; borders: Boxed[]; states: Boxed[] };
const layers = new Map<'coarse' | 'fine', Layers>();
const require = createRequire(import.meta.url);
const topology = (file: string) => JSON.parse(readFileSync(require.resolve(file), 'utf8')) as Topology;

const boxed = (shape: GeoPermissibleObjects): Boxed => {
  const [[west, south], [east, north]] = geoBounds(shape);
  // A shape across the antimeridian (Russia, Fiji) has west > east: it is drawn in every view.
  return { shape, box: west > east ? [-180, south, 180, north] : [west, south, east, north] };
};
const linesOf = (m: MultiLineString): Boxed[] =>
  m.coordinates.map((line) => boxed({ type: 'LineString', coordinates: line } as LineString));

function layersOf(detail: 'coarse' | 'fine'): Layers {
  let got = layers.get(detail);
  if (!got) {
    const world = topology(`world-atlas/countries-${detail === 'coarse' ? '110m' : '50m'}.json`);
    const us = topology('us-atlas/states-10m.json');
    const countries = world.objects.countries as GeometryCollection;
    const states = us.objects.states as GeometryCollection;
    got = {
      land: (feature(world, countries) as FeatureCollection).features.map(boxed),
      borders: linesOf(mesh(world, countries, (a, b) => a !== b)),
      states: linesOf(mesh(us, states, (a, b) => a !== b)),
    };
    layers.set(detail, got);
  }
  return got;
}

/** A path's drawing, to a pixel: points that would not move the line by a pixel are left out. */
class Pen {
  private d: string[] = [];
  private x = Number.NaN;
  private y = Number.NaN;
  moveTo(x: number, y: number) {
    this.d.push(`M${Math.round(x)} ${Math.round(y)}`);
    this.x = x;
    this.y = y;
  }
  lineTo(x: number, y: number) {
    if (Math.abs(x - this.x) < 1.5 && Math.abs(y - this.y) < 1.5) return;
    this.d.push(`L${Math.round(x)} ${Math.round(y)}`);
    this.x = x;
    this.y = y;
  }
  closePath() {
    this.d.push('Z');
  }
  arc() {}
  beginPath() {}
  text() {
    return this.d.join('');
  }
}

/** The projection that shows every point, with at least a region's width around a lone one. */
export function projectionFor(points: readonly MapPoint[]): {
  projection: GeoProjection;
  wide: boolean;
  view: [number, number, number, number];
} {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  let [west, east] = points.length ? [Math.min(...lngs), Math.max(...lngs)] : [-179, 179];
  let [south, north] = points.length ? [Math.min(...lats), Math.max(...lats)] : [-55, 75];
  const grow = (lo: number, hi: number, least: number): [number, number] =>
    hi - lo >= least ? [lo, hi] : [(lo + hi) / 2 - least / 2, (lo + hi) / 2 + least / 2];
  [west, east] = grow(west, east, 4);
  [south, north] = grow(Math.max(south, -70), Math.min(north, 80), 3);
  const corners = [
    [west, south],
    [east, north],
    [west, north],
    [east, south],
  ];
  const projection = geoMercator()
    .fitExtent(
      [
        [PAD, PAD],
        [WIDTH - PAD, HEIGHT - PAD],
      ],
      { type: 'MultiPoint', coordinates: corners },
    )
    .clipExtent([
      [0, 0],
      [WIDTH, HEIGHT],
    ]);
  // What the picture shows, in degrees (a little more: a shape just outside may cross the edge).
  const [w, n] = projection.invert!([0, 0]) ?? [-180, 90];
  const [e, so] = projection.invert!([WIDTH, HEIGHT]) ?? [180, -90];
  return { projection, wide: east - west > 60, view: [w - 1, so - 1, e + 1, n + 1] };
}

/** The networks as marks: those a cell apart are one, placed at their middle. */
export function marksOf(projection: GeoProjection, points: readonly MapPoint[]): Mark[] {
  const cells = new Map<string, { x: number; y: number; count: number; sources: Set<Source> }>();
  for (const p of points) {
    const at = projection([p.lng, p.lat]);
    if (!at || !Number.isFinite(at[0]) || !Number.isFinite(at[1])) continue;
    const key = `${Math.floor(at[0] / CELL)}:${Math.floor(at[1] / CELL)}`;
    const cell = cells.get(key) ?? { x: 0, y: 0, count: 0, sources: new Set<Source>() };
    cell.x += at[0];
    cell.y += at[1];
    cell.count++;
    cell.sources.add(p.source);
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => ({
    x: Math.round(c.x / c.count),
    y: Math.round(c.y / c.count),
    count: c.count,
    sources: (['ours', 'partner', 'listed'] as const).filter((s) => c.sources.has(s)),
  }));
}

const escapeXml = (s: string) =>
  s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

export type MapWords = { title: string; description: string; mark: (m: Mark) => string };

// The pictures drawn lately, by what they show and in which words: the directory's first page (and any search asked
// again) costs nothing after the first time. A few dozen, some tens of kilobytes each.
const drawn = new Map<string, string>();
const MOST_KEPT = 48;

/** The map as an SVG element: the base, then one mark per place (ours a ringed circle, partners a square). */
export function drawMap(points: readonly MapPoint[], words: MapWords): string {
  const key = `${words.title}\n${words.description}\n${points.map((p) => `${p.lat},${p.lng},${p.source}`).join(';')}`;
  const kept = drawn.get(key);
  if (kept !== undefined) {
    drawn.delete(key);
    drawn.set(key, kept);
    return kept;
  }
  const svg = drawFresh(points, words);
  drawn.set(key, svg);
  if (drawn.size > MOST_KEPT) drawn.delete(drawn.keys().next().value!);
  return svg;
}

function drawFresh(points: readonly MapPoint[], words: MapWords): string {
  const { projection, wide, view } = projectionFor(points);
  const base = layersOf(wide ? 'coarse' : 'fine');
  const [vw, vs, ve, vn] = view;
  const draw = (shapes: Boxed[]) => {
    const pen = new Pen();
    const path = geoPath(projection, pen as never);
    for (const { shape, box } of shapes) if (box[0] <= ve && box[2] >= vw && box[1] <= vn && box[3] >= vs) path(shape);
    return pen.text();
  };
  const marks = marksOf(projection, points)
    .sort((a, b) => b.count - a.count)
    .map((m) => {
      const r = Math.min(14, 4 + Math.round(2 * Math.log2(m.count)));
      const shape = m.sources.includes('ours')
        ? `<circle cx="${m.x}" cy="${m.y}" r="${r + 2}" class="ours"/>`
        : m.sources.includes('partner')
          ? `<rect x="${m.x - r}" y="${m.y - r}" width="${2 * r}" height="${2 * r}" class="partner"/>`
          : `<circle cx="${m.x}" cy="${m.y}" r="${r}" class="listed"/>`;
      const count = m.count > 1 ? `<text x="${m.x}" y="${m.y + 3}">${m.count}</text>` : '';
      return `<g><title>${escapeXml(words.mark(m))}</title>${shape}${count}</g>`;
    });
  return (
    `<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="map-title map-desc" ` +
    `xmlns="http://www.w3.org/2000/svg"><title id="map-title">${escapeXml(words.title)}</title>` +
    `<desc id="map-desc">${escapeXml(words.description)}</desc>` +
    `<rect width="${WIDTH}" height="${HEIGHT}" class="sea"/>` +
    `<path d="${draw(base.land)}" class="land"/>` +
    `<path d="${draw(base.borders)}" class="border"/>` +
    `<path d="${draw(base.states)}" class="state"/>` +
    marks.join('') +
    `</svg>`
  );
}
