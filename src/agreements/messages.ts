// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.agreements': 'Our agreements',

  'found.title': 'Start a network',
  'found.intro':
    'These choices become your network’s first agreements. Later, members change them together by decision.',
  'found.name': 'Name of the network',
  'found.nameHint': 'For example: Eastside Mutual Aid',
  'found.areas': 'Neighbourhoods',
  'found.areasHint':
    'One per line. Members pick one when they post, so keep them coarse: a neighbourhood or a few blocks, never an address.',
  'found.languages': 'Languages your members speak',
  'found.categories': 'Kinds of help members ask for and offer',
  'found.categoriesHint':
    'Uncheck what your network will not do, and add your own. Members can change them later by decision.',
  'found.moreCategories': 'Other kinds of help',
  'found.moreCategoriesHint':
    'One per line, in your own words: tool library, bail fund, tenant organising… To name one in another language too, add “ = ” and the language’s code: “Tool library = es: Biblioteca de herramientas”.',
  'error.categoriesRequired': 'Please keep at least one kind of help.',
  'error.categoryTooLong': 'Please keep each kind of help under 40 characters.',
  'error.tooManyCategories': 'Please keep to 60 kinds of help at most.',
  'found.you': 'About you',
  'found.submit': 'Start the network',

  'agreements.title': 'Our agreements',
  'agreements.intro':
    'How this network works, as its members agreed. Agreements change only by the members’ decisions.',
  'agreements.history': 'History',
  'agreements.byFounding': 'set when the network was started',
  'error.alreadyFounded': 'This network has already been started. Ask a member for an invite link.',
  'error.badFoundingLink': 'This founding link is not right. Use the newest one printed on the server’s console.',
  'error.networkNameRequired': 'Please give the network a name.',
  'error.networkNameTooLong': 'Please keep the name under 80 characters.',
  'error.areasRequired': 'Please list at least one neighbourhood.',
  'error.areaTooLong': 'Each neighbourhood name must be under 80 characters.',
  'error.tooManyAreas': 'Please list at most 200 neighbourhoods.',
  'error.languagesRequired': 'Please choose at least one language.',

  'agreements.byDecisionNamed': 'set by the decision “{title}”',
  'agreements.proposeChange': 'Propose a change',
  'error.listEmpty': 'Please give at least one, one per line.',
  'error.listTooLong': 'That list is too long.',
  'error.listRepeats': 'The same line appears twice.',
  'error.wholeNumber': 'Please give a whole number.',
  'error.numberRange': 'That number is out of range.',
  'error.unknownLanguage': 'Please use language codes such as en, es, so.',
  'error.joinMode': 'Please choose how people join.',
  'error.currency': 'Please give a currency code such as USD, EUR or MXN.',
  'found.currency': 'Currency of the shared fund',
  'found.currencyHint':
    'Its three-letter code, such as USD, EUR, MXN, GBP or KES. The members can change it later by decision.',
  'agreements.asStarted': 'As the software starts it, until the members decide',
  'error.crisisMode': 'Please choose whether crisis mode is standing.',
  'error.neighbours': 'Write one pair of areas a line, with “ / ” between them, such as “Eastside / Riverside”.',

  'agreement.network_name': 'Name',
  'agreement.areas': 'Areas',
  'agreement.languages': 'Languages',
  'agreement.categories': 'Kinds of help',
  'agreement.time_zone': 'Time zone',
  'found.timeZone': 'Time zone',
  'found.timeZoneHint':
    'Where the network is, as a region and city such as America/Mexico_City or Europe/Madrid: every time is shown as the clocks there show it. The members can change it later by decision.',
  'error.timeZone': 'Please give a time zone as a region and city, such as America/Mexico_City or Europe/Madrid.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.agreements': 'Nuestros acuerdos',

  'found.title': 'Empezar una red',
  'found.intro':
    'Estas decisiones serán los primeros acuerdos de tu red. Después, las y los integrantes los cambian juntos, por decisión.',
  'found.name': 'Nombre de la red',
  'found.nameHint': 'Por ejemplo: Apoyo Mutuo del Barrio Este',
  'found.areas': 'Barrios',
  'found.areasHint':
    'Uno por línea. Se elige uno al publicar, así que mantenlos amplios: un barrio o unas cuadras, nunca una dirección.',
  'found.languages': 'Idiomas que hablan las y los integrantes',
  'found.categories': 'Tipos de ayuda que se piden y se ofrecen',
  'found.categoriesHint':
    'Desmarca lo que vuestra red no hará y añade los vuestros. Se pueden cambiar después por decisión.',
  'found.moreCategories': 'Otros tipos de ayuda',
  'found.moreCategoriesHint':
    'Uno por línea, con vuestras palabras: biblioteca de herramientas, fondo de fianzas, sindicato de inquilinas… Para nombrar uno también en otro idioma, añade « = » y el código del idioma: «Biblioteca de herramientas = en: Tool library».',
  'error.categoriesRequired': 'Deja al menos un tipo de ayuda.',
  'error.categoryTooLong': 'Cada tipo de ayuda debe tener menos de 40 caracteres.',
  'error.tooManyCategories': 'Como mucho 60 tipos de ayuda.',
  'found.you': 'Sobre ti',
  'found.submit': 'Empezar la red',

  'agreements.title': 'Nuestros acuerdos',
  'agreements.intro':
    'Cómo funciona esta red, según lo acordado. Los acuerdos solo cambian por decisión de sus integrantes.',
  'agreements.history': 'Historial',
  'agreements.byFounding': 'fijado al empezar la red',
  'error.alreadyFounded': 'Esta red ya empezó. Pide un enlace de invitación a alguien de la red.',
  'error.badFoundingLink':
    'Este enlace para empezar no es correcto. Usa el más reciente que aparece en la consola del servidor.',
  'error.networkNameRequired': 'Dale un nombre a la red.',
  'error.networkNameTooLong': 'El nombre debe tener menos de 80 caracteres.',
  'error.areasRequired': 'Escribe al menos un barrio.',
  'error.areaTooLong': 'Cada barrio debe tener menos de 80 caracteres.',
  'error.tooManyAreas': 'Escribe como mucho 200 barrios.',
  'error.languagesRequired': 'Elige al menos un idioma.',

  'agreements.byDecisionNamed': 'adoptado por la decisión «{title}»',
  'agreements.proposeChange': 'Proponer un cambio',
  'error.listEmpty': 'Escribe al menos uno, uno por línea.',
  'error.listTooLong': 'La lista es demasiado larga.',
  'error.listRepeats': 'La misma línea aparece dos veces.',
  'error.wholeNumber': 'Escribe un número entero.',
  'error.numberRange': 'Ese número está fuera del rango.',
  'error.unknownLanguage': 'Usa códigos de idioma como en, es, so.',
  'error.joinMode': 'Elige cómo se une la gente.',
  'error.currency': 'Indica un código de moneda como USD, EUR o MXN.',
  'found.currency': 'Moneda del fondo común',
  'found.currencyHint':
    'Su código de tres letras, como USD, EUR, MXN, GBP o KES. Los miembros pueden cambiarla luego por decisión.',
  'agreements.asStarted': 'Como viene de inicio, hasta que el grupo decida',
  'error.crisisMode': 'Elige si el modo de crisis es permanente.',
  'error.neighbours': 'Escribe una pareja de zonas por línea, con « / » entre ellas, como «Eastside / Riverside».',

  'agreement.network_name': 'Nombre',
  'agreement.areas': 'Zonas',
  'agreement.languages': 'Idiomas',
  'agreement.categories': 'Tipos de ayuda',
  'agreement.time_zone': 'Zona horaria',
  'found.timeZone': 'Zona horaria',
  'found.timeZoneHint':
    'Dónde está la red, como región y ciudad, por ejemplo America/Mexico_City o Europe/Madrid: toda hora se muestra como la marcan los relojes de allí. Los miembros pueden cambiarla luego por decisión.',
  'error.timeZone': 'Indica una zona horaria como región y ciudad, por ejemplo America/Mexico_City o Europe/Madrid.',
});
