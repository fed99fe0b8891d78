// The second member who confirms a reversal is held to the same exclusions as for the payout it undoes: not the member
// it paid (who would otherwise confirm undoing their own payment, and be named for it in the public ledger).
export const name = '011_reversal_second';

export const up = `
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
        or new.confirmed_by = (select q.member_id from fund_requests q where q.id = new.request_id)
        -- Undoing a payout: the member it paid is no second member for that either.
        or exists (select 1 from ledger_entries e join fund_records o on o.id = e.record_id
          left join fund_requests oq on oq.id = o.request_id
          where e.id = new.reverses and new.confirmed_by in (o.member_id, oq.member_id))) then
      raise exception 'the second member is someone other than the one paid' using errcode = 'KR019';
    end if;
  end if;
  return new;
end $$;
`;
