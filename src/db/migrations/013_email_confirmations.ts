// An address is attached to a member only when its owner opens a link mailed to it. The forms answer the same whether
// the address is free, another member's or a removed member's, so membership cannot be probed through them.
export const name = '013_email_confirmations';

export const up = `
create table email_confirmations (
  token_hash bytea primary key,
  member_id uuid not null references members (id) on delete cascade,
  email_enc bytea not null,
  email_hash bytea not null,
  created_at timestamptz not null default app_now(),
  expires_at timestamptz not null
);
create index email_confirmations_member on email_confirmations (member_id);
`;
