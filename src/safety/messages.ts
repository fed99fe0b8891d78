// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'error.nothingToSecond': 'There is no removal proposal about this member for you to second.',

  'safety.title': 'Keeping each other safe',
  'safety.intro':
    'Members handle safety together: flag what is wrong, pause someone’s posting with a second member, or propose a removal for everyone to decide. Everything here is in the safety log.',
  'safety.reason': 'Why?',
  'safety.reason.harassment': 'Harassment',
  'safety.reason.spam': 'Spam',
  'safety.reason.danger': 'Danger',
  'safety.flagHint': 'Your name is not shown with a flag.',
  'safety.flagSubmit': 'Flag',
  'safety.flagMember': 'Flag this member',
  'safety.askPause': 'Pause this member’s posting',
  'safety.askPauseHint':
    'For an emergency. It starts only when a second member confirms, and lasts 24 hours unless a removal is proposed.',
  'safety.askPauseSubmit': 'Ask for a pause',
  'safety.pauseAsked': '{name} asked to pause this member’s posting ({reason}). A second member must confirm.',
  'safety.confirmPause': 'Confirm the pause',
  'safety.pausedUntil': 'Posting is paused until {when}.',
  'safety.pausedUntilDecided': 'Posting is paused until the removal proposal is decided.',
  'safety.removalOpen': 'A removal proposal about this member is open',
  'safety.proposeRemoval': 'Propose removing this member',
  'safety.proposeRemovalHint':
    'Members decide by consent. The member cannot vote on it. Once a second member seconds it, their posts are hidden while it is open.',
  'safety.secondRemoval': 'Second this removal proposal',
  'safety.secondRemovalHint':
    'One member opened it. If you second it, the member’s posts are hidden until the members decide.',
  'safety.removalNote': 'What should members know?',
  'safety.proposeRemovalSubmit': 'Open the removal proposal',
  'safety.done.flagged': 'Thank you. The flag is recorded.',
  'safety.done.pauseAsked': 'Asked. The pause starts when a second member confirms.',
  'safety.done.paused': 'The pause is in force.',
  'safety.done.removalSeconded': 'Seconded. The member’s posts are hidden until the members decide.',
  'safety.done.removalAsked':
    'Asked. A removal about this member did not pass recently, so the decision opens when enough members have asked (the network’s agreement says how many).',
  'safety.logTitle': 'Safety log',
  'safety.logIntro':
    'Every flag, pause and removal, for every member to read. Flags do not name who flagged; pauses and removals name who acted.',
  'safety.logEmpty': 'Nothing yet.',
  'safety.seeDecision': 'the decision',
  'safety.act.flag_post': 'A post was flagged',
  'safety.act.flag_message': 'A message was flagged',
  'safety.act.flag_member': '{member} was flagged',
  'safety.act.post_hidden': 'A post was hidden for review',
  'safety.act.post_restored': 'A flagged post was shown again',
  'safety.act.post_removed': 'A flagged post was removed',
  'safety.act.pause_asked': '{actors} asked to pause {member}’s posting',
  'safety.act.pause_started': '{actors} paused {member}’s posting for 24 hours',
  'safety.act.removal_opened': '{actors} proposed removing {member}',
  'safety.act.member_removed': '{member} was removed by decision',
  'safety.act.member_stays': 'The proposal to remove {member} did not pass',
  'safety.act.removal_seconded':
    'A second member seconded the proposal to remove {member}; their posts are hidden while it is open',
  'safety.act.removal_asked': 'A member asked again for a decision on removing {member}',

  'member.joined': 'Joined {date}',
  'member.removed': 'Removed from the network by decision.',
  'member.openPosts': 'Open needs and offers',
  'member.noOpenPosts': 'None open.',
  'error.chooseReason': 'Please choose a reason.',
  'error.pauseExists': 'A pause for this member is already asked for or in force.',
  'error.noPauseToConfirm': 'There is no pause waiting for your confirmation.',
  'error.removalOpen': 'A removal proposal about this member is already open.',

  'agreement.flag_threshold': 'Flags from this many members hide a post for review',
  'agreement.removal_hours': 'A removal decision is open for',
  'agreement.removal_repeat_days': 'After a removal decision does not pass, asking again about the same member within',
  'agreement.removal_repeat_members': 'takes this many members asking',
  'agreement.daily_flags': 'Most flags and pause requests one member makes in a day',
  'notification.pauseAsked': 'A member asked to pause someone’s posting. It starts only when a second member confirms.',
  'notification.removalToSecond': 'A removal was proposed. It needs a second member to second it.',
  'waiting.pause': 'A pause of {name}’s posting was asked: confirm it if it is needed',
  'waiting.pauseIfNobody': 'If nobody confirms by {when}, the ask lapses and {name} can post as before.',
  'waiting.removal': 'The proposal to remove {name} waits for a second member',
  'waiting.removalIfNobody':
    'Until someone seconds it, {name}’s posts stay visible; members decide by {when} either way.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'error.nothingToSecond': 'No hay ninguna propuesta de expulsión sobre esta persona que puedas apoyar.',

  'safety.title': 'Cuidarnos entre todos',
  'safety.intro':
    'Los miembros se ocupan juntos de la seguridad: señalar lo que está mal, pausar las publicaciones de alguien junto con otro miembro, o proponer una expulsión para que todos decidan. Todo queda en el registro de seguridad.',
  'safety.reason': '¿Por qué?',
  'safety.reason.harassment': 'Acoso',
  'safety.reason.spam': 'Spam',
  'safety.reason.danger': 'Peligro',
  'safety.flagHint': 'Tu nombre no se muestra con un aviso.',
  'safety.flagSubmit': 'Señalar',
  'safety.flagMember': 'Señalar a este miembro',
  'safety.askPause': 'Pausar las publicaciones de este miembro',
  'safety.askPauseHint':
    'Para una emergencia. Empieza solo cuando otro miembro lo confirma, y dura 24 horas salvo que se proponga una expulsión.',
  'safety.askPauseSubmit': 'Pedir una pausa',
  'safety.pauseAsked':
    '{name} pidió pausar las publicaciones de este miembro ({reason}). Otro miembro debe confirmarlo.',
  'safety.confirmPause': 'Confirmar la pausa',
  'safety.pausedUntil': 'Las publicaciones están en pausa hasta {when}.',
  'safety.pausedUntilDecided': 'Las publicaciones están en pausa hasta que se decida la propuesta de expulsión.',
  'safety.removalOpen': 'Hay abierta una propuesta de expulsión sobre este miembro',
  'safety.proposeRemoval': 'Proponer la expulsión de este miembro',
  'safety.proposeRemovalHint':
    'Los miembros deciden por consentimiento. La persona no vota. Cuando un segundo miembro la apoya, sus publicaciones se ocultan mientras está abierta.',
  'safety.secondRemoval': 'Apoyar esta propuesta de expulsión',
  'safety.secondRemovalHint':
    'La abrió un miembro. Si la apoyas, las publicaciones de la persona se ocultan hasta que los miembros decidan.',
  'safety.removalNote': '¿Qué deben saber los miembros?',
  'safety.proposeRemovalSubmit': 'Abrir la propuesta de expulsión',
  'safety.done.flagged': 'Gracias. El aviso queda registrado.',
  'safety.done.pauseAsked': 'Pedido. La pausa empieza cuando otro miembro la confirme.',
  'safety.done.paused': 'La pausa está en vigor.',
  'safety.done.removalSeconded': 'Apoyada. Las publicaciones de la persona se ocultan hasta que los miembros decidan.',
  'safety.done.removalAsked':
    'Pedido. Una expulsión de esta persona no se aprobó hace poco, así que la decisión se abre cuando lo pidan suficientes miembros (lo dice el acuerdo de la red).',
  'safety.logTitle': 'Registro de seguridad',
  'safety.logIntro':
    'Cada aviso, pausa y expulsión, para que lo lean todos los miembros. Los avisos no dicen quién avisó; las pausas y expulsiones dicen quién actuó.',
  'safety.logEmpty': 'Nada todavía.',
  'safety.seeDecision': 'la decisión',
  'safety.act.flag_post': 'Se señaló una publicación',
  'safety.act.flag_message': 'Se señaló un mensaje',
  'safety.act.flag_member': 'Se señaló a {member}',
  'safety.act.post_hidden': 'Se ocultó una publicación para revisarla',
  'safety.act.post_restored': 'Una publicación señalada se volvió a mostrar',
  'safety.act.post_removed': 'Se retiró una publicación señalada',
  'safety.act.pause_asked': '{actors} pidió pausar las publicaciones de {member}',
  'safety.act.pause_started': '{actors} pausaron las publicaciones de {member} durante 24 horas',
  'safety.act.removal_opened': '{actors} propuso expulsar a {member}',
  'safety.act.member_removed': '{member} fue expulsado por decisión',
  'safety.act.member_stays': 'La propuesta de expulsar a {member} no se aprobó',
  'safety.act.removal_seconded':
    'Un segundo miembro apoyó la propuesta de expulsar a {member}; sus publicaciones se ocultan mientras esté abierta',
  'safety.act.removal_asked': 'Un miembro pidió de nuevo una decisión sobre expulsar a {member}',

  'member.joined': 'Se unió el {date}',
  'member.removed': 'Expulsado de la red por decisión.',
  'member.openPosts': 'Necesidades y ofertas abiertas',
  'member.noOpenPosts': 'Ninguna abierta.',
  'error.chooseReason': 'Elige un motivo.',
  'error.pauseExists': 'Ya se pidió una pausa para este miembro, o ya está en vigor.',
  'error.noPauseToConfirm': 'No hay ninguna pausa que esperes confirmar.',
  'error.removalOpen': 'Ya hay una propuesta abierta para expulsar a este miembro.',

  'agreement.flag_threshold': 'Con avisos de tantos miembros, una publicación se oculta para revisarla',
  'agreement.removal_hours': 'Una decisión de expulsión queda abierta durante',
  'agreement.removal_repeat_days':
    'Si una decisión de expulsión no se aprueba, pedir otra sobre el mismo miembro dentro de',
  'agreement.removal_repeat_members': 'requiere que lo pidan estos miembros',
  'agreement.daily_flags': 'Máximo de avisos y pedidos de pausa que un miembro hace al día',
  'notification.pauseAsked':
    'Alguien pidió pausar las publicaciones de una persona. Empieza solo cuando una segunda persona lo confirma.',
  'notification.removalToSecond': 'Se propuso una expulsión. Necesita que una segunda persona la apoye.',
  'waiting.pause': 'Se pidió pausar las publicaciones de {name}: confírmalo si hace falta',
  'waiting.pauseIfNobody': 'Si nadie lo confirma antes del {when}, la petición caduca y {name} publica como antes.',
  'waiting.removal': 'La propuesta de expulsar a {name} espera a una segunda persona',
  'waiting.removalIfNobody':
    'Mientras nadie la apoye, las publicaciones de {name} siguen visibles; se decide antes del {when} de todos modos.',
});
