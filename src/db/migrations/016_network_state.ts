// What only decisions change — the agreements in force, and whether the network is founded — each server process
// keeps between requests (agreements/middleware.ts). This one row says when it last changed: the transaction that
// changes an agreement or the founding moves it, so a request sees the new version exactly when it can see the
// change, in every process. It only grows: a number from a sequence (never repeated, not even after the row is
// emptied and made again) and past the row's own (after a restore brings an older row back).
// And two indexes for what every page and the board read: the unread count, and the board's order (urgent first,
// then those waiting longest), so a page of fifty is read in order instead of sorting every open post.
export const name = '016_network_state';

export const up = `
create sequence network_state_version;
create table network_state (
  id int primary key default 1 check (id = 1),
  version bigint not null default nextval('network_state_version')
);
insert into network_state default values;

create function network_state_changed() returns trigger language plpgsql as $$
begin
  update network_state set version = greatest(nextval('network_state_version'), version + 1);
  return null;
end $$;

create trigger agreements_state after insert or update or delete or truncate on agreements
  for each statement execute function network_state_changed();
create trigger network_founding_state after insert or update or delete or truncate on network_founding
  for each statement execute function network_state_changed();

create index notifications_unread on notifications (member_id) where read_at is null;
create index posts_board on posts ((case urgency when 'urgent' then 0 when 'soon' then 1 else 2 end), created_at, id)
  where status = 'open';
`;
