// Themes suggested from open answers (issue 19): 2,000 generated answers on six themes in English and Spanish, each
// answer one or two phrases of its theme with a phrase around it (many different ones, each rare). Reports the time to group
// them, purity against the generator's true themes (the share of answers whose theme's majority is their true theme),
// and stability: how many answers keep their theme's id when 10 % more arrive and the grouping runs again.
import { performance } from 'node:perf_hooks';
import { suggestThemes, type OpenAnswer } from '../src/listening/themes.ts';

const THEMES: Record<string, { en: string[]; es: string[] }> = {
  rent: {
    en: [
      'rent went up again',
      'landlord raised the rent',
      'cannot pay rent',
      'afraid of eviction',
      'housing costs',
      'the lease ends',
      'behind on rent',
    ],
    es: [
      'subió el alquiler',
      'el casero subió la renta',
      'no puedo pagar el alquiler',
      'miedo al desahucio',
      'vivienda muy cara',
      'deuda de alquiler',
    ],
  },
  food: {
    en: [
      'groceries are expensive',
      'not enough food',
      'the kids are hungry',
      'food prices',
      'skip meals',
      'food bank runs out',
    ],
    es: [
      'la comida está cara',
      'no alcanza la comida',
      'los niños tienen hambre',
      'precio de los alimentos',
      'saltamos comidas',
      'despensa vacía',
    ],
  },
  transport: {
    en: [
      'bus fare went up',
      'no car to get to work',
      'the bus does not come',
      'cannot reach the clinic',
      'transport is hard',
    ],
    es: [
      'subió el pasaje del autobús',
      'no tengo coche para ir al trabajo',
      'el autobús no pasa',
      'no llego a la clínica',
      'transporte difícil',
    ],
  },
  childcare: {
    en: [
      'no one to watch the kids',
      'daycare costs too much',
      'after school care',
      'babysitter while I work',
      'childcare waitlist',
    ],
    es: [
      'nadie cuida a los niños',
      'la guardería es cara',
      'cuidado después de la escuela',
      'niñera mientras trabajo',
      'lista de espera de guardería',
    ],
  },
  health: {
    en: [
      'medicine is too expensive',
      'no health insurance',
      'cannot see a doctor',
      'prescriptions cost a lot',
      'dentist bills',
    ],
    es: [
      'la medicina es muy cara',
      'no tengo seguro médico',
      'no puedo ver al médico',
      'recetas muy caras',
      'cuentas del dentista',
    ],
  },
  work: {
    en: ['lost my job', 'hours were cut', 'wages too low', 'boss did not pay', 'looking for work'],
    es: ['perdí mi trabajo', 'me recortaron las horas', 'salario muy bajo', 'el jefe no pagó', 'busco trabajo'],
  },
};
// What people say around the point: many different phrases, each rare, most of them words every answer has.
const FILLER = {
  en: [
    'I do not know what to do',
    'right now',
    'for us',
    'it is what it is',
    'to be honest',
    'since the spring',
    'every week',
    'and my sister too',
    'we are trying',
    'please',
    'it keeps happening',
    'at the moment',
    'like everyone here',
    'more than before',
    'again and again',
    'this year',
    'on our street',
    'as always',
    'I guess',
    'nobody listens',
    'we manage somehow',
    'the worst part',
    'my neighbour as well',
    'every day',
  ],
  es: [
    'no sé qué hacer',
    'ahora mismo',
    'para nosotros',
    'es lo que hay',
    'la verdad',
    'desde la primavera',
    'cada semana',
    'y mi hermana también',
    'lo intentamos',
    'por favor',
    'sigue pasando',
    'en este momento',
    'como todos aquí',
    'más que antes',
    'una y otra vez',
    'este año',
    'en nuestra calle',
    'como siempre',
    'supongo',
    'nadie escucha',
    'nos arreglamos',
    'lo peor',
    'mi vecina también',
    'cada día',
  ],
};

/** A fixed pseudo-random sequence (mulberry32), so every run groups the same answers. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateAnswers(count: number, seed = 7): (OpenAnswer & { truth: string })[] {
  const rnd = random(seed);
  const pick = <T>(l: T[]) => l[Math.floor(rnd() * l.length)]!;
  const names = Object.keys(THEMES);
  return Array.from({ length: count }, (_, i) => {
    const truth = pick(names);
    const lang = rnd() < 0.6 ? 'en' : 'es';
    const phrases = THEMES[truth]![lang as 'en' | 'es'];
    const parts = [pick(phrases), pick(FILLER[lang as 'en' | 'es'])];
    if (rnd() < 0.5) parts.push(pick(phrases));
    return { id: `a${seed}-${i}`, text: parts.join(', '), lang, truth };
  });
}

export function themesBench(count = 2000) {
  const answers = generateAnswers(count);
  let n = 0;
  const newId = () => `t${++n}`;
  const t0 = performance.now();
  const themes = suggestThemes(answers, { newId });
  const ms = performance.now() - t0;
  const truthOf = new Map(answers.map((a) => [a.id, a.truth]));
  let majority = 0;
  for (const th of themes) {
    const counts = new Map<string, number>();
    for (const id of th.answerIds) counts.set(truthOf.get(id)!, (counts.get(truthOf.get(id)!) ?? 0) + 1);
    majority += Math.max(...counts.values());
  }
  const purity = majority / answers.length;
  // 10 % more answers, grouped again from the themes as they were.
  const more = [...answers, ...generateAnswers(Math.round(count / 10), 11)];
  const again = suggestThemes(more, { newId, previous: themes });
  const before = new Map(themes.flatMap((th) => th.answerIds.map((a) => [a, th.id])));
  const after = new Map(again.flatMap((th) => th.answerIds.map((a) => [a, th.id])));
  const kept = answers.filter((a) => before.get(a.id) === after.get(a.id)).length / answers.length;
  return {
    answers: count,
    themes: themes.length,
    ms: Math.round(ms),
    purity: Number(purity.toFixed(3)),
    stability: Number(kept.toFixed(3)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(themesBench(Number(process.argv[2] ?? 2000)));
