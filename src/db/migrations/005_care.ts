// Care for the carers, first part: a member can take a break — no suggestions, no asks, no digests — until they
// are back, with no explanation owed.
export const name = '005_care';

export const up = `
alter table members add column on_break_since timestamptz;
`;
