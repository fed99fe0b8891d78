// Text messages (issue 21): people without the app text the network's own number (a modem through gammu-smsd, or an
// Android phone running an SMS gateway app). A number is sealed and found by its keyed hash; STOP empties it and keeps
// the hash, so no text goes to it again until the person texts START. What a person is asked for a need waits in
// `draft` between their texts. Texts to send wait in an outbox, sealed, and go once sent. A gateway's retried webhook
// is handled once (text_seen, kept a few days).
export const name = '035_texts';

export const up = `
create table text_contacts (
  id uuid primary key default gen_random_uuid(),
  number_enc bytea,
  number_hash bytea not null unique,
  -- Who they are on the network, once a need was posted for them: a member like any other.
  member_id uuid unique references members (id) on delete set null,
  language text not null check (language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'),
  -- Where the conversation for a need stands: what is asked next, and what was said so far.
  step text check (step in ('category', 'area', 'urgency')),
  draft jsonb not null default '{}' check (jsonb_typeof(draft) = 'object' and pg_column_size(draft) < 32000),
  stopped_at timestamptz,
  first_at timestamptz not null default app_now(),
  last_at timestamptz not null default app_now(),
  -- What was passed on to them so far (messages in their threads, what the network told them).
  relayed_at timestamptz not null default app_now(),
  -- Texts in and out in the hour since hour_at: past the bounds, nothing more is read or sent that hour.
  hour_at timestamptz not null default app_now(),
  texts_in integer not null default 0,
  texts_out integer not null default 0,
  check ((stopped_at is null) = (number_enc is not null))
);
create index text_contacts_member on text_contacts (member_id) where member_id is not null and stopped_at is null;
create index text_contacts_first on text_contacts (first_at);

create table text_outbox (
  id uuid primary key default gen_random_uuid(),
  contact_id uuid not null references text_contacts (id) on delete cascade,
  body_enc bytea not null,
  queued_at timestamptz not null default app_now(),
  tries integer not null default 0 check (tries between 0 and 20),
  next_at timestamptz not null default app_now()
);
create index text_outbox_due on text_outbox (next_at);

create table text_seen (
  key_hash bytea primary key,
  seen_at timestamptz not null default app_now()
);
create index text_seen_at on text_seen (seen_at);
`;
