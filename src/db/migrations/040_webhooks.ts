// Building on it (issue 22): a member's webhooks. Kropotkin tells a program the member chose, at an https address,
// what that member may see as it happens — a new need or offer on the board, a notification of theirs — signed as the
// Standard Webhooks specification says, with a secret sealed here; a delivery that fails is tried again for a day.
export const name = '040_webhooks';

export const up = `
create table webhooks (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id) on delete cascade,
  url text not null check (char_length(url) between 8 and 2000 and url ~ '^https?://'),
  secret_enc bytea not null,
  events text[] not null check (cardinality(events) between 1 and 2
    and events <@ array['post.created', 'notification.created']),
  made_at timestamptz not null default app_now(),
  seen_until timestamptz not null default app_now(),
  failures integer not null default 0 check (failures >= 0),
  stopped_at timestamptz
);
create index webhooks_member on webhooks (member_id);
create trigger webhooks_daily_limit before insert on webhooks for each row
  execute function within_daily_limit('member_id', 'made_at', 'daily_api_tokens', '10');
create trigger webhooks_not_paused before insert on webhooks for each row
  execute function refuse_if_paused('member_id');

-- What is to be sent: the event as it will go (what the member may see, nothing more), until delivered or given up.
create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  webhook_id uuid not null references webhooks (id) on delete cascade,
  event text not null check (event in ('post.created', 'notification.created')),
  subject uuid not null,
  body text not null check (char_length(body) <= 16000),
  made_at timestamptz not null default app_now(),
  next_at timestamptz not null default app_now(),
  tries integer not null default 0 check (tries between 0 and 12),
  delivered_at timestamptz,
  last_status integer
);
create index webhook_deliveries_due on webhook_deliveries (next_at) where delivered_at is null;
create index webhook_deliveries_webhook on webhook_deliveries (webhook_id, made_at);
-- Each post or notification goes once to a webhook, though the gathering looks back a little (webhooks.ts).
create unique index webhook_deliveries_once on webhook_deliveries (webhook_id, event, subject);
`;
