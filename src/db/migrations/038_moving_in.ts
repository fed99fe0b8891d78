// Moving in (issue 22): a sheet a member brings — a CSV or .xlsx from Google Sheets, Forms or Airtable — is kept sealed
// while its columns and values are matched and the dry run is looked over, and until the members' decision on
// importing it closes. Passed, it is carried out in one transaction, and the sheet is forgotten: only the counts stay.
export const name = '038_moving_in';

export const up = `
alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
  check (kind in ('general', 'agreement', 'remove_member', 'remove_post', 'fund', 'fund_request', 'role', 'circle',
    'listening', 'partner', 'import'));

create table imports (
  id uuid primary key default gen_random_uuid(),
  made_by uuid not null references members (id) on delete cascade,
  made_at timestamptz not null default app_now(),
  file_name text not null check (char_length(file_name) between 1 and 200),
  read_as text not null check (char_length(read_as) between 1 and 40),
  row_count integer not null check (row_count between 1 and 5000),
  sheet_enc bytea,
  mapping_enc bytea,
  proposal_id uuid unique references proposals (id) on delete set null,
  approved_at timestamptz,
  done_at timestamptz,
  outcome jsonb check (outcome is null or (jsonb_typeof(outcome) = 'object' and pg_column_size(outcome) < 2000)),
  check (done_at is null or (sheet_enc is null and mapping_enc is null and approved_at is not null)),
  check (outcome is null or done_at is not null)
);
create index imports_made_by on imports (made_by, made_at);
create index imports_approved on imports (approved_at) where approved_at is not null and done_at is null;
create trigger imports_daily_limit before insert on imports for each row
  execute function within_daily_limit('made_by', 'made_at', 'daily_imports', '10');
create trigger imports_not_paused before insert on imports for each row
  execute function refuse_if_paused('made_by');
create trigger imports_forget_notifications after delete on imports
  for each row execute function notifications_forget('id');
`;
