// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'error.invalidPair': 'Something in that list of pairs could not be read. Please open the dispatch view again.',
  'error.tooManyPairs': 'That is more pairs than can be sent at once. Please send them in smaller batches.',
  'notification.dispatched': 'A dispatcher matched your offer with a need: {what}',
  'notification.dispatchLost': 'A member took this need before you sent it, so it stays with them: {what}',
  'dispatch.title': 'Dispatch',
  'dispatch.closedOff': 'The dispatch view opens only while crisis mode is on.',
  'dispatch.closedRole': 'Only members holding the dispatcher role can send needs to offers.',
  'dispatch.about':
    'Each open need below has the offer proposed for it. Change the offer, or choose "not now", then send. Each pair becomes help under way with a private thread; both members are told.',
  'dispatch.counts':
    'Proposed pairs: {pairs}. Needs no open offer can take yet: {waiting}. Offers with room: {offers}.',
  'dispatch.sendTo': 'Send to',
  'dispatch.offerOption': '{what} — {name}, {area} (room for {room})',
  'dispatch.notNow': 'Not now',
  'dispatch.confirm': 'Send these pairs ({n})',
  'dispatch.nothing': 'No pairs to propose: no open need fits an offer with room right now.',
  'dispatch.sent': 'Sent: {n}.',
  'dispatch.lost': 'Taken by a member first, so left with them: {n} (you have a notification for each).',
  'dispatch.full': 'Skipped because the offer had no room left: {n}.',
  'dispatch.waitingSince': 'waiting since {when}',
  'dispatch.waitingTitle': 'Needs no offer of their kind can take',
  'dispatch.waitingAbout':
    'No open offer of that kind has room. If an offer of another kind fits (formula filed as Food, an offer filed as Supplies), choose it; otherwise leave it for the next batch.',
  'dispatch.otherKinds': 'Another kind of help, if it fits',
  'dispatch.stuckTitle': 'Needs no open offer can take yet',
  'dispatch.stuckAbout':
    'No open offer has room. Asking on the board, or members posting offers, will bring them into the next batch.',

  'agreement.area_neighbours': 'Areas that border each other (one pair a line, such as “Eastside / Riverside”)',

  'agreement.area_neighbours.none': 'None agreed yet: for dispatch every other area is one step away',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'error.invalidPair': 'No se pudo leer algo de esa lista de parejas. Abre de nuevo la vista de despacho.',
  'error.tooManyPairs': 'Son demasiadas parejas para enviarlas de una vez. Envíalas en tandas más pequeñas.',
  'notification.dispatched': 'Quien despacha ha emparejado tu oferta con una necesidad: {what}',
  'notification.dispatchLost':
    'Otra persona tomó esta necesidad antes de que la enviaras, así que sigue con ella: {what}',
  'dispatch.title': 'Despacho',
  'dispatch.closedOff': 'La vista de despacho solo se abre mientras el modo de crisis está activado.',
  'dispatch.closedRole': 'Solo quienes tienen el rol de despacho pueden enviar necesidades a ofertas.',
  'dispatch.about':
    'Cada necesidad abierta tiene abajo la oferta propuesta. Cambia la oferta o elige «ahora no» y luego envía. Cada pareja se convierte en una ayuda en curso con un hilo privado; se avisa a las dos personas.',
  'dispatch.counts':
    'Parejas propuestas: {pairs}. Necesidades que ninguna oferta abierta puede atender todavía: {waiting}. Ofertas con sitio: {offers}.',
  'dispatch.sendTo': 'Enviar a',
  'dispatch.offerOption': '{what} — {name}, {area} (sitio para {room})',
  'dispatch.notNow': 'Ahora no',
  'dispatch.confirm': 'Enviar estas parejas ({n})',
  'dispatch.nothing':
    'No hay parejas que proponer: ahora mismo ninguna necesidad abierta encaja con una oferta con sitio.',
  'dispatch.sent': 'Enviadas: {n}.',
  'dispatch.lost':
    'Tomadas antes por otra persona, así que siguen con ella: {n} (tienes una notificación por cada una).',
  'dispatch.full': 'Omitidas porque la oferta ya no tenía sitio: {n}.',
  'dispatch.waitingSince': 'esperando desde el {when}',
  'dispatch.waitingTitle': 'Necesidades que ninguna oferta de su tipo puede atender',
  'dispatch.waitingAbout':
    'Ninguna oferta abierta de ese tipo tiene sitio. Si encaja una oferta de otro tipo (leche de fórmula anotada como Comida, una oferta anotada como Suministros), elígela; si no, déjala para la siguiente tanda.',
  'dispatch.otherKinds': 'Otro tipo de ayuda, si encaja',
  'dispatch.stuckTitle': 'Necesidades que ninguna oferta abierta puede atender todavía',
  'dispatch.stuckAbout':
    'Ninguna oferta abierta tiene sitio. Pedir en el tablón, o que otras personas publiquen ofertas, las traerá a la siguiente tanda.',

  'agreement.area_neighbours': 'Zonas que limitan entre sí (una pareja por línea, como «Eastside / Riverside»)',

  'agreement.area_neighbours.none': 'Ninguna acordada todavía: para el despacho, cualquier otra zona está a un paso',
});
