// A member may leave (issue 18): a duplicate account made after losing the first, or a network they no longer take
// part in. Leaving is their own act, not a removal: their address is not marked (they may join again with an invite),
// and the history reads "left", not "removed". Like a removal, they no longer count, vote, or appear in any picker.
export const name = '020_leaving';

export const up = `
alter table members add column left_by_choice boolean not null default false;
alter table members add constraint members_left check (not left_by_choice or removed_at is not null);
`;
