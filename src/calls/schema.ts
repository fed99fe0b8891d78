// What the wellness calls' forms accept: a phone number as people write it (digits, spaces, dashes, brackets, a
// leading +; 6 to 20 digits), a language the network offers, an area of the network's; a neighbour's name and the
// member's word that they asked; a round's title, hours and script in each language.
import { z } from 'zod';
import type { Network } from '../web/context.ts';
import { checkbox } from '../web/forms.ts';

const phone = z
  .string('error.phone')
  .trim()
  .refine(
    (p) => /^\+?[\d\s().-]{6,30}$/.test(p) && (p.match(/\d/g)?.length ?? 0) >= 6 && (p.match(/\d/g)?.length ?? 0) <= 20,
    'error.phone',
  );

const reach = (n: Pick<Network, 'areas' | 'languages'>) => ({
  phone,
  language: z.string('error.chooseLanguage').refine((l) => n.languages.includes(l), 'error.chooseLanguage'),
  area: z.string('error.chooseArea').refine((v) => n.areas.includes(v), 'error.chooseArea'),
});

export const meForm = (n: Pick<Network, 'areas' | 'languages'>) => z.object(reach(n));

export const neighbourForm = (n: Pick<Network, 'areas' | 'languages'>) =>
  z.object({
    name: z.string('error.nameRequired').trim().min(1, 'error.nameRequired').max(60, 'error.nameTooLong'),
    ...reach(n),
    consent: checkbox.refine((v) => v, 'error.callConsent'),
  });

export const roundForm = (n: Pick<Network, 'languages'>) =>
  z
    .object({
      title: z.string('error.roundTitle').trim().min(2, 'error.roundTitle').max(120, 'error.roundTitle'),
      hours: z.preprocess(
        (v) => (v === undefined || v === '' ? '24' : v),
        z.coerce
          .number('error.roundHours')
          .int('error.roundHours')
          .min(1, 'error.roundHours')
          .max(168, 'error.roundHours'),
      ),
    })
    .catchall(z.unknown())
    .transform((f, ctx) => {
      const script: Record<string, string> = {};
      for (const lang of n.languages) {
        const text = typeof f[`script_${lang}`] === 'string' ? (f[`script_${lang}`] as string).trim() : '';
        if (text.length > 2000)
          ctx.addIssue({ code: 'custom', path: [`script_${lang}`], message: 'error.textTooLong' });
        if (text) script[lang] = text;
      }
      if (!Object.keys(script).length)
        ctx.addIssue({ code: 'custom', path: [`script_${n.languages[0]}`], message: 'error.roundScript' });
      return { title: f.title, hours: f.hours, script };
    });
