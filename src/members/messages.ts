// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.me': 'My page',
  'nav.invite': 'Invite someone',
  'nav.settings': 'My settings',

  'home.title': 'Welcome',
  'home.intro': 'Neighbours asking for and offering help, side by side. Sign in to see the board.',
  'home.howToJoin': 'New here? Ask any member for an invite link.',
  'home.notFoundedTitle': 'Not set up yet',
  'home.notFounded': 'This Kropotkin has no network yet. The person who installed it has a one-time link to start one.',

  'join.title': 'Join {network}',
  'join.titleShort': 'Join',
  'join.intro': 'Everyone here can ask for help and offer it. Nobody will ask you why.',
  'join.submit': 'Join',

  'welcome.title': 'Welcome, {name}',
  'welcome.titleShort': 'Welcome',
  'welcome.intro':
    'To sign in again later on this phone or computer, add a passkey: it uses your screen lock, no password.',
  'welcome.emailFallback': 'You can also always sign in with a link sent to your email.',
  'welcome.noEmail':
    'Without a passkey or an email, you stay signed in on this device only. You can add either in your settings.',
  'welcome.toBoard': 'Go to the board',

  'passkey.add': 'Add a passkey',
  'passkey.added': 'Passkey added.',
  'passkey.needsScript': 'Passkeys need JavaScript turned on. You can use an email sign-in link instead.',

  'signIn.title': 'Sign in',
  'signIn.passkey': 'Sign in with a passkey',
  'signIn.emailTitle': 'Or get a sign-in link by email',
  'signIn.sendLink': 'Send me a link',
  'signIn.sent': 'If that address belongs to a member, a sign-in link is on its way. It works once, for 10 minutes.',
  'signIn.noAccount': 'Not a member yet? Ask any member for an invite link.',
  'signIn.confirm': 'Press the button to finish signing in on this device.',
  'signIn.confirmButton': 'Sign me in',

  'settings.title': 'My settings',
  'settings.saved': 'Saved.',
  'settings.email': 'Email',
  'settings.emailHint': 'Leave empty to keep the one you have. Stored encrypted; never shown to other members.',
  'settings.removeEmail': 'Remove my email',
  'settings.save': 'Save',
  'settings.passkeys': 'Passkeys',
  'settings.noPasskeys': 'No passkey yet.',
  'settings.passkeyItem': 'Passkey {n}: added {created}, last used {used}.',
  'settings.never': 'never',
  'settings.removePasskey': 'Remove',

  'invite.title': 'Invite someone',
  'invite.intro':
    'Anyone with this link can join, for the next 30 days and as many times as you choose. Share it in person, or print it as a flyer.',
  'invite.forOne': 'It lets one person join.',
  'invite.forMany': 'It lets up to {count} people join.',
  'invite.usesLabel': 'How many people may join with it?',
  'invite.usesOne': 'One person',
  'invite.usesMany': 'Up to {count} people (a flyer)',
  'invite.mineTitle': 'Links you made',
  'invite.mineItem': 'Made {date}: {used} of {uses} joined; works until {until}.',
  'invite.mineWaiting': '(Waiting for a second member.)',
  'invite.end': 'End this link',
  'invite.endAskedTitle': 'Links a member asked to end',
  'invite.endAskedItem': '{asker} asked to end a link {name} made on {date}.',
  'invite.endConfirm': 'End it',
  'invite.leakedTitle': 'A link got out?',
  'invite.leakedLabel': 'The link',
  'invite.leakedHint': 'Paste it here. A link you made ends at once; anyone else’s ends when a second member asks too.',
  'invite.leakedSubmit': 'Ask to end this link',
  'invite.done.seconded': 'Seconded. The link works now.',
  'invite.done.ended': 'The link is ended: nobody can join with it any more.',
  'invite.done.endAsked':
    'Asked. The link ends when a second member asks too; other members see your ask on this page.',
  'invite.done.alreadyAsked': 'You already asked to end this link. It ends when a second member asks too.',
  'invite.done.notFound': 'That is no live link of this network (it may have ended already).',
  'invite.create': 'Make an invite link',
  'invite.another': 'Make another link',
  'invite.join': 'Join {network}',
  'invite.scan': 'Scan with a phone camera to join.',
  'invite.qrLabel': 'QR code of the invite link',
  'invite.expires': 'This link works until {date}.',
  'invite.print': 'To make a flyer, use your browser’s Print.',

  'mail.confirmEmailSubject': 'Confirm your email address',
  'mail.confirmEmailBody':
    'Someone asked to use this address to sign in to {network}. If it was you, open this link within a day to confirm it:',
  'mail.emailTakenSubject': 'Someone tried to use your address',
  'mail.emailTakenBody':
    'Someone asked to use this address on {network}, where it already signs you in. Nothing changed. If it was you, sign in with it instead:',
  'mail.emailChangedSubject': 'Your sign-in address was changed',
  'mail.emailChangedBody':
    'Your account on {network} now signs in with another email address, and links are no longer sent here. If you did not do this, sign in with your passkey, sign out everywhere in your settings, and tell a member you trust:',
  'email.confirmTitle': 'Confirm your email address',
  'email.confirmIntro': 'Press the button to use this address for sign-in links and the mail you chose to get.',
  'email.confirmButton': 'Confirm the address',
  'email.confirmed': 'Your email address is confirmed.',
  'email.sent':
    'We mailed a link to the address you gave. Open it within a day to confirm it; until then, nothing changes.',
  'settings.signOutEverywhere': 'Sign out everywhere',
  'settings.signOutEverywhereHint':
    'Ends every session you have, on every phone and computer, this one too. Use it if a device was lost or someone else may be signed in as you.',
  'error.emailNotUsable': 'This address cannot be used in this network.',
  'error.signInAgainForEmail':
    'To change your address, sign out and sign in again first: that keeps someone who found your phone signed in from taking over your sign-in.',
  'mail.signInSubject': 'Your sign-in link',
  'mail.signInBody': 'Open this link to sign in. It works once, for 10 minutes:',
  'mail.signInIgnore': 'If you did not ask for it, ignore this mail.',
  'error.inviteUsedUp':
    'This invite link has been used by as many people as it was made for. Ask a member for a fresh one.',
  'error.inviteNotValid': 'This invite link has expired or been withdrawn. Ask a member for a fresh one.',
  'error.linkNotValid': 'This sign-in link has expired or was already used. Ask for a new one.',
  'error.passkeyFailed': 'The passkey did not work. Please try again, or use an email link.',
  'error.passkeyUnknown': 'This passkey is not known here. Sign in with an email link and add it again.',
  'error.emailInvalid': 'This does not look like an email address.',
  'error.emailInUse': 'Another member uses this email. If it is yours, sign in with it instead.',

  'settings.emailDecisions': 'Email me about proposals and decisions',
  'settings.emailDecisionsYes': 'Yes (in the hourly digest)',
  'settings.emailDecisionsNo': 'No, only show them here',

  'invite.needsSecond': 'This network asks for a second: this link works once another member seconds it on this page.',
  'invite.waitingTitle': 'Invites waiting for a second',
  'invite.waitingIntro': 'Our agreement asks a second member to confirm each invite.',
  'invite.waitingItem': 'Made by {name}, {date}',
  'invite.byHost': 'the host',
  'invite.second': 'Second this invite',
  'error.inviteNeedsSecond':
    'This invite link works once a second member seconds it. Please ask the person who gave it to you.',

  'agreement.join_mode': 'Who may join',
  'agreement.daily_invites': 'Most invite links one member makes in a day',

  'agreement.join_mode.open': 'Anyone with an invite link from a member',
  'agreement.join_mode.seconded': 'Invite links work once a second member seconds them',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.me': 'Mi página',
  'nav.invite': 'Invitar a alguien',
  'nav.settings': 'Mis ajustes',

  'home.title': 'Bienvenida',
  'home.intro': 'Vecinas y vecinos que piden y ofrecen ayuda, de igual a igual. Entra para ver el tablón.',
  'home.howToJoin': '¿Eres nueva? Pide un enlace de invitación a cualquier integrante.',
  'home.notFoundedTitle': 'Aún sin configurar',
  'home.notFounded': 'Este Kropotkin aún no tiene red. Quien lo instaló tiene un enlace de un solo uso para empezarla.',

  'join.title': 'Únete a {network}',
  'join.titleShort': 'Unirse',
  'join.intro': 'Aquí todas y todos pueden pedir ayuda y ofrecerla. Nadie te preguntará por qué.',
  'join.submit': 'Unirme',

  'welcome.title': 'Bienvenida, {name}',
  'welcome.titleShort': 'Bienvenida',
  'welcome.intro':
    'Para volver a entrar en este teléfono u ordenador, añade una llave de acceso: usa el bloqueo de tu pantalla, sin contraseña.',
  'welcome.emailFallback': 'También puedes entrar siempre con un enlace enviado a tu correo.',
  'welcome.noEmail':
    'Sin llave de acceso ni correo, solo seguirás dentro en este dispositivo. Puedes añadir cualquiera de los dos en tus ajustes.',
  'welcome.toBoard': 'Ir al tablón',

  'passkey.add': 'Añadir una llave de acceso',
  'passkey.added': 'Llave de acceso añadida.',
  'passkey.needsScript': 'Las llaves de acceso necesitan JavaScript. Puedes usar un enlace por correo.',

  'signIn.title': 'Entrar',
  'signIn.passkey': 'Entrar con una llave de acceso',
  'signIn.emailTitle': 'O recibe un enlace por correo',
  'signIn.sendLink': 'Envíame un enlace',
  'signIn.sent':
    'Si esa dirección pertenece a una persona de la red, le llegará un enlace. Funciona una vez, durante 10 minutos.',
  'signIn.noAccount': '¿Aún no eres parte? Pide un enlace de invitación a cualquier integrante.',
  'signIn.confirm': 'Pulsa el botón para terminar de entrar en este dispositivo.',
  'signIn.confirmButton': 'Entrar',

  'settings.title': 'Mis ajustes',
  'settings.saved': 'Guardado.',
  'settings.email': 'Correo electrónico',
  'settings.emailHint': 'Déjalo vacío para conservar el que tienes. Se guarda cifrado; nunca se muestra a nadie.',
  'settings.removeEmail': 'Quitar mi correo',
  'settings.save': 'Guardar',
  'settings.passkeys': 'Llaves de acceso',
  'settings.noPasskeys': 'Aún no tienes ninguna llave de acceso.',
  'settings.passkeyItem': 'Llave {n}: añadida el {created}, último uso {used}.',
  'settings.never': 'nunca',
  'settings.removePasskey': 'Quitar',

  'invite.title': 'Invitar a alguien',
  'invite.intro':
    'Cualquiera con este enlace puede unirse, durante los próximos 30 días y tantas veces como elijas. Compártelo en persona o imprímelo como volante.',
  'invite.forOne': 'Permite unirse a una persona.',
  'invite.forMany': 'Permite unirse hasta a {count} personas.',
  'invite.usesLabel': '¿Cuántas personas pueden unirse con él?',
  'invite.usesOne': 'Una persona',
  'invite.usesMany': 'Hasta {count} personas (un volante)',
  'invite.mineTitle': 'Enlaces que hiciste',
  'invite.mineItem': 'Hecho el {date}: se unieron {used} de {uses}; funciona hasta el {until}.',
  'invite.mineWaiting': '(Espera a un segundo miembro.)',
  'invite.end': 'Terminar este enlace',
  'invite.endAskedTitle': 'Enlaces que un miembro pidió terminar',
  'invite.endAskedItem': '{asker} pidió terminar un enlace que hizo {name} el {date}.',
  'invite.endConfirm': 'Terminarlo',
  'invite.leakedTitle': '¿Se filtró un enlace?',
  'invite.leakedLabel': 'El enlace',
  'invite.leakedHint':
    'Pégalo aquí. Un enlace que hiciste termina enseguida; el de otra persona termina cuando lo pide también un segundo miembro.',
  'invite.leakedSubmit': 'Pedir que termine este enlace',
  'invite.done.seconded': 'Apoyado. El enlace ya funciona.',
  'invite.done.ended': 'El enlace terminó: ya nadie puede unirse con él.',
  'invite.done.endAsked':
    'Pedido. El enlace termina cuando lo pide también un segundo miembro; los demás ven tu pedido en esta página.',
  'invite.done.alreadyAsked': 'Ya pediste terminar este enlace. Termina cuando lo pida también un segundo miembro.',
  'invite.done.notFound': 'Ese no es un enlace vivo de esta red (quizá ya terminó).',
  'invite.create': 'Crear un enlace de invitación',
  'invite.another': 'Crear otro enlace',
  'invite.join': 'Únete a {network}',
  'invite.scan': 'Escanea con la cámara del teléfono para unirte.',
  'invite.qrLabel': 'Código QR del enlace de invitación',
  'invite.expires': 'Este enlace funciona hasta el {date}.',
  'invite.print': 'Para hacer un volante, usa Imprimir en tu navegador.',

  'mail.confirmEmailSubject': 'Confirma tu dirección de correo',
  'mail.confirmEmailBody':
    'Alguien pidió usar esta dirección para entrar en {network}. Si fuiste tú, abre este enlace en el plazo de un día para confirmarla:',
  'mail.emailTakenSubject': 'Alguien intentó usar tu dirección',
  'mail.emailTakenBody':
    'Alguien pidió usar esta dirección en {network}, donde ya te sirve para entrar. No cambió nada. Si fuiste tú, entra con ella:',
  'mail.emailChangedSubject': 'Se cambió tu dirección para entrar',
  'mail.emailChangedBody':
    'Tu cuenta en {network} ahora entra con otra dirección de correo, y los enlaces ya no llegan aquí. Si no fuiste tú, entra con tu llave de acceso, cierra la sesión en todas partes desde tu configuración y avisa a un miembro de confianza:',
  'email.confirmTitle': 'Confirma tu dirección de correo',
  'email.confirmIntro':
    'Pulsa el botón para usar esta dirección para los enlaces de entrada y el correo que elegiste recibir.',
  'email.confirmButton': 'Confirmar la dirección',
  'email.confirmed': 'Tu dirección de correo está confirmada.',
  'email.sent':
    'Enviamos un enlace a la dirección que diste. Ábrelo en el plazo de un día para confirmarla; hasta entonces no cambia nada.',
  'settings.signOutEverywhere': 'Cerrar sesión en todas partes',
  'settings.signOutEverywhereHint':
    'Termina todas tus sesiones, en cada teléfono y computadora, también esta. Úsalo si perdiste un dispositivo o alguien más puede haber entrado como tú.',
  'error.emailNotUsable': 'Esta dirección no se puede usar en esta red.',
  'error.signInAgainForEmail':
    'Para cambiar tu dirección, primero cierra la sesión y vuelve a entrar: así nadie que encuentre tu teléfono con la sesión abierta puede quedarse con tu forma de entrar.',
  'mail.signInSubject': 'Tu enlace para entrar',
  'mail.signInBody': 'Abre este enlace para entrar. Funciona una vez, durante 10 minutos:',
  'mail.signInIgnore': 'Si no lo pediste, ignora este correo.',
  'error.inviteUsedUp':
    'Este enlace de invitación ya lo usaron todas las personas para las que se hizo. Pide uno nuevo a un miembro.',
  'error.inviteNotValid': 'Este enlace de invitación venció o fue retirado. Pide uno nuevo.',
  'error.linkNotValid': 'Este enlace para entrar venció o ya se usó. Pide uno nuevo.',
  'error.passkeyFailed': 'La llave de acceso no funcionó. Inténtalo de nuevo o usa un enlace por correo.',
  'error.passkeyUnknown': 'Esta llave de acceso no se conoce aquí. Entra con un enlace por correo y añádela de nuevo.',
  'error.emailInvalid': 'Esto no parece una dirección de correo.',
  'error.emailInUse': 'Otra persona de la red usa este correo. Si es tuyo, entra con él.',

  'settings.emailDecisions': 'Enviarme por correo las propuestas y decisiones',
  'settings.emailDecisionsYes': 'Sí (en el resumen de cada hora)',
  'settings.emailDecisionsNo': 'No, mostrarlas solo aquí',

  'invite.needsSecond': 'Esta red pide un respaldo: el enlace funciona cuando otro miembro lo respalde en esta página.',
  'invite.waitingTitle': 'Invitaciones que esperan respaldo',
  'invite.waitingIntro': 'Nuestro acuerdo pide que otro miembro confirme cada invitación.',
  'invite.waitingItem': 'Creada por {name}, {date}',
  'invite.byHost': 'quien aloja el servidor',
  'invite.second': 'Respaldar esta invitación',
  'error.inviteNeedsSecond':
    'Este enlace de invitación funciona cuando otro miembro lo respalde. Pregunta a quien te lo dio.',

  'agreement.join_mode': 'Quién puede unirse',
  'agreement.daily_invites': 'Máximo de enlaces de invitación que un miembro crea al día',

  'agreement.join_mode.open': 'Cualquiera con un enlace de invitación de un miembro',
  'agreement.join_mode.seconded': 'Los enlaces de invitación funcionan cuando otro miembro los respalda',
});
