// Care for the carers, second part: roles the network defines by decision (term, seats, how many terms in a row),
// filled by decision or by volunteering, with a handover note that travels from holder to holder; rotas of slots
// members sign up for, swap and drop; a private calendar feed; the check-in whose answers exist only as counts; and
// the record of warnings the network was given when load concentrated.
export const name = '006_roles_rotas';

export const up = `
-- Roles, as the network defines them. The treasurer is there from the start; every other role, and every change to
-- one, is a passed decision.
create table roles (
  name text primary key check (name ~ '^[a-z][a-z0-9_]{1,39}$'),
  title text not null check (char_length(title) between 2 and 60),
  duties text not null default '' check (char_length(duties) <= 2000),
  term_days integer not null check (term_days between 7 and 366),
  seats integer not null check (seats between 1 and 20),
  terms_in_row integer not null check (terms_in_row between 1 and 20),
  volunteering boolean not null default false,
  decision_id uuid references proposals (id),
  defined_at timestamptz not null default now()
);
insert into roles (name, title, term_days, seats, terms_in_row, volunteering) values ('treasurer', 'Treasurer', 90, 3, 2, false);

create function role_defined() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'define_role'
      or p.action->>'name' is distinct from new.name then
    raise exception 'a role is defined only as a passed proposal says' using errcode = 'KR010';
  end if;
  if tg_op = 'UPDATE' and new.name is distinct from old.name then
    raise exception 'a role keeps its name' using errcode = 'KR010';
  end if;
  return new;
end $$;
create trigger roles_defined before insert or update on roles for each row execute function role_defined();
create trigger roles_kept before delete on roles for each row execute function refuse_change();

alter table role_terms add constraint role_terms_role_defined foreign key (role) references roles (name);
alter table role_terms alter column decision_id drop not null;
alter table role_terms add column volunteered boolean not null default false;
alter table role_terms add column reminded_at timestamptz;
alter table role_terms add constraint role_terms_how check (volunteered = (decision_id is null));

-- How many terms of this role the member has held in a row up to a moment: a gap as long as a term breaks the run.
create function role_terms_in_row(who uuid, which text, at_time timestamptz) returns integer language plpgsql stable as $$
declare
  n integer := 0;
  edge timestamptz := at_time;
  gap interval;
  t record;
begin
  select make_interval(days => term_days) into gap from roles where name = which;
  for t in select starts_at, least(ends_at, coalesce(ended_at, ends_at)) as ended from role_terms
      where member_id = who and role = which and starts_at < at_time order by starts_at desc loop
    exit when t.ended < edge - gap;
    n := n + 1;
    edge := t.starts_at;
  end loop;
  return n;
end $$;

-- How many hold the role at a moment (terms that have not yet started count from their start).
create function role_seats_taken(which text, at_time timestamptz) returns integer language sql stable as $$
  select count(*)::integer from role_terms t join members m on m.id = t.member_id
    where t.role = which and t.starts_at <= at_time and at_time < least(t.ends_at, coalesce(t.ended_at, t.ends_at))
      and m.removed_at is null
$$;

create or replace function role_term_guard() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
  r roles%rowtype;
begin
  if tg_op = 'UPDATE' then
    if (new.role, new.member_id, new.starts_at, new.ends_at, new.decision_id, new.volunteered)
          is distinct from (old.role, old.member_id, old.starts_at, old.ends_at, old.decision_id, old.volunteered)
        or (old.ended_at is not null and new.ended_at is distinct from old.ended_at)
        or (old.reminded_at is not null and new.reminded_at is distinct from old.reminded_at) then
      raise exception 'a term only ends early, once' using errcode = 'KR001';
    end if;
    return new;
  end if;
  -- One role's terms are decided one at a time, so two fills cannot both take the last seat.
  select * into r from roles where name = new.role for update;
  if new.volunteered then
    if not r.volunteering then
      raise exception 'this role is filled by decision' using errcode = 'KR023';
    end if;
  else
    select * into p from proposals where id = new.decision_id;
    if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'fill_role'
        or p.action->>'role' is distinct from new.role or p.action->>'member_id' is distinct from new.member_id::text then
      raise exception 'a role is filled only as a passed proposal says' using errcode = 'KR010';
    end if;
  end if;
  if role_seats_taken(new.role, new.starts_at) >= r.seats then
    raise exception 'every seat of this role is taken then' using errcode = 'KR024';
  end if;
  if role_terms_in_row(new.member_id, new.role, new.starts_at) >= r.terms_in_row
      and (new.volunteered or p.action->>'beyond_rotation' is distinct from 'true') then
    raise exception 'that would be more terms in a row than the role allows' using errcode = 'KR025';
  end if;
  return new;
end $$;

-- The handover note: written by a holder (or by one whose term ended in the last 30 days), read by the next.
-- Kept encrypted; never changed, so the history travels too.
create table role_handovers (
  id uuid primary key default gen_random_uuid(),
  role text not null references roles (name),
  written_by uuid not null references members (id),
  written_at timestamptz not null,
  note_enc bytea not null
);
create index role_handovers_role on role_handovers (role, written_at desc);
create function role_handover_guard() returns trigger language plpgsql as $$
begin
  if not exists (select 1 from role_terms t where t.member_id = new.written_by and t.role = new.role
      and t.starts_at <= new.written_at
      and least(t.ends_at, coalesce(t.ended_at, t.ends_at)) > new.written_at - interval '30 days') then
    raise exception 'a handover note is written by a holder of the role' using errcode = 'KR027';
  end if;
  return new;
end $$;
create trigger role_handovers_guard before insert on role_handovers for each row execute function role_handover_guard();
create trigger role_handovers_kept before update or delete on role_handovers for each row execute function refuse_change();

-- Rotas: recurring commitments as slots (a time, an area, how many people).
create table rotas (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 2 and 120),
  category text not null check (char_length(category) between 1 and 40),
  about text not null default '' check (char_length(about) <= 2000),
  notice_hours integer not null default 48 check (notice_hours between 1 and 336),
  created_by uuid not null references members (id),
  created_at timestamptz not null
);
create table rota_slots (
  id uuid primary key default gen_random_uuid(),
  rota_id uuid not null references rotas (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  area text not null check (char_length(area) between 1 and 80),
  needed integer not null check (needed between 1 and 50),
  created_by uuid not null references members (id),
  created_at timestamptz not null,
  asked_at timestamptz,
  check (ends_at > starts_at and ends_at <= starts_at + interval '7 days')
);
create index rota_slots_rota on rota_slots (rota_id, starts_at);
create index rota_slots_when on rota_slots (starts_at);
create table rota_signups (
  id uuid primary key default gen_random_uuid(),
  slot_id uuid not null references rota_slots (id),
  member_id uuid not null references members (id),
  signed_at timestamptz not null,
  dropped_at timestamptz,
  swap_wanted_at timestamptz,
  taken_from uuid references rota_signups (id)
);
create unique index rota_signups_once on rota_signups (slot_id, member_id) where dropped_at is null;
create index rota_signups_member on rota_signups (member_id, slot_id) where dropped_at is null;

create function rota_signup_guard() returns trigger language plpgsql as $$
declare
  s rota_slots%rowtype;
begin
  if tg_op = 'UPDATE' then
    if (new.slot_id, new.member_id, new.signed_at, new.taken_from) is distinct from (old.slot_id, old.member_id, old.signed_at, old.taken_from)
        or (old.dropped_at is not null and (new.dropped_at, new.swap_wanted_at) is distinct from (old.dropped_at, old.swap_wanted_at)) then
      raise exception 'a place is only dropped or offered for a swap' using errcode = 'KR001';
    end if;
    return new;
  end if;
  -- Sign-ups for one slot are taken one at a time, so a slot never has more people than it needs.
  select * into s from rota_slots where id = new.slot_id for update;
  if s.starts_at <= new.signed_at then
    raise exception 'this slot has started' using errcode = 'KR026';
  end if;
  if (select count(*) from rota_signups where slot_id = new.slot_id and dropped_at is null) >= s.needed then
    raise exception 'this slot has everyone it needs' using errcode = 'KR026';
  end if;
  return new;
end $$;
create trigger rota_signups_guard before insert or update on rota_signups for each row execute function rota_signup_guard();
create trigger rota_signups_kept before delete on rota_signups for each row execute function refuse_change();

-- A member's private calendar feed: only a hash of its secret address is kept; revoking deletes it.
create table calendar_feeds (
  member_id uuid primary key references members (id),
  token_hash bytea not null unique,
  created_at timestamptz not null
);

-- The check-in. Who answered is kept (so nobody answers twice); what they answered is only ever a count, and the two
-- are never written in the same row.
create table checkin_rounds (
  id uuid primary key default gen_random_uuid(),
  opened_at timestamptz not null,
  closes_at timestamptz not null check (closes_at > opened_at)
);
create index checkin_rounds_opened on checkin_rounds (opened_at desc);
create table checkin_counts (
  round_id uuid not null references checkin_rounds (id),
  answer text not null check (answer in ('well', 'okay', 'stretched', 'struggling')),
  n integer not null default 0 check (n >= 0),
  primary key (round_id, answer)
);
create function checkin_count_guard() returns trigger language plpgsql as $$
begin
  if new.n <> old.n + 1 or (new.round_id, new.answer) is distinct from (old.round_id, old.answer) then
    raise exception 'a check-in count only grows by one answer' using errcode = 'KR001';
  end if;
  return new;
end $$;
create trigger checkin_counts_guard before update on checkin_counts for each row execute function checkin_count_guard();
create table checkin_answered (
  round_id uuid not null references checkin_rounds (id),
  member_id uuid not null references members (id),
  primary key (round_id, member_id)
);

-- Warnings the network was given (load concentrating, mutuality drifting): figures only, never names.
create table network_warnings (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('load', 'drift')),
  at timestamptz not null,
  figures jsonb not null
);
create index network_warnings_kind on network_warnings (kind, at desc);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('matching_need', 'matching_offer',
  'claimed', 'requested', 'message', 'released', 'met', 'proposal_opened', 'proposal_closing', 'proposal_closed',
  'fund_approved', 'fund_declined', 'fund_to_pay', 'fund_paid', 'fund_to_confirm', 'pledge_reminder', 'circle_round',
  'role_ending', 'slot_open', 'slot_dropped', 'slot_taken', 'checkin', 'load_warning'));
alter table notifications add column role text references roles (name);
alter table notifications add column slot_id uuid references rota_slots (id);
create unique index notifications_slot_open_once on notifications (member_id, slot_id) where kind = 'slot_open';
`;
