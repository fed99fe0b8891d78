// What the places' forms accept.
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { checkbox } from '../web/forms.ts';
import { FOOD_LEVELS, PLACE_KINDS, type PlaceKind } from './commands.ts';

const trimmed = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(max, 'error.textTooLong'));
const yesNo = z.preprocess(
  (v) => (v === 'yes' ? true : v === 'no' ? false : v === undefined || v === '' ? null : v),
  z.boolean('error.chooseOne').nullable(),
);

export const placeForm = (n: Pick<Network, 'areas' | 'categories'>) =>
  z.object({
    name: z.string('error.placeName').trim().min(2, 'error.placeName').max(120, 'error.placeName'),
    kind: z.enum(PLACE_KINDS as [PlaceKind, ...PlaceKind[]], 'error.chooseOne'),
    area: z.string('error.chooseArea').refine((v) => n.areas.includes(v), 'error.chooseArea'),
    about: trimmed(2000),
    help: z.string('error.chooseOne').refine((v) => n.categories.includes(v), 'error.chooseOne'),
    counted: checkbox,
  });

export const reportForm = z
  .object({
    food: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(FOOD_LEVELS, 'error.chooseOne').nullable(),
    ),
    clean: yesNo,
    working: yesNo,
    restock: checkbox,
    what: trimmed(300),
  })
  .refine((r) => r.food !== null || r.clean !== null || r.working !== null || r.restock || r.what !== '', {
    message: 'error.reportSomething',
    path: ['food'],
  });

export const stockForm = z.object({
  item: z.string('error.stockItem').trim().min(1, 'error.stockItem').max(80, 'error.stockItem'),
  n: z.coerce
    .number('error.stockCount')
    .int('error.stockCount')
    .min(1, 'error.stockCount')
    .max(10000, 'error.stockCount'),
  way: z.enum(['in', 'out'], 'error.chooseOne'),
});

/** A passer-by's report: the three choices only, no words from outside the network. */
export const passerbyForm = z
  .object({
    food: z.preprocess(
      (v) => (v === '' || v === undefined ? null : v),
      z.enum(FOOD_LEVELS, 'error.chooseOne').nullable(),
    ),
    clean: yesNo,
    working: yesNo,
  })
  .refine((r) => r.food !== null || r.clean !== null || r.working !== null, {
    message: 'error.reportSomething',
    path: ['food'],
  });
