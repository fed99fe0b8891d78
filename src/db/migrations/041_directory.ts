// A directory of networks (issue 22): what partner networks publish of themselves (their profile, read from their own
// server now and then), and the words a visitor leaves through our contact form — the only contact our profile gives,
// never an email address. Places are named and positioned coarsely (a tenth of a degree, about 10 km), nothing finer.
export const name = '041_directory';

export const up = `
create table directory_profiles (
  actor_url text primary key check (char_length(actor_url) <= 2000),
  name text not null check (char_length(name) between 1 and 200),
  place text not null check (char_length(place) between 1 and 100),
  about text not null default '' check (char_length(about) <= 500),
  lat numeric(4, 1) check (lat between -90 and 90),
  lng numeric(4, 1) check (lng between -180 and 180),
  contact_url text check (char_length(contact_url) <= 2000 and contact_url ~ '^https?://'),
  read_at timestamptz not null default app_now(),
  check ((lat is null) = (lng is null))
);

-- What a visitor wrote to the network through its profile's contact form: sealed, kept 60 days (directory/commands.ts).
create table directory_messages (
  id uuid primary key default gen_random_uuid(),
  body_enc bytea not null,
  reply_enc bytea,
  sent_at timestamptz not null default app_now()
);
create index directory_messages_sent on directory_messages (sent_at);

-- Nobody signs in to write, so the limit is the whole network's: 30 messages a day, counted by the database.
create function directory_messages_a_day() returns trigger language plpgsql as $$
begin
  perform pg_advisory_xact_lock(hashtext('limit:directory_messages'));
  if (select count(*) from directory_messages where sent_at > app_now() - interval '24 hours') >= 30 then
    raise exception 'the directory''s daily limit is reached' using errcode = 'KR030';
  end if;
  return new;
end $$;
create trigger directory_messages_daily_limit before insert on directory_messages for each row
  execute function directory_messages_a_day();
`;
