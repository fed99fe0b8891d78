// Check-in answers are counted in batches, never one by one: an answer waits, without a member or a time, until at
// least five are waiting in its round (or the round closes); then they are added to the counts together, and the table
// that held them is rewritten and the log moved on, so no page or log segment keeps one answer beside the member
// who gave it (issue 15: on PostgreSQL the row versions of one transaction linked each member to their answer).
export const name = '014_checkin_batches';

export const up = `
create table checkin_pending (
  round_id uuid not null references checkin_rounds (id),
  answer text not null check (answer in ('well', 'okay', 'stretched', 'struggling'))
);
create index checkin_pending_round on checkin_pending (round_id);

-- A count grows by the batch added to it, never shrinks or moves.
create or replace function checkin_count_guard() returns trigger language plpgsql as $$
begin
  if new.n <= old.n or (new.round_id, new.answer) is distinct from (old.round_id, old.answer) then
    raise exception 'a check-in count only grows by the answers added to it' using errcode = 'KR001';
  end if;
  return new;
end $$;
`;
