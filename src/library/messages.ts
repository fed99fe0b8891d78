// The words of this domain's pages, in every language Kropotkin ships (the words many domains share are in web/i18n).
// Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.library': 'Library',
  'library.title': 'Library',
  'library.intro':
    'Readings, links and short texts members share about why people go without — rents, wages, borders — and how others organise. Each item prints as a handout.',
  'library.add': 'Add a reading',
  'library.inLanguage': 'In:',
  'library.all': 'all languages',
  'library.empty': 'Nothing here yet. Add the first reading.',
  'library.addedBy': 'added by {name} on {date}',
  'library.new': 'Add a reading',
  'library.newVersion': 'Add a version of “{title}” in another language',
  'library.newHint':
    'A link to a reading elsewhere, or a short text of your own (a handout, notes from a teach-in), or both.',
  'library.itemTitle': 'Title',
  'library.language': 'Language it is written in',
  'library.about': 'What it is about',
  'library.aboutHint': 'A line or two, for the list.',
  'library.url': 'Link',
  'library.urlHint': 'An address starting with https:// — give a link, a text, or both.',
  'library.body': 'Text',
  'library.bodyHint': 'Up to 20,000 characters; it prints as a handout. Give a link, a text, or both.',
  'library.submit': 'Add it to the library',
  'library.added': 'Added. Members see it in the library.',
  'library.versions': 'In other languages',
  'library.noVersions': 'No other language yet.',
  'library.addVersion': 'Add a version in another language',
  'library.print': 'To print it as a handout, use your browser’s Print: only the reading is printed.',
  'library.discussion': 'Discussion',
  'library.noComments': 'Nobody has said anything yet.',
  'library.comment': 'Say something about it',
  'library.commentSubmit': 'Post',
  'library.commented': 'Posted.',
  'library.takeDown': 'Take it down',
  'error.libraryTitle': 'Please give a title of 2 to 120 characters.',
  'error.libraryAboutTooLong': 'Please keep this under 1,000 characters.',
  'error.libraryBodyTooLong': 'Please keep the text under 20,000 characters.',
  'error.libraryUrl': 'Please give a link that starts with https:// or http://, without spaces.',
  'error.libraryEmpty': 'Please give a link or a text.',
};

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;

export const messages = defineMessages(en, {
  'nav.library': 'Biblioteca',
  'library.title': 'Biblioteca',
  'library.intro':
    'Lecturas, enlaces y textos breves que los miembros comparten sobre por qué falta lo necesario — alquileres, salarios, fronteras — y cómo se organiza la gente. Cada uno se imprime como volante.',
  'library.add': 'Añadir una lectura',
  'library.inLanguage': 'En:',
  'library.all': 'todos los idiomas',
  'library.empty': 'Aún no hay nada. Añade la primera lectura.',
  'library.addedBy': 'añadida por {name} el {date}',
  'library.new': 'Añadir una lectura',
  'library.newVersion': 'Añadir una versión de «{title}» en otro idioma',
  'library.newHint': 'Un enlace a una lectura, o un texto breve propio (un volante, notas de un taller), o ambos.',
  'library.itemTitle': 'Título',
  'library.language': 'Idioma en que está escrita',
  'library.about': 'De qué trata',
  'library.aboutHint': 'Una o dos líneas, para la lista.',
  'library.url': 'Enlace',
  'library.urlHint': 'Una dirección que empiece por https:// — da un enlace, un texto o ambos.',
  'library.body': 'Texto',
  'library.bodyHint': 'Hasta 20.000 caracteres; se imprime como volante. Da un enlace, un texto o ambos.',
  'library.submit': 'Añadirla a la biblioteca',
  'library.added': 'Añadida. Los miembros la ven en la biblioteca.',
  'library.versions': 'En otros idiomas',
  'library.noVersions': 'Todavía en ningún otro idioma.',
  'library.addVersion': 'Añadir una versión en otro idioma',
  'library.print': 'Para imprimirla como volante, usa Imprimir del navegador: solo se imprime la lectura.',
  'library.discussion': 'Conversación',
  'library.noComments': 'Nadie ha dicho nada todavía.',
  'library.comment': 'Di algo sobre ella',
  'library.commentSubmit': 'Publicar',
  'library.commented': 'Publicado.',
  'library.takeDown': 'Retirarla',
  'error.libraryTitle': 'Da un título de 2 a 120 caracteres.',
  'error.libraryAboutTooLong': 'Que no pase de 1.000 caracteres, por favor.',
  'error.libraryBodyTooLong': 'Que el texto no pase de 20.000 caracteres, por favor.',
  'error.libraryUrl': 'Da un enlace que empiece por https:// o http://, sin espacios.',
  'error.libraryEmpty': 'Da un enlace o un texto.',
});
