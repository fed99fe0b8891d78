// Ways back in that need neither email nor the same device (issue 18): a member's own recovery code, made when they
// choose and spent on use; and a one-time sign-in code another member makes for them in person, which a second
// member must confirm when the member holds a role. Both are stored only as keyed hashes (the key is not in the
// database). The database keeps the rules: nobody makes a code for themselves, one waiting code per member, a daily
// limit per maker (agreement daily_sign_in_codes), no code from a paused member, and no use before the second.
export const name = '017_ways_back';

export const up = `
create table recovery_codes (
  member_id uuid primary key references members (id) on delete cascade,
  code_hash bytea not null unique,
  created_at timestamptz not null default app_now()
);

create table sign_in_codes (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id) on delete cascade,
  made_by uuid not null references members (id) on delete cascade,
  needs_second boolean not null,
  seconded_by uuid references members (id) on delete cascade,
  seconded_at timestamptz,
  code_hash bytea not null unique,
  created_at timestamptz not null default app_now(),
  expires_at timestamptz not null,
  used_at timestamptz,
  ended_at timestamptz,
  check (made_by <> member_id),
  check ((seconded_by is null) = (seconded_at is null)),
  check (seconded_by is null or (needs_second and seconded_by <> member_id and seconded_by <> made_by)),
  check (used_at is null or ended_at is null),
  check (expires_at > created_at and expires_at <= created_at + interval '1 hour')
);
create unique index sign_in_codes_one_waiting on sign_in_codes (member_id) where used_at is null and ended_at is null;
create index sign_in_codes_made_by on sign_in_codes (made_by, created_at);

-- A code works once, before it expires, and only after its second when it needs one.
create function sign_in_code_use() returns trigger language plpgsql as $$
begin
  if old.used_at is not null or old.ended_at is not null or old.expires_at <= app_now() then
    raise exception 'this sign-in code is spent or expired' using errcode = 'KR031';
  end if;
  if old.needs_second and old.seconded_at is null then
    raise exception 'this sign-in code waits for a second member' using errcode = 'KR032';
  end if;
  return new;
end $$;
create trigger sign_in_codes_use before update of used_at on sign_in_codes for each row
  when (new.used_at is not null) execute function sign_in_code_use();

create trigger sign_in_codes_not_paused before insert on sign_in_codes for each row
  execute function refuse_if_paused('made_by');
create trigger sign_in_codes_second_not_paused before update of seconded_by on sign_in_codes for each row
  when (new.seconded_by is distinct from old.seconded_by) execute function refuse_if_paused('seconded_by');
create trigger sign_in_codes_daily_limit before insert on sign_in_codes for each row
  execute function within_daily_limit('made_by', 'created_at', 'daily_sign_in_codes', '5');
`;
