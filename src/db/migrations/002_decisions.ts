// Decisions that act: proposals and ballots, agreements changed only by passed proposals, and member-led safety
// (flags, hidden posts, emergency pauses, removal) with a log every member can read.
export const name = '002_decisions';

export const up = `
alter table members add column removed_at timestamptz;
alter table members add column email_decisions boolean not null default true;

create table proposals (
  id uuid primary key default gen_random_uuid(),
  kind text not null default 'general' check (kind in ('general', 'agreement', 'remove_member', 'remove_post')),
  title text not null check (char_length(title) between 3 and 140),
  body text not null default '' check (char_length(body) <= 4000),
  process text not null check (process in ('consent', 'consensus', 'majority', 'ranked', 'dot', 'score', 'time_poll', 'advice')),
  options jsonb not null default '[]' check (jsonb_typeof(options) = 'array' and jsonb_array_length(options) <= 20),
  rules jsonb not null check (jsonb_typeof(rules) = 'object'),
  anonymous boolean not null default false,
  action jsonb check (action is null or jsonb_typeof(action) = 'object'),
  subject_member_id uuid references members (id),
  subject_post_id uuid references posts (id),
  opened_by uuid references members (id) on delete set null,
  opened_at timestamptz not null default now(),
  closes_at timestamptz not null,
  status text not null default 'open' check (status in ('open', 'closed')),
  outcome text check (outcome in ('passed', 'failed', 'no_quorum', 'chosen', 'tie', 'advised', 'no_votes')),
  result jsonb,
  closed_at timestamptz,
  check (closes_at > opened_at),
  check ((status = 'open') = (closed_at is null)),
  check ((status = 'open') = (outcome is null)),
  check ((status = 'open') = (result is null)),
  -- Only processes that can bind carry an action; a removal is always a consent decision about one member.
  check (action is null or process in ('consent', 'consensus', 'majority')),
  check ((kind = 'agreement') = (action->>'type' is not distinct from 'set_agreement')),
  check ((kind = 'remove_member') = (subject_member_id is not null)),
  check ((kind = 'remove_post') = (subject_post_id is not null)),
  check (kind not in ('remove_member', 'remove_post') or process = 'consent')
);
create index proposals_open on proposals (closes_at) where status = 'open';
create index proposals_recent on proposals (opened_at desc);
-- At most one open removal per member, and one open review per post.
create unique index proposals_one_removal on proposals (subject_member_id) where status = 'open';
create unique index proposals_one_review on proposals (subject_post_id) where status = 'open';

-- A proposal is fixed once opened. Only closing (once) and turning anonymity on (never off) change it.
create function proposal_guard() returns trigger language plpgsql as $$
begin
  if old.anonymous and not new.anonymous then
    raise exception 'anonymous ballots stay anonymous' using errcode = 'KR011';
  end if;
  if old.status = 'closed' and (new.status, new.outcome, new.result, new.closed_at, new.anonymous)
      is distinct from (old.status, old.outcome, old.result, old.closed_at, old.anonymous) then
    raise exception 'a closed proposal stays as it closed' using errcode = 'KR012';
  end if;
  if (new.kind, new.title, new.body, new.process, new.options, new.rules, new.action, new.subject_member_id,
      new.subject_post_id, new.opened_at, new.closes_at)
      is distinct from (old.kind, old.title, old.body, old.process, old.options, old.rules, old.action,
      old.subject_member_id, old.subject_post_id, old.opened_at, old.closes_at) then
    raise exception 'a proposal is not edited once opened' using errcode = 'KR012';
  end if;
  return new;
end $$;
create trigger proposals_guard before update on proposals for each row execute function proposal_guard();
create trigger proposals_kept before delete on proposals for each row execute function refuse_change();

create table ballots (
  proposal_id uuid not null references proposals (id) on delete cascade,
  member_id uuid not null references members (id) on delete cascade,
  choice jsonb not null check (jsonb_typeof(choice) = 'object'),
  reason text check (char_length(reason) <= 1000),
  cast_at timestamptz not null default now(),
  primary key (proposal_id, member_id)
);

-- Ballots only while open; the subject of a removal has no vote on it.
create function ballot_guard() returns trigger language plpgsql as $$
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
  return coalesce(new, old);
end $$;
create trigger ballots_guard before insert or update or delete on ballots for each row execute function ballot_guard();

-- Agreements the core did not have yet: a network founded before them starts with the defaults, as founded.
insert into agreements (key, value, adopted_by)
  select k, v::jsonb, 'founding' from (values ('join_mode', '"open"'), ('met_details_days', '90'),
    ('flag_threshold', '3'), ('removal_hours', '24')) as d (k, v)
  where exists (select 1 from network_founding where founded_at is not null);

-- An agreement changes only by the founding act, once, or by the passed proposal whose action it carries, once.
alter table agreements add constraint agreements_decision foreign key (decision_id) references proposals (id);
create unique index agreements_one_per_decision on agreements (decision_id);

create function agreement_adopted() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  if new.adopted_by = 'founding' then
    if exists (select 1 from network_founding where founded_at is not null) then
      raise exception 'the founding agreements are made once' using errcode = 'KR010';
    end if;
    return new;
  end if;
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'set_agreement'
      or p.action->>'key' is distinct from new.key or p.action->'value' is distinct from new.value then
    raise exception 'an agreement changes only as a passed proposal says' using errcode = 'KR010';
  end if;
  return new;
end $$;
create trigger agreements_adopted before insert on agreements for each row execute function agreement_adopted();

create table flags (
  id uuid primary key default gen_random_uuid(),
  flagged_by uuid not null references members (id) on delete cascade,
  post_id uuid references posts (id) on delete cascade,
  message_id uuid references messages (id) on delete cascade,
  member_id uuid references members (id) on delete cascade,
  reason text not null check (reason in ('harassment', 'spam', 'danger')),
  created_at timestamptz not null default now(),
  check (num_nonnulls(post_id, message_id, member_id) = 1),
  check (member_id is distinct from flagged_by)
);
create unique index flags_once_post on flags (post_id, flagged_by) where post_id is not null;
create unique index flags_once_message on flags (message_id, flagged_by) where message_id is not null;
create unique index flags_once_member on flags (member_id, flagged_by) where member_id is not null;

alter table posts add column hidden_at timestamptz;

-- An emergency pause: asked by one member, in force once a second confirms, for 24 hours (longer only while a
-- removal proposal about the same member is open).
create table pauses (
  id uuid primary key default gen_random_uuid(),
  member_id uuid not null references members (id) on delete cascade,
  asked_by uuid references members (id) on delete set null,
  asked_at timestamptz not null default now(),
  reason text not null check (reason in ('harassment', 'spam', 'danger')),
  confirmed_by uuid references members (id) on delete set null,
  starts_at timestamptz,
  ends_at timestamptz,
  -- Set when the pause ends (its 24 hours are up and no removal is open, or the removal closed).
  lifted_at timestamptz,
  check (asked_by is distinct from member_id and confirmed_by is distinct from member_id),
  check (confirmed_by is null or confirmed_by is distinct from asked_by),
  check ((confirmed_by is null) = (starts_at is null) and (starts_at is null) = (ends_at is null))
);
create index pauses_member on pauses (member_id, asked_at desc);

create function member_paused(who uuid) returns boolean language sql stable as $$
  select exists (select 1 from pauses p where p.member_id = who and p.starts_at is not null and p.lifted_at is null)
$$;

-- A paused or removed member cannot post or write; the app says so first, this makes sure.
create function refuse_if_paused() returns trigger language plpgsql as $$
declare
  who uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
begin
  if member_paused(who) or exists (select 1 from members where id = who and removed_at is not null) then
    raise exception 'this member may not post right now' using errcode = 'KR015';
  end if;
  return new;
end $$;
create trigger posts_not_paused before insert on posts for each row execute function refuse_if_paused('member_id');
create trigger messages_not_paused before insert on messages for each row execute function refuse_if_paused('author_id');

-- What members did to keep each other safe, for every member to read. Never changed.
create table safety_log (
  id bigserial primary key,
  at timestamptz not null default now(),
  act text not null check (act in ('flag_post', 'flag_message', 'flag_member', 'post_hidden', 'post_restored', 'post_removed',
    'pause_asked', 'pause_started', 'removal_opened', 'member_removed', 'member_stays')),
  actor_ids uuid[] not null default '{}',
  member_id uuid,
  post_id uuid,
  proposal_id uuid,
  reason text check (reason in ('harassment', 'spam', 'danger'))
);
create trigger safety_log_append_only before update or delete on safety_log for each row execute function refuse_change();

alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check check (kind in ('matching_need', 'matching_offer',
  'claimed', 'requested', 'message', 'released', 'met', 'proposal_opened', 'proposal_closing', 'proposal_closed'));
alter table notifications add column proposal_id uuid references proposals (id);
create unique index notifications_closing_once on notifications (member_id, proposal_id) where kind = 'proposal_closing';

alter table invites add column needs_second boolean not null default false;
alter table invites add column seconded_by uuid references members (id) on delete set null;
alter table invites add column seconded_at timestamptz;
alter table invites add constraint invites_second_is_another check (seconded_by is null or seconded_by is distinct from created_by);

alter table posts add column details_expired_at timestamptz;

-- A met need is closed at the moment its match ended (the app's clock), so retention counts from the same time.
create or replace function match_holds_need() returns trigger language plpgsql as $$
declare
  found_post posts%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.need_id is not null then
      update posts set status = 'matched', updated_at = now()
        where id = new.need_id and kind = 'need' and status = 'open' returning * into found_post;
      if not found then
        raise exception 'need % is not open', new.need_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.asker_id or found_post.member_id = new.helper_id then
        raise exception 'a match joins the member who asked and another member' using errcode = 'KR003';
      end if;
    else
      select * into found_post from posts where id = new.offer_id and kind = 'offer' and status = 'open' for update;
      if not found then
        raise exception 'offer % is not open', new.offer_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.helper_id or found_post.member_id = new.asker_id then
        raise exception 'a match joins the member who offered and another member' using errcode = 'KR003';
      end if;
    end if;
    return new;
  end if;
  if old.status <> 'active' and new.status is distinct from old.status then
    raise exception 'a match that has ended stays ended' using errcode = 'KR004';
  end if;
  if new.need_id is not null and new.status <> old.status then
    update posts set status = case new.status when 'met' then 'met' else 'open' end,
      updated_at = coalesce(new.ended_at, now()), closed_at = case new.status when 'met' then coalesce(new.ended_at, now()) else null end
      where id = new.need_id and status = 'matched';
  end if;
  return new;
end $$;
`;
