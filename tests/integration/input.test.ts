// Bad input: a clear message beside the field, what was typed kept, nothing stored, never a 5xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, buildPost, inADay, type TestWorld, worldForFile } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { createInvite } from '../../src/members/invites.ts';
import { hashToken, newToken } from '../../src/security/tokens.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';

const files = worldForFile();
let world: TestWorld;
let member: Client;
beforeAll(async () => {
  world = files.world;
  member = await buildMember(world);
});

const postCount = async () =>
  Number(
    (
      await world.deps.db
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const good = { kind: 'need', what: 'Groceries for the week', category: 'groceries', area: 'Eastside', urgency: 'soon' };

describe(`bad input (${engine})`, () => {
  it('re-renders the post form with a message beside each wrong field and what was typed', async () => {
    const before = await postCount();
    const cases: [Record<string, string>, string, string][] = [
      [{ ...good, what: 'x' }, 'what-error', 'Please say a few words'],
      [{ ...good, what: 'y'.repeat(1001) }, 'what-error', 'under 1000 characters'],
      [{ ...good, category: 'weapons' }, 'category-error', 'kind of help from the list'],
      [{ ...good, what: 'Groceries, call me on 555 123 4567' }, 'what-error', 'leave phone numbers and emails out'],
      [{ ...good, area: 'Mars' }, 'area-error', 'area from the list'],
      [{ ...good, urgency: 'yesterday' }, 'urgency-error', 'how soon'],
      [{ ...good, needed_by: '2020-01-01' }, 'needed_by-error', 'This date has passed'],
      [{ ...good, needed_by: '2026-02-31' }, 'needed_by-error', 'date like'],
      [{ ...good, needed_by: 'tomorrow' }, 'needed_by-error', 'date like'],
      [
        {
          kind: 'offer',
          what: 'Sofa',
          category: 'supplies',
          area: 'Eastside',
          urgency: 'soon',
          capacity: 'c'.repeat(101),
        },
        'capacity-error',
        'under 100',
      ],
    ];
    for (const [form, id, message] of cases) {
      const res = await member.post('/posts', form);
      expect(res.status, id).toBe(422);
      const html = await res.text();
      expect(html, id).toContain(`id="${id}"`);
      expect(html, id).toContain(message);
      expect(html, id).toContain(form.what!.slice(0, 50)); // nothing typed is lost
    }
    expect(await postCount()).toBe(before);
  });

  it('shows the messages in the member’s language', async () => {
    const es = await buildMember(world, { language: 'es' });
    const html = await (await es.post('/posts', { ...good, what: '' })).text();
    expect(html).toContain('Escribe unas palabras');
    expect(html).toContain('lang="es"');
  });

  it('answers the JSON API with 422 and stable codes per field', async () => {
    const res = await member.postJson('/api/posts', {
      kind: 'need',
      what: 5,
      category: 'nope',
      area: null,
      urgency: 'soon',
      needed_by: inADay(world),
    });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.fields).toMatchObject({
      what: 'error.required',
      category: 'error.chooseCategory',
      area: 'error.chooseArea',
    });
    const ok = await member.postJson('/api/posts', { ...good, needed_by: inADay(world) });
    expect(ok.status).toBe(201);
  });

  it('gives 4xx for broken bodies: wrong content type, bad JSON, oversized', async () => {
    expect(
      (await member.request('/posts', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }))
        .status,
    ).toBe(415);
    expect(
      (
        await member.request('/api/posts', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"what":',
        })
      ).status,
    ).toBe(400);
    const huge = await member.request('/posts', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `what=${'a'.repeat(200_000)}`,
    });
    expect(huge.status).toBe(413);
  });

  it('refuses expired and withdrawn invite links, and reused founding links', async () => {
    const { token } = await createInvite(world.deps.db, null, world.now.value);
    const later = new Date(world.now.value.getTime() + 31 * 86_400_000);
    const saved = world.now.value;
    world.now.value = later;
    const res = await new Client(world).get(`/join/${token}`);
    world.now.value = saved;
    expect(res.status).toBe(410);
    expect(await res.text()).toContain('expired or been withdrawn');
    expect((await new Client(world).get('/join/not-a-token')).status).toBe(410);
    const founding = newToken();
    await setFoundingToken(world.deps.db, hashToken(founding));
    expect((await new Client(world).get(`/found?token=${founding}`)).status).toBe(410);
  });

  it('keeps the join form filled in when something is wrong, and never asks more than name, language, email', async () => {
    const { token } = await createInvite(world.deps.db, null, world.now.value);
    const res = await new Client(world).post(`/join/${token}`, {
      display_name: 'Zed',
      language: 'klingon',
      email: 'not-an-email',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('value="Zed"');
    expect(html).toContain('value="not-an-email"');
    expect(html).toContain('id="language-error"');
    expect(html).toContain('id="email-error"');
  });

  it('asks whether a near repeat of an open need was meant as an update, keeping the text', async () => {
    const m = await buildMember(world);
    const first = await buildPost(m, { what: 'Ride to the dialysis clinic on Tuesday' });
    const again = await m.post('/posts', { ...good, category: 'rides', what: 'ride to dialysis clinic Tuesday' });
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain('Did you mean to change it?');
    expect(html).toContain(`/posts/${first}/edit`);
    expect(html).toContain('ride to dialysis clinic Tuesday');
    const anyway = await m.post('/posts', {
      ...good,
      category: 'rides',
      what: 'ride to dialysis clinic Tuesday',
      confirm_duplicate: 'yes',
    });
    expect(anyway.status).toBe(303);
  });

  it('never answers 5xx to junk in any field of any form', async () => {
    const junk = [
      '',
      ' ',
      '\u0000',
      '😀'.repeat(500),
      "'; drop table posts; --",
      '<script>alert(1)</script>',
      'a'.repeat(5000),
      '%00',
      '\ud800',
    ];
    const forms: [string, string[]][] = [
      ['/posts', ['kind', 'what', 'category', 'area', 'urgency', 'needed_by', 'available_until', 'capacity', 'takes']],
      ['/settings', ['display_name', 'language', 'email', 'remove_email']],
      ['/sign-in/email', ['email']],
      ['/sign-in/link', ['token']],
      ['/language', ['lang', 'back']],
      [
        '/decisions',
        [
          'title',
          'body',
          'process',
          'options',
          'closes_in',
          'quorum',
          'majority_percent',
          'block_binds',
          'dots',
          'results',
          'anonymous',
          'agreement',
          'agreement_value',
        ],
      ],
      ['/fund/ask', ['key', 'fund', 'amount', 'note', 'named']],
      ['/fund/give', ['key', 'fund', 'amount', 'named']],
      ['/fund/pledge', ['fund', 'amount']],
      ['/fund/move', ['key', 'kind', 'fund', 'to_fund', 'amount', 'memo']],
      [
        '/fund/propose',
        ['name', 'process', 'closes_in', 'limit', 'days', 'keep', 'second_above', 'floor', 'revolving'],
      ],
      ['/roles/treasurer/propose', ['member', 'days', 'beyond_rotation', 'process', 'closes_in']],
      [
        '/roles/new',
        ['title', 'duties', 'term_days', 'seats', 'terms_in_row', 'volunteering', 'why', 'process', 'closes_in'],
      ],
      [
        '/roles/treasurer/change',
        ['title', 'duties', 'term_days', 'seats', 'terms_in_row', 'volunteering', 'why', 'process', 'closes_in'],
      ],
      ['/roles/treasurer/handover', ['note']],
      ['/roles/treasurer/volunteer', []],
      ['/rotas/new', ['title', 'category', 'about', 'notice_hours']],
      ['/checkin', ['answer']],
      ['/calendar/new', []],
      ['/circles', ['name', 'amount', 'period_days', 'order_rule']],
      ['/crisis/ask', []],
      ['/crisis/confirm', []],
      ['/dispatch', ['send_00000000-0000-0000-0000-000000000000', 'send_x']],
    ];
    // The fund's forms again with a real fund chosen, so junk reaches the amount and the text.
    const pot = (
      await world.deps.db.selectFrom('fund_accounts').select('id').where('kind', '=', 'pot').executeTakeFirstOrThrow()
    ).id;
    for (const value of junk) {
      for (const path of ['/fund/ask', '/fund/give', '/fund/pledge']) {
        const res = await member.post(path, {
          key: 'junk-key-0001',
          fund: pot,
          amount: value,
          note: value,
          named: value,
        });
        expect(res.status, `${path} ${JSON.stringify(value).slice(0, 20)}`).toBeLessThan(500);
      }
      for (const path of ['/api/fund/requests', '/api/fund/records']) {
        const res = await member.request(path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'idempotency-key': value.replace(/[^\x21-\x7e]/g, '').slice(0, 200) || 'x',
          },
          body: JSON.stringify({ kind: value, fund: pot, amount: value, note: value, request: value, entry: value }),
        });
        expect(res.status, `${path} ${JSON.stringify(value).slice(0, 20)}`).toBeLessThan(500);
        expect((await res.json()).error.code).toBeTruthy();
      }
    }
    // Forms that belong to one proposal, post or member.
    const other = await buildMember(world, { name: 'Junk target' });
    const otherPost = await buildPost(other, { what: 'A post to flag with junk' });
    const otherId = (
      await world.deps.db
        .selectFrom('members')
        .select('id')
        .where('display_name', '=', 'Junk target')
        .executeTakeFirstOrThrow()
    ).id;
    for (const process of ['consent', 'ranked', 'dot', 'score', 'time_poll']) {
      const made = await member.post('/decisions', {
        title: `Junk ${process}`,
        process,
        options: 'A\nB\nC',
        closes_in: '24',
      });
      const id = new URL(made.headers.get('location')!, 'http://x').pathname.split('/')[2]!;
      forms.push([
        `/decisions/${id}/vote`,
        [
          'pick',
          'rank_0',
          'rank_1',
          'dots_0',
          'dots_1',
          'score_0',
          'score_1',
          'score_2',
          'slot_0',
          'slot_1',
          'slot_2',
          'reason',
        ],
      ]);
    }
    // A forming circle's start form (an agreed order), with junk in every place.
    const circle = await member.post('/circles', {
      name: 'Junk circle',
      amount: '10',
      period_days: '7',
      order_rule: 'agreed',
    });
    const circleId = new URL(circle.headers.get('location')!, 'http://x').pathname.split('/')[2]!;
    await other.post(`/circles/${circleId}/join`);
    const memberIds = (
      await world.deps.db.selectFrom('circle_members').select('member_id').where('circle_id', '=', circleId).execute()
    ).map((r) => r.member_id);
    forms.push([`/circles/${circleId}/start`, memberIds.map((id) => `position_${id}`)]);
    // A rota's slot form, and the forms on one slot and one offered place.
    const rota = await member.post('/rotas/new', { title: 'Junk rota', category: 'rides', notice_hours: '24' });
    const rotaId = new URL(rota.headers.get('location')!, 'http://x').pathname.split('/')[2]!;
    forms.push([`/rotas/${rotaId}/slots`, ['date', 'start', 'end', 'area', 'needed', 'repeat_weeks']]);
    for (const action of ['sign-up', 'drop', 'swap']) forms.push([`/rotas/slots/${rotaId}/${action}`, ['wanted']]);
    forms.push([`/rotas/places/${rotaId}/take`, []]);
    forms.push(
      [`/posts/${otherPost}/flag`, ['reason']],
      [`/members/${otherId}/flag`, ['reason']],
      [`/members/${otherId}/removal`, ['reason', 'note']],
    );
    for (const [path, fields] of forms) {
      for (const value of junk) {
        const form = Object.fromEntries(fields.map((f) => [f, value]));
        const res = await member.post(path, form);
        expect(res.status, `${path} ${JSON.stringify(value).slice(0, 20)}`).toBeLessThan(500);
      }
    }
    const html = await (
      await member.post('/posts', { ...good, what: '<script>alert(1)</script>', category: 'x' })
    ).text();
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
