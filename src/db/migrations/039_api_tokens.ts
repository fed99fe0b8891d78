// Building on it (issue 22): personal access tokens for the JSON API (/api/v1). A member makes one, named, able to read
// or also to write; it is shown once and kept only as its hash; they revoke it when they like. A token is its
// member, no more: it reaches only the API, never a page, and does only what they may.
export const name = '039_api_tokens';

export const up = `
create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 60),
  token_hash bytea not null unique,
  scope text not null check (scope in ('read', 'write')),
  made_at timestamptz not null default app_now(),
  revoked_at timestamptz
);
create index api_tokens_member on api_tokens (member_id) where revoked_at is null;
create trigger api_tokens_daily_limit before insert on api_tokens for each row
  execute function within_daily_limit('member_id', 'made_at', 'daily_api_tokens', '10');
create trigger api_tokens_not_paused before insert on api_tokens for each row
  execute function refuse_if_paused('member_id');
`;
