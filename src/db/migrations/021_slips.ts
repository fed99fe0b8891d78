// Asking for someone (issue 18): a member at a hotline, a door or a distribution table posts a need for a person
// without a phone. The person becomes a member — the asker of their need, under any name they give — and takes away
// a printed slip with their own recovery code, to follow the need and, on any phone or computer, sign in as
// themselves. The row says who brought them and when, so the daily limit holds (agreement daily_invites: bringing
// someone in is inviting them); where joining takes a second member (join_mode 'seconded'), the slip signs nobody in
// until another member seconds it — the need is posted at once all the same. The database keeps the rules: nobody
// brings themselves, the second is another member, nobody paused brings or seconds anyone, and the daily limit.
export const name = '021_slips';

export const up = `
create table member_slips (
  member_id uuid primary key references members (id) on delete cascade,
  made_by uuid not null references members (id) on delete cascade,
  made_at timestamptz not null default app_now(),
  needs_second boolean not null,
  seconded_by uuid references members (id) on delete cascade,
  seconded_at timestamptz,
  check (made_by <> member_id),
  check ((seconded_by is null) = (seconded_at is null)),
  check (seconded_by is null or (needs_second and seconded_by <> member_id and seconded_by <> made_by))
);
create index member_slips_made_by on member_slips (made_by, made_at);

create trigger member_slips_not_paused before insert on member_slips for each row
  execute function refuse_if_paused('made_by');
create trigger member_slips_second_not_paused before update of seconded_by on member_slips for each row
  when (new.seconded_by is distinct from old.seconded_by) execute function refuse_if_paused('seconded_by');
-- Nobody signs in as someone whose slip waits for its second, by any way in.
create function session_after_slip_second() returns trigger language plpgsql as $$
begin
  if exists (select 1 from member_slips s where s.member_id = new.member_id and s.needs_second and s.seconded_at is null)
  then
    raise exception 'this slip waits for a second member' using errcode = 'KR033';
  end if;
  return new;
end $$;
create trigger sessions_after_slip_second before insert on sessions for each row
  execute function session_after_slip_second();

create trigger member_slips_daily_limit before insert on member_slips for each row
  execute function within_daily_limit('made_by', 'made_at', 'daily_invites', '10');
`;
