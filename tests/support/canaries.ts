// A network made through the app whose private fields each carry a unique canary string: email addresses, thread
// messages with a street address and a phone number, fund request notes, a role's handover note and an event's place. Public fields
// (a post's text) carry canaries too, so a scan can prove it sees the data at all.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { buildMember, buildPost, Client, foundNetwork, idFromRedirect, passHours, type TestWorld } from './app.ts';
import { formKey, makeFund, makeTreasurer } from './fund.ts';
import { runJobs } from '../../src/jobs.ts';

export type Canaries = { secret: Record<string, string>; public: Record<string, string> };

/**
 * Lower-case letters only: emails are stored lower-cased, nothing needs escaping anywhere, and no run of digits
 * looks like a phone number to the board's check.
 */
const canary = (label: string) =>
  `cnry${label}${[...crypto.randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;

export async function populateWithCanaries(
  world: TestWorld,
): Promise<{ canaries: Canaries; founder: Client; asker: Client; helper: Client; matchPath: string }> {
  const secret: Record<string, string> = {};
  const pub: Record<string, string> = {};
  for (const k of [
    'founderEmail',
    'askerEmail',
    'helperEmail',
    'street',
    'phone',
    'reply',
    'fundNote',
    'handover',
    'settingsEmail',
    'eventPlace',
    'thingPickup',
  ])
    secret[k] = canary(k.toLowerCase());
  for (const k of ['need', 'offer']) pub[k] = canary(k);

  const founder = await foundNetwork(world, { founder_email: `${secret.founderEmail}@example.org` });
  const asker = await buildMember(world, { name: 'Asha', email: `${secret.askerEmail}@example.org` });
  const helper = await buildMember(world, { name: 'Hugo', email: `${secret.helperEmail}@example.org` });
  // A member changes their address in the settings, so the old one must be gone too.
  const res = await helper.post('/settings', {
    display_name: 'Hugo',
    language: 'en',
    email: `${secret.settingsEmail}@example.org`,
  });
  expect(res.status).toBe(303);

  await buildPost(helper, {
    kind: 'offer',
    what: `Rides most evenings ${pub.offer}`,
    category: 'rides',
    urgency: 'whenever',
  });
  const need = await buildPost(asker, { what: `Groceries for the week ${pub.need}`, category: 'groceries' });
  const matchPath = (await helper.post(`/posts/${need}/respond`)).headers.get('location')!;
  expect(
    (await asker.post(`${matchPath}/messages`, { body: `I live at 12 ${secret.street} Street, buzz twice` })).status,
  ).toBe(303);
  expect(
    (await helper.post(`${matchPath}/messages`, { body: `Call me on +1 555 ${secret.phone}; ${secret.reply}` })).status,
  ).toBe(303);

  // The fund: a treasurer, a gift in, and a request with a note only the treasurer reads, paid out by the ledger.
  await makeTreasurer(world, founder, 'Ada');
  const fund = await makeFund(world, founder, 'Emergency', {
    limit: '150',
    days: '30',
    keep: '0',
    second_above: '100',
  });
  expect(
    (
      await founder.post('/fund/move', {
        key: await formKey(founder, '/fund/move'),
        kind: 'gift',
        fund,
        amount: '500',
        memo: 'Dinner',
      })
    ).status,
  ).toBe(303);
  const asked = await asker.post('/fund/ask', {
    key: await formKey(asker, '/fund/ask'),
    fund,
    amount: '20',
    note: `Cash please, ${secret.fundNote}`,
  });
  expect(asked.status).toBe(303);
  const request = idFromRedirect(asked);
  const pay = await founder.post(`/fund/requests/${request}/pay`, {
    key: await formKey(founder, `/fund/requests/${request}`, `/fund/requests/${request}/pay`),
  });
  expect(pay.status).toBe(303);
  expect(
    (await founder.post('/roles/treasurer/handover', { note: `The cash box key is with ${secret.handover}` })).status,
  ).toBe(303);

  // A drill whose exact pickup place is sealed (shown only to who lends it, has it, or is offered it).
  expect(
    (
      await founder.post('/things', {
        title: 'Drill',
        area: 'Eastside',
        condition: 'good',
        loan_days: '7',
        pickup: `Blue door, ${secret.thingPickup} Lane`,
      })
    ).status,
  ).toBe(303);
  // A teach-in whose exact place is sealed (shown only to who made it and those with a place).
  expect(
    (
      await founder.post('/events', {
        kind: 'teach_in',
        title: 'Why rents rise',
        language: 'en',
        area: 'Eastside',
        place: `Back room, ${secret.eventPlace} Street`,
        date: new Date(world.now.value.getTime() + 3 * 86_400_000).toISOString().slice(0, 10),
        start: '18:00',
      })
    ).status,
  ).toBe(303);

  // A check-in round, answered: only counts are kept, so no canary can go there (the scan checks the shape).
  passHours(world, 4 * 7 * 24 + 1);
  await runJobs(world.deps);
  expect((await asker.post('/checkin', { answer: 'struggling' })).status).toBe(303);
  return { canaries: { secret, public: pub }, founder, asker, helper, matchPath };
}
