// A proposal is talked over, not only voted on (issue 18): a discussion under every proposal, for whoever may see the
// proposal (a circle's own decision, its members), where the member a removal is about may answer even while paused;
// an outcome statement written once after it closes (by its opener, or by anyone when nobody opened it); and an
// extension by the opener before it closes, twice at most and never past four weeks from opening. Comments stay as
// written (the record of a decision), and a member's comments per day are limited (agreement daily_comments).
export const name = '018_proposal_talk';

export const up = `
create table proposal_comments (
  id uuid primary key default gen_random_uuid(),
  proposal_id uuid not null references proposals (id),
  member_id uuid not null references members (id),
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default app_now()
);
create index proposal_comments_of on proposal_comments (proposal_id, created_at);
create index proposal_comments_by on proposal_comments (member_id, created_at);
create trigger proposal_comments_kept before update or delete on proposal_comments for each row
  execute function refuse_change();
create trigger proposal_comments_daily_limit before insert on proposal_comments for each row
  execute function within_daily_limit('member_id', 'created_at', 'daily_comments', '50');

-- Only while the proposal is open; only who may see it (a circle's members for its own); not a removed member, and not
-- a paused one unless the proposal is about them (they may always answer).
create function proposal_comment_guard() returns trigger language plpgsql as $$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.proposal_id for share;
  if p.status <> 'open' then
    raise exception 'the discussion of this proposal has closed' using errcode = 'KR013';
  end if;
  if p.circle_id is not null and not exists (
      select 1 from circle_members where circle_id = p.circle_id and member_id = new.member_id) then
    raise exception 'only the circle talks over its own decisions' using errcode = 'KR003';
  end if;
  if exists (select 1 from members where id = new.member_id and removed_at is not null)
      or (member_paused(new.member_id) and new.member_id is distinct from p.subject_member_id) then
    raise exception 'this member may not post right now' using errcode = 'KR015';
  end if;
  return new;
end $$;
create trigger proposal_comments_guard before insert on proposal_comments for each row
  execute function proposal_comment_guard();

alter table proposals
  add column outcome_statement text check (char_length(outcome_statement) between 1 and 2000),
  add column outcome_statement_by uuid references members (id),
  add column outcome_statement_at timestamptz,
  add column extensions smallint not null default 0 check (extensions between 0 and 2),
  add constraint proposals_statement check ((outcome_statement is null) = (outcome_statement_at is null)
    and (outcome_statement_by is null or outcome_statement is not null)),
  add constraint proposals_extension check (extensions = 0 or closes_at <= opened_at + interval '28 days');

-- The guard as before, and now: closes_at moves only forward, by an extension, while open and not yet due; an outcome
-- statement is written once, after closing, by the opener (or by anyone when nobody opened it), and stays.
create or replace function proposal_guard() returns trigger language plpgsql as $$
begin
  if old.anonymous and not new.anonymous then
    raise exception 'anonymous ballots stay anonymous' using errcode = 'KR011';
  end if;
  if old.status = 'closed' and (new.status, new.outcome, new.result, new.closed_at, new.anonymous)
      is distinct from (old.status, old.outcome, old.result, old.closed_at, old.anonymous) then
    raise exception 'a closed proposal stays as it closed' using errcode = 'KR012';
  end if;
  if (new.kind, new.title, new.body, new.process, new.options, new.rules, new.action, new.subject_member_id,
      new.subject_post_id, new.opened_at)
      is distinct from (old.kind, old.title, old.body, old.process, old.options, old.rules, old.action,
      old.subject_member_id, old.subject_post_id, old.opened_at) then
    raise exception 'a proposal is not edited once opened' using errcode = 'KR012';
  end if;
  if (new.closes_at, new.extensions) is distinct from (old.closes_at, old.extensions)
      and (old.status <> 'open' or new.status <> 'open' or old.closes_at <= app_now()
        or new.closes_at <= old.closes_at or new.extensions <> old.extensions + 1) then
    raise exception 'a proposal is extended only forward, while open' using errcode = 'KR012';
  end if;
  if (new.outcome_statement, new.outcome_statement_by, new.outcome_statement_at)
      is distinct from (old.outcome_statement, old.outcome_statement_by, old.outcome_statement_at)
      and (old.outcome_statement is not null or new.status <> 'closed'
        or (old.opened_by is not null and new.outcome_statement_by is distinct from old.opened_by)) then
    raise exception 'an outcome statement is written once, after closing, by the opener' using errcode = 'KR012';
  end if;
  return new;
end $$;
`;
