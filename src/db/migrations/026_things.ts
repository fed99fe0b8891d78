// Shared things (issue 20, the solidarity economy): a tool library of things the network owns or a member lends.
// The database holds the rules: one active loan per thing (a partial unique index), at most the agreed number of
// things out at once per member (loans_at_once, KR035), one place in a thing's line per member, and a freed thing is
// lent only to the member it was offered to while the offer stands (KR036). Damage and loss are reported without
// blame: no fines, no scores.
export const name = '026_things';

export const up = `
-- An event's line too: who said yes first when two do in the same instant.
alter table event_rsvps add column seq bigserial;

create table things (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 2 and 120),
  about text not null default '' check (char_length(about) <= 2000),
  -- Who lends it: a member lending their own, or nobody (the network's own).
  lent_by uuid references members (id),
  added_by uuid not null references members (id),
  added_at timestamptz not null default app_now(),
  area text not null check (char_length(area) between 1 and 80),
  condition text not null check (condition in ('good', 'worn', 'needs_repair')),
  loan_days integer not null check (loan_days between 1 and 90),
  claim_hours integer not null default 48 check (claim_hours between 1 and 168),
  retired_at timestamptz
);
create index things_added on things (added_at desc);
create trigger things_forget_notifications after delete on things
  for each row execute function notifications_forget('id');
create trigger things_daily_limit before insert on things for each row
  execute function within_daily_limit('added_by', 'added_at', 'daily_posts', '20');
create trigger things_not_paused before insert on things for each row
  execute function refuse_if_paused('added_by');

create table thing_loans (
  id uuid primary key default gen_random_uuid(),
  thing_id uuid not null references things (id) on delete cascade,
  member_id uuid not null references members (id),
  out_at timestamptz not null default app_now(),
  due_at timestamptz not null,
  returned_at timestamptz,
  condition_out text not null check (condition_out in ('good', 'worn', 'needs_repair')),
  condition_back text check (condition_back in ('good', 'worn', 'needs_repair')),
  renewals integer not null default 0 check (renewals between 0 and 3),
  check (due_at > out_at),
  check ((returned_at is null) = (condition_back is null))
);
-- One active loan per thing: two members can never have it at once, whatever writes the rows.
create unique index thing_loans_one_active on thing_loans (thing_id) where returned_at is null;
create index thing_loans_member on thing_loans (member_id) where returned_at is null;
create trigger thing_loans_forget_notifications after delete on thing_loans
  for each row execute function notifications_forget('id');

-- The line for a thing, in the order asked. offered_until: the thing came back and is this member's to take until then.
create table thing_holds (
  id uuid primary key default gen_random_uuid(),
  thing_id uuid not null references things (id) on delete cascade,
  member_id uuid not null references members (id),
  asked_at timestamptz not null default app_now(),
  -- Who asked first when two ask in the same instant.
  seq bigserial,
  offered_until timestamptz,
  ended_at timestamptz
);
create unique index thing_holds_one_each on thing_holds (thing_id, member_id) where ended_at is null;
create index thing_holds_line on thing_holds (thing_id, asked_at, seq) where ended_at is null;
create trigger thing_holds_forget_notifications after delete on thing_holds
  for each row execute function notifications_forget('id');

create table thing_reports (
  id uuid primary key default gen_random_uuid(),
  thing_id uuid not null references things (id) on delete cascade,
  member_id uuid not null references members (id),
  kind text not null check (kind in ('damaged', 'lost', 'missing_part', 'other')),
  note text not null default '' check (char_length(note) <= 1000),
  made_at timestamptz not null default app_now()
);
create index thing_reports_thing on thing_reports (thing_id, made_at);
create trigger thing_reports_daily_limit before insert on thing_reports for each row
  execute function within_daily_limit('member_id', 'made_at', 'daily_flags', '20');

-- A loan starts only within the member's agreed number of things at once, and only for the member a thing is offered
-- to while the offer stands (nobody jumps the line).
create function thing_loan_rules() returns trigger language plpgsql as $$
declare
  taken integer;
begin
  perform pg_advisory_xact_lock(hashtext('loans'), hashtext(new.member_id::text));
  select count(*) into taken from thing_loans where member_id = new.member_id and returned_at is null;
  if taken >= agreement_number('loans_at_once', 3) then
    raise exception 'the member has as many things as agreed' using errcode = 'KR035';
  end if;
  if exists (select 1 from thing_holds where thing_id = new.thing_id and ended_at is null
      and offered_until > app_now() and member_id <> new.member_id) then
    raise exception 'the thing is offered to the next in line' using errcode = 'KR036';
  end if;
  return new;
end $$;
create trigger thing_loans_rules before insert on thing_loans for each row execute function thing_loan_rules();
`;
