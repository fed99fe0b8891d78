// The words of this domain's pages, in every language Kropotkin ships (the words many domains share are in web/i18n).
// Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'agreement.root_causes': 'Root causes a need may be tagged with',
  'cause.housing_costs': 'Housing costs',
  'cause.wages': 'Low wages or lost work',
  'cause.healthcare': 'Healthcare costs or access',
  'cause.immigration_enforcement': 'Immigration enforcement',
  'cause.disability_access': 'Disability access',
  'cause.debt': 'Debt',
  'cause.food_prices': 'Food prices',
  'cause.transport': 'No transport',
  'cause.childcare_costs': 'Childcare costs',
  'cause.disaster': 'Disaster',
  'causes.legend': 'What is behind this need? (only if you want to say)',
  'causes.hint':
    'Tick any that fit, or none. Only a monthly count is kept — never with this need or your name — so the network sees why needs arise.',
  'causes.title': 'Why needs arise',
  'causes.intro':
    'How many needs a month were tagged with each root cause, by whoever posted them. Only counts are kept; a count under 5 is not shown.',
  'causes.none': 'No need has been tagged with a root cause yet.',
  'causes.cause': 'Root cause',
  'error.chooseCause': 'Please choose root causes from the list, or none.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'agreement.root_causes': 'Causas de fondo con que se puede marcar una necesidad',
  'cause.housing_costs': 'Costo de la vivienda',
  'cause.wages': 'Salarios bajos o trabajo perdido',
  'cause.healthcare': 'Costo o acceso a la salud',
  'cause.immigration_enforcement': 'Persecución migratoria',
  'cause.disability_access': 'Accesibilidad y discapacidad',
  'cause.debt': 'Deudas',
  'cause.food_prices': 'Precio de los alimentos',
  'cause.transport': 'Falta de transporte',
  'cause.childcare_costs': 'Costo del cuidado infantil',
  'cause.disaster': 'Desastre',
  'causes.legend': '¿Qué hay detrás de esta necesidad? (solo si quieres decirlo)',
  'causes.hint':
    'Marca las que correspondan, o ninguna. Solo se guarda un recuento mensual — nunca con esta necesidad ni con tu nombre — para que la red vea por qué surgen las necesidades.',
  'causes.title': 'Por qué surgen las necesidades',
  'causes.intro':
    'Cuántas necesidades al mes se marcaron con cada causa de fondo, por quien las publicó. Solo se guardan recuentos; un recuento menor de 5 no se muestra.',
  'causes.none': 'Todavía ninguna necesidad se ha marcado con una causa de fondo.',
  'causes.cause': 'Causa de fondo',
  'error.chooseCause': 'Elige causas de fondo de la lista, o ninguna.',
});
