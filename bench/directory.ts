// The directory of networks (issue 22): what a visit costs the server. The map is drawn per request from shapes read
// once (directory/map.ts): the first page's map drawn fresh and kept, the same asked again, and searches that each
// need a fresh regional map — against the baseline of the same searches' lists alone (the words matched, no map).
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { drawMap, type MapPoint } from '../src/directory/map.ts';
import { listedNetworks, searchEntries, type Entry } from '../src/directory/listing.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const SEARCHES = [
  'oakland',
  'ca',
  'ny',
  'texas',
  'seattle',
  'chicago',
  'portland',
  'boston',
  'mutual',
  'aid',
  'fl',
  'mn',
];

const pointsOf = (entries: Entry[]): MapPoint[] =>
  entries.flatMap((e) => (e.position ? [{ ...e.position, source: e.source }] : []));

export async function directoryBench(rounds = 3) {
  const all = listedNetworks();
  const words = (n: number) => ({
    title: `Map ${n}`, // a new title: the picture is not one drawn before
    description: 'Networks',
    mark: (m: { count: number }) => `${m.count} networks`,
  });
  let t0 = performance.now();
  const first = drawMap(pointsOf(all), words(0));
  const firstColdMs = performance.now() - t0; // shapes read from disk too
  t0 = performance.now();
  drawMap(pointsOf(all), words(0));
  const firstKeptMs = performance.now() - t0;
  const mapMs: number[] = [];
  const listMs: number[] = [];
  let n = 1;
  for (let r = 0; r < rounds; r++)
    for (const q of SEARCHES) {
      t0 = performance.now();
      const found = searchEntries(all, q, 'all');
      const listed = performance.now() - t0;
      drawMap(pointsOf(found), words(n++));
      mapMs.push(performance.now() - t0);
      listMs.push(listed);
    }
  return {
    networks: all.length,
    firstMapBytes: first.length,
    firstColdMs,
    firstKeptMs,
    searchWithMapMs: median(mapMs),
    searchListOnlyMs: median(listMs),
    heapMb: process.memoryUsage().heapUsed / 1e6,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await directoryBench(Number(process.argv[2] ?? 3));
  const day = new Date().toISOString().slice(0, 10);
  fs.writeFileSync(
    new URL(`./results/directory-${day}.json`, import.meta.url),
    `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`,
  );
  console.log(result);
}
