// A member at a table or a door acts for someone who is there with them (issue 21): the person's consent recorded
// (who acted, when it was agreed), the session theirs for at most two hours, and the record kept for the person to see
// afterwards. The same daily bound as sign-in codes made for others; a paused member acts for nobody.
export const name = '036_acting_for';

export const up = `
create table acting_records (
  id uuid primary key default gen_random_uuid(),
  -- Who was acted for, and who acted.
  member_id uuid not null references members (id) on delete cascade,
  acting_by uuid not null references members (id) on delete cascade,
  consent_at timestamptz not null default app_now(),
  until timestamptz not null,
  ended_at timestamptz,
  check (member_id <> acting_by),
  check (until > consent_at and until <= consent_at + interval '2 hours')
);
create index acting_records_member on acting_records (member_id, consent_at desc);
create index acting_records_by on acting_records (acting_by, consent_at);
create trigger acting_records_daily_limit before insert on acting_records for each row
  execute function within_daily_limit('acting_by', 'consent_at', 'daily_sign_in_codes', '5');
create trigger acting_records_not_paused before insert on acting_records for each row
  execute function refuse_if_paused('acting_by');
create trigger acting_records_forget_notifications after delete on acting_records
  for each row execute function notifications_forget('id');

-- A session that acts for someone: it ends when the record's time does (no sliding), or when the record goes.
alter table sessions add column acting_id uuid references acting_records (id) on delete cascade;
`;
