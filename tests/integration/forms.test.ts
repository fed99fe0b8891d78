// Forms choose the obvious answer and name what is wrong (issue 18): a required choice with one option is chosen
// already (a network's only fund), and a fund left unchosen is told so beside the field, keeping what was typed.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { formKey, makeFund } from '../support/fund.ts';

const files = worldForFile();
let world: TestWorld;
let founder: Client;
beforeAll(() => {
  ({ world, founder } = files);
});

const fundRadios = async () =>
  (await (await founder.get('/fund/ask')).text()).match(/<input type="radio" name="fund"[^>]*>/g) ?? [];

describe(`forms (${engine})`, () => {
  it('chooses the only fund already; with two, neither, and says "choose a fund" when none is chosen', async () => {
    const one = await fundRadios();
    expect(one).toHaveLength(1);
    expect(one[0]).toContain('checked');

    await makeFund(world, founder, 'Groceries');
    const two = await fundRadios();
    expect(two).toHaveLength(2);
    expect(two.some((r) => r.includes('checked'))).toBe(false);
    const res = await founder.post('/fund/ask', {
      key: await formKey(founder, '/fund/ask'),
      amount: '12.50',
      note: '',
    });
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('Please choose a fund.');
    expect(page).not.toContain('This does not look right');
    expect(page).toContain('value="12.50"');
  });
});
