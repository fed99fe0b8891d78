// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'error.crisisOn': 'Crisis mode is already on.',
  'error.crisisAsked': 'A member has already called crisis mode; it needs a second member to confirm it.',
  'error.noCrisisCall': 'There is no call for crisis mode waiting to be confirmed.',
  'error.crisisSecondMember': 'Crisis mode needs a second member: someone else has to confirm your call.',
  'notification.crisisCalled': 'Two members have turned on crisis mode for 48 hours. Urgent needs now lead the board.',
  'notification.crisisAsked': 'A member called crisis mode. It starts only when a second member confirms: you can.',
  'waiting.crisis': '{name} called crisis mode: confirm it, if the emergency is real',
  'waiting.crisisIfNobody': 'If nobody confirms by {when}, the call lapses and the board stays as it is.',
  'crisis.about':
    'In a disaster or emergency, crisis mode puts urgent needs at the top of the board and lets members who hold the dispatcher role send open needs to offers in batches. Members can still answer needs themselves: a need someone has already taken is never sent to anyone else.',
  'crisis.on': 'Crisis mode is on.',
  'crisis.onUntil': 'Called by {a} and {b}; it lasts until {when}.',
  'crisis.onByAgreement': 'The members agreed it as standing.',
  'crisis.boardOrder': 'Urgent needs come first.',
  'crisis.linkOff': 'In an emergency, two members together can turn on crisis mode.',
  'crisis.more': 'About crisis mode',
  'crisis.howToCall':
    'Any member can call crisis mode; it starts when a second member confirms, and ends by itself after 48 hours.',
  'crisis.ask': 'Call crisis mode',
  'crisis.askedBy': '{name} called crisis mode on {when}. It starts when a second member confirms.',
  'crisis.confirm': 'Confirm: turn on crisis mode for 48 hours',
  'crisis.waitingForSecond': 'You called crisis mode on {when}. It starts when a second member confirms.',
  'crisis.doneAsked': 'Your call is recorded. Ask another member to confirm it.',
  'crisis.doneStarted': 'Crisis mode is on. Every member has been told.',
  'crisis.dispatchersTitle': 'Dispatchers',
  'crisis.dispatchersAbout':
    'Dispatchers see open needs and offers side by side with a proposed batch of pairs: as many needs met as the offers allow, urgent and long-waiting needs first, near helpers before far ones, and areas served worse lately weighted up. They review, change and send; each pair becomes help under way, like any other.',
  'crisis.youDispatch': 'You hold the dispatcher role; the dispatch view opens when crisis mode is on.',
  'crisis.standing': 'To make crisis mode standing, propose a change to the agreements.',
  'dispatch.open': 'Open the dispatch view',

  'agreement.crisis_mode': 'Crisis mode as a standing agreement',

  'agreement.crisis_mode.on': 'On: urgent needs lead the board and dispatchers may send needs to offers',
  'agreement.crisis_mode.off': 'Off (two members can still call it for 48 hours)',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'error.crisisOn': 'El modo de crisis ya está activado.',
  'error.crisisAsked': 'Alguien ya ha pedido el modo de crisis; falta que una segunda persona lo confirme.',
  'error.noCrisisCall': 'No hay ninguna petición de modo de crisis esperando confirmación.',
  'error.crisisSecondMember':
    'El modo de crisis necesita a una segunda persona: otra persona tiene que confirmar tu petición.',
  'notification.crisisCalled':
    'Dos personas han activado el modo de crisis por 48 horas. Las necesidades urgentes encabezan ahora el tablón.',
  'notification.crisisAsked':
    'Alguien ha pedido el modo de crisis. Empieza solo cuando una segunda persona lo confirma: tú puedes.',
  'waiting.crisis': '{name} ha pedido el modo de crisis: confírmalo si la emergencia es real',
  'waiting.crisisIfNobody': 'Si nadie lo confirma antes del {when}, la petición caduca y el tablón sigue como está.',
  'crisis.about':
    'En un desastre o emergencia, el modo de crisis pone las necesidades urgentes arriba del tablón y permite que quienes tienen el rol de despacho envíen necesidades abiertas a ofertas por tandas. Cualquiera puede seguir respondiendo a necesidades: una necesidad que alguien ya ha tomado nunca se envía a otra persona.',
  'crisis.on': 'El modo de crisis está activado.',
  'crisis.onUntil': 'Lo activaron {a} y {b}; dura hasta el {when}.',
  'crisis.onByAgreement': 'Las personas de la red lo acordaron como permanente.',
  'crisis.boardOrder': 'Primero van las necesidades urgentes.',
  'crisis.linkOff': 'En una emergencia, dos personas juntas pueden activar el modo de crisis.',
  'crisis.more': 'Sobre el modo de crisis',
  'crisis.howToCall':
    'Cualquiera puede pedir el modo de crisis; empieza cuando una segunda persona lo confirma y termina solo a las 48 horas.',
  'crisis.ask': 'Pedir el modo de crisis',
  'crisis.askedBy': '{name} pidió el modo de crisis el {when}. Empieza cuando una segunda persona lo confirme.',
  'crisis.confirm': 'Confirmar: activar el modo de crisis por 48 horas',
  'crisis.waitingForSecond': 'Pediste el modo de crisis el {when}. Empieza cuando una segunda persona lo confirme.',
  'crisis.doneAsked': 'Tu petición está registrada. Pide a otra persona que la confirme.',
  'crisis.doneStarted': 'El modo de crisis está activado. Se ha avisado a todas las personas.',
  'crisis.dispatchersTitle': 'Despacho',
  'crisis.dispatchersAbout':
    'Quienes despachan ven las necesidades y ofertas abiertas junto con una tanda de parejas propuesta: tantas necesidades atendidas como las ofertas permitan, primero las urgentes y las que llevan más tiempo esperando, primero quien está cerca, y con más peso para las zonas peor atendidas últimamente. Revisan, cambian y envían; cada pareja se convierte en una ayuda en curso, como cualquier otra.',
  'crisis.youDispatch':
    'Tienes el rol de despacho; la vista de despacho se abre cuando el modo de crisis está activado.',
  'crisis.standing': 'Para que el modo de crisis sea permanente, propón un cambio en los acuerdos.',
  'dispatch.open': 'Abrir la vista de despacho',

  'agreement.crisis_mode': 'Modo de crisis como acuerdo permanente',

  'agreement.crisis_mode.on':
    'Activado: las necesidades urgentes encabezan el tablón y quienes despachan pueden enviar necesidades a ofertas',
  'agreement.crisis_mode.off': 'Desactivado (dos personas pueden activarlo igualmente por 48 horas)',
});
