// Crisis dispatch: crisis mode called by two members for 48 hours (or standing, by agreement); offers that say how many
// needs they can take at once; the built-in dispatcher role; the queue of new needs to match; and matches a dispatcher made, which go through the same
// claim as any member's "I can help" and never past what an offer can take.
export const name = '007_dispatch';

export const up = `
create table crisis_calls (
  id uuid primary key default gen_random_uuid(),
  asked_by uuid not null references members (id),
  asked_at timestamptz not null,
  confirmed_by uuid references members (id),
  starts_at timestamptz,
  ends_at timestamptz,
  check ((confirmed_by is null) = (starts_at is null) and (starts_at is null) = (ends_at is null)),
  check (confirmed_by is distinct from asked_by),
  check (ends_at is null or ends_at = starts_at + interval '48 hours')
);
create index crisis_calls_recent on crisis_calls (asked_at desc);

alter table posts add column takes integer check (takes between 1 and 50);
alter table posts add constraint posts_takes_offers check (kind = 'offer' or takes is null);

alter table roles disable trigger roles_defined;
insert into roles (name, title, duties, term_days, seats, terms_in_row, volunteering) values ('dispatcher', 'Dispatcher',
  'In crisis mode: review the proposed pairs of needs and offers, adjust them, and send them.', 14, 6, 3, true);
alter table roles enable trigger roles_defined;

alter table matches add column via_offer_id uuid references posts (id) on delete set null;
alter table matches add column dispatched_by uuid references members (id);
alter table matches add constraint matches_dispatched_via check (dispatched_by is null or (via_offer_id is not null and need_id is not null));
create index matches_via_offer on matches (via_offer_id) where status = 'active';

-- A need sent to an offer: the offer is open, its owner is the helper, it has room, and whoever sent it holds the
-- dispatcher role. The offer's row is locked so two dispatchers cannot both take its last place.
create function match_via_offer() returns trigger language plpgsql as $$
declare
  o posts%rowtype;
  taken integer;
begin
  select * into o from posts where id = new.via_offer_id for update;
  if not found or o.kind <> 'offer' or o.status <> 'open' then
    raise exception 'the offer is not open' using errcode = 'KR028';
  end if;
  if o.member_id <> new.helper_id then
    raise exception 'the helper is the member who offered' using errcode = 'KR003';
  end if;
  select count(*) into taken from matches m where m.status = 'active' and (m.offer_id = o.id or m.via_offer_id = o.id);
  if taken >= coalesce(o.takes, 1) then
    raise exception 'this offer has taken all it can' using errcode = 'KR028';
  end if;
  if new.dispatched_by is not null and not holds_role(new.dispatched_by, 'dispatcher', new.created_at) then
    raise exception 'needs are sent only by a dispatcher' using errcode = 'KR029';
  end if;
  return new;
end $$;
create trigger matches_via_offer before insert on matches for each row when (new.via_offer_id is not null)
  execute function match_via_offer();

-- New needs waiting to be matched against open offers (the worker tells fitting helpers just after posting).
create table match_queue (
  post_id uuid primary key references posts (id) on delete cascade,
  queued_at timestamptz not null
);

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('matching_need', 'matching_offer',
  'claimed', 'requested', 'message', 'released', 'met', 'proposal_opened', 'proposal_closing', 'proposal_closed',
  'fund_approved', 'fund_declined', 'fund_to_pay', 'fund_paid', 'fund_to_confirm', 'pledge_reminder', 'circle_round',
  'role_ending', 'slot_open', 'slot_dropped', 'slot_taken', 'checkin', 'load_warning', 'dispatched', 'dispatch_lost',
  'crisis_called'));
`;
