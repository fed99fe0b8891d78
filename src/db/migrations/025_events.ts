// Events (issue 19, political education): teach-ins, reading groups, assemblies, skill shares. A time and a coarse
// area for all members; the exact place sealed, shown only to those with a place. A recurring event (an RRULE) is
// answered occurrence by occurrence. With a capacity, a yes beyond it waits in line (first come, first offered): a
// freed place is offered to the first waiting, who has the claim window to take it, then the next. The database holds
// the capacity: no more members have or are offered a place than it allows (KR034).
export const name = '025_events';

export const up = `
create table events (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('teach_in', 'reading_group', 'assembly', 'skill_share', 'other')),
  title text not null check (char_length(title) between 3 and 140),
  about text not null default '' check (char_length(about) <= 4000),
  language text not null check (language ~ '^[a-z]{2,3}$'),
  area text not null check (char_length(area) between 1 and 80),
  place_enc bytea,
  starts_at timestamptz not null,
  minutes integer not null check (minutes between 15 and 720),
  -- The wall clock it repeats by: its time zone when made, and the rule (FREQ, INTERVAL, COUNT) without DTSTART.
  zone text not null,
  rrule text check (rrule is null or (rrule ~ '^RRULE:FREQ=(WEEKLY|MONTHLY);INTERVAL=[0-9]{1,2};COUNT=[0-9]{1,2}$')),
  capacity integer check (capacity between 1 and 1000),
  claim_hours integer not null default 24 check (claim_hours between 1 and 168),
  open_to_all boolean not null default false,
  created_by uuid not null references members (id),
  created_at timestamptz not null default app_now(),
  cancelled_at timestamptz
);
create index events_starts on events (starts_at);
create trigger events_daily_limit before insert on events for each row
  execute function within_daily_limit('created_by', 'created_at', 'daily_posts', '20');
create trigger events_not_paused before insert on events for each row
  execute function refuse_if_paused('created_by');

-- The library's readings an event uses (the library shows "used in").
create table event_readings (
  event_id uuid not null references events (id) on delete cascade,
  item_id uuid not null references library_items (id) on delete cascade,
  primary key (event_id, item_id)
);
create index event_readings_item on event_readings (item_id);

-- A member's answer for one occurrence (its start). place: going (has a place), waiting (in line, by asked_at),
-- offered (a freed place, theirs to claim until offer_ends_at), or none (maybe, no, or gave it up).
create table event_rsvps (
  id uuid primary key default gen_random_uuid(),
  event_id uuid not null references events (id) on delete cascade,
  occurrence timestamptz not null,
  member_id uuid not null references members (id),
  answer text not null check (answer in ('yes', 'maybe', 'no')),
  place text not null check (place in ('going', 'waiting', 'offered', 'none')),
  asked_at timestamptz not null default app_now(),
  offer_ends_at timestamptz,
  check ((place = 'offered') = (offer_ends_at is not null)),
  check (place = 'none' or answer = 'yes'),
  unique (event_id, occurrence, member_id)
);
create index event_rsvps_line on event_rsvps (event_id, occurrence, place, asked_at);
create index event_rsvps_member on event_rsvps (member_id, occurrence);
create trigger event_rsvps_forget_notifications after delete on event_rsvps
  for each row execute function notifications_forget('id');
create trigger events_forget_notifications after delete on events
  for each row execute function notifications_forget('id');

create function event_capacity() returns trigger language plpgsql as $$
declare
  room integer;
  taken integer;
begin
  if new.place not in ('going', 'offered') then return new; end if;
  if tg_op = 'UPDATE' and old.place in ('going', 'offered') then return new; end if;
  select capacity into room from events where id = new.event_id for update;
  if room is null then return new; end if;
  select count(*) into taken from event_rsvps
    where event_id = new.event_id and occurrence = new.occurrence and place in ('going', 'offered') and id <> new.id;
  if taken >= room then
    raise exception 'the event is full' using errcode = 'KR034';
  end if;
  return new;
end $$;
create trigger event_rsvps_capacity before insert or update on event_rsvps for each row execute function event_capacity();
`;
