// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'role.treasurer': 'treasurer',
  'role.treasurerIntro':
    'A treasurer records money that moved, for a term. The members decide; when it passes the term starts by itself. Anyone holding the role can step down at any time, without giving a reason.',
  'role.who': 'Who',
  'role.chooseMember': 'Choose a member',
  'role.days': 'Term, in days',
  'proposal.fillRoleTitle': '{name} as {role} for {days}',
  'error.chooseMember': 'Please choose a member.',
  'error.termsInRowAsk':
    'This would be more terms in a row than the role allows. Tick the box to ask the members to allow it anyway, or choose someone else.',
  'error.alreadyHolder': 'You already hold this role or are lined up for it.',
  'error.seats': 'Please give a number from 1 to 20.',
  'error.roleTitle': 'Please give the role a name of 2 to 60 characters.',
  'error.roleExists': 'A role with this name exists already; propose a change to it instead.',
  'error.handoverEmpty': 'Please write something to hand over.',
  'role.treasurerTitle': 'Treasurer',
  'role.title': 'Roles',
  'nav.roles': 'Roles',
  'role.intro':
    'Roles rotate. The members define each one — how long a term lasts, how many hold it, how many terms in a row anyone may serve — and fill it by decision or, where agreed, by volunteering. Anyone can step down at any time, without giving a reason.',
  'role.seatsTaken': 'Held by {taken} of {seats}.',
  'role.holderUntil': '{name}, until {date}',
  'role.holderFrom': '{name} from {date}',
  'role.nobodyHolds': 'Nobody holds this role now.',
  'role.nextHolders': 'Next:',
  'role.volunteer': 'Volunteer for this role',
  'role.stepDownFrom': 'Step down as {role}',
  'role.proposalOpen': 'A proposal for this role is open',
  'role.proposeHolder': 'Propose someone for this role',
  'role.proposeChange': 'Propose a change to this role',
  'role.rules': 'Terms of {days}; at most {inRow} in a row; {how}.',
  'role.byVolunteering': 'filled by decision or by volunteering',
  'role.byDecisionOnly': 'filled by decision',
  'role.proposeNew': 'Propose a new role',
  'role.handover': 'Handover note',
  'role.handoverHolders':
    "Only the role's holders — those holding it now, next, or until lately — read its handover notes.",
  'role.handoverHint':
    'What the next holder needs to know: contacts, where things are, what is half done. Kept encrypted; every note stays, so nothing is lost when someone steps away.',
  'role.noHandover': 'No handover notes yet.',
  'role.handoverBy': '{name}, {date}',
  'role.handoverWrite': 'Add to the handover note',
  'role.handoverWriteHint': "Seen only by this role's holders.",
  'role.handoverSave': 'Save the note',
  'role.proposeHolderTitle': 'Propose someone as {role}',
  'role.proposeHolderIntro':
    'The members decide. If it passes, the term starts by itself — at once, or when a seat frees if every seat is taken.',
  'role.beyondRotation': "Ask the members to allow more terms in a row than the role's rule",
  'role.beyondRotationHint': 'Only if this member has reached the limit; the proposal will say so plainly.',
  'role.beyondRotationNote': "(more terms in a row than the role's rule, as the members may allow)",
  'role.changeTitle': 'Propose a change to {role}',
  'role.defineIntro':
    "A role is defined by the members' decision. When it passes, the role is as written here; terms already running keep their dates.",
  'role.treasurerPowers': "The treasurer's powers in the fund stay with whoever holds this role.",
  'role.titleLabel': 'Name of the role',
  'role.titleHint': 'As your network calls it: coordinator, facilitator, dispatcher, outreach…',
  'role.duties': 'What the role does',
  'role.seats': 'How many hold it at once',
  'role.seatsHint': 'Splitting a big role between several people shares the load.',
  'role.termsInRow': 'Most terms in a row',
  'role.termsInRowHint':
    'After this many, someone else takes a turn unless a decision says otherwise. A break as long as a term starts the count again.',
  'role.volunteeringLabel': 'Members may volunteer when a seat is free',
  'role.volunteeringHint': 'Otherwise every holder is chosen by decision.',
  'role.why': 'Why (a note for the proposal)',
  'role.defineTitle': 'Role: {title}',
  'role.defineText': '{title}: terms of {days}, {seats} at once, at most {inRow} terms in a row, {how}.',
  'notification.roleEnding':
    'A term as {role} ends soon and nobody is lined up: propose someone, or volunteer if you can.',
  'role.dispatcherTitle': 'Dispatcher',
  'role.dispatcherDuties': 'In crisis mode: review the proposed pairs of needs and offers, adjust them, and send them.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'role.treasurer': 'tesorería',
  'role.treasurerIntro':
    'Quien lleva la tesorería anota el dinero que se movió, durante un plazo. Deciden los miembros; si se aprueba, el plazo empieza por sí solo. Quien ocupa el cargo puede dejarlo cuando quiera, sin dar explicaciones.',
  'role.who': 'Quién',
  'role.chooseMember': 'Elige un miembro',
  'role.days': 'Plazo, en días',
  'proposal.fillRoleTitle': '{name} en {role} durante {days}',
  'error.chooseMember': 'Elige un miembro.',
  'error.termsInRowAsk':
    'Serían más periodos seguidos de los que permite el cargo. Marca la casilla para pedir al grupo que lo permita igualmente, o elige a otra persona.',
  'error.alreadyHolder': 'Ya ocupas este cargo o estás en la lista para ocuparlo.',
  'error.seats': 'Indica un número del 1 al 20.',
  'error.roleTitle': 'Dale al cargo un nombre de 2 a 60 caracteres.',
  'error.roleExists': 'Ya existe un cargo con este nombre; propón mejor un cambio en él.',
  'error.handoverEmpty': 'Escribe algo para el relevo.',
  'role.treasurerTitle': 'Tesorería',
  'role.title': 'Cargos',
  'nav.roles': 'Cargos',
  'role.intro':
    'Los cargos rotan. El grupo define cada uno —cuánto dura un periodo, cuántas personas lo ocupan, cuántos periodos seguidos puede servir alguien— y lo asigna por decisión o, si así se acordó, ofreciéndose. Cualquiera puede dejarlo en cualquier momento, sin dar razones.',
  'role.seatsTaken': 'Ocupado por {taken} de {seats}.',
  'role.holderUntil': '{name}, hasta el {date}',
  'role.holderFrom': '{name} desde el {date}',
  'role.nobodyHolds': 'Ahora nadie ocupa este cargo.',
  'role.nextHolders': 'Siguiente:',
  'role.volunteer': 'Ofrecerme para este cargo',
  'role.stepDownFrom': 'Dejar el cargo de {role}',
  'role.proposalOpen': 'Hay una propuesta abierta sobre este cargo',
  'role.proposeHolder': 'Proponer a alguien para este cargo',
  'role.proposeChange': 'Proponer un cambio en este cargo',
  'role.rules': 'Periodos de {days}; como mucho {inRow} seguidos; {how}.',
  'role.byVolunteering': 'se asigna por decisión u ofreciéndose',
  'role.byDecisionOnly': 'se asigna por decisión',
  'role.proposeNew': 'Proponer un cargo nuevo',
  'role.handover': 'Notas de relevo',
  'role.handoverHolders':
    'Solo quienes ocupan el cargo —ahora, a continuación o hasta hace poco— leen sus notas de relevo.',
  'role.handoverHint':
    'Lo que necesita saber quien venga después: contactos, dónde están las cosas, qué quedó a medias. Se guardan cifradas; todas las notas se conservan, así nada se pierde cuando alguien se va.',
  'role.noHandover': 'Aún no hay notas de relevo.',
  'role.handoverBy': '{name}, el {date}',
  'role.handoverWrite': 'Añadir a las notas de relevo',
  'role.handoverWriteHint': 'Solo lo ven quienes ocupan este cargo.',
  'role.handoverSave': 'Guardar la nota',
  'role.proposeHolderTitle': 'Proponer a alguien para {role}',
  'role.proposeHolderIntro':
    'Decide el grupo. Si se aprueba, el periodo empieza solo: enseguida, o cuando quede libre un puesto si están todos ocupados.',
  'role.beyondRotation': 'Pedir al grupo que permita más periodos seguidos de los que dice la regla del cargo',
  'role.beyondRotationHint': 'Solo si esta persona ya llegó al límite; la propuesta lo dirá claramente.',
  'role.beyondRotationNote': '(más periodos seguidos de los que dice la regla, si el grupo lo permite)',
  'role.changeTitle': 'Proponer un cambio en {role}',
  'role.defineIntro':
    'Un cargo se define por decisión del grupo. Cuando se aprueba, el cargo queda como está escrito aquí; los periodos en curso conservan sus fechas.',
  'role.treasurerPowers': 'Los poderes de tesorería en el fondo siguen con quien ocupe este cargo.',
  'role.titleLabel': 'Nombre del cargo',
  'role.titleHint': 'Como lo llama vuestro grupo: coordinación, facilitación, despacho, difusión…',
  'role.duties': 'Qué hace el cargo',
  'role.seats': 'Cuántas personas lo ocupan a la vez',
  'role.seatsHint': 'Repartir un cargo grande entre varias personas reparte la carga.',
  'role.termsInRow': 'Máximo de periodos seguidos',
  'role.termsInRowHint':
    'Después de tantos, otra persona toma el relevo salvo que una decisión diga otra cosa. Una pausa tan larga como un periodo reinicia la cuenta.',
  'role.volunteeringLabel': 'Se puede ocupar ofreciéndose cuando hay un puesto libre',
  'role.volunteeringHint': 'Si no, cada persona se elige por decisión.',
  'role.why': 'Por qué (una nota para la propuesta)',
  'role.defineTitle': 'Cargo: {title}',
  'role.defineText': '{title}: periodos de {days}, {seats} a la vez, como mucho {inRow} periodos seguidos, {how}.',
  'notification.roleEnding':
    'Un periodo de {role} termina pronto y no hay nadie en la lista: propón a alguien, u ofrécete si puedes.',
  'role.dispatcherTitle': 'Despacho',
  'role.dispatcherDuties':
    'En modo de crisis: revisa las parejas propuestas de necesidades y ofertas, ajústalas y envíalas.',
});
