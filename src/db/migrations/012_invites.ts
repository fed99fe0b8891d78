// Invite links members can hold to account: a link can be single-use or limited in number; its maker ends it alone, and
// any two members together end any link (a flyer that got out); a removal makes every live link wait for a fresh
// second, and the removed member's address is kept only as a keyed hash so it cannot be attached again.
export const name = '012_invites';

export const up = `
alter table invites add column max_uses integer check (max_uses between 1 and 500);
alter table invites add constraint invites_within_uses check (max_uses is null or uses <= max_uses);
alter table invites add column revoked_by uuid references members (id) on delete set null;
alter table invites add column revoke_asked_by uuid references members (id) on delete set null;
alter table invites add column revoke_asked_at timestamptz;
alter table invites add constraint invites_revoke_asked check ((revoke_asked_by is null) = (revoke_asked_at is null));
-- A link is ended by its maker alone, or by two members: one asks and another confirms (or by a removal: no one).
alter table invites add constraint invites_ended_by_two check (revoked_by is null or revoked_by = created_by
  or (revoke_asked_by is not null and revoke_asked_by <> revoked_by));
-- Live when a member was removed: it waits for a fresh second before anyone joins with it.
alter table invites add column guarded_at timestamptz;
create trigger invites_revoke_not_paused before update of revoked_by on invites for each row
  when (new.revoked_by is distinct from old.revoked_by) execute function refuse_if_paused('revoked_by');
create trigger invites_revoke_ask_not_paused before update of revoke_asked_by on invites for each row
  when (new.revoke_asked_by is distinct from old.revoke_asked_by) execute function refuse_if_paused('revoke_asked_by');

-- A removed member's email address, as the keyed hash used to look addresses up (never the address itself).
create table removed_marks (
  mark bytea primary key,
  marked_at timestamptz not null default app_now()
);
`;
