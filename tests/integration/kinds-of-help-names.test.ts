// A kind of help the members add by decision carries its name in each language (issue 18): the proposal says it
// ("Baby supplies = es: Artículos para bebé"), and every page then shows each member the name in their language,
// while posts keep the one kind. A line that is not one is refused beside the field, with what was typed kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestWorld, buildMember, buildPost, decideAgreement, worldForFile, Client } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { networkAgreements } from '../../src/agreements/queries.ts';
import { categoryLine } from '../../src/agreements/defaults.ts';

const files = worldForFile();
let world: TestWorld;
let ines: Client;
beforeAll(async () => {
  world = files.world;
  ines = await buildMember(world, { name: 'Inés', language: 'es' });
});

async function propose(value: string) {
  return files.founder.post('/decisions', {
    title: 'Kinds of help',
    process: 'consent',
    closes_in: '24',
    agreement: 'categories',
    agreement_value: value,
  });
}

describe(`names of kinds of help in each language (${engine})`, () => {
  it('reads a line as a kind and its names, and refuses what is not one', () => {
    expect(categoryLine('Baby supplies = es: Artículos para bebé')).toEqual({
      kind: 'Baby supplies',
      names: { es: 'Artículos para bebé' },
    });
    expect(categoryLine('food')).toEqual({ kind: 'food', names: {} });
    for (const bad of ['x = zz: nope', 'x = es:', 'x = es: a = es: b', `${'k'.repeat(41)}`, ' = es: nada', 'x = es'])
      expect(categoryLine(bad)).toBeNull();
  });

  it('shows each member the name in their language once the members decide', async () => {
    const bad = await propose('food\nBaby supplies = xx: ???');
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('to name it in another language too, add');
    expect(badHtml).toContain('Baby supplies = xx: ???');
    await decideAgreement(
      world,
      files.founder,
      'categories',
      'Food\nRides\nBaby supplies = es: Artículos para bebé\nTool library',
    );
    const net = await networkAgreements(world.deps.db, world.deps.registry);
    expect(net.categories).toEqual(['food', 'rides', 'Baby supplies', 'Tool library']);
    const english = await (await files.founder.get('/posts/new?kind=need')).text();
    expect(english).toContain('<option value="Baby supplies">Baby supplies</option>');
    const spanish = await (await ines.get('/posts/new?kind=need')).text();
    expect(spanish).toContain('<option value="Baby supplies">Artículos para bebé</option>');
    // Unnamed in Spanish: shown as written.
    expect(spanish).toContain('<option value="Tool library">Tool library</option>');
    await buildPost(files.founder, { kind: 'need', what: 'Nappies size 4 please', category: 'Baby supplies' });
    expect(await (await ines.get('/board')).text()).toContain('Artículos para bebé');
    // A change starts from the agreement as it stands, names and all, in the member's words for the software's kinds.
    const next = await (await ines.get('/decisions/new?agreement=categories')).text();
    expect(next).toMatch(/Comida\nTransporte\nBaby supplies = es: Artículos para bebé\nTool library/);
  });
});
