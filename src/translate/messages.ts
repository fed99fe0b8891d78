// The words of this domain's pages, in every language Kropotkin ships (the words many domains share are in web/i18n).
// Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.translate': 'Translate',
  'translate.title': 'Translate Kropotkin',
  'translate.intro':
    'Any member proposes a translation of a message; another member approves it, and everyone reading that language sees it at once. Messages not yet translated are shown in the next language its readers know, then English.',
  'translate.noLanguages': 'The network offers only English so far.',
  'translate.progress': 'The flows everyone needs: {essential} translated · all messages: {all}',
  'translate.essentialOf': 'How much of the flows everyone needs is in {language}',
  'translate.offerHint': 'Which languages the network offers is the members’ agreement (Our agreements).',
  'translate.other': 'Another language:',
  'translate.open': 'Open',
  'translate.language': 'Translating into {language}',
  'translate.export': 'Download its words (JSON)',
  'translate.waiting':
    '{n, plural, one {One proposal waits for another member} other {# proposals wait for another member}}',
  'translate.showAll': 'Show every message',
  'translate.showMissing': 'Show only those not yet translated',
  'translate.essential': 'needed by everyone',
  'translate.previous': 'Previous',
  'translate.next': 'Next',
  'translate.pageOf': 'Page {page} of {pages}',
  'translate.message': 'A message to translate',
  'translate.where': 'Where it appears: the {place} pages.',
  'translate.names': 'Keep these names, as they are: {names}',
  'translate.forms': 'Plural forms this language has: {forms}.',
  'translate.current': 'In use now',
  'translate.proposals': 'Proposed',
  'translate.by': 'Proposed by {name}',
  'translate.approve': 'Approve it',
  'translate.yours': 'Yours: another member approves it.',
  'translate.propose': 'Your translation',
  'translate.text': 'Translation',
  'translate.textHint': 'Keep the names in braces; a plural keeps its “other” form.',
  'translate.send': 'Propose it',
  'translate.done.proposed': 'Proposed. Another member can approve it.',
  'translate.done.approved': 'Approved: everyone reading this language sees it now.',
  'error.translationEmpty': 'Please write the translation.',
  'error.translationUnreadable':
    'The braces do not close, or a plural is not written as {n, plural, one {…} other {…}}.',
  'error.translationNames': 'Please keep exactly the names in braces that the English has.',
  'error.translationForms': 'Please use only this language’s plural forms, with an “other” form.',
  'error.translationOwn': 'Another member approves your translation.',
  'error.translationAnswered': 'This proposal was approved or replaced already.',
};

export const messages = defineMessages(en, {
  'nav.translate': 'Traducir',
  'translate.title': 'Traducir Kropotkin',
  'translate.intro':
    'Cualquier persona propone la traducción de un mensaje; otra la aprueba, y quienes leen ese idioma la ven al momento. Lo que aún no está traducido se muestra en el siguiente idioma que conocen sus lectores, y luego en inglés.',
  'translate.noLanguages': 'Por ahora la red solo ofrece inglés.',
  'translate.progress': 'Lo que todas necesitan: {essential} traducido · todos los mensajes: {all}',
  'translate.essentialOf': 'Cuánto de lo que todas necesitan está en {language}',
  'translate.offerHint': 'Qué idiomas ofrece la red es un acuerdo de sus miembros (Nuestros acuerdos).',
  'translate.other': 'Otro idioma:',
  'translate.open': 'Abrir',
  'translate.language': 'Traducir al {language}',
  'translate.export': 'Descargar sus palabras (JSON)',
  'translate.waiting':
    '{n, plural, one {Una propuesta espera a otra persona} other {# propuestas esperan a otra persona}}',
  'translate.showAll': 'Ver todos los mensajes',
  'translate.showMissing': 'Ver solo los que faltan',
  'translate.essential': 'lo necesitan todas',
  'translate.previous': 'Anterior',
  'translate.next': 'Siguiente',
  'translate.pageOf': 'Página {page} de {pages}',
  'translate.message': 'Un mensaje que traducir',
  'translate.where': 'Dónde aparece: las páginas de {place}.',
  'translate.names': 'Mantén estos nombres tal cual: {names}',
  'translate.forms': 'Formas de plural de este idioma: {forms}.',
  'translate.current': 'En uso ahora',
  'translate.proposals': 'Propuestas',
  'translate.by': 'Propuesta de {name}',
  'translate.approve': 'Aprobarla',
  'translate.yours': 'Es tuya: la aprueba otra persona.',
  'translate.propose': 'Tu traducción',
  'translate.text': 'Traducción',
  'translate.textHint': 'Mantén los nombres entre llaves; un plural conserva su forma «other».',
  'translate.send': 'Proponerla',
  'translate.done.proposed': 'Propuesta. Otra persona puede aprobarla.',
  'translate.done.approved': 'Aprobada: quienes leen este idioma ya la ven.',
  'error.translationEmpty': 'Escribe la traducción.',
  'error.translationUnreadable':
    'Las llaves no cierran, o un plural no está escrito como {n, plural, one {…} other {…}}.',
  'error.translationNames': 'Mantén exactamente los nombres entre llaves que tiene el inglés.',
  'error.translationForms': 'Usa solo las formas de plural de este idioma, con una forma «other».',
  'error.translationOwn': 'Tu traducción la aprueba otra persona.',
  'error.translationAnswered': 'Esta propuesta ya se aprobó o se reemplazó.',
});

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;
