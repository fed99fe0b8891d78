import { describe, expect, it } from 'vitest';
import { roleDuties, roleName } from './text.ts';
import { translator } from '../web/i18n/index.ts';
import { buildRegistry } from '../web/domain.ts';
import { roles } from './index.ts';
import { remindDays } from './queries.ts';

describe('role names and reminders', () => {
  it('makes a database name from the title the members gave', () => {
    expect(roleName('Coordinator')).toBe('coordinator');
    expect(roleName('Coordinación de turnos')).toBe('coordinacion_de_turnos');
    expect(roleName('  Outreach & welcome!  ')).toBe('outreach_welcome');
    expect(roleName('Ñ')).toMatch(/^role_[a-z0-9]+$/); // too short once folded: a stable made-up name
    expect(roleName('协调员')).toMatch(/^role_[a-z0-9]+$/);
    expect(roleName('协调员')).toBe(roleName('协调员'));
    expect(roleName('协调员')).not.toBe(roleName('会计'));
    expect(roleName('x'.repeat(80))).toHaveLength(40);
  });

  it('reminds 14 days before a term ends, or a third of a short term', () => {
    expect(remindDays({ termDays: 90 })).toBe(14);
    expect(remindDays({ termDays: 30 })).toBe(10);
    expect(remindDays({ termDays: 7 })).toBe(3);
  });

  it('shows the dispatcher’s duties in the member’s language until the members describe the role themselves', () => {
    const es = translator('es', buildRegistry([roles]).catalogs);
    const written = 'In crisis mode: review the proposed pairs of needs and offers, adjust them, and send them.';
    expect(roleDuties(es, { name: 'dispatcher', duties: written })).toMatch(/^En modo de crisis/);
    expect(roleDuties(es, { name: 'dispatcher', duties: 'Our own words' })).toBe('Our own words');
    expect(roleDuties(es, { name: 'outreach', duties: written })).toBe(written);
  });
});
