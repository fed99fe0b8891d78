// Rotating savings circles and revolving funds. A circle has its own account and each member a pseudonymous one;
// payments and payouts are records like any other, tied to a round. A circle decides among its own members (a
// deferral, the recipient of a round). A payout from a revolving fund is expected back until it returns, returns
// partly, or the members write it off.
export const name = '004_circles';

export const up = `
create function pg_temp.drop_checks(tbl regclass, pattern text) returns void language plpgsql as $$
declare
  c text;
begin
  for c in select conname from pg_constraint where conrelid = tbl and contype = 'c' and pg_get_constraintdef(oid) like pattern loop
    execute format('alter table %s drop constraint %I', tbl, c);
  end loop;
end $$;

create table circles (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(name) between 1 and 60),
  amount bigint not null check (amount > 0 and amount <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  period_days int not null check (period_days between 1 and 366),
  order_rule text not null check (order_rule in ('lottery', 'agreed', 'each_round')),
  account_id uuid not null unique references fund_accounts (id),
  created_by uuid not null references members (id),
  created_at timestamptz not null,
  started_at timestamptz
);

create table circle_members (
  circle_id uuid not null references circles (id),
  member_id uuid not null references members (id),
  joined_at timestamptz not null,
  position int check (position > 0),
  primary key (circle_id, member_id),
  unique (circle_id, position)
);

-- Round n is due n − 1 periods after the start; its recipient is known from the start, or decided by the circle.
create table circle_rounds (
  id uuid primary key default gen_random_uuid(),
  circle_id uuid not null references circles (id),
  number int not null check (number > 0),
  due_at timestamptz not null,
  recipient_id uuid references members (id),
  proposal_id uuid unique references proposals (id),
  unique (circle_id, number)
);

-- A member's payment for a round, put off by a circle decision: still owed, never forfeited.
create table circle_deferrals (
  round_id uuid not null references circle_rounds (id),
  member_id uuid not null references members (id),
  proposal_id uuid not null unique references proposals (id),
  primary key (round_id, member_id)
);

create function circle_member_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' and (select started_at from circles where id = new.circle_id) is not null then
    raise exception 'a circle takes members only before it starts' using errcode = 'KR021';
  end if;
  if tg_op = 'UPDATE' and ((new.circle_id, new.member_id, new.joined_at) is distinct from (old.circle_id, old.member_id, old.joined_at)
      or (select started_at from circles where id = new.circle_id) is not null) then
    raise exception 'the order is fixed once the circle starts' using errcode = 'KR021';
  end if;
  if tg_op = 'DELETE' and (select started_at from circles where id = old.circle_id) is not null then
    raise exception 'a member stays in a circle once it starts' using errcode = 'KR021';
  end if;
  return coalesce(new, old);
end $$;
create trigger circle_members_guard before insert or update or delete on circle_members for each row execute function circle_member_guard();

alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
  check (kind in ('general', 'agreement', 'remove_member', 'remove_post', 'fund', 'fund_request', 'role', 'circle'));
-- A circle's own decisions are voted by its members only.
alter table proposals add column circle_id uuid references circles (id);
alter table proposals add constraint proposals_circle check ((kind = 'circle') = (circle_id is not null));
-- The recipient of a round may be chosen by ranked choice; every other action needs a binding process.
select pg_temp.drop_checks('proposals', '%action IS NULL%consent%');
alter table proposals add constraint proposals_action_binding check (action is null or process in ('consent', 'consensus', 'majority')
  or (process = 'ranked' and action->>'type' = 'circle_recipient'));

create or replace function ballot_guard() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = coalesce(new.proposal_id, old.proposal_id) for share;
  if p.status <> 'open' then
    raise exception 'voting on this proposal has closed' using errcode = 'KR013';
  end if;
  if tg_op <> 'DELETE' and p.subject_member_id = new.member_id then
    raise exception 'a member does not vote on their own removal' using errcode = 'KR014';
  end if;
  if tg_op <> 'DELETE' and exists (select 1 from members where id = new.member_id and removed_at is not null) then
    raise exception 'removed members do not vote' using errcode = 'KR014';
  end if;
  if tg_op <> 'DELETE' and p.circle_id is not null
      and not exists (select 1 from circle_members c where c.circle_id = p.circle_id and c.member_id = new.member_id) then
    raise exception 'a circle decides among its own members' using errcode = 'KR014';
  end if;
  return coalesce(new, old);
end $$;

-- Payouts from a revolving fund expected back.
create table fund_expected (
  id uuid primary key default gen_random_uuid(),
  fund_id uuid not null references fund_accounts (id),
  request_id uuid not null references fund_requests (id),
  amount bigint not null check (amount > 0),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null,
  status text not null default 'expected' check (status in ('expected', 'returned', 'partly', 'written_off')),
  closed_at timestamptz,
  decision_id uuid unique references proposals (id),
  check ((status = 'expected') = (closed_at is null)),
  check ((status = 'written_off') = (decision_id is not null))
);

create index fund_expected_open on fund_expected (fund_id) where status = 'expected';

create function fund_expected_guard() returns trigger language plpgsql as $$
begin
  if (new.fund_id, new.request_id, new.amount, new.currency, new.created_at) is distinct from
      (old.fund_id, old.request_id, old.amount, old.currency, old.created_at) or old.status <> 'expected' then
    raise exception 'an expected return closes once' using errcode = 'KR012';
  end if;
  if new.status = 'written_off' and not exists (select 1 from proposals p where p.id = new.decision_id and p.status = 'closed'
      and p.outcome = 'passed' and p.action->>'type' = 'write_off' and p.action->>'expected_id' = new.id::text) then
    raise exception 'only the members write off what is owed to a fund' using errcode = 'KR010';
  end if;
  return new;
end $$;
create trigger fund_expected_guard before update on fund_expected for each row execute function fund_expected_guard();
create trigger fund_expected_kept before delete on fund_expected for each row execute function refuse_change();

-- Records and entries for circles and returns.
alter table fund_records add column round_id uuid references circle_rounds (id);
alter table fund_records add column expected_id uuid references fund_expected (id);
alter table fund_records drop constraint fund_records_kind_check;
alter table fund_records add constraint fund_records_kind_check
  check (kind in ('contribution', 'gift', 'payout', 'transfer', 'reversal', 'return', 'circle_payment', 'circle_payout'));
select pg_temp.drop_checks('fund_records', '%''contribution''::text) = (member_id IS NOT NULL)%');
alter table fund_records add constraint fund_records_member check ((kind in ('contribution', 'circle_payment', 'circle_payout')) = (member_id is not null));
alter table fund_records add constraint fund_records_round check ((kind in ('circle_payment', 'circle_payout')) = (round_id is not null));
alter table fund_records add constraint fund_records_return check ((kind = 'return') = (expected_id is not null));
alter table fund_records add constraint fund_records_circle_self check (kind not in ('circle_payment', 'circle_payout') or member_id = recorded_by);
-- One payment per member per round; a round pays out to its recipient as money comes in.
create unique index fund_records_one_payment on fund_records (round_id, member_id) where kind = 'circle_payment';
alter table ledger_entries drop constraint ledger_entries_kind_check;
alter table ledger_entries add constraint ledger_entries_kind_check
  check (kind in ('contribution', 'gift', 'payout', 'transfer', 'reversal', 'return', 'circle_payment', 'circle_payout'));

create or replace function fund_record_guard() returns trigger language plpgsql as $$
declare
  r fund_requests%rowtype;
  rd circle_rounds%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.kind in ('gift', 'payout', 'transfer', 'reversal', 'return') and not holds_role(new.recorded_by, 'treasurer', new.recorded_at) then
      raise exception 'only a treasurer records money moving' using errcode = 'KR017';
    end if;
    if new.kind = 'payout' then
      select * into r from fund_requests where id = new.request_id for update;
      if r.status is distinct from 'approved' or r.amount <> new.amount or r.fund_id <> new.fund_id or r.currency <> new.currency
          or r.member_id = new.recorded_by then
        raise exception 'a payout pays an approved request, as approved, to someone else' using errcode = 'KR018';
      end if;
    end if;
    if new.kind in ('circle_payment', 'circle_payout') then
      select * into rd from circle_rounds where id = new.round_id;
      if not exists (select 1 from circles c join circle_members m on m.circle_id = c.id
          where c.id = rd.circle_id and c.account_id = new.fund_id and c.started_at is not null and m.member_id = new.member_id) then
        raise exception 'circle money moves between a started circle and its own members' using errcode = 'KR022';
      end if;
      if new.kind = 'circle_payout' and rd.recipient_id is distinct from new.member_id then
        raise exception 'a round pays its own recipient' using errcode = 'KR022';
      end if;
    end if;
    return new;
  end if;
  if (new.kind, new.fund_id, new.to_fund_id, new.amount, new.currency, new.member_id, new.named, new.request_id, new.reverses,
      new.memo, new.recorded_by, new.recorded_at, new.confirm_by, new.round_id, new.expected_id)
      is distinct from (old.kind, old.fund_id, old.to_fund_id, old.amount, old.currency, old.member_id, old.named, old.request_id,
      old.reverses, old.memo, old.recorded_by, old.recorded_at, old.confirm_by, old.round_id, old.expected_id)
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

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('matching_need', 'matching_offer',
  'claimed', 'requested', 'message', 'released', 'met', 'proposal_opened', 'proposal_closing', 'proposal_closed',
  'fund_approved', 'fund_declined', 'fund_to_pay', 'fund_paid', 'fund_to_confirm', 'pledge_reminder', 'circle_round'));
alter table notifications add column circle_id uuid references circles (id);
`;
