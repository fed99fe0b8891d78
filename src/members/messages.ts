// The words of this domain's pages, mail and notifications, in every language Kropotkin ships (the words many
// domains share are in web/i18n). Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.me': 'My page',
  'nav.invite': 'Invite someone',
  'waiting.invite': 'An invite link {name} made waits for a second member',
  'notification.inviteToSecond': 'An invite link waits for a second member before anyone can join with it.',
  'notification.codeToSecond': 'A sign-in code for a member with a role waits for a second member to confirm it.',
  'notification.codeMadeForYou':
    'A member made a sign-in code for you. If you did not ask for one, tell a member you trust.',
  'waiting.inviteHost': 'An invite link from the host waits for a second member',
  'waiting.inviteIfNobody': 'Until a member seconds it, nobody can join with it; it ends by itself when it expires.',
  'waiting.code':
    'A sign-in code {maker} made for {member} waits for a second member: confirm only if it is really them',
  'waiting.codeIfNobody': 'If nobody confirms by {when}, the code stops working and {member} will need another one.',
  'nav.settings': 'My settings',

  'home.title': 'Welcome',
  'home.left': 'That account has left the network. Thank you for what you shared.',
  'home.intro': 'Neighbours asking for and offering help, side by side. Sign in to see the board.',
  'home.howToJoin': 'New here? Ask any member for an invite link.',
  'home.followSlip': 'A member asked for you and gave you a slip? Follow it here',
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
    'Without a passkey or an email, you stay signed in on this device only. Make a recovery code now: a card to print or write down, to sign in again on any device.',
  'welcome.toBoard': 'Go to the board',
  'welcome.passkeyReady': 'You have a passkey: you can sign in again with it on this device.',

  'passkey.add': 'Add a passkey',
  'passkey.added': 'Passkey added.',
  'passkey.cancelled': 'No passkey was made or used: it was cancelled, or took too long. You can try again.',
  'passkey.exists': 'This device already has a passkey for you here.',
  'passkey.notHere':
    'Passkeys do not work on this server’s address: browsers allow them only for a named address with https. Use a recovery code or an email link instead; the host can give the server a name.',
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
  'leave.title': 'Leave the network',
  'leave.about':
    'For an account you no longer use (one you made again after losing your way in), or when you are done here. You are signed out everywhere, your open posts are withdrawn, and this account stops counting in decisions; what you did stays in the network’s history under this name. An invite can bring you back, as a new account.',
  'leave.confirm': 'Yes, this account leaves the network',
  'leave.submit': 'Leave',
  'error.leaveConfirm': 'Please tick the box to say this account leaves.',
  'error.signInAgainForLeave':
    'To leave, sign out and sign in again first, so nobody can do it from a phone left signed in.',
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
  'nav.members': 'Members',

  'signIn.codeTitle': 'Or sign in with a code',
  'signIn.codeIntro':
    'Your recovery code, or a code another member made for you in person. Lost every way in? Ask any member: they can make you a code from the member list.',
  'signIn.code': 'Code',
  'signIn.codeHint': 'Capital or small letters, with or without the dashes.',
  'signIn.codeSubmit': 'Sign in with this code',
  'error.codeRequired': 'Type the code you were given.',
  'error.codeShape': 'A code has 8 or 16 letters and digits. Check it and try again.',
  'error.codeWrong':
    'This code does not work: it may be mistyped, used already or expired (a code from another member works for 30 minutes). Ask for a new one.',
  'error.codeWaitsForSecond':
    'This code works once a second member confirms it on their member list. Ask one who is with you, or the member who made it.',
  'error.codeTooMany':
    'Too many wrong codes were tried on this server in the last minutes. Please wait 15 minutes and try again.',
  'error.codeAlreadyWaiting':
    'A code for this member is already waiting and works for up to 30 minutes. They can use that one; once it runs out you can make a new one.',
  'error.signInAgainForRecovery':
    'To make a new recovery code, sign out and sign in again first (with your passkey, email or recovery code), so nobody can do it from a phone left signed in.',

  'signOut.warnTitle': 'You have no way back in yet',
  'signOut.warn':
    'You have no email, passkey or recovery code here. If you sign out, you can only come back with a code another member makes for you in person. Make a recovery code first: it takes a moment.',
  'signOut.stay': 'Stay signed in',
  'signOut.anyway': 'Sign out anyway',

  'recovery.title': 'Your recovery code',
  'recovery.intro':
    'Write it down or print this page, and keep it somewhere apart from your phone. It is shown only now.',
  'recovery.cardHow': 'Sign in at {address} with "Sign in with a code".',
  'recovery.cardOnce': 'It works once, on any phone or computer; then make a new one. Keep it private.',
  'recovery.print': 'To print it, use your browser’s Print.',
  'recovery.done': 'I have kept it',

  'waysBack.title': 'Ways back in',
  'waysBack.none':
    'You have no way to sign in again if you sign out or lose this device. Make a recovery code, or add an email or a passkey.',
  'waysBack.email': 'Sign-in links to your email.',
  'waysBack.noEmail': 'No email.',
  'waysBack.passkeys': '{count, plural, =0 {No passkey.} one {One passkey.} other {# passkeys.}}',
  'waysBack.recoveryMade': 'A recovery code, made on {date}.',
  'waysBack.noRecovery': 'No recovery code.',
  'waysBack.makeRecovery': 'Make a recovery code',
  'waysBack.makeNewRecovery': 'Make a new recovery code',
  'waysBack.makeHint': 'A code of your own to sign in anywhere, once. You can print it as a card.',
  'waysBack.replaceHint': 'Lost it, or used it? A new one replaces it, and the old one stops working.',
  'waysBack.inPerson':
    'If you lose every way in, any member can make you a one-time sign-in code from the member list, in person.',
  'waysBack.madeForTitle': 'Sign-in codes members made for you',
  'waysBack.madeForUsed': '{maker} made one on {when}; it was used on {used}.',
  'waysBack.madeForUnused': '{maker} made one on {when}; it was not used.',
  'waysBack.madeForSecond': '{second} confirmed it.',
  'waysBack.madeForHint':
    'Not you? Someone may have signed in as you: use "Sign out everywhere" below and tell the members you trust.',
  'waysBack.recoverySpent':
    'You signed in with your recovery code, so it no longer works. Make a new one below and keep it safe.',
  'waysBack.signedInWithCode':
    'You are signed in again. So you need nobody next time, make a recovery code or add a passkey below.',

  'members.title': 'Members',
  'members.intro': '{count, plural, one {One member is in the network.} other {# members are in the network.}}',
  'members.search': 'Find a member by name',
  'members.searchButton': 'Find',
  'members.none': 'No member has that name.',
  'members.joined': 'joined {date}',
  'members.offers': 'offers:',
  'members.helpJoin': 'Help someone join',
  'members.makeCode': 'Make a sign-in code',
  'members.makeCodeFor': 'Make a sign-in code for {name}',
  'members.more': 'Only the first 100 are shown: search for a name to find others.',
  'members.codeHint':
    'Someone who lost every way in? Make them a sign-in code here while you are with them, or on the phone with them. It works once, for {minutes, plural, one {# minute} other {# minutes}}.',
  'members.awaitingTitle': 'Sign-in codes waiting for a second member',
  'members.awaitingItem': 'For {member}, made by {maker}, until {until}.',
  'members.awaitingHint':
    'These members hold a role, so a second member confirms a code made for them. Confirm only if you know it is really them asking.',
  'members.confirmCode': 'Confirm this code',
  'members.seconded': 'Confirmed: the code works now.',

  'codeMade.titleShort': 'Sign-in code',
  'codeMade.title': 'A sign-in code for {name}',
  'codeMade.how':
    'Tell {name} this code yourself, in person or on the phone. They type it at {address} under "Sign in with a code". It works once, until {until}.',
  'codeMade.needsSecond':
    '{name} holds a role, so this code works only after a second member confirms it on their member list. Ask another member to do so.',
  'codeMade.seen': '{name} will see on their settings page that you made it.',
  'codeMade.back': 'Back to the member list',

  'agreement.daily_sign_in_codes': 'Most sign-in codes one member makes for others in a day',

  'notification.slipToSecond':
    'A member brought someone in with a slip; it signs them in once a second member seconds it.',
  'waiting.slip': '{maker} brought in {member} with a slip: second it if you know the slip is theirs',
  'waiting.slipIfNobody':
    'Until a member seconds it, what was asked for {member} is posted and followed, but the slip signs nobody in.',
  'members.slipsTitle': 'Slips waiting for a second member',
  'members.slipItem': '{member}, brought in by {maker} on {date}.',
  'members.secondSlip': 'Second this slip',
  'members.slipsHint':
    'The network agreed that joining takes a second member. Second a slip when you know the person it was made for.',
  'error.slipWaitsForSecond':
    'This slip signs you in once a second member seconds it (your network agreed that joining takes a second member). Show it to a member; what was asked for you is posted already.',
  'acting.title': 'Act for {name}',
  'acting.intro':
    'For someone here with you, at a table or a door, who asks you to use the app for them: post, answer, ask. Everything is done as them, for a short time; they are told, and they see on their settings page that you did it. Their address, passkeys and codes stay theirs.',
  'acting.consent': '{name} is here with me and asks me to act for them',
  'acting.minutes': 'For how long',
  'acting.minutesOption': '{n, plural, one {# minute} other {# minutes}}',
  'acting.submit': 'Act for them',
  'acting.history': 'Members who acted for you',
  'acting.historyItem': '{name} acted for you from {from} until {to}, as you asked.',
  'notification.actedFor':
    '{name} acted for you, as you asked. What they did is under your name; see it on your settings page.',
  'error.actingConsent': 'Tick this only if they are with you and asked for it.',
  'error.actingLimit':
    'While acting for someone, their settings, sign-in and invitations stay theirs: stop acting for them first.',
  'error.actingTrusted': 'A member who holds a role acts for themselves.',
  'error.actingMinutes': 'Please choose one of the lengths offered.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.me': 'Mi página',
  'nav.invite': 'Invitar a alguien',
  'waiting.invite': 'Un enlace de invitación de {name} espera a un segundo miembro',
  'notification.inviteToSecond':
    'Un enlace de invitación espera a un segundo miembro antes de que alguien pueda unirse con él.',
  'notification.codeToSecond':
    'Un código de entrada para un miembro con cargo espera a que un segundo miembro lo confirme.',
  'notification.codeMadeForYou':
    'Un miembro hizo un código de entrada para ti. Si no lo pediste, avisa a un miembro de confianza.',
  'waiting.inviteHost': 'Un enlace de invitación del servidor espera a un segundo miembro',
  'waiting.inviteIfNobody': 'Mientras nadie lo apoye, nadie puede unirse con él; termina solo cuando caduca.',
  'waiting.code':
    'Un código de entrada que {maker} hizo para {member} espera a un segundo miembro: confírmalo solo si es de verdad esa persona',
  'waiting.codeIfNobody':
    'Si nadie lo confirma antes del {when}, el código deja de funcionar y {member} necesitará otro.',
  'nav.settings': 'Mis ajustes',

  'home.title': 'Bienvenida',
  'home.left': 'Esa cuenta ha salido de la red. Gracias por lo que compartiste.',
  'home.intro': 'Vecinas y vecinos que piden y ofrecen ayuda, de igual a igual. Entra para ver el tablón.',
  'home.howToJoin': '¿Eres nueva? Pide un enlace de invitación a cualquier integrante.',
  'home.followSlip': '¿Un miembro pidió por ti y te dio una ficha? Síguela aquí',
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
    'Sin llave de acceso ni correo, solo seguirás dentro en este dispositivo. Haz ahora un código de recuperación: una tarjeta para imprimir o apuntar, para volver a entrar desde cualquier dispositivo.',
  'welcome.toBoard': 'Ir al tablón',
  'welcome.passkeyReady': 'Tienes una llave de acceso: puedes volver a entrar con ella en este dispositivo.',

  'passkey.add': 'Añadir una llave de acceso',
  'passkey.added': 'Llave de acceso añadida.',
  'passkey.cancelled': 'No se creó ni usó ninguna llave: se canceló o tardó demasiado. Puedes intentarlo de nuevo.',
  'passkey.exists': 'Este dispositivo ya tiene una llave de acceso tuya aquí.',
  'passkey.notHere':
    'Las llaves de acceso no funcionan con la dirección de este servidor: los navegadores solo las permiten con una dirección con nombre y https. Usa un código de recuperación o un enlace por correo; quien aloja el servidor puede darle un nombre.',
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
  'leave.title': 'Salir de la red',
  'leave.about':
    'Para una cuenta que ya no usas (una que hiciste de nuevo tras perder el acceso), o cuando terminas aquí. Se cierra tu sesión en todas partes, se retiran tus publicaciones abiertas y esta cuenta deja de contar en las decisiones; lo que hiciste queda en la historia de la red con este nombre. Una invitación puede traerte de vuelta, como cuenta nueva.',
  'leave.confirm': 'Sí, esta cuenta sale de la red',
  'leave.submit': 'Salir',
  'error.leaveConfirm': 'Marca la casilla para confirmar que esta cuenta sale.',
  'error.signInAgainForLeave':
    'Para salir, cierra la sesión y vuelve a entrar primero, para que nadie pueda hacerlo desde un teléfono con la sesión abierta.',
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
  'nav.members': 'Miembros',

  'signIn.codeTitle': 'O entra con un código',
  'signIn.codeIntro':
    'Tu código de recuperación, o un código que otro miembro te hizo en persona. ¿Perdiste todas las formas de entrar? Pide ayuda a cualquier miembro: puede hacerte un código desde la lista de miembros.',
  'signIn.code': 'Código',
  'signIn.codeHint': 'En mayúsculas o minúsculas, con o sin los guiones.',
  'signIn.codeSubmit': 'Entrar con este código',
  'error.codeRequired': 'Escribe el código que te dieron.',
  'error.codeShape': 'Un código tiene 8 o 16 letras y cifras. Revísalo y prueba otra vez.',
  'error.codeWrong':
    'Este código no funciona: puede estar mal escrito, ya usado o caducado (un código de otro miembro dura 30 minutos). Pide uno nuevo.',
  'error.codeWaitsForSecond':
    'Este código funciona cuando otro miembro lo confirme en su lista de miembros. Pídeselo a alguien que esté contigo, o a quien lo hizo.',
  'error.codeTooMany':
    'Se probaron demasiados códigos equivocados en este servidor en los últimos minutos. Espera 15 minutos y vuelve a probar.',
  'error.codeAlreadyWaiting':
    'Ya hay un código esperando a este miembro, que dura hasta 30 minutos. Puede usar ese; cuando caduque podrás hacer otro.',
  'error.signInAgainForRecovery':
    'Para hacer un código de recuperación nuevo, sal y vuelve a entrar primero (con tu llave de acceso, tu correo o tu código de recuperación), para que nadie pueda hacerlo desde un teléfono con la sesión abierta.',

  'signOut.warnTitle': 'Aún no tienes forma de volver a entrar',
  'signOut.warn':
    'Aquí no tienes correo, llave de acceso ni código de recuperación. Si sales, solo podrás volver con un código que otro miembro te haga en persona. Haz primero un código de recuperación: es un momento.',
  'signOut.stay': 'Seguir dentro',
  'signOut.anyway': 'Salir de todos modos',

  'recovery.title': 'Tu código de recuperación',
  'recovery.intro':
    'Apúntalo o imprime esta página, y guárdalo en un sitio aparte de tu teléfono. Solo se muestra ahora.',
  'recovery.cardHow': 'Entra en {address} con «Entrar con un código».',
  'recovery.cardOnce': 'Funciona una vez, en cualquier teléfono u ordenador; luego haz otro. Guárdalo en privado.',
  'recovery.print': 'Para imprimirlo, usa Imprimir en tu navegador.',
  'recovery.done': 'Ya lo he guardado',

  'waysBack.title': 'Formas de volver a entrar',
  'waysBack.none':
    'No tienes forma de volver a entrar si sales o pierdes este dispositivo. Haz un código de recuperación, o añade un correo o una llave de acceso.',
  'waysBack.email': 'Enlaces para entrar enviados a tu correo.',
  'waysBack.noEmail': 'Sin correo.',
  'waysBack.passkeys':
    '{count, plural, =0 {Sin llave de acceso.} one {Una llave de acceso.} other {# llaves de acceso.}}',
  'waysBack.recoveryMade': 'Un código de recuperación, hecho el {date}.',
  'waysBack.noRecovery': 'Sin código de recuperación.',
  'waysBack.makeRecovery': 'Hacer un código de recuperación',
  'waysBack.makeNewRecovery': 'Hacer un código de recuperación nuevo',
  'waysBack.makeHint': 'Un código tuyo para entrar desde cualquier sitio, una vez. Puedes imprimirlo como tarjeta.',
  'waysBack.replaceHint': '¿Lo perdiste o lo usaste? Uno nuevo lo sustituye, y el anterior deja de funcionar.',
  'waysBack.inPerson':
    'Si pierdes todas las formas de entrar, cualquier miembro puede hacerte en persona un código de un solo uso desde la lista de miembros.',
  'waysBack.madeForTitle': 'Códigos de entrada que otros miembros te hicieron',
  'waysBack.madeForUsed': '{maker} hizo uno el {when}; se usó el {used}.',
  'waysBack.madeForUnused': '{maker} hizo uno el {when}; no se usó.',
  'waysBack.madeForSecond': '{second} lo confirmó.',
  'waysBack.madeForHint':
    '¿No fuiste tú? Alguien pudo entrar como tú: usa «Cerrar sesión en todas partes» más abajo y avisa a los miembros de confianza.',
  'waysBack.recoverySpent':
    'Entraste con tu código de recuperación, así que ya no funciona. Haz uno nuevo aquí abajo y guárdalo bien.',
  'waysBack.signedInWithCode':
    'Ya estás dentro otra vez. Para no depender de nadie la próxima vez, haz un código de recuperación o añade una llave de acceso aquí abajo.',

  'members.title': 'Miembros',
  'members.intro': '{count, plural, one {Hay un miembro en la red.} other {Hay # miembros en la red.}}',
  'members.search': 'Buscar un miembro por nombre',
  'members.searchButton': 'Buscar',
  'members.none': 'Ningún miembro tiene ese nombre.',
  'members.joined': 'se unió el {date}',
  'members.offers': 'ofrece:',
  'members.helpJoin': 'Ayudar a alguien a unirse',
  'members.makeCode': 'Hacer un código de entrada',
  'members.makeCodeFor': 'Hacer un código de entrada para {name}',
  'members.more': 'Solo se muestran los 100 primeros: busca un nombre para encontrar a los demás.',
  'members.codeHint':
    '¿Alguien perdió todas las formas de entrar? Hazle aquí un código de entrada mientras estás con esa persona, o al teléfono. Funciona una vez, durante {minutes, plural, one {# minuto} other {# minutos}}.',
  'members.awaitingTitle': 'Códigos de entrada que esperan a un segundo miembro',
  'members.awaitingItem': 'Para {member}, hecho por {maker}, hasta {until}.',
  'members.awaitingHint':
    'Estos miembros tienen un cargo, así que otro miembro confirma el código que se les hace. Confírmalo solo si sabes que de verdad lo pide esa persona.',
  'members.confirmCode': 'Confirmar este código',
  'notification.slipToSecond':
    'Un miembro trajo a alguien con una ficha; le deja entrar cuando un segundo miembro la apoye.',
  'waiting.slip': '{maker} trajo a {member} con una ficha: apóyala si sabes que la ficha es suya',
  'waiting.slipIfNobody':
    'Mientras nadie la apoye, lo pedido para {member} está publicado y se puede seguir, pero la ficha no deja entrar a nadie.',
  'members.slipsTitle': 'Fichas que esperan a un segundo miembro',
  'members.slipItem': '{member}: la trajo {maker} el {date}.',
  'members.secondSlip': 'Apoyar esta ficha',
  'members.slipsHint':
    'La red acordó que unirse requiere un segundo miembro. Apoya una ficha cuando conozcas a la persona para quien se hizo.',
  'error.slipWaitsForSecond':
    'Esta ficha te deja entrar cuando un segundo miembro la apoye (tu red acordó que unirse requiere un segundo miembro). Muéstrala a un miembro; lo que se pidió para ti ya está publicado.',
  'members.seconded': 'Confirmado: el código ya funciona.',

  'codeMade.titleShort': 'Código de entrada',
  'codeMade.title': 'Un código de entrada para {name}',
  'codeMade.how':
    'Dile tú este código a {name}, en persona o por teléfono. Lo escribe en {address}, en «Entrar con un código». Funciona una vez, hasta {until}.',
  'codeMade.needsSecond':
    '{name} tiene un cargo, así que este código solo funciona cuando otro miembro lo confirme en su lista de miembros. Pídeselo a otro miembro.',
  'codeMade.seen': '{name} verá en sus ajustes que lo hiciste tú.',
  'codeMade.back': 'Volver a la lista de miembros',

  'agreement.daily_sign_in_codes': 'Máximo de códigos de entrada que un miembro hace para otros al día',
  'acting.title': 'Actuar por {name}',
  'acting.intro':
    'Para alguien que está contigo, en una mesa o una puerta, y te pide usar la aplicación por ella: publicar, responder, pedir. Todo se hace en su nombre, por poco tiempo; se le avisa y ve en su página de ajustes que lo hiciste. Su correo, llaves de acceso y códigos siguen siendo suyos.',
  'acting.consent': '{name} está aquí conmigo y me pide que actúe por ella',
  'acting.minutes': 'Por cuánto tiempo',
  'acting.minutesOption': '{n, plural, one {# minuto} other {# minutos}}',
  'acting.submit': 'Actuar por esta persona',
  'acting.history': 'Miembros que actuaron por ti',
  'acting.historyItem': '{name} actuó por ti desde {from} hasta {to}, como pediste.',
  'notification.actedFor':
    '{name} actuó por ti, como pediste. Lo que hizo está a tu nombre; míralo en tu página de ajustes.',
  'error.actingConsent': 'Marca esto solo si la persona está contigo y te lo pidió.',
  'error.actingLimit':
    'Mientras actúas por alguien, sus ajustes, su entrada y sus invitaciones siguen siendo suyos: deja primero de actuar por esa persona.',
  'error.actingTrusted': 'Un miembro con un rol actúa por sí mismo.',
  'error.actingMinutes': 'Elige una de las duraciones ofrecidas.',
});
