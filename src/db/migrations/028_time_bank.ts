// The time bank (issue 20): an hour is an hour, whoever gives it. Hours move on the fund's ledger (ADR 034) in their
// own unit, HRS, counted in minutes: each member's pseudonymous account (the one savings circles use) and one
// commons account, through which the network gives hours to someone who cannot give back. An entry's lines still add
// to zero, so every balance in hours sums to zero. A record waits for the other member's yes (or confirms itself
// after the agreed hours); only then is it entered. How far below and above zero a balance may go, how far the
// commons may give, and how many of the commons' hours one member may receive in 30 days are agreements, held by the
// ledger's own trigger inside the write (KR038, KR039).
export const name = '028_time_bank';

export const up = `
alter table fund_accounts drop constraint fund_accounts_kind_check;
alter table fund_accounts add constraint fund_accounts_kind_check
  check (kind in ('pot', 'fund', 'outside', 'circle', 'member', 'commons'));
create unique index fund_accounts_one_commons on fund_accounts (kind) where kind = 'commons';
insert into fund_accounts (kind) values ('commons');

create table time_records (
  id uuid primary key default gen_random_uuid(),
  -- Who gave the time (their balance goes up).
  giver_id uuid not null references members (id),
  -- Who received it.
  receiver_id uuid not null references members (id),
  -- The commons gives the hours instead of the receiver (no reason asked; bounded by agreement).
  from_commons boolean not null default false,
  minutes integer not null check (minutes between 1 and 1440),
  what text not null default '' check (char_length(what) <= 300),
  match_id uuid references matches (id) on delete set null,
  recorded_by uuid not null references members (id),
  recorded_at timestamptz not null default app_now(),
  state text not null default 'waiting' check (state in ('waiting', 'confirmed', 'declined', 'withdrawn')),
  answered_at timestamptz,
  -- Who said yes: the other member, or nobody when it confirmed itself after the agreed hours.
  confirmed_by uuid references members (id),
  check (giver_id <> receiver_id),
  check (recorded_by in (giver_id, receiver_id)),
  check ((state = 'waiting') = (answered_at is null)),
  check (confirmed_by is null or (state = 'confirmed' and confirmed_by in (giver_id, receiver_id) and confirmed_by <> recorded_by))
);
create index time_records_giver on time_records (giver_id, recorded_at desc);
create index time_records_receiver on time_records (receiver_id, recorded_at desc);
create index time_records_waiting on time_records (recorded_at) where state = 'waiting';
create trigger time_records_daily_limit before insert on time_records for each row
  execute function within_daily_limit('recorded_by', 'recorded_at', 'daily_posts', '20');
create trigger time_records_not_paused before insert on time_records for each row
  execute function refuse_if_paused('recorded_by');
create trigger time_records_forget_notifications after delete on time_records
  for each row execute function notifications_forget('id');

-- A record is answered once; one member receives at most the agreed hours from the commons in 30 days.
create function time_record_answered() returns trigger language plpgsql as $$
declare
  taken bigint;
begin
  if old.state <> 'waiting' then
    raise exception 'this record was answered already' using errcode = 'KR001';
  end if;
  if new.giver_id <> old.giver_id or new.receiver_id <> old.receiver_id or new.minutes <> old.minutes
      or new.from_commons <> old.from_commons or new.recorded_by <> old.recorded_by then
    raise exception 'a record is answered, never changed' using errcode = 'KR001';
  end if;
  if new.state = 'confirmed' and new.from_commons then
    perform pg_advisory_xact_lock(hashtext('commons'), hashtext(new.receiver_id::text));
    select coalesce(sum(minutes), 0) into taken from time_records
      where receiver_id = new.receiver_id and from_commons and state = 'confirmed'
        and answered_at > app_now() - interval '30 days';
    if taken + new.minutes > agreement_number('time_commons_month', 10) * 60 then
      raise exception 'the commons gives one member no more than agreed in 30 days' using errcode = 'KR039';
    end if;
  end if;
  return new;
end $$;
create trigger time_records_answered before update on time_records for each row execute function time_record_answered();

alter table ledger_entries drop constraint ledger_entries_kind_check;
alter table ledger_entries add constraint ledger_entries_kind_check check (kind in ('contribution', 'gift', 'payout',
  'transfer', 'reversal', 'return', 'circle_payment', 'circle_payout', 'hours'));
alter table ledger_entries add column time_record_id uuid unique references time_records (id);
alter table ledger_entries add constraint ledger_entries_hours check ((kind = 'hours') = (time_record_id is not null));

create function ledger_hours_confirmed() returns trigger language plpgsql as $$
begin
  if new.time_record_id is not null
      and (select state from time_records where id = new.time_record_id) is distinct from 'confirmed' then
    raise exception 'hours are entered only once the record is confirmed' using errcode = 'KR019';
  end if;
  return new;
end $$;
create trigger ledger_entries_hours before insert on ledger_entries for each row execute function ledger_hours_confirmed();

-- The limits in hours, in minutes: a member between -time_lowest and +time_highest, the commons down to
-- -time_commons_lowest. Checked after the balance row is updated (its row lock puts simultaneous writes in a line).
create or replace function ledger_line_applied() returns trigger language plpgsql as $$
declare
  entry_tx bigint;
  now_balance bigint;
  lowest bigint;
  account_kind text;
begin
  select written_in into entry_tx from ledger_entries where id = new.entry_id;
  if entry_tx is distinct from txid_current() then
    raise exception 'lines are written with their entry, never added later' using errcode = 'KR001';
  end if;
  insert into fund_balances as b (account_id, currency, balance) values (new.account_id, new.currency, new.amount)
    on conflict (account_id, currency) do update set balance = b.balance + excluded.balance
    returning balance into now_balance;
  if new.currency = 'HRS' then
    select kind into account_kind from fund_accounts where id = new.account_id;
    -- Only a line that moves a balance away from zero past its limit is refused: coming back is always allowed.
    if account_kind = 'member' and ((new.amount < 0 and now_balance < -agreement_number('time_lowest', 20) * 60)
        or (new.amount > 0 and now_balance > agreement_number('time_highest', 40) * 60)) then
      raise exception 'this would take a balance in hours past its agreed limit' using errcode = 'KR038';
    end if;
    if account_kind = 'commons' and new.amount < 0
        and now_balance < -agreement_number('time_commons_lowest', 200) * 60 then
      raise exception 'this would take the commons past its agreed limit' using errcode = 'KR038';
    end if;
    if account_kind not in ('member', 'commons') then
      raise exception 'hours move only between members and the commons' using errcode = 'KR020';
    end if;
  elsif new.amount < 0 then
    lowest := fund_floor(new.account_id, new.currency);
    if lowest is not null and now_balance < lowest then
      raise exception 'this would take the fund below its floor' using errcode = 'KR016';
    end if;
  end if;
  return new;
end $$;
`;
