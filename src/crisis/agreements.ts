// Crisis mode as a standing agreement (two members can also call it for 48 hours).
import { z } from 'zod';
import { defineAgreement } from '../web/agreement.ts';

declare module '../web/context.ts' {
  interface Network {
    crisisMode: boolean;
  }
}

export const CRISIS_MODES = ['off', 'on'] as const;

export const crisisAgreements = [
  defineAgreement({
    key: 'crisis_mode',
    schema: z.enum(CRISIS_MODES, 'error.crisisMode'),
    start: 'off',
    choices: [
      { value: 'off', label: 'agreement.crisis_mode.off' },
      { value: 'on', label: 'agreement.crisis_mode.on' },
    ],
    show: (t, _lang, mode) => t(mode === 'on' ? 'agreement.crisis_mode.on' : 'agreement.crisis_mode.off'),
    network: (mode) => ({ crisisMode: mode === 'on' }),
  }),
];
