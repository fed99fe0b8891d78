// No means test, no intake form: no form anywhere asks for income, ID, documents, status or a reason.
// Every page with a form is rendered (signed out and signed in, English and Spanish) and its fields' names,
// labels, legends and placeholders are checked against a list of forbidden questions.
// Decision and safety forms are out of its scope on purpose: an objection, a block or a flag asks why about a
// proposal or someone's conduct, never about a member's need.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, buildMember, buildPost, buildWorld, type TestWorld } from '../support/app.ts';
import { engine } from '../support/db.ts';
import { createInvite } from '../../src/members/invites.ts';
import { setFoundingToken } from '../../src/agreements/queries.ts';
import { hashToken, newToken } from '../../src/security/tokens.ts';

const FORBIDDEN_NAMES =
  /income|salary|wage|earning|ssn|social.?security|passport|national.?id|id.?number|id_card|licen[cs]e|immigra|citizen|visa|residen|legal.?status|status|document|proof|verif|reason|why|story|explain|birth|dob|(^|[\s_-])age([\s_-]|$)|gender|ethnic|race|household|employ|benefit|eligib|need_score/i;
const FORBIDDEN_WORDS =
  /income|salary|wages|earn|social security|passport|\bid\b|identification|licen[cs]e|immigration|citizen|visa|residency|legal status|documents?|proof|verify|reason|why (do|are)|your story|explain|date of birth|your age|gender|household|employ|benefits|eligib|ingresos|salario|sueldo|pasaporte|identificaci|inmigraci|ciudadan|residencia|documento|comprobante|motivo|raz[oó]n|por qu[eé]|tu historia|explica|fecha de nacimiento|empleo/i;

type Field = { page: string; name: string; text: string };

const ROOT_CAUSES = /<details class="causes" data-root-causes[^>]*>[\s\S]*?<\/details>/g;

function fieldsOf(page: string, html: string): Field[] {
  const fields: Field[] = [];
  for (const m of html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const attrs = m[2]!;
    const type = attrs.match(/type="([^"]+)"/)?.[1];
    if (type === 'hidden' || type === 'submit') continue;
    const name = attrs.match(/name="([^"]*)"/)?.[1] ?? '';
    const id = attrs.match(/id="([^"]*)"/)?.[1] ?? '';
    const placeholder = attrs.match(/placeholder="([^"]*)"/)?.[1] ?? '';
    fields.push({ page, name: `${name} ${id}`.trim(), text: placeholder });
  }
  for (const m of html.matchAll(/<(label|legend)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    fields.push({
      page,
      name: '',
      text: m[2]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    });
  }
  return fields;
}

let world: TestWorld;
const pages: { page: string; html: string }[] = [];

beforeAll(async () => {
  world = await buildWorld();
  for (const lang of ['en', 'es']) {
    const headers = { 'accept-language': lang };
    const founding = newToken();
    await setFoundingToken(world.deps.db, hashToken(founding));
    pages.push({
      page: `found (${lang})`,
      html: await (await new Client(world).get(`/found?token=${founding}`, headers)).text(),
    });
  }
  const { foundNetwork } = await import('../support/app.ts');
  await foundNetwork(world);
  for (const language of ['en', 'es']) {
    const { token } = await createInvite(world.deps.db, null, world.now.value);
    pages.push({
      page: `join (${language})`,
      html: await (await new Client(world).get(`/join/${token}`, { 'accept-language': language })).text(),
    });
    pages.push({
      page: `sign-in (${language})`,
      html: await (await new Client(world).get('/sign-in', { 'accept-language': language })).text(),
    });
    const me = await buildMember(world, { language });
    const other = await buildMember(world, { language });
    const need = await buildPost(me, { what: `Need in ${language}` });
    const match = (await other.post(`/posts/${need}/respond`)).headers.get('location')!;
    for (const path of [
      '/posts/new?kind=need',
      '/posts/new?kind=offer',
      '/settings',
      '/invites',
      '/board',
      `/posts/${need}`,
      match,
    ]) {
      pages.push({ page: `${path} (${language})`, html: await (await me.get(path)).text() });
    }
    const own = await buildPost(other, { what: `Offer in ${language}`, kind: 'offer', category: 'food' });
    pages.push({ page: `edit (${language})`, html: await (await other.get(`/posts/${own}/edit`)).text() });
  }
});
afterAll(() => world.close());

describe(`no means test (${engine})`, () => {
  it('reads the fields of every form (so the check below cannot pass by reading nothing)', () => {
    const all = pages.flatMap((p) => fieldsOf(p.page, p.html));
    const names = all.map((f) => f.name).join(' ');
    for (const expected of [
      'display_name',
      'language',
      'email',
      'what',
      'category',
      'area',
      'urgency',
      'needed_by',
      'capacity',
      'body',
      'network_name',
      'areas',
    ]) {
      expect(names).toContain(expected);
    }
    expect(pages.length).toBeGreaterThanOrEqual(20);
    // The scanner catches a forbidden question when one is there.
    const planted = fieldsOf('planted', '<label for="x">Monthly income</label><input name="proof_of_address">');
    expect(planted.some((f) => FORBIDDEN_NAMES.test(f.name) || FORBIDDEN_WORDS.test(f.text))).toBe(true);
  });

  it('asks no form for income, ID, documents, status or a reason, in any language', () => {
    // The root causes a need may be tagged with (issue 19) name causes in the world — wages, rents, immigration
    // enforcement — not facts about the member: they are checked apart below, then left out of the scan.
    const offending = pages
      .flatMap((p) => fieldsOf(p.page, p.html.replace(ROOT_CAUSES, '')))
      .filter((f) => FORBIDDEN_NAMES.test(f.name) || FORBIDDEN_WORDS.test(f.text));
    expect(offending).toEqual([]);
  });

  it('offers root causes only folded away, never required, and says only a count is kept', () => {
    const blocks = pages.flatMap((p) => [...p.html.matchAll(ROOT_CAUSES)].map((m) => ({ page: p.page, html: m[0] })));
    expect(blocks.length).toBeGreaterThanOrEqual(2); // the need form, in both languages
    for (const b of blocks) {
      expect(b.html, b.page).not.toMatch(/<details[^>]*\bopen\b/); // closed until the member opens it
      expect(b.html, b.page).not.toMatch(/\brequired\b|aria-required/);
      expect(b.html, b.page).toMatch(/only a monthly count is kept|solo se guarda un recuento mensual/i);
      // Nothing but checkboxes named causes: no text to explain oneself in.
      for (const m of b.html.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
        expect(m[1], b.page).toBe('input');
        expect(m[2], b.page).toMatch(/type="checkbox" name="causes"/);
      }
    }
  });
});
