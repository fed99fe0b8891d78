// Buying together (issue 20): bulk orders members open — a supplier, items with their pack, price and minimum, a
// deadline, pickup points, the delivery's cost. Members say how much they want as a range; the fill phase before the
// deadline only takes what adds (a want cannot shrink or go: KR041); at the deadline the order closes by itself, the
// packs are counted and shared (buying/split.ts); at pickup what was really taken is noted and the costs follow.
export const name = '029_buying';

export const up = `
create table orders (
  id uuid primary key default gen_random_uuid(),
  supplier text not null check (char_length(supplier) between 2 and 120),
  about text not null default '' check (char_length(about) <= 2000),
  opened_by uuid not null references members (id),
  opened_at timestamptz not null default app_now(),
  deadline timestamptz not null,
  -- From when only what completes packs may be added (the agreed hours before the deadline, fixed at opening).
  fill_from timestamptz not null,
  pickup_points text[] not null check (cardinality(pickup_points) between 1 and 10),
  delivery integer not null default 0 check (delivery between 0 and 100000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  -- At closing: the share of each member's cost the fund pays by the standing agreement, in percent.
  fund_percent integer check (fund_percent between 0 and 100),
  closed_at timestamptz,
  cancelled_at timestamptz,
  check (deadline > opened_at),
  check (fill_from <= deadline and fill_from >= opened_at),
  check (closed_at is null or cancelled_at is null)
);
create index orders_open on orders (deadline) where closed_at is null and cancelled_at is null;
create trigger orders_daily_limit before insert on orders for each row
  execute function within_daily_limit('opened_by', 'opened_at', 'daily_posts', '20');
create trigger orders_not_paused before insert on orders for each row
  execute function refuse_if_paused('opened_by');
create trigger orders_forget_notifications after delete on orders
  for each row execute function notifications_forget('id');

-- Quantities are in thousandths of the item's unit (grams of a kilo, a thousandth of a jar); money in cents.
create table order_items (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id) on delete cascade,
  position smallint not null check (position between 0 and 99),
  name text not null check (char_length(name) between 1 and 80),
  unit text not null check (char_length(unit) between 1 and 12),
  -- The least one asks more or less of (1 for jars, 0.5 for kilos…).
  step_milli integer not null check (step_milli between 1 and 1000000),
  pack_milli integer not null check (pack_milli between 1 and 100000000 and pack_milli % step_milli = 0),
  pack_price integer not null check (pack_price between 1 and 100000000),
  min_packs integer not null default 0 check (min_packs between 0 and 10000),
  max_packs integer check (max_packs between 0 and 10000),
  -- At closing: the packs ordered.
  packs integer check (packs >= 0),
  unique (order_id, position)
);

create table order_wants (
  id uuid primary key default gen_random_uuid(),
  order_id uuid not null references orders (id) on delete cascade,
  item_id uuid not null references order_items (id) on delete cascade,
  -- Who asks, and pays: the member, or someone without the app the member orders for (named as the member wrote).
  member_id uuid not null references members (id),
  for_whom text not null default '' check (char_length(for_whom) <= 80),
  pickup text not null check (char_length(pickup) between 1 and 80),
  least_milli integer not null check (least_milli >= 0),
  most_milli integer not null check (most_milli > 0 and most_milli <= 100000000 and least_milli <= most_milli),
  made_at timestamptz not null default app_now(),
  seq bigserial,
  -- At closing: what the packs give this want; at pickup: what was really taken (a 2.3 kg bag, not 2).
  allocated_milli integer check (allocated_milli >= 0),
  taken_milli integer check (taken_milli between 0 and 100000000),
  picked_up_at timestamptz
);
create unique index order_wants_one on order_wants (item_id, member_id, for_whom);
create index order_wants_order on order_wants (order_id, member_id);
create trigger order_wants_daily_limit before insert on order_wants for each row
  execute function within_daily_limit('member_id', 'made_at', 'daily_order_lines', '400');
create trigger order_wants_not_paused before insert on order_wants for each row
  execute function refuse_if_paused('member_id');

-- A want is said while the order is open, in whole steps of its item; from the fill phase on it may only grow.
create function order_want_rules() returns trigger language plpgsql as $$
declare
  o orders%rowtype;
  step integer;
begin
  select * into o from orders where id = coalesce(new.order_id, old.order_id);
  if tg_op = 'UPDATE' and new.least_milli = old.least_milli and new.most_milli = old.most_milli
      and new.pickup = old.pickup then
    return new; -- what closing and pickup write
  end if;
  if o.closed_at is not null or o.cancelled_at is not null or app_now() >= o.deadline then
    raise exception 'the order is closed' using errcode = 'KR040';
  end if;
  if tg_op = 'DELETE' then
    if app_now() >= o.fill_from then
      raise exception 'in the fill phase a want only grows' using errcode = 'KR041';
    end if;
    return old;
  end if;
  select step_milli into step from order_items where id = new.item_id and order_id = new.order_id;
  if step is null or new.least_milli % step <> 0 or new.most_milli % step <> 0 then
    raise exception 'a want is in whole steps of its item' using errcode = '23514';
  end if;
  if not new.pickup = any (o.pickup_points) then
    raise exception 'not a pickup point of this order' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and app_now() >= o.fill_from and (new.most_milli < old.most_milli or new.least_milli < old.least_milli) then
    raise exception 'in the fill phase a want only grows' using errcode = 'KR041';
  end if;
  return new;
end $$;
create trigger order_wants_rules before insert or update or delete on order_wants
  for each row execute function order_want_rules();
`;
