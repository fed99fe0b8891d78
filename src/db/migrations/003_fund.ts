// The shared fund: a double-entry, append-only ledger in integer minor units; sub-funds and their standing rules
// made by decisions; requests that the rules approve at once or a decision approves; records of money that moved
// outside, confirmed by a second member where the rules say; pledges; and the treasurer role, filled by decision.
export const name = '003_fund';

export const up = `
alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
  check (kind in ('general', 'agreement', 'remove_member', 'remove_post', 'fund', 'fund_request', 'role'));

-- The network's currency is an agreement like any other; a network founded before the fund starts with US dollars
-- and changes it by decision.
alter table agreements disable trigger agreements_adopted;
insert into agreements (key, value, adopted_by)
  select 'currency', '"USD"', 'founding' where exists (select 1 from network_founding where founded_at is not null);
alter table agreements enable trigger agreements_adopted;

-- Who holds a role, for a term, as a passed decision said. A holder may step down early; nothing else changes.
create table role_terms (
  id uuid primary key default gen_random_uuid(),
  role text not null check (role ~ '^[a-z_]{2,40}$'),
  member_id uuid not null references members (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null check (ends_at > starts_at),
  ended_at timestamptz,
  decision_id uuid not null unique references proposals (id)
);
create index role_terms_role on role_terms (role, ends_at);

create function role_term_guard() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  if tg_op = 'UPDATE' then
    if old.ended_at is not null or new.ended_at is null
        or (new.role, new.member_id, new.starts_at, new.ends_at, new.decision_id)
          is distinct from (old.role, old.member_id, old.starts_at, old.ends_at, old.decision_id) then
      raise exception 'a term only ends early, once' using errcode = 'KR001';
    end if;
    return new;
  end if;
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'fill_role'
      or p.action->>'role' is distinct from new.role or p.action->>'member_id' is distinct from new.member_id::text then
    raise exception 'a role is filled only as a passed proposal says' using errcode = 'KR010';
  end if;
  return new;
end $$;
create trigger role_terms_guard before insert or update on role_terms for each row execute function role_term_guard();
create trigger role_terms_kept before delete on role_terms for each row execute function refuse_change();

create function holds_role(who uuid, which text, at_time timestamptz) returns boolean language sql stable as $$
  select exists (select 1 from role_terms r join members m on m.id = r.member_id
    where r.member_id = who and r.role = which and r.starts_at <= at_time and at_time < r.ends_at
      and (r.ended_at is null or at_time < r.ended_at) and m.removed_at is null)
$$;

-- Accounts: the common pot, sub-funds (each made by a decision), "outside" (where money arrives from and leaves to),
-- and, for savings circles, one per circle and one pseudonymous account per member.
create table fund_accounts (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('pot', 'fund', 'outside', 'circle', 'member')),
  name text check (char_length(name) between 1 and 60),
  member_id uuid references members (id),
  decision_id uuid unique references proposals (id),
  created_at timestamptz not null default now(),
  check ((kind = 'fund') = (name is not null)),
  check ((kind = 'fund') = (decision_id is not null)),
  check ((kind = 'member') = (member_id is not null))
);
create unique index fund_accounts_one_pot on fund_accounts (kind) where kind in ('pot', 'outside');
create unique index fund_accounts_fund_name on fund_accounts (lower(name)) where kind = 'fund';
create unique index fund_accounts_member on fund_accounts (member_id) where kind = 'member';
insert into fund_accounts (kind) values ('pot'), ('outside');

create function fund_created() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  if new.kind = 'fund' then
    select * into p from proposals where id = new.decision_id;
    if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'create_fund'
        or p.action->>'name' is distinct from new.name then
      raise exception 'a fund is made only as a passed proposal says' using errcode = 'KR010';
    end if;
  end if;
  return new;
end $$;
create trigger fund_accounts_created before insert on fund_accounts for each row execute function fund_created();
create trigger fund_accounts_kept before update or delete on fund_accounts for each row execute function refuse_change();

-- The standing rules of a fund (floor, what is paid at once, when a second member must confirm), newest in force.
-- A fund without rules has the defaults: floor 0, nothing paid without a decision, every payout confirmed by two.
create table fund_rules (
  id bigserial primary key,
  fund_id uuid not null references fund_accounts (id),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  rules jsonb not null check (jsonb_typeof(rules) = 'object'
    and (rules->>'floor')::bigint >= 0 and (rules->>'limit')::bigint >= 0 and (rules->>'keep')::bigint >= 0
    and (rules->>'second_above')::bigint >= 0 and (rules->>'days')::int between 1 and 366),
  decision_id uuid not null unique references proposals (id),
  adopted_at timestamptz not null default now()
);
create index fund_rules_fund on fund_rules (fund_id, currency, id desc);

create function fund_rules_adopted() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed'
      or p.action->'rules' is distinct from new.rules or p.action->>'currency' is distinct from new.currency
      or not ((p.action->>'type' = 'set_fund_rules' and p.action->>'fund_id' = new.fund_id::text)
        or (p.action->>'type' = 'create_fund' and exists (select 1 from fund_accounts f where f.id = new.fund_id and f.decision_id = p.id))) then
    raise exception 'fund rules change only as a passed proposal says' using errcode = 'KR010';
  end if;
  return new;
end $$;
create trigger fund_rules_guard before insert on fund_rules for each row execute function fund_rules_adopted();
create trigger fund_rules_kept before update or delete on fund_rules for each row execute function refuse_change();

create function fund_floor(account uuid, cur text) returns bigint language sql stable as $$
  select case when (select kind from fund_accounts where id = account) in ('pot', 'fund', 'circle')
    then coalesce((select (r.rules->>'floor')::bigint from fund_rules r where r.fund_id = account and r.currency = cur
      order by r.id desc limit 1), 0) end
$$;

-- Asking the fund for money: an amount and a fund, an optional line (sealed), nothing else.
create table fund_requests (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id),
  fund_id uuid not null references fund_accounts (id),
  amount bigint not null check (amount > 0 and amount <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  note_enc bytea,
  named boolean not null default false,
  status text not null check (status in ('proposed', 'approved', 'declined', 'paid', 'withdrawn')),
  approved_how text check (approved_how in ('standing', 'decision')),
  proposal_id uuid unique references proposals (id),
  asked_at timestamptz not null,
  decided_at timestamptz,
  received_at timestamptz,
  check (status not in ('approved', 'paid') or approved_how is not null),
  check (status <> 'proposed' or approved_how is null),
  check (received_at is null or status = 'paid')
);
create index fund_requests_member on fund_requests (member_id, fund_id, asked_at desc);
create index fund_requests_status on fund_requests (status, asked_at);

create function fund_request_guard() returns trigger language plpgsql as $$
begin
  if (new.member_id, new.fund_id, new.amount, new.currency, new.asked_at, new.proposal_id)
      is distinct from (old.member_id, old.fund_id, old.amount, old.currency, old.asked_at, old.proposal_id)
      and not (old.proposal_id is null and new.proposal_id is not null
        and (new.member_id, new.fund_id, new.amount, new.currency, new.asked_at)
          is not distinct from (old.member_id, old.fund_id, old.amount, old.currency, old.asked_at)) then
    raise exception 'a request is not edited once made' using errcode = 'KR012';
  end if;
  -- Beyond the standing rules (checked when the request is made), only a closed proposal approves or declines.
  if old.status = 'proposed' and new.status in ('approved', 'declined') and not exists (select 1 from proposals p
      where p.id = new.proposal_id and p.status = 'closed' and p.action->>'request_id' = new.id::text
        and (p.outcome = 'passed') = (new.status = 'approved')) then
    raise exception 'a request beyond the standing rules is decided by the members' using errcode = 'KR010';
  end if;
  if new.approved_how is distinct from old.approved_how and not (old.status = 'proposed' and new.approved_how = 'decision') then
    raise exception 'a request is approved once' using errcode = 'KR012';
  end if;
  return new;
end $$;
create trigger fund_requests_guard before update on fund_requests for each row execute function fund_request_guard();
create trigger fund_requests_kept before delete on fund_requests for each row execute function refuse_change();

-- What a member recorded about money that moved outside Kropotkin. It enters the ledger at once, or when the
-- member the rules name confirms it: a treasurer for a member's own contribution, a second member for a payout
-- above the agreed amount, for a transfer between funds and for a reversal.
create table fund_records (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('contribution', 'gift', 'payout', 'transfer', 'reversal')),
  fund_id uuid not null references fund_accounts (id),
  to_fund_id uuid references fund_accounts (id),
  amount bigint not null check (amount > 0 and amount <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  member_id uuid references members (id),
  named boolean not null default false,
  request_id uuid references fund_requests (id),
  reverses bigint,
  memo text check (char_length(memo) <= 120),
  recorded_by uuid not null references members (id),
  recorded_at timestamptz not null,
  confirm_by text not null check (confirm_by in ('none', 'treasurer', 'second')),
  confirmed_by uuid references members (id),
  confirmed_at timestamptz,
  withdrawn_at timestamptz,
  check ((kind = 'payout') = (request_id is not null)),
  check ((kind = 'reversal') = (reverses is not null)),
  check ((kind = 'transfer') = (to_fund_id is not null and to_fund_id <> fund_id)),
  check ((kind = 'contribution') = (member_id is not null)),
  check (kind <> 'contribution' or member_id = recorded_by),
  check (confirmed_by is distinct from recorded_by),
  check ((confirmed_by is null) = (confirmed_at is null)),
  check (confirmed_at is null or withdrawn_at is null)
);
create index fund_records_waiting on fund_records (recorded_at) where confirm_by <> 'none' and confirmed_at is null and withdrawn_at is null;
create index fund_records_member on fund_records (member_id, fund_id, recorded_at) where member_id is not null;
-- One payout waiting at a time for a request (one entered at once marks the request paid in the same transaction).
create unique index fund_records_one_payout on fund_records (request_id)
  where kind = 'payout' and confirm_by <> 'none' and confirmed_at is null and withdrawn_at is null;

create function fund_record_guard() returns trigger language plpgsql as $$
declare
  r fund_requests%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.kind in ('gift', 'payout', 'transfer', 'reversal') and not holds_role(new.recorded_by, 'treasurer', new.recorded_at) then
      raise exception 'only a treasurer records money moving' using errcode = 'KR017';
    end if;
    if new.kind = 'payout' then
      select * into r from fund_requests where id = new.request_id for update;
      if r.status is distinct from 'approved' or r.amount <> new.amount or r.fund_id <> new.fund_id or r.currency <> new.currency
          or r.member_id = new.recorded_by then
        raise exception 'a payout pays an approved request, as approved, to someone else' using errcode = 'KR018';
      end if;
    end if;
    return new;
  end if;
  if (new.kind, new.fund_id, new.to_fund_id, new.amount, new.currency, new.member_id, new.named, new.request_id, new.reverses,
      new.memo, new.recorded_by, new.recorded_at, new.confirm_by)
      is distinct from (old.kind, old.fund_id, old.to_fund_id, old.amount, old.currency, old.member_id, old.named, old.request_id,
      old.reverses, old.memo, old.recorded_by, old.recorded_at, old.confirm_by)
      or old.confirm_by = 'none' or old.confirmed_at is not null or old.withdrawn_at is not null then
    raise exception 'a record is confirmed or withdrawn once, and never edited' using errcode = 'KR012';
  end if;
  if new.confirmed_by is not null then
    if exists (select 1 from members where id = new.confirmed_by and removed_at is not null) then
      raise exception 'removed members confirm nothing' using errcode = 'KR017';
    end if;
    if new.confirm_by = 'treasurer' and not holds_role(new.confirmed_by, 'treasurer', new.confirmed_at) then
      raise exception 'a treasurer confirms that a contribution arrived' using errcode = 'KR017';
    end if;
    if new.confirm_by = 'second' and (new.confirmed_by = new.member_id
        or new.confirmed_by = (select q.member_id from fund_requests q where q.id = new.request_id)) then
      raise exception 'the second member is someone other than the one paid' using errcode = 'KR019';
    end if;
  end if;
  return new;
end $$;
create trigger fund_records_guard before insert or update on fund_records for each row execute function fund_record_guard();
create trigger fund_records_kept before delete on fund_records for each row execute function refuse_change();

-- The ledger. An entry and its lines are written in one transaction and never changed: each line adds its amount
-- to its account, and the lines of an entry add up to zero in each currency. A mistake is undone by a reversing
-- entry that points at the original.
create table ledger_entries (
  id bigserial primary key,
  at timestamptz not null,
  kind text not null check (kind in ('contribution', 'gift', 'payout', 'transfer', 'reversal', 'circle_payment', 'circle_payout')),
  record_id uuid unique references fund_records (id),
  reverses bigint unique references ledger_entries (id),
  written_in bigint not null,
  check ((kind = 'reversal') = (reverses is not null))
);
create index ledger_entries_at on ledger_entries (at);

create table ledger_lines (
  entry_id bigint not null references ledger_entries (id),
  account_id uuid not null references fund_accounts (id),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  amount bigint not null check (amount <> 0 and abs(amount) <= 1000000000000),
  primary key (entry_id, account_id, currency)
);
create index ledger_lines_account on ledger_lines (account_id, currency);
alter table fund_records add constraint fund_records_reverses foreign key (reverses) references ledger_entries (id);

-- Balances cached per account and currency, written only by the ledger's own trigger; always equal to the sum of lines.
create table fund_balances (
  account_id uuid not null references fund_accounts (id),
  currency text not null,
  balance bigint not null,
  primary key (account_id, currency)
);

create function ledger_entry_written() returns trigger language plpgsql as $$
declare
  rec fund_records%rowtype;
begin
  new.written_in := txid_current();
  if new.record_id is not null then
    select * into rec from fund_records where id = new.record_id;
    if rec.withdrawn_at is not null or (rec.confirm_by <> 'none' and rec.confirmed_by is null) then
      raise exception 'this record waits for a second member' using errcode = 'KR019';
    end if;
  end if;
  if new.reverses is not null and exists (select 1 from ledger_entries e where e.id = new.reverses and e.kind = 'reversal') then
    raise exception 'a reversal is not itself reversed; record the movement again' using errcode = 'KR012';
  end if;
  return new;
end $$;
create trigger ledger_entries_written before insert on ledger_entries for each row execute function ledger_entry_written();

create function ledger_line_applied() returns trigger language plpgsql as $$
declare
  entry_tx bigint;
  now_balance bigint;
  lowest bigint;
begin
  select written_in into entry_tx from ledger_entries where id = new.entry_id;
  if entry_tx is distinct from txid_current() then
    raise exception 'lines are written with their entry, never added later' using errcode = 'KR001';
  end if;
  insert into fund_balances as b (account_id, currency, balance) values (new.account_id, new.currency, new.amount)
    on conflict (account_id, currency) do update set balance = b.balance + excluded.balance
    returning balance into now_balance;
  if new.amount < 0 then
    lowest := fund_floor(new.account_id, new.currency);
    if lowest is not null and now_balance < lowest then
      raise exception 'this would take the fund below its floor' using errcode = 'KR016';
    end if;
  end if;
  return new;
end $$;
create trigger ledger_lines_applied after insert on ledger_lines for each row execute function ledger_line_applied();

-- Checked at commit, when all of an entry's lines are in: at least two, adding to zero per currency, and a
-- reversal exactly the opposite of what it reverses.
create function ledger_entry_balanced() returns trigger language plpgsql as $$
declare
  e ledger_entries%rowtype;
begin
  select * into e from ledger_entries where id = new.entry_id;
  if (select count(*) from ledger_lines where entry_id = e.id) < 2 then
    raise exception 'an entry has at least two lines' using errcode = 'KR020';
  end if;
  if exists (select 1 from ledger_lines where entry_id = e.id group by currency having sum(amount) <> 0) then
    raise exception 'an entry balances in each currency' using errcode = 'KR020';
  end if;
  if e.reverses is not null and (
      exists (select account_id, currency, -amount from ledger_lines where entry_id = e.reverses
        except select account_id, currency, amount from ledger_lines where entry_id = e.id)
      or exists (select account_id, currency, amount from ledger_lines where entry_id = e.id
        except select account_id, currency, -amount from ledger_lines where entry_id = e.reverses)) then
    raise exception 'a reversal is exactly the opposite of its entry' using errcode = 'KR020';
  end if;
  return null;
end $$;
create constraint trigger ledger_lines_balanced after insert on ledger_lines deferrable initially deferred
  for each row execute function ledger_entry_balanced();

create function ledger_entry_has_lines() returns trigger language plpgsql as $$
begin
  if (select count(*) from ledger_lines where entry_id = new.id) < 2 then
    raise exception 'an entry has at least two lines' using errcode = 'KR020';
  end if;
  return null;
end $$;
create constraint trigger ledger_entries_have_lines after insert on ledger_entries deferrable initially deferred
  for each row execute function ledger_entry_has_lines();

create function refuse_direct_balance() returns trigger language plpgsql as $$
begin
  if pg_trigger_depth() < 2 then
    raise exception 'balances follow the ledger and are never written directly' using errcode = 'KR001';
  end if;
  return coalesce(new, old);
end $$;
create trigger fund_balances_follow before insert or update or delete on fund_balances
  for each row execute function refuse_direct_balance();

create trigger ledger_entries_append_only before update or delete on ledger_entries for each row execute function refuse_change();
create trigger ledger_lines_append_only before update or delete on ledger_lines for each row execute function refuse_change();
create trigger ledger_entries_no_truncate before truncate on ledger_entries for each statement execute function refuse_change();
create trigger ledger_lines_no_truncate before truncate on ledger_lines for each statement execute function refuse_change();
create trigger fund_balances_no_truncate before truncate on fund_balances for each statement execute function refuse_change();
create trigger fund_records_no_truncate before truncate on fund_records for each statement execute function refuse_change();

-- A monthly pledge: seen by others only as a total. A reminder comes once a month until that month's gift is in.
create table fund_pledges (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id),
  fund_id uuid not null references fund_accounts (id),
  amount bigint not null check (amount > 0 and amount <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  started_at timestamptz not null,
  ended_at timestamptz,
  reminded_month text check (reminded_month ~ '^[0-9]{4}-[0-9]{2}$')
);
create unique index fund_pledges_one on fund_pledges (member_id, fund_id) where ended_at is null;

-- The same write sent twice (a double tap, a retried request) is done once; the same key with another body is refused.
create table idempotency_keys (
  member_id uuid not null references members (id),
  key text not null check (char_length(key) between 8 and 100),
  body_hash bytea not null,
  result text not null,
  created_at timestamptz not null default now(),
  primary key (member_id, key)
);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('matching_need', 'matching_offer',
  'claimed', 'requested', 'message', 'released', 'met', 'proposal_opened', 'proposal_closing', 'proposal_closed',
  'fund_approved', 'fund_declined', 'fund_to_pay', 'fund_paid', 'fund_to_confirm', 'pledge_reminder'));
alter table notifications add column fund_request_id uuid references fund_requests (id);
alter table notifications add column fund_record_id uuid references fund_records (id);
`;
