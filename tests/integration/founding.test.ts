// Founding asks the kinds of help (issue 18): every default kind starts checked, the founders uncheck what their
// network will not do and add their own, and the first agreement holds what they chose; a form with none left is told
// so beside the field, with everything typed kept.
import { describe, expect, it } from 'vitest';
import { newToken, hashToken } from '../../src/security/tokens.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';
import { AREAS, Client, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { networkAgreements } from '../../src/agreements/queries.ts';

const files = worldForFile({ found: false });

describe(`founding a network (${engine})`, () => {
  it('asks the kinds of help, all checked to start, and founds the network with the ones chosen', async () => {
    const world = files.world;
    const token = newToken();
    await setFoundingToken(world.deps.db, hashToken(token));
    const founder = new Client(world);
    const form = await (await founder.get(`/found?token=${token}`)).text();
    expect(form).toContain('Kinds of help members ask for and offer');
    expect(form.match(/name="categories" value="[a-z]+" checked=""/g)?.length).toBeGreaterThan(10);
    const base = {
      token,
      network_name: 'Harbour Mutual Aid',
      areas: AREAS.join('\n'),
      languages: 'en\nes',
      founder_name: 'Ines',
      founder_language: 'es',
      categories_shown: '1',
    };
    // Nothing checked and nothing written: told beside the field, and the rest kept.
    const none = await founder.post('/found', { ...base, more_categories: '' });
    expect(none.status).toBe(422);
    const again = await none.text();
    expect(again).toContain('Please keep at least one kind of help.');
    expect(again).toContain('value="Harbour Mutual Aid"');
    const res = await founder.post('/found', {
      ...base,
      categories: 'food\nrides\nchildcare',
      more_categories: 'tool library\n\nbail fund\nrides',
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const agreements = await networkAgreements(world.deps.db, world.deps.registry);
    expect(agreements.categories).toEqual(['food', 'rides', 'childcare', 'tool library', 'bail fund']);
  });
});
