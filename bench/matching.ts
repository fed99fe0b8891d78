// How well suggestions find the offer a need was looking for (issue 18): a fixed set of real-world needs and offers in
// English and Spanish, some filed under another kind of help than the one that answers them ("formula" as Food, an
// offer as Supplies), each need with the offers that truly answer it. Precision and recall of the first three
// suggestions, with the synonyms (exchange/synonyms.ts) and without them, measured in one run on one database; offers
// that answer nothing lead any tie, so a suggestion earns its place by its words.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../src/db/types.ts';
import { createPost } from '../src/exchange/commands.ts';
import { candidatesFor } from '../src/exchange/queries.ts';
import { rankCandidates } from '../src/exchange/matching.ts';
import fs from 'node:fs';
import path from 'node:path';
import { boot } from '../src/boot.ts';
import { loadConfig } from '../src/core/config.ts';
import { tempDir } from '../tests/support/disk.ts';

type Post = { what: string; category: string; lang: 'en' | 'es' };

export const OFFERS: Record<string, Post> = {
  clinicDrive: { what: 'Driving people to medical appointments on weekday mornings', category: 'rides', lang: 'en' },
  van: { what: 'Van for moving furniture on weekends', category: 'rides', lang: 'en' },
  shopping: { what: 'Food shopping for neighbours once a week', category: 'groceries', lang: 'en' },
  soup: { what: 'Cooking soup and dinners for families', category: 'meals', lang: 'en' },
  afterSchool: { what: 'Babysitting after school', category: 'childcare', lang: 'en' },
  pharmacy: { what: 'Picking up prescriptions from the pharmacy', category: 'medical', lang: 'en' },
  coche: { what: 'Puedo llevar en coche al médico', category: 'rides', lang: 'es' },
  compra: { what: 'Hago la compra en el supermercado para vecinas', category: 'groceries', lang: 'es' },
  tardes: { what: 'Cuido niños por las tardes', category: 'childcare', lang: 'es' },
  baby: { what: 'Baby supplies: formula, diapers, wipes', category: 'supplies', lang: 'en' },
  interpreter: { what: 'Interpreter for Spanish and English at appointments', category: 'translation', lang: 'en' },
  arreglos: { what: 'Arreglo teléfonos y ordenadores', category: 'tech', lang: 'es' },
  room: { what: 'A spare room for a few nights', category: 'housing', lang: 'en' },
  lawyer: { what: 'Lawyer friend can explain eviction papers', category: 'legal', lang: 'en' },
};

/**
 * Offers of the same kinds that answer none of the needs, posted first (so, waiting longest, they lead any tie): a
 * suggestion must earn its place by what it says, not by its kind alone.
 */
export const DISTRACTORS: Post[] = [
  { what: 'Airport runs on Sundays', category: 'rides', lang: 'en' },
  { what: 'Bicycle repair and lessons', category: 'rides', lang: 'en' },
  { what: 'Carpool to the football match', category: 'rides', lang: 'en' },
  { what: 'Bread from the bakery on Saturdays', category: 'groceries', lang: 'en' },
  { what: 'Semillas y plantones de mi huerto', category: 'groceries', lang: 'es' },
  { what: 'Surplus apples from our tree', category: 'groceries', lang: 'en' },
  { what: 'Birthday cakes to order', category: 'meals', lang: 'en' },
  { what: 'Té y galletas en el centro social', category: 'meals', lang: 'es' },
  { what: 'Pastries for the Friday market', category: 'meals', lang: 'en' },
  { what: 'Homework help in maths', category: 'childcare', lang: 'en' },
  { what: 'Cuentacuentos en la biblioteca', category: 'childcare', lang: 'es' },
  { what: 'Football coaching for teens', category: 'childcare', lang: 'en' },
  { what: 'Yoga for older people', category: 'medical', lang: 'en' },
  { what: 'First aid course in spring', category: 'medical', lang: 'en' },
  { what: 'Walking group on Wednesdays', category: 'medical', lang: 'en' },
  { what: 'Vegetables from the allotment', category: 'food', lang: 'en' },
  { what: 'Eggs from my hens', category: 'food', lang: 'en' },
  { what: 'Mermelada casera', category: 'food', lang: 'es' },
];

export const NEEDS: (Post & { answeredBy: (keyof typeof OFFERS)[] })[] = [
  { what: 'A lift to the doctor on Friday', category: 'rides', lang: 'en', answeredBy: ['clinicDrive', 'coche'] },
  { what: 'Necesito un viaje a la clínica', category: 'rides', lang: 'es', answeredBy: ['coche', 'clinicDrive'] },
  { what: 'Someone to get my groceries', category: 'groceries', lang: 'en', answeredBy: ['shopping', 'compra'] },
  {
    what: 'Necesito que alguien me haga la compra',
    category: 'groceries',
    lang: 'es',
    answeredBy: ['compra', 'shopping'],
  },
  { what: 'Hot meals for my family this week', category: 'meals', lang: 'en', answeredBy: ['soup'] },
  {
    what: 'Someone to watch my children on Tuesday',
    category: 'childcare',
    lang: 'en',
    answeredBy: ['afterSchool', 'tardes'],
  },
  { what: 'Necesito una niñera el sábado', category: 'childcare', lang: 'es', answeredBy: ['tardes', 'afterSchool'] },
  { what: 'Pick up my medication', category: 'medical', lang: 'en', answeredBy: ['pharmacy'] },
  { what: 'Formula for my baby tonight', category: 'food', lang: 'en', answeredBy: ['baby'] },
  { what: 'Pañales y leche de fórmula para mi bebé', category: 'food', lang: 'es', answeredBy: ['baby'] },
  { what: 'Someone to translate at my hearing', category: 'translation', lang: 'en', answeredBy: ['interpreter'] },
  { what: 'My phone is broken, help fixing it', category: 'tech', lang: 'en', answeredBy: ['arreglos'] },
  { what: 'Need a bed for two nights', category: 'housing', lang: 'en', answeredBy: ['room'] },
  { what: 'Me quieren desalojar, necesito un abogado', category: 'legal', lang: 'es', answeredBy: ['lawyer'] },
  { what: 'Help moving a sofa up the stairs', category: 'labour', lang: 'en', answeredBy: ['van'] },
  { what: 'Comida caliente para mi madre', category: 'meals', lang: 'es', answeredBy: ['soup'] },
];

/** How many suggestions a member sees first: what precision and recall are measured on. */
export const SHOWN = 3;

export type MatchingQuality = { recall: number; precision: number; suggestions: number; needs: number };

/** Posts every offer and need (each by its own member) into an empty network's database. */
export async function postMatchingSet(db: Kysely<Database>, now: Date) {
  const member = async (name: string, lang: string) =>
    (
      await sql<{
        id: string;
      }>`insert into members (display_name, language) values (${name}, ${lang}) returning id`.execute(db)
    ).rows[0]!.id;
  let posted = 0;
  const post = async (kind: 'need' | 'offer', p: Post, name: string) => {
    const memberId = await member(name, p.lang);
    const input = {
      kind,
      what: p.what,
      category: p.category,
      area: 'Eastside',
      urgency: 'soon' as const,
      needed_by: undefined,
      available_until: undefined,
      capacity: undefined,
      takes: undefined,
    };
    // A second apart, in the order posted: ties go to the one waiting longest, the same every run.
    const at = new Date(now.getTime() - 3_600_000 + ++posted * 1000);
    const id = await createPost(db as never, memberId, p.lang, input as never, at);
    await db.updateTable('posts').set({ created_at: at }).where('id', '=', id).execute();
    return { id, memberId };
  };
  for (const [i, p] of DISTRACTORS.entries()) await post('offer', p, `Other offer ${i}`);
  const offers = new Map<string, string>();
  for (const [key, p] of Object.entries(OFFERS)) offers.set(key, (await post('offer', p, `Offer ${key}`)).id);
  const needs: { need: (typeof NEEDS)[number]; memberId: string }[] = [];
  for (const [i, n] of NEEDS.entries())
    needs.push({ need: n, memberId: (await post('need', n, `Need ${i}`)).memberId });
  return { offers, needs };
}

/** Precision and recall of the first SHOWN suggestions for every need, with or without synonyms. */
export async function matchingQuality(
  db: Kysely<Database>,
  set: Awaited<ReturnType<typeof postMatchingSet>>,
  plain: boolean,
): Promise<MatchingQuality> {
  let found = 0;
  let relevant = 0;
  let shown = 0;
  for (const { need, memberId } of set.needs) {
    const candidates = await candidatesFor(db as never, {
      kind: 'need',
      what: need.what,
      category: need.category,
      excludeMember: memberId,
      plain,
    });
    const top = rankCandidates({ kind: 'need', category: need.category, area: 'Eastside' }, candidates, SHOWN);
    const answers = new Set(need.answeredBy.map((k) => set.offers.get(k)!));
    const hits = top.filter((c) => answers.has(c.id)).length;
    shown += top.length;
    relevant += hits;
    if (hits > 0) found++;
    if (process.env.MATCHING_DEBUG)
      // MATCHING_DEBUG=1: each need's first suggestions, to see what a change moved
      console.error(
        plain ? 'plain' : 'full',
        hits ? 'hit' : 'MISS',
        need.what,
        '→',
        top.map((c) => `${c.what} ${c.score.toFixed(2)}`).join(' | '),
      );
  }
  return {
    recall: found / set.needs.length,
    precision: shown ? relevant / shown : 0,
    suggestions: shown,
    needs: set.needs.length,
  };
}

/** `npm run bench`: the set on a fresh embedded database, measured with the synonyms and with the typed words alone. */
export async function matchingBench(): Promise<{ plain: MatchingQuality; full: MatchingQuality }> {
  const dir = tempDir('kropotkin-bench-matching-');
  const config = loadConfig({
    NODE_ENV: 'production',
    KROPOTKIN_DATA_DIR: path.join(dir, 'data'),
    KROPOTKIN_KEY_FILE: path.join(dir, 'key'),
    PUBLIC_URL: 'http://localhost:3000',
  });
  const deps = await boot(config, { log: () => {}, mailer: { kind: 'console', send: async () => {} } });
  try {
    const set = await postMatchingSet(deps.db, new Date());
    return { plain: await matchingQuality(deps.db, set, true), full: await matchingQuality(deps.db, set, false) };
  } finally {
    await deps.db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
