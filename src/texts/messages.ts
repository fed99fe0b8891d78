// The words of texts to and from people who text the network, in every language Kropotkin ships. A text is short
// and costs the person nothing to read: each says one thing. The keyword lists are words a person may text, spaced;
// a translator gives the words people use in their language (STOP works in every language as well).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'text.word.need': 'NEED NEEDS',
  'text.word.stop': 'STOP UNSUBSCRIBE CANCEL END QUIT',
  'text.word.start': 'START UNSTOP',
  'text.word.help': 'HELP INFO',
  'text.word.urgent': 'URGENT TODAY NOW',
  'text.word.soon': 'SOON WEEK',
  'text.word.whenever': 'WHENEVER LATER ANYTIME',
  'text.askCategory': '{network}: what do you need? Reply with a number: {choices}',
  'text.askArea': 'Which area are you in? Reply with a number: {choices}',
  'text.askAreaName': 'Which neighbourhood are you in? Reply with its name.',
  'text.askUrgency': 'How soon? Reply 1 today, 2 this week, 3 whenever.',
  'text.notUnderstood': 'Sorry, I did not understand that.',
  'text.posted':
    'Thank you. Your need is posted: “{what}”. We will text you when a neighbour can help. Reply STOP to stop.',
  'text.waiting':
    'Your need is posted; we will text you when a neighbour can help. To ask for something else, text NEED and what you need.',
  'text.help':
    '{network}: neighbours helping neighbours. Text what you need, like “NEED groceries”. Your number is never shown to anyone. Reply STOP to stop. Languages: {languages}',
  'text.stopped': 'You will get no more texts from {network}. Text START to begin again.',
  'text.started': 'Welcome back to {network}. Text what you need, like “NEED groceries”.',
  'text.passedOn': 'Sent to {name}.',
  'text.from': '{name} wrote: {body}',
  'text.memberName': 'Neighbour by text {tag}',
  'text.tooMany': 'The network is getting many texts just now. Please text again in an hour.',
  'text.language': 'From now on, texts in {language}.',
  'text.refused': 'Sorry, that could not be done just now. Text HELP to hear what you can do.',
  'error.textSignature': 'That text was not signed with the phone gateway’s key, so it was not read.',
  'error.textWebhook': 'That is not a text as the phone gateway sends one.',
  'nav.texts': 'Flyers and texts',
  'flyers.title': 'Flyers, cards and the network’s number',
  'flyers.number':
    'People without the app can text the network at {number}: the answer comes within a minute, in their language, and neither side’s number is ever shown.',
  'flyers.noNumber':
    'The network has no number people can text yet. The host can connect a phone or a modem (see the hosting guide, “Texts”); flyers then carry the number.',
  'flyers.printIn': 'Print in:',
  'flyers.flyer': 'A flyer',
  'flyers.cards': 'Cards, eight a page',
  'flyers.print': 'Use your browser’s Print: only the flyer or the cards are printed.',
  'flyer.lead': 'Neighbours helping neighbours. Anyone can ask for help or offer it, and nobody will ask you why.',
  'flyer.text': 'Text what you need to {number}, like “{example}”.',
  'flyer.scan': 'Scan to start the text.',
  'flyer.stop': 'Text {stop} to stop. Your number is never shown to anyone.',
  'flyer.web': 'With a smartphone: {address}. Ask a member for an invite.',
  'flyer.example': 'NEED groceries',
  'flyer.qrLabel': 'QR code that starts a text to the network',
  'text.word.done': 'DONE MET',
  'text.met': 'Marked as met. Thank you, and thanks to {name}.',
  'text.nothingToMeet': 'There is nothing of yours being helped with just now.',
  'flyers.pdf': 'A PDF for a copy shop',
  'flyers.pdfCards': 'A PDF of the cards',
};

export const messages = defineMessages(en, {
  'text.word.need': 'NECESITO NECESITA NECESIDAD',
  'text.word.stop': 'ALTO PARAR BASTA CANCELAR BAJA',
  'text.word.start': 'INICIAR EMPEZAR VOLVER',
  'text.word.help': 'AYUDA INFORMACION',
  'text.word.urgent': 'URGENTE HOY YA',
  'text.word.soon': 'PRONTO SEMANA',
  'text.word.whenever': 'CUANDO SEA DESPUES',
  'text.askCategory': '{network}: ¿qué necesitas? Responde con un número: {choices}',
  'text.askArea': '¿En qué zona estás? Responde con un número: {choices}',
  'text.askAreaName': '¿En qué barrio estás? Responde con su nombre.',
  'text.askUrgency': '¿Para cuándo? Responde 1 hoy, 2 esta semana, 3 cuando sea.',
  'text.notUnderstood': 'Perdona, no lo entendí.',
  'text.posted':
    'Gracias. Tu necesidad está publicada: «{what}». Te escribiremos cuando un vecino pueda ayudar. Responde ALTO para no recibir más.',
  'text.waiting':
    'Tu necesidad está publicada; te escribiremos cuando un vecino pueda ayudar. Para pedir otra cosa, escribe NECESITO y lo que necesitas.',
  'text.help':
    '{network}: vecinos que se ayudan. Escribe lo que necesitas, como «NECESITO comida». Tu número nunca se muestra a nadie. Responde ALTO para no recibir más. Idiomas: {languages}',
  'text.stopped': 'No recibirás más mensajes de {network}. Escribe INICIAR para volver.',
  'text.started': 'Bienvenido de nuevo a {network}. Escribe lo que necesitas, como «NECESITO comida».',
  'text.passedOn': 'Enviado a {name}.',
  'text.from': '{name} escribió: {body}',
  'text.memberName': 'Vecino por mensaje {tag}',
  'text.tooMany': 'La red recibe muchos mensajes ahora mismo. Escribe de nuevo dentro de una hora.',
  'text.language': 'A partir de ahora, mensajes en {language}.',
  'text.refused': 'Perdona, eso no se pudo hacer ahora. Escribe AYUDA para saber qué puedes hacer.',
  'error.textSignature': 'Ese mensaje no venía firmado con la clave de la pasarela del teléfono, así que no se leyó.',
  'error.textWebhook': 'Eso no es un mensaje tal como lo envía la pasarela del teléfono.',
  'nav.texts': 'Volantes y mensajes',
  'flyers.title': 'Volantes, tarjetas y el número de la red',
  'flyers.number':
    'Quien no tiene la aplicación puede escribir a la red al {number}: la respuesta llega en menos de un minuto, en su idioma, y nunca se muestra el número de nadie.',
  'flyers.noNumber':
    'La red todavía no tiene un número al que escribir. Quien la aloja puede conectar un teléfono o un módem (ver la guía de alojamiento, «Mensajes»); entonces los volantes llevan el número.',
  'flyers.printIn': 'Imprimir en:',
  'flyers.flyer': 'Un volante',
  'flyers.cards': 'Tarjetas, ocho por página',
  'flyers.print': 'Usa la opción Imprimir del navegador: solo se imprimen el volante o las tarjetas.',
  'flyer.lead': 'Vecinos que se ayudan. Cualquiera puede pedir ayuda u ofrecerla, y nadie te preguntará por qué.',
  'flyer.text': 'Escribe lo que necesitas al {number}, como «{example}».',
  'flyer.scan': 'Escanea para empezar el mensaje.',
  'flyer.stop': 'Escribe {stop} para no recibir más. Tu número nunca se muestra a nadie.',
  'flyer.web': 'Con un teléfono inteligente: {address}. Pide una invitación a un miembro.',
  'flyer.example': 'NECESITO comida',
  'flyer.qrLabel': 'Código QR que empieza un mensaje a la red',
  'text.word.done': 'LISTO HECHO',
  'text.met': 'Marcado como resuelto. Gracias, y gracias a {name}.',
  'text.nothingToMeet': 'Ahora mismo no hay nada tuyo en lo que alguien esté ayudando.',
  'flyers.pdf': 'Un PDF para la copistería',
  'flyers.pdfCards': 'Un PDF de las tarjetas',
});

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;
