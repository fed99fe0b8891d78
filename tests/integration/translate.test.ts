// Translating in the app (issue 21): a member proposes a translation of a message in context — the names in braces
// and the plural forms checked — another member approves it (never their own), and members reading that language
// see it at once; what is not translated comes along the language's chain (Wolof → French → English); a
// language's words can be exported for the project.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, memberIdOf, worldForFile, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let ada: Client;
let bo: Client;
let cy: Client;

beforeAll(async () => {
  world = files.world;
  ada = files.founder;
  bo = await buildMember(world, { name: 'Bo' });
  cy = await buildMember(world, { name: 'Cy' });
});

const proposalId = async (key: string, text: string) =>
  (
    await world.deps.db
      .selectFrom('translations')
      .select('id')
      .where('key', '=', key)
      .where('text', '=', text)
      .executeTakeFirstOrThrow()
  ).id;

describe(`translating in the app (${engine})`, () => {
  it('checks a proposal against the English: the same names, readable, the language’s plural forms', async () => {
    const page = await (await bo.get('/translate/wo/nav.unread')).text();
    expect(page).toContain('{count} new');
    expect(page).toContain('Keep these names, as they are: {count}');
    const wrongName = await bo.post('/translate/wo/nav.unread', { text: '{n} nouvo' });
    expect(wrongName.status).toBe(422);
    const html = await wrongName.text();
    expect(html).toContain('Please keep exactly the names in braces that the English has.');
    expect(html).toContain('{n} nouvo');
    expect((await bo.post('/translate/wo/nav.unread', { text: '{count nouvo' })).status).toBe(422);
    expect((await bo.post('/translate/wo/nav.unread', { text: '' })).status).toBe(422);
    expect((await bo.post('/translate/wo/no.such.key', { text: 'x' })).status).toBe(404);
    expect((await bo.get('/translate/xx')).status).toBe(404);
    expect((await bo.post('/translate/wo/nav.unread', { text: '{count} nouvo' })).status).toBe(303);
    expect((await bo.post('/translate/wo/nav.board', { text: 'Tablo' })).status).toBe(303);
  });

  it('is approved by another member, and then read by everyone in that language at once', async () => {
    const tablo = await proposalId('nav.board', 'Tablo');
    expect((await bo.post(`/translate/proposals/${tablo}/approve`)).status).toBe(403);
    expect((await cy.post(`/translate/proposals/${tablo}/approve`)).status).toBe(303);
    expect((await ada.post(`/translate/proposals/${tablo}/approve`)).status).toBe(409);
    await world.deps.db
      .updateTable('members')
      .set({ language: 'wo' })
      .where('id', '=', await memberIdOf(world, 'Bo'))
      .execute();
    const board = await (await bo.get('/board')).text();
    expect(board).toContain('<html lang="wo"');
    expect(board).toContain('>Tablo</a>');
    // What nobody translated yet comes next along the chain: Wolof → French, shipped whole.
    expect(board).toContain('Demander de l’aide');
    expect(board).not.toContain('Ask for help');
    // Others keep their own language.
    expect(await (await ada.get('/board')).text()).not.toContain('>Tablo<');
  });

  it('replaces the words in force when another proposal is approved, and exports a language’s words', async () => {
    expect((await cy.post('/translate/wo/nav.board', { text: 'Tablo kominote' })).status).toBe(303);
    const newer = await proposalId('nav.board', 'Tablo kominote');
    expect((await ada.post(`/translate/proposals/${newer}/approve`)).status).toBe(303);
    expect(await (await bo.get('/board')).text()).toContain('>Tablo kominote</a>');
    const inForce = await world.deps.db
      .selectFrom('translations')
      .select('text')
      .where('key', '=', 'nav.board')
      .where('approved_at', 'is not', null)
      .where('replaced_at', 'is', null)
      .execute();
    expect(inForce).toEqual([{ text: 'Tablo kominote' }]);
    // What speaks outside a request (the digest mail, texts) has the same words (web/domain.ts approvedWords).
    expect((await world.deps.registry.approvedWords(world.deps.db)).wo?.['nav.board']).toBe('Tablo kominote');
    const exported = (await (await cy.get('/translate/wo/export')).json()) as Record<string, string>;
    expect(exported['nav.board']).toBe('Tablo kominote');
    const overview = await (await cy.get('/translate')).text();
    expect(overview).toContain('Wolof');
    const lang = await (await cy.get('/translate/wo')).text();
    expect(lang).toContain('One proposal waits for another member');
  });
});
