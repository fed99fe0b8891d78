// The core: members, agreements, sign-in, needs and offers, matches with private threads, notifications.
export const name = '001_core';

export const up = `
create table network_founding (
  id int primary key default 1 check (id = 1),
  token_hash bytea,
  founded_at timestamptz,
  check ((founded_at is null) or (token_hash is null))
);

create table members (
  id uuid primary key default gen_random_uuid(),
  display_name text not null check (char_length(display_name) between 1 and 60),
  language text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
  email_enc bytea,
  email_hash bytea unique,
  joined_at timestamptz not null default now(),
  last_digest_at timestamptz,
  check ((email_enc is null) = (email_hash is null))
);

-- Agreements are append-only: the newest row for a key is in force, older rows are its history.
create table agreements (
  id serial primary key,
  key text not null check (key ~ '^[a-z_]{2,40}$'),
  value jsonb not null,
  adopted_at timestamptz not null default now(),
  adopted_by text not null check (adopted_by in ('founding', 'decision')),
  decision_id uuid,
  check ((adopted_by = 'decision') = (decision_id is not null))
);
create index agreements_key on agreements (key, id desc);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% rows are never changed or deleted', tg_table_name using errcode = 'KR001';
end $$;
create trigger agreements_append_only before update or delete on agreements
  for each row execute function refuse_change();

create table invites (
  id uuid primary key default gen_random_uuid(),
  token_hash bytea not null unique,
  created_by uuid references members (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  uses int not null default 0
);

create table sessions (
  token_hash bytea primary key,
  member_id uuid not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_member on sessions (member_id);

create table sign_in_tokens (
  token_hash bytea primary key,
  member_id uuid not null references members (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

create table passkeys (
  id text primary key,
  member_id uuid not null references members (id) on delete cascade,
  public_key bytea not null,
  counter bigint not null default 0,
  transports text[] not null default '{}',
  created_at timestamptz not null default now(),
  last_used_at timestamptz
);
create index passkeys_member on passkeys (member_id);

create table auth_challenges (
  id uuid primary key default gen_random_uuid(),
  challenge text not null,
  member_id uuid references members (id) on delete cascade,
  purpose text not null check (purpose in ('register', 'authenticate')),
  expires_at timestamptz not null
);

create table posts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('need', 'offer')),
  member_id uuid not null references members (id) on delete cascade,
  what text not null check (char_length(what) between 3 and 1000),
  category text not null check (char_length(category) between 1 and 40),
  area text not null check (char_length(area) between 1 and 80),
  urgency text not null check (urgency in ('urgent', 'soon', 'whenever')),
  needed_by date,
  available_until date,
  capacity text check (char_length(capacity) <= 100),
  status text not null default 'open',
  search_config regconfig not null default 'simple',
  search tsvector generated always as (to_tsvector(search_config, what)) stored,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((kind = 'need' and status in ('open', 'matched', 'met', 'withdrawn', 'expired'))
      or (kind = 'offer' and status in ('open', 'closed', 'withdrawn'))),
  check (kind = 'need' or needed_by is null),
  check (kind = 'offer' or (available_until is null and capacity is null))
);
create index posts_open on posts (kind, status, created_at desc);
create index posts_member on posts (member_id);
create index posts_search on posts using gin (search);

create table matches (
  id uuid primary key default gen_random_uuid(),
  need_id uuid references posts (id) on delete cascade,
  offer_id uuid references posts (id) on delete cascade,
  helper_id uuid not null references members (id) on delete cascade,
  asker_id uuid not null references members (id) on delete cascade,
  status text not null default 'active' check (status in ('active', 'released', 'met')),
  created_at timestamptz not null default now(),
  ended_at timestamptz,
  ended_by uuid references members (id) on delete set null,
  check (num_nonnulls(need_id, offer_id) = 1),
  check (helper_id <> asker_id),
  check ((status = 'active') = (ended_at is null))
);
-- Exactly one helper holds a need at a time, whatever the code above does.
create unique index matches_one_active_per_need on matches (need_id) where status = 'active';
create unique index matches_one_active_per_offer_asker on matches (offer_id, asker_id) where status = 'active';
create index matches_helper on matches (helper_id);
create index matches_asker on matches (asker_id);

-- A match holds its need: the need must be open to be claimed, and follows the match's status.
create function match_holds_need() returns trigger language plpgsql as $$
declare
  found_post posts%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.need_id is not null then
      update posts set status = 'matched', updated_at = now()
        where id = new.need_id and kind = 'need' and status = 'open' returning * into found_post;
      if not found then
        raise exception 'need % is not open', new.need_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.asker_id or found_post.member_id = new.helper_id then
        raise exception 'a match joins the member who asked and another member' using errcode = 'KR003';
      end if;
    else
      select * into found_post from posts where id = new.offer_id and kind = 'offer' and status = 'open' for update;
      if not found then
        raise exception 'offer % is not open', new.offer_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.helper_id or found_post.member_id = new.asker_id then
        raise exception 'a match joins the member who offered and another member' using errcode = 'KR003';
      end if;
    end if;
    return new;
  end if;
  if old.status <> 'active' and new.status is distinct from old.status then
    raise exception 'a match that has ended stays ended' using errcode = 'KR004';
  end if;
  if new.need_id is not null and new.status <> old.status then
    update posts set status = case new.status when 'met' then 'met' else 'open' end,
      updated_at = now(), closed_at = case new.status when 'met' then now() else null end
      where id = new.need_id and status = 'matched';
  end if;
  return new;
end $$;
create trigger matches_hold_need before insert or update on matches
  for each row execute function match_holds_need();

create table messages (
  id uuid primary key default gen_random_uuid(),
  match_id uuid not null references matches (id) on delete cascade,
  author_id uuid references members (id) on delete set null,
  body_enc bytea not null,
  created_at timestamptz not null default now()
);
create index messages_match on messages (match_id, created_at);

create table notifications (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id) on delete cascade,
  kind text not null check (kind in ('matching_need', 'matching_offer', 'claimed', 'requested', 'message', 'released', 'met')),
  post_id uuid references posts (id) on delete cascade,
  match_id uuid references matches (id) on delete cascade,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  emailed_at timestamptz
);
create index notifications_member on notifications (member_id, created_at desc);
create index notifications_unmailed on notifications (member_id) where emailed_at is null;
`;
