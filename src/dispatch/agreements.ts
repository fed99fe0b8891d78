// Dispatch's agreement: areas that border each other, one pair a line ("Eastside / Riverside"), so dispatch prefers
// helpers near by.
import { z } from 'zod';
import { defineAgreement } from '../web/agreement.ts';

declare module '../web/context.ts' {
  interface Network {
    /** Pairs of areas that border each other, for the distance dispatch weighs. */
    areaNeighbours: [string, string][];
  }
}

export const dispatchAgreements = [
  defineAgreement({
    key: 'area_neighbours',
    schema: z
      .array(
        z
          .string()
          .trim()
          .regex(/^.{1,80} \/ .{1,80}$/, 'error.neighbours'),
      )
      .max(400, 'error.listTooLong'),
    start: [] as string[],
    typed: 'lines',
    show: (t, _lang, pairs) => (pairs.length === 0 ? t('agreement.area_neighbours.none') : pairs.join(', ')),
    network: (pairs) => ({
      areaNeighbours: pairs.map((l) => l.split(' / ').map((a) => a.trim()) as [string, string]),
    }),
  }),
];
