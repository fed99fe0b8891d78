// Who is still here (issue 18): the day a member was last seen (signed in, or came back within a session), to the
// day and no finer. Members who have not been seen for the agreed time (agreement active_days) stop counting among
// those who could vote, so people who never came back do not hold a quorum out of reach; they count again the day they
// return, or on a proposal they vote on. Filled for existing members from their newest session, or when they joined.
export const name = '019_seen_on';

export const up = `
alter table members add column seen_on date;
update members m set seen_on = coalesce(
  (select max(s.created_at)::date from sessions s where s.member_id = m.id), m.joined_at::date);
`;
