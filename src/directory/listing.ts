// The directory's entries: our network (when its members published a profile), partner networks (as their profiles
// say), and the public listings Mutual Aid Hub published (2020–2022, shipped with the app as a starting point) — and
// how a search narrows them. Plain functions over plain data: the routes load, this sorts and filters.
import { readFileSync } from 'node:fs';
import { wordsOf } from '../texts/index.ts';
import type { Source } from './map.ts';
import type { Position } from './profile.ts';

export type Entry = {
  /** Where it is on the page: `ours`, `partner-…`, `listed-…`. */
  key: string;
  source: Source;
  name: string;
  place: string;
  about: string;
  /** A listing's kind as Mutual Aid Hub named it (General, Community, Offer Support, Request Support). */
  category: string | null;
  position: Position | null;
  /** The page or form a listed network gave Mutual Aid Hub. */
  link: string | null;
  /** Where to write to the network: a form on its own server. */
  contact: string | null;
  /** A partner's address (its server). */
  host: string | null;
};

type Listed = {
  id: number;
  title: string;
  city: string;
  state: string;
  neighborhood: string;
  category: string;
  lat: number | null;
  lng: number | null;
  link: string;
};

let listed: Entry[] | null = null;

/** Mutual Aid Hub's 609 listings (their public directory, as it stood): read once. */
export function listedNetworks(): Entry[] {
  listed ??= (JSON.parse(readFileSync(new URL('./mutual-aid-hub.json', import.meta.url), 'utf8')) as Listed[]).map(
    (l) => ({
      key: `listed-${l.id}`,
      source: 'listed' as const,
      name: l.title,
      place: [l.neighborhood, l.city, l.state].filter(Boolean).join(', '),
      about: '',
      category: l.category || null,
      position: l.lat === null || l.lng === null ? null : { lat: l.lat, lng: l.lng },
      link: l.link || null,
      contact: null,
      host: null,
    }),
  );
  return listed;
}

export const SHOWS = ['all', 'partners', 'listed'] as const;
export type Show = (typeof SHOWS)[number];

const MOST_WORDS = 8;

// An entry's words, read once (the listings' entries live as long as the process).
const entryWords = new WeakMap<Entry, string[]>();
function wordsOfEntry(e: Entry): string[] {
  let words = entryWords.get(e);
  if (!words) entryWords.set(e, (words = wordsOf(`${e.name} ${e.place} ${e.about}`)));
  return words;
}

/** The entries a search asks for: each word it holds begins a word of the name, the place or the description. */
export function searchEntries(entries: readonly Entry[], q: string, show: Show): Entry[] {
  const asked = wordsOf(q.slice(0, 200)).slice(0, MOST_WORDS);
  return entries.filter((e) => {
    if (show === 'partners' && e.source === 'listed') return false;
    if (show === 'listed' && e.source !== 'listed') return false;
    if (!asked.length) return true;
    const words = wordsOfEntry(e);
    return asked.every((a) => words.some((w) => w.startsWith(a)));
  });
}
