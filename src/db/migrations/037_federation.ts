// Networks helping networks (issue 22): each network is an ActivityPub Group actor (fedify, ADR 042). Fedify keeps its
// cache and its delivery queue in two tables of ours, so they live on either engine; the network's signing key is
// sealed like every other secret. Partners are networks both sides' members decided to work with; what a partner
// shares with us, and what of ours went to which partner (so it can be taken back), are kept apart.
export const name = '037_federation';

export const up = `
alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
  check (kind in ('general', 'agreement', 'remove_member', 'remove_post', 'fund', 'fund_request', 'role', 'circle',
    'listening', 'partner'));

create table federation_kv (
  key text[] primary key check (cardinality(key) between 1 and 16),
  value jsonb not null check (pg_column_size(value) < 1000000),
  expires_at timestamptz
);
create index federation_kv_expires on federation_kv (expires_at) where expires_at is not null;

-- Activities to deliver (and to handle, once received): due on the server's own clock, as fedify counts retries.
create table federation_queue (
  id uuid primary key default gen_random_uuid(),
  message jsonb not null check (pg_column_size(message) < 1000000),
  made_at timestamptz not null default clock_timestamp(),
  due_at timestamptz not null default clock_timestamp(),
  taken_until timestamptz
);
create index federation_queue_due on federation_queue (due_at, made_at);

create table federation_keys (
  kind text primary key check (kind in ('rsa')),
  public_jwk jsonb not null,
  private_enc bytea not null,
  made_at timestamptz not null default app_now()
);

create table partners (
  id uuid primary key default gen_random_uuid(),
  actor_url text not null unique check (char_length(actor_url) <= 2000),
  inbox_url text not null check (char_length(inbox_url) <= 2000),
  shared_inbox_url text check (char_length(shared_inbox_url) <= 2000),
  name text not null check (char_length(name) between 1 and 200),
  -- Our members decided to be partners with them (a decision passed), and they decided too (they accepted our
  -- request or made their own). Partners while both stand.
  we_agreed_at timestamptz,
  they_agreed_at timestamptz,
  -- Their request (a Follow), waiting for our members' decision; ours, waiting for theirs.
  their_follow_id text check (char_length(their_follow_id) <= 2000),
  asked_at timestamptz,
  our_follow_id text unique,
  -- Their request we answered yes to (sent once both sides decided).
  accepted_follow_id text,
  refused_at timestamptz,
  first_at timestamptz not null default app_now()
);

create table partner_posts (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references partners (id) on delete cascade,
  object_url text not null unique check (char_length(object_url) <= 2000),
  kind text not null check (kind in ('need', 'offer')),
  what text not null check (char_length(what) between 1 and 2000),
  category text not null check (char_length(category) between 1 and 60),
  area text not null check (char_length(area) <= 100),
  received_at timestamptz not null default app_now(),
  withdrawn_at timestamptz
);
create index partner_posts_live on partner_posts (received_at) where withdrawn_at is null;

create table posts_shared (
  post_id uuid not null references posts (id) on delete cascade,
  partner_id uuid not null references partners (id) on delete cascade,
  shared_at timestamptz not null default app_now(),
  withdrawn_at timestamptz,
  -- Nobody at a partner network took it in the agreed time: taken back, and not shared again.
  came_back boolean not null default false,
  primary key (post_id, partner_id)
);
create index posts_shared_live on posts_shared (post_id) where withdrawn_at is null;

-- "I can help" across two networks: a member there offers to help with a need here (or one of ours with a need
-- there). The two talk through both servers, each message relayed by the networks' Group actors; neither server
-- learns more of the other person than the name they chose to show.
create table partner_threads (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references partners (id) on delete cascade,
  -- The thread's name between the two servers: the Offer the helper's network sent.
  offer_id text not null unique check (char_length(offer_id) <= 2000),
  -- On the asker's side, our need; on the helper's side, the need as the partner shared it.
  post_id uuid references posts (id) on delete cascade,
  partner_post_id uuid references partner_posts (id) on delete cascade,
  -- Our member in the thread: the asker here, or the helper.
  member_id uuid not null references members (id) on delete cascade,
  -- The other person as they chose to be named (null: a neighbour from the other network).
  their_name text check (char_length(their_name) <= 60),
  started_at timestamptz not null default app_now(),
  ended_at timestamptz,
  check ((post_id is null) <> (partner_post_id is null))
);
create unique index partner_threads_one_helper on partner_threads (partner_post_id, member_id)
  where partner_post_id is not null;
create index partner_threads_post on partner_threads (post_id) where post_id is not null;
create index partner_threads_member on partner_threads (member_id);
create trigger partner_threads_forget_notifications after delete on partner_threads
  for each row execute function notifications_forget('id');

create table partner_messages (
  id uuid primary key default gen_random_uuid(),
  thread_id uuid not null references partner_threads (id) on delete cascade,
  from_us boolean not null,
  -- Our member's words or theirs, sealed like every thread's messages.
  body_enc bytea not null,
  activity_id text unique check (char_length(activity_id) <= 2000),
  sent_at timestamptz not null default app_now()
);
create index partner_messages_thread on partner_messages (thread_id, sent_at);
`;
