// What the dispatch form sends: one field per proposed need, `send_<need id>`, holding the chosen offer's id or
// nothing ("not now").
import { uuid } from '../web/edges.ts';
import type { FormValues } from '../web/forms.ts';
import { errors } from '../web/errors.ts';

/** The most pairs one confirmation sends. */
const MOST_PAIRS = 2000;

export function readPairs(form: FormValues): { needId: string; offerId: string }[] {
  const pairs: { needId: string; offerId: string }[] = [];
  for (const [key, value] of Object.entries(form)) {
    if (!key.startsWith('send_')) continue;
    const needId = key.slice('send_'.length);
    if (!uuid.safeParse(needId).success || (value !== '' && !uuid.safeParse(value).success)) {
      throw errors.badRequest('invalid_pair', 'error.invalidPair');
    }
    if (value !== '') pairs.push({ needId, offerId: value });
  }
  if (pairs.length > MOST_PAIRS) throw errors.badRequest('too_many_pairs', 'error.tooManyPairs');
  return pairs;
}
