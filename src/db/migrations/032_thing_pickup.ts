// Shared things: the exact place to pick a thing up, sealed like other contact details (things/commands.ts
// pickupPurpose); shown only to who lends it, who has it out, and who it is offered to — others see the area.
export const name = '032_thing_pickup';

export const up = `
alter table things add column pickup_enc bytea;
`;
