// The words of this domain's pages, in every language Kropotkin ships (the words many domains share are in web/i18n).
// Each language has exactly the English keys (the type checker sees to it).
import { defineMessages } from '../web/i18n/index.ts';

const en = {
  'nav.apiTokens': 'Apps and tokens',
  'api.title': 'Apps and tokens',
  'api.intro':
    'A token lets an app or a script you choose use the network as you: read the board, post your needs and offers, read your notifications. It can do only what you can, never sign in to a page, and you can revoke it at any time. Keep it like a password.',
  'api.document': 'What the API offers (OpenAPI)',
  'api.yours': 'Your tokens',
  'api.none': 'You have no tokens.',
  'api.revoke': 'Revoke',
  'api.revoked': 'Revoked: it no longer works.',
  'api.make': 'Make a token',
  'api.name': 'What it is for',
  'api.nameHint': 'So you know which app holds it, such as “Our group chat bot”.',
  'api.nameRequired': 'Say what the token is for.',
  'api.nameTooLong': 'Please keep it to 60 characters.',
  'api.scope': 'What it may do',
  'api.scope.read': 'Only read',
  'api.scope.write': 'Read, post and withdraw',
  'api.chooseScope': 'Choose what it may do.',
  'api.makeSubmit': 'Make the token',
  'api.made': 'Your new token. Copy it now: it is shown only this once.',
  'api.tooManyTokens': 'You have ten tokens already: revoke one first.',
  'api.badToken': 'This token is not known, or it was revoked.',
  'api.readOnly': 'This token may only read.',
};

export const messages = defineMessages(en, {
  'nav.apiTokens': 'Apps y claves',
  'api.title': 'Apps y claves',
  'api.intro':
    'Una clave deja que una app o un script que elijas use la red como tú: leer el tablón, publicar tus necesidades y ofertas, leer tus avisos. Solo puede hacer lo que tú puedes, nunca entrar en una página, y puedes revocarla cuando quieras. Guárdala como una contraseña.',
  'api.document': 'Lo que ofrece la API (OpenAPI)',
  'api.yours': 'Tus claves',
  'api.none': 'No tienes claves.',
  'api.revoke': 'Revocar',
  'api.revoked': 'Revocada: ya no funciona.',
  'api.make': 'Crear una clave',
  'api.name': 'Para qué es',
  'api.nameHint': 'Para saber qué app la tiene, como «El bot de nuestro chat».',
  'api.nameRequired': 'Di para qué es la clave.',
  'api.nameTooLong': 'Como mucho 60 caracteres, por favor.',
  'api.scope': 'Qué puede hacer',
  'api.scope.read': 'Solo leer',
  'api.scope.write': 'Leer, publicar y retirar',
  'api.chooseScope': 'Elige qué puede hacer.',
  'api.makeSubmit': 'Crear la clave',
  'api.made': 'Tu clave nueva. Cópiala ahora: solo se muestra esta vez.',
  'api.tooManyTokens': 'Ya tienes diez claves: revoca una antes.',
  'api.badToken': 'Esta clave no se conoce, o fue revocada.',
  'api.readOnly': 'Esta clave solo puede leer.',
});

declare module '../web/i18n/index.ts' {
  interface Messages extends Words {}
}
type Words = typeof en;
