// A shared thing's photo (written again without its metadata before it is stored: things/photos.ts), and the places
// the network tends (issue 20): community fridges, pantries and free stores — their status as members report it, the
// one open restock ask a place has at a time, the members who restock it, and, where a pantry wants counts, a ledger
// of what came in and went out that can never count below zero (KR037).
export const name = '027_photos_places';

export const up = `
create table thing_photos (
  thing_id uuid primary key references things (id) on delete cascade,
  body bytea not null check (octet_length(body) between 100 and 1000000),
  width integer not null check (width between 1 and 800),
  height integer not null check (height between 1 and 800),
  set_by uuid not null references members (id),
  set_at timestamptz not null
);

create table places (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 2 and 120),
  kind text not null check (kind in ('fridge', 'pantry', 'free_store')),
  area text not null check (char_length(area) between 1 and 80),
  about text not null default '' check (char_length(about) <= 2000),
  -- The kind of help a restock is (members offering it hear the asks).
  help text not null check (char_length(help) between 1 and 40),
  -- Whether members keep counts of what came in and went out.
  counted boolean not null default false,
  added_by uuid not null references members (id),
  added_at timestamptz not null default app_now(),
  retired_at timestamptz
);
create trigger places_daily_limit before insert on places for each row
  execute function within_daily_limit('added_by', 'added_at', 'daily_posts', '20');
create trigger places_not_paused before insert on places for each row
  execute function refuse_if_paused('added_by');

-- What a member saw: any of the food left, clean or not, working or not. Who reported is kept only for the daily
-- limit and forgotten after a day (places/commands.ts forgetReports).
create table place_reports (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null references places (id) on delete cascade,
  member_id uuid references members (id) on delete set null,
  made_at timestamptz not null default app_now(),
  food text check (food in ('full', 'some', 'empty')),
  clean boolean,
  working boolean,
  check (food is not null or clean is not null or working is not null)
);
create index place_reports_place on place_reports (place_id, made_at desc);
create trigger place_reports_daily_limit before insert on place_reports for each row
  execute function within_daily_limit('member_id', 'made_at', 'daily_comments', '50');

-- Members who restock a place (they hear its asks first).
create table place_tenders (
  place_id uuid not null references places (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  since timestamptz not null default app_now(),
  primary key (place_id, member_id)
);
create index place_tenders_member on place_tenders (member_id);

-- A restock ask: one open at a time per place, so a thousand reports of "empty" tell each member once.
create table place_asks (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null references places (id) on delete cascade,
  asked_by uuid references members (id) on delete set null,
  asked_at timestamptz not null default app_now(),
  what text not null default '' check (char_length(what) <= 300),
  met_at timestamptz,
  met_by uuid references members (id) on delete set null
);
create unique index place_asks_one_open on place_asks (place_id) where met_at is null;
create trigger place_asks_forget_notifications after delete on place_asks
  for each row execute function notifications_forget('id');

-- What came in (+) and went out (−) of a counted place, by item; an item's count never goes below zero.
create table place_stock (
  id uuid primary key default gen_random_uuid(),
  place_id uuid not null references places (id) on delete cascade,
  item text not null check (char_length(item) between 1 and 80),
  change integer not null check (change <> 0 and change between -10000 and 10000),
  member_id uuid references members (id) on delete set null,
  at timestamptz not null default app_now(),
  seq bigserial
);
create index place_stock_item on place_stock (place_id, lower(item));
create trigger place_stock_daily_limit before insert on place_stock for each row
  execute function within_daily_limit('member_id', 'at', 'daily_stock_lines', '500');

create function place_stock_counted() returns trigger language plpgsql as $$
declare
  held bigint;
begin
  if not (select counted from places where id = new.place_id) then
    raise exception 'this place keeps no counts' using errcode = 'KR037';
  end if;
  perform pg_advisory_xact_lock(hashtext('stock:' || new.place_id::text), hashtext(lower(new.item)));
  select coalesce(sum(change), 0) into held from place_stock where place_id = new.place_id and lower(item) = lower(new.item);
  if held + new.change < 0 then
    raise exception 'more would go out than came in' using errcode = 'KR037';
  end if;
  return new;
end $$;
create trigger place_stock_rules before insert on place_stock for each row execute function place_stock_counted();
`;
