// How agreements read: their names in the member's language (each value reads as its agreement says:
// web/agreement.ts).
import type { Translate } from '../web/i18n/index.ts';
import { labelOr } from '../web/parts.tsx';

export const agreementLabel = (t: Translate, key: string) => labelOr(t, 'agreement', key);
