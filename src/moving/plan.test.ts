import { describe, expect, it } from 'vitest';
import { buildRegistry } from '../web/domain.ts';
import { domains } from '../domains.ts';
import { translator } from '../web/i18n/index.ts';
import { suggestColumns, suggestMapping, suggestValue, type Mapping } from './mapping.ts';
import { planRows, type Known } from './plan.ts';
import type { Table } from './read.ts';

const { catalogs } = buildRegistry(domains);
const t = translator('en', catalogs);
const choices = {
  areas: ['Northside', 'Riverside', 'Old Town'],
  categories: ['food', 'groceries', 'rides', 'childcare', 'medical', 'other'],
  languages: ['en', 'es'],
  rootCauses: [],
};
const nobody: Known = { emails: new Map(), phones: new Map(), names: new Map() };
const ctx = { choices, today: '2026-12-03' };

// A Google Form's responses, as Sheets exports them: first and last name, a multi-select of kinds of help, a free-text
// address, a language question.
const form: Table = {
  headers: [
    'Timestamp',
    'First name',
    'Last name',
    'Email Address',
    'Phone number',
    'Your address or neighborhood',
    'What kind of help do you need?',
    'Tell us more',
    'Preferred language',
    'How urgent is it?',
  ],
  rows: [
    [
      '2026/11/02 9:14',
      'Ada',
      'Núñez',
      'ada@example.org',
      '555-010-0200',
      '12 Elm St, Northside',
      'Groceries, Rides',
      'Weekly shop and a ride to the clinic',
      'Spanish',
      'This week',
    ],
    [
      '2026/11/02 9:30',
      'Bo',
      '',
      '',
      '(555) 010 0300',
      'Riverside',
      'Childcare',
      'After school on Tuesdays',
      'English',
      'ASAP',
    ],
    [
      '2026/11/03 8:00',
      'Ada',
      'Núñez',
      'ADA@example.org',
      '',
      'Northside',
      'Groceries',
      'Weekly shop and a ride to the clinic',
      '',
      '',
    ],
    ['2026/11/03 8:05', '', '', 'nobody@example.org', '', 'Northside', 'Groceries', 'Milk', '', ''],
    ['2026/11/03 9:00', 'Cy', '', 'not-an-email', '', 'Somewhere far', 'Yoga', 'Call me at 555 010 0999', '', ''],
    ['2026/11/04 9:00', 'Dee', '', 'dee@example.org', '', 'Old Town', 'Food', 'Rice and beans', '', ''],
  ],
  encoding: 'UTF-8',
  delimiter: ',',
};

describe('matching a sheet', () => {
  it('suggests what each column holds from its name, in English and Spanish', () => {
    expect(suggestColumns(form.headers)).toEqual([
      'ignore',
      'name',
      'name',
      'email',
      'phone',
      'area',
      'category',
      'what',
      'language',
      'urgency',
    ]);
    expect(
      suggestColumns(['Nombre', 'Correo electrónico', 'Teléfono', 'Barrio', '¿Qué necesitas?', '¿Qué puedes ofrecer?']),
    ).toEqual(['name', 'email', 'phone', 'area', 'need', 'offer']);
    // A field meant once goes to its first column only.
    expect(suggestColumns(['Email', 'Backup email'])).toEqual(['email', 'ignore']);
  });

  it('suggests values: an address becomes its area, a multi-select item a kind of help', () => {
    expect(suggestValue('area', '12 Elm St, Northside', choices, t)).toBe('Northside');
    expect(suggestValue('area', 'old town', choices, t)).toBe('Old Town');
    expect(suggestValue('area', 'Somewhere far', choices, t)).toBe('');
    expect(suggestValue('category', 'Groceries', choices, t)).toBe('groceries');
    expect(suggestValue('category', 'Transportation', choices, t)).toBe('rides');
    expect(suggestValue('category', 'Yoga', choices, t)).toBe('');
    expect(suggestValue('language', 'Spanish', choices, t)).toBe('es');
    expect(suggestValue('language', 'Español', choices, t)).toBe('es');
    expect(suggestValue('urgency', 'ASAP', choices, t)).toBe('urgent');
    expect(suggestValue('kind', 'I can help', choices, t)).toBe('offer');
    expect(suggestValue('kind', 'I need help', choices, t)).toBe('need');
  });
});

describe('the dry run', () => {
  const mapping = (): Mapping => {
    const m = suggestMapping(form, choices, t);
    return { ...m, defaults: { ...m.defaults, area: '' } };
  };

  it('turns every row into a member and their posts, or says why not beside the row', () => {
    const plan = planRows(form, mapping(), nobody, ctx);
    const [ada, bo, adaAgain, noName, cy, dee] = plan.rows;
    // Two kinds of help: two needs, in the area the address named (the address itself is nowhere).
    expect(ada!.errors).toEqual([]);
    expect(ada!.posts.map((p) => [p.kind, p.category, p.area])).toEqual([
      ['need', 'groceries', 'Northside'],
      ['need', 'rides', 'Northside'],
    ]);
    expect(JSON.stringify(plan)).not.toContain('Elm St');
    expect(bo!.posts).toEqual([
      { kind: 'need', category: 'childcare', area: 'Riverside', what: 'After school on Tuesdays' },
    ]);
    // The same email (in other letters): the same person; the same need again is posted once.
    expect(adaAgain!.notes.map((n) => n.key)).toEqual(['moving.samePerson', 'moving.samePost']);
    expect(adaAgain!.notes[0]!.values).toEqual({ row: 2 });
    expect(adaAgain!.posts).toEqual([]);
    expect(noName!.errors.map((e) => e.key)).toEqual(['moving.noName']);
    // A bad email, an area and a kind of help that match nothing, a phone number in the text: all said, row left out.
    expect(cy!.errors.map((e) => e.key)).toEqual(['moving.badEmail', 'moving.noArea', 'moving.noCategory']);
    expect(dee!.errors).toEqual([]);
    expect(plan.people.map((p) => [p.name, p.email, p.phone, p.language])).toEqual([
      ['Ada Núñez', 'ada@example.org', '5550100200', 'es'],
      ['Bo', null, '5550100300', 'en'],
      ['Dee', 'dee@example.org', null, 'en'],
    ]);
    expect(plan.people[0]!.posts.map((p) => p.urgency)).toEqual(['soon', 'soon']);
    expect(plan.people[1]!.posts[0]!.urgency).toBe('urgent');
    expect([plan.needs, plan.offers, plan.skipped]).toEqual([4, 0, 2]);
  });

  it('leaves out whoever is a member already, and points out a member with the same name', () => {
    const known: Known = {
      emails: new Map([['dee@example.org', 'Dee R.']]),
      phones: new Map([['5550100300', 'Bo T.']]),
      names: new Map([['ada nunez', 'Ada Núñez']]),
    };
    const plan = planRows(form, mapping(), known, ctx);
    expect(plan.rows[1]!.existing).toBe(true);
    expect(plan.rows[1]!.notes).toEqual([{ key: 'moving.alreadyMember', values: { name: 'Bo T.' } }]);
    expect(plan.rows[5]!.existing).toBe(true);
    expect(plan.rows[0]!.notes).toEqual([{ key: 'moving.sameNameHere', values: { name: 'Ada Núñez' } }]);
    expect(plan.people.map((p) => p.name)).toEqual(['Ada Núñez']);
  });

  it('checks each post as the form does: a phone number in the text is refused', () => {
    const m = mapping();
    m.values.area['Somewhere far'] = 'Old Town';
    m.values.category['Yoga'] = 'other';
    const plan = planRows(form, m, nobody, ctx);
    expect(plan.rows[4]!.errors.map((e) => e.key)).toEqual(['moving.badEmail', 'error.contactInPost']);
  });

  it('reads a need-or-offer column, a kind of help from free text, and a default where a row says nothing', () => {
    const sheet: Table = {
      headers: ['Name', 'Type', 'Details', 'Area'],
      rows: [
        ['Eve', 'I can help', 'Can drive on weekends', ''],
        ['Fay', 'Request', 'A crib for a newborn', 'Riverside'],
        ['Gus', '', 'Something', 'Riverside'],
      ],
      encoding: 'UTF-8',
      delimiter: ',',
    };
    const m = suggestMapping(sheet, choices, t);
    expect(m.columns).toEqual(['name', 'kind', 'what', 'area']);
    m.defaults.area = 'Old Town';
    m.defaults.category = 'other';
    const plan = planRows(sheet, m, nobody, ctx);
    expect(plan.rows[0]!.posts).toEqual([
      { kind: 'offer', category: 'rides', area: 'Old Town', what: 'Can drive on weekends' },
    ]);
    expect(plan.rows[1]!.posts[0]).toMatchObject({ kind: 'need', category: 'other', area: 'Riverside' });
    expect(plan.rows[2]!.errors.map((e) => e.key)).toEqual(['moving.noKind']);
    expect(plan.rows[0]!.notes.map((n) => n.key)).toEqual(['moving.noWayToReach']);
  });
});
