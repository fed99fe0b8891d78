// A notification names what it is about with one generic reference (`subject`: the id, or a role's name, of a row in
// the table its kind is about) instead of one nullable foreign key per domain, and no list of kinds is kept here: the
// domains declare their kinds (web/domain.ts), and a new one needs no migration of this table (issue 16).
// What the foreign keys did is kept: when a subject goes, its notifications go with it (a trigger on each table a kind
// is about: notifications_forget, given the column that names the row), and a reminder sent once (`once`) is not sent
// again, by one unique index for every kind instead of one per kind.
export const name = '015_notification_subjects';

export const up = `
alter table notifications add column subject text, add column once boolean not null default false;
-- A match's notices name the match (its post is found through it); the others name the one row they had.
update notifications set subject = coalesce(match_id::text, post_id::text, proposal_id::text,
  fund_request_id::text, fund_record_id::text, circle_id::text, role, slot_id::text);
update notifications set once = true where kind in ('proposal_closing', 'slot_open');

drop index notifications_closing_once;
drop index notifications_slot_open_once;
alter table notifications drop constraint notifications_kind_check,
  drop column post_id, drop column match_id, drop column proposal_id, drop column fund_request_id,
  drop column fund_record_id, drop column circle_id, drop column role, drop column slot_id,
  add constraint notifications_kind_named check (kind ~ '^[a-z][a-z_]{1,39}$'),
  add constraint notifications_subject_short check (char_length(subject) <= 100);

create unique index notifications_once on notifications (member_id, kind, coalesce(subject, '')) where once;
create index notifications_subject on notifications (subject) where subject is not null;

-- Forgets the notifications about a row that is deleted; the trigger's argument names the column that holds its key.
create function notifications_forget() returns trigger language plpgsql as $$
begin
  delete from notifications where subject = to_jsonb(old) ->> tg_argv[0];
  return old;
end $$;

create trigger posts_forget_notifications after delete on posts
  for each row execute function notifications_forget('id');
create trigger matches_forget_notifications after delete on matches
  for each row execute function notifications_forget('id');
create trigger proposals_forget_notifications after delete on proposals
  for each row execute function notifications_forget('id');
create trigger fund_requests_forget_notifications after delete on fund_requests
  for each row execute function notifications_forget('id');
create trigger fund_records_forget_notifications after delete on fund_records
  for each row execute function notifications_forget('id');
create trigger circles_forget_notifications after delete on circles
  for each row execute function notifications_forget('id');
create trigger roles_forget_notifications after delete on roles
  for each row execute function notifications_forget('name');
create trigger rota_slots_forget_notifications after delete on rota_slots
  for each row execute function notifications_forget('id');
`;
