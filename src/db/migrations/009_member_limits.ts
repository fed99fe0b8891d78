// What one member allowed in can do to the rest (issue 15): a pause stops every action that reaches other members; a
// removal proposal hides its subject's posts only once a second member seconds it, and asking again soon after one
// failed takes several members; every action that makes something others see or must answer has a daily limit per
// member, set by agreement. The database decides each, so no race and no forgotten check gets past it.
export const name = '009_member_limits';

export const up = `
-- A removal proposal is seconded by another member (not its subject); until then it hides nothing.
alter table proposals add column seconded_by uuid references members (id) on delete set null;
alter table proposals add column seconded_at timestamptz;
alter table proposals add constraint proposals_second check ((seconded_by is null) = (seconded_at is null)
  and (seconded_at is null or (kind = 'remove_member' and seconded_by is distinct from opened_by
    and seconded_by is distinct from subject_member_id)));

-- A pause is in force by the clock: confirmed, not lifted, and inside its 24 hours or held by a seconded removal.
create or replace function member_paused(who uuid) returns boolean language sql stable as $$
  select exists (select 1 from pauses p where p.member_id = who and p.starts_at is not null and p.lifted_at is null
    and (p.ends_at > app_now() or exists (select 1 from proposals r
      where r.subject_member_id = who and r.status = 'open' and r.seconded_at is not null)))
$$;

-- Asking for a removal again soon after one did not pass: each ask is kept until enough members have asked.
create table removal_asks (
  subject_member_id uuid not null references members (id) on delete cascade,
  asked_by uuid not null references members (id) on delete cascade,
  asked_at timestamptz not null default app_now(),
  primary key (subject_member_id, asked_by)
);

alter table safety_log drop constraint safety_log_act_check;
alter table safety_log add constraint safety_log_act_check check (act in ('flag_post', 'flag_message', 'flag_member',
  'post_hidden', 'post_restored', 'post_removed', 'pause_asked', 'pause_started', 'removal_opened', 'member_removed',
  'member_stays', 'removal_seconded', 'removal_asked'));

-- A paused or removed member's actions that reach others are refused here, as their posts and messages already were.
create trigger proposals_not_paused before insert on proposals for each row execute function refuse_if_paused('opened_by');
create trigger proposals_second_not_paused before update of seconded_by on proposals for each row
  when (new.seconded_by is distinct from old.seconded_by) execute function refuse_if_paused('seconded_by');
create trigger removal_asks_not_paused before insert on removal_asks for each row execute function refuse_if_paused('asked_by');
create trigger pauses_ask_not_paused before insert on pauses for each row execute function refuse_if_paused('asked_by');
create trigger pauses_confirm_not_paused before update of confirmed_by on pauses for each row
  when (new.confirmed_by is distinct from old.confirmed_by) execute function refuse_if_paused('confirmed_by');
create trigger flags_not_paused before insert on flags for each row execute function refuse_if_paused('flagged_by');
create trigger invites_not_paused before insert on invites for each row execute function refuse_if_paused('created_by');
create trigger invites_second_not_paused before update of seconded_by on invites for each row
  when (new.seconded_by is distinct from old.seconded_by) execute function refuse_if_paused('seconded_by');
create trigger rotas_not_paused before insert on rotas for each row execute function refuse_if_paused('created_by');
create trigger rota_slots_not_paused before insert on rota_slots for each row execute function refuse_if_paused('created_by');
create trigger rota_signups_not_paused before insert on rota_signups for each row execute function refuse_if_paused('member_id');
create trigger circles_not_paused before insert on circles for each row execute function refuse_if_paused('created_by');
create trigger circle_members_not_paused before insert on circle_members for each row execute function refuse_if_paused('member_id');
create trigger fund_requests_not_paused before insert on fund_requests for each row execute function refuse_if_paused('member_id');
create trigger fund_records_not_paused before insert on fund_records for each row execute function refuse_if_paused('recorded_by');
create trigger role_handovers_not_paused before insert on role_handovers for each row execute function refuse_if_paused('written_by');
create trigger crisis_calls_not_paused before insert on crisis_calls for each row execute function refuse_if_paused('asked_by');
create trigger crisis_calls_confirm_not_paused before update of confirmed_by on crisis_calls for each row
  when (new.confirmed_by is distinct from old.confirmed_by) execute function refuse_if_paused('confirmed_by');

-- Who made a match: the helper who claimed a need, the member who asked for an offer, or the dispatcher who sent it.
create function match_actor(m matches) returns uuid language sql immutable as $$
  select coalesce(m.dispatched_by, case when m.need_id is not null then m.helper_id else m.asker_id end)
$$;

create function refuse_paused_match() returns trigger language plpgsql as $$
begin
  if member_paused(match_actor(new)) or member_paused(new.helper_id)
      or exists (select 1 from members where id in (match_actor(new), new.helper_id) and removed_at is not null) then
    raise exception 'this member may not act for others right now' using errcode = 'KR015';
  end if;
  return new;
end $$;
create trigger matches_not_paused before insert on matches for each row execute function refuse_paused_match();

-- An agreement's number as the members decided it, or the default.
create function agreement_number(k text, fallback integer) returns integer language sql stable as $$
  select coalesce((select case when jsonb_typeof(value) = 'number' then (value #>> '{}')::integer end
    from agreements where key = k order by id desc limit 1), fallback)
$$;

-- At most the agreed number in any 24 hours, per member: arguments are the member column, the time column, the
-- agreement and its default. The member's inserts into the table wait on a lock, so simultaneous requests are
-- counted one after another.
create function within_daily_limit() returns trigger language plpgsql as $$
declare
  who uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  taken integer;
begin
  if who is null then return new; end if;
  perform pg_advisory_xact_lock(hashtext('limit:' || tg_table_name), hashtext(who::text));
  execute format('select count(*) from %I where %I = $1 and %I > $2', tg_table_name, tg_argv[0], tg_argv[1])
    into taken using who, app_now() - interval '24 hours';
  if taken >= agreement_number(tg_argv[2], tg_argv[3]::integer) then
    raise exception 'the daily limit % is reached', tg_argv[2] using errcode = 'KR030';
  end if;
  return new;
end $$;
create trigger posts_daily_limit before insert on posts for each row
  execute function within_daily_limit('member_id', 'created_at', 'daily_posts', '20');
create trigger proposals_daily_limit before insert on proposals for each row
  execute function within_daily_limit('opened_by', 'opened_at', 'daily_proposals', '5');
create trigger flags_daily_limit before insert on flags for each row
  execute function within_daily_limit('flagged_by', 'created_at', 'daily_flags', '20');
create trigger pauses_daily_limit before insert on pauses for each row
  execute function within_daily_limit('asked_by', 'asked_at', 'daily_flags', '20');
create trigger invites_daily_limit before insert on invites for each row
  execute function within_daily_limit('created_by', 'created_at', 'daily_invites', '10');

create function matches_within_daily_limit() returns trigger language plpgsql as $$
declare
  who uuid := match_actor(new);
  taken integer;
begin
  if new.dispatched_by is not null then return new; end if; -- a dispatcher's sending is the crisis plan, not a claim
  perform pg_advisory_xact_lock(hashtext('limit:matches'), hashtext(who::text));
  select count(*) into taken from matches m where m.dispatched_by is null and match_actor(m) = who
    and m.created_at > app_now() - interval '24 hours';
  if taken >= agreement_number('daily_claims', 15) then
    raise exception 'the daily limit daily_claims is reached' using errcode = 'KR030';
  end if;
  return new;
end $$;
create trigger matches_daily_limit before insert on matches for each row execute function matches_within_daily_limit();
create index matches_recent on matches (created_at);
create index proposals_opened on proposals (opened_by, opened_at);
`;
