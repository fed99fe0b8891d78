// The words of this domain's pages, in every language Kropotkin ships (the words many domains share are in web/i18n).
// Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.directory': 'Directory of networks',
  'directory.title': 'Directory of networks',
  'directory.intro':
    'Mutual aid networks near and far: this one, our partner networks, and the public listings Mutual Aid Hub gathered in 2020–2022 (some may have ended). Places are shown only roughly.',
  'directory.search': 'Search by name or place',
  'directory.show': 'Show',
  'directory.show.all': 'All networks',
  'directory.show.partners': 'This network and its partners',
  'directory.show.listed': 'Mutual Aid Hub’s listings',
  'directory.find': 'Search',
  'directory.found': '{count, plural, =0 {No network matches.} one {One network.} other {# networks.}}',
  'directory.mapTitle': 'Map of the networks listed below',
  'directory.mapDescription':
    '{count, plural, =0 {No network is on the map.} one {One network is on the map.} other {# networks are on the map.}} The list below names each of them.',
  'directory.mark':
    '{count, plural, one {One network} other {# networks}}{ours, select, yes {, this one among them} other {}}{partners, select, yes {, with a partner network} other {}}',
  'directory.legend.ours': 'This network',
  'directory.legend.partner': 'A partner network',
  'directory.legend.listed': 'Listed by Mutual Aid Hub',
  'directory.noPlace': 'Not on the map',
  'directory.kind.General': 'General',
  'directory.kind.Community': 'Community',
  'directory.kind.Offer Support': 'Offers support',
  'directory.kind.Request Support': 'Asks for support',
  'directory.theirPage': 'Their page or form ({host})',
  'directory.writeToUs': 'Write to this network',
  'directory.writeToThem': 'Write to them',
  'directory.partnerAt': 'Partner network at {host}',
  'directory.page': 'Page {page} of {pages}',
  'directory.previous': 'Previous',
  'directory.next': 'Next',
  'directory.ourProfile': 'Our profile in the directory',
  'directory.notListed':
    'This network is not in the directory. When the members decide on a place to name it by, it is listed — here, for partner networks, and at /directory/profile.json — with a contact form, never an email address.',
  'directory.listedAs': 'Listed as “{place}”.',
  'directory.changeProfile': 'Propose a change: the place, the position on the map, or the description',
  'directory.messages':
    '{count, plural, =0 {No message from visitors.} one {One message from visitors} other {# messages from visitors}}',
  'directory.messagesTitle': 'Messages to the network',
  'directory.messagesIntro':
    'What visitors wrote through the directory’s contact form. Every member reads them; they are forgotten after 60 days.',
  'directory.replyTo': 'How to answer: {reply}',
  'directory.noReply': 'They left no way to answer.',
  'directory.contactTitle': 'Write to {network}',
  'directory.contactIntro':
    'Your message reaches the members of {network}. Write what you would like them to know: another network proposing to work together, a question about joining.',
  'directory.body': 'Your message',
  'directory.bodyRequired': 'Write a message.',
  'directory.reply': 'How can they answer you?',
  'directory.replyHint':
    'Whatever you choose: your network’s address, an email, a phone number. Leave it empty to write without one.',
  'directory.send': 'Send',
  'directory.sent': 'Sent. The members of the network will read it.',
  'directory.positionInvalid': 'Write a latitude and a longitude apart by a comma, such as 37.8, -122.3.',
  'agreement.directory_place': 'The place this network is listed by in the directory (empty: not listed)',
  'agreement.directory_position':
    'Its position on the directory’s map: latitude, longitude, rounded to a tenth of a degree (about 10 km)',
  'agreement.directory_about': 'What the directory says of this network',
};

export const messages = defineMessages(en, {
  'nav.directory': 'Directorio de redes',
  'directory.title': 'Directorio de redes',
  'directory.intro':
    'Redes de apoyo mutuo cercanas y lejanas: esta, nuestras redes hermanas y los listados públicos que Mutual Aid Hub reunió en 2020–2022 (algunas pueden haber terminado). Los lugares se muestran solo de forma aproximada.',
  'directory.search': 'Buscar por nombre o lugar',
  'directory.show': 'Mostrar',
  'directory.show.all': 'Todas las redes',
  'directory.show.partners': 'Esta red y sus redes hermanas',
  'directory.show.listed': 'Los listados de Mutual Aid Hub',
  'directory.find': 'Buscar',
  'directory.found': '{count, plural, =0 {Ninguna red coincide.} one {Una red.} other {# redes.}}',
  'directory.mapTitle': 'Mapa de las redes de la lista',
  'directory.mapDescription':
    '{count, plural, =0 {Ninguna red está en el mapa.} one {Una red está en el mapa.} other {# redes están en el mapa.}} La lista de abajo las nombra a todas.',
  'directory.mark':
    '{count, plural, one {Una red} other {# redes}}{ours, select, yes {, esta entre ellas} other {}}{partners, select, yes {, con una red hermana} other {}}',
  'directory.legend.ours': 'Esta red',
  'directory.legend.partner': 'Una red hermana',
  'directory.legend.listed': 'Listada por Mutual Aid Hub',
  'directory.noPlace': 'No está en el mapa',
  'directory.kind.General': 'De todo',
  'directory.kind.Community': 'Comunidad',
  'directory.kind.Offer Support': 'Ofrece apoyo',
  'directory.kind.Request Support': 'Pide apoyo',
  'directory.theirPage': 'Su página o formulario ({host})',
  'directory.writeToUs': 'Escribir a esta red',
  'directory.writeToThem': 'Escribirles',
  'directory.partnerAt': 'Red hermana en {host}',
  'directory.page': 'Página {page} de {pages}',
  'directory.previous': 'Anterior',
  'directory.next': 'Siguiente',
  'directory.ourProfile': 'Nuestro perfil en el directorio',
  'directory.notListed':
    'Esta red no está en el directorio. Cuando los miembros decidan un lugar por el que nombrarla, aparecerá — aquí, para las redes hermanas y en /directory/profile.json — con un formulario de contacto, nunca una dirección de correo.',
  'directory.listedAs': 'Aparece como «{place}».',
  'directory.changeProfile': 'Proponer un cambio: el lugar, la posición en el mapa o la descripción',
  'directory.messages':
    '{count, plural, =0 {Ningún mensaje de visitantes.} one {Un mensaje de visitantes} other {# mensajes de visitantes}}',
  'directory.messagesTitle': 'Mensajes a la red',
  'directory.messagesIntro':
    'Lo que escribieron visitantes con el formulario de contacto del directorio. Todos los miembros los leen; se olvidan a los 60 días.',
  'directory.replyTo': 'Cómo responder: {reply}',
  'directory.noReply': 'No dejaron cómo responder.',
  'directory.contactTitle': 'Escribir a {network}',
  'directory.contactIntro':
    'Tu mensaje llega a los miembros de {network}. Escribe lo que quieras que sepan: otra red que propone trabajar juntas, una pregunta sobre cómo unirse.',
  'directory.body': 'Tu mensaje',
  'directory.bodyRequired': 'Escribe un mensaje.',
  'directory.reply': '¿Cómo pueden responderte?',
  'directory.replyHint':
    'Lo que elijas: la dirección de tu red, un correo, un teléfono. Déjalo vacío para escribir sin ninguno.',
  'directory.send': 'Enviar',
  'directory.sent': 'Enviado. Los miembros de la red lo leerán.',
  'directory.positionInvalid': 'Escribe una latitud y una longitud separadas por una coma, como 37.8, -122.3.',
  'agreement.directory_place': 'El lugar por el que esta red aparece en el directorio (vacío: no aparece)',
  'agreement.directory_position':
    'Su posición en el mapa del directorio: latitud, longitud, redondeadas a una décima de grado (unos 10 km)',
  'agreement.directory_about': 'Lo que el directorio dice de esta red',
});

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;
