// Where the app checked that something did not exist yet and then made it, simultaneous requests could each pass the
// check (20 at once opened 9 identical deferral proposals). A unique index decides instead.
export const name = '010_one_at_a_time';

export const up = `
-- One open proposal to defer a member's payment for a round, and one to write off a sum still owed.
create unique index proposals_one_open_deferral on proposals ((action ->> 'round_id'), (action ->> 'member_id'))
  where status = 'open' and action ->> 'type' = 'circle_defer';
create unique index proposals_one_open_write_off on proposals ((action ->> 'expected_id'))
  where status = 'open' and action ->> 'type' = 'write_off';

-- One live pause per member: asked and waiting for a second, or in force. An ask nobody confirmed within its day ends.
update pauses set lifted_at = asked_at + interval '24 hours'
  where confirmed_by is null and lifted_at is null and asked_at <= app_now() - interval '24 hours';
update pauses p set lifted_at = app_now() where lifted_at is null and exists (select 1 from pauses q
  where q.member_id = p.member_id and q.lifted_at is null and q.asked_at > p.asked_at);
create unique index pauses_one_live on pauses (member_id) where lifted_at is null;
`;
