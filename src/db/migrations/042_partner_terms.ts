// Networks helping networks (issue 22): what is shared with each partner network (its offers, its needs, both or
// nothing: the members decide, partner by partner, within the network's sharing agreements), and ending a partnership
// by our members' decision — the goodbye (taking back our request, refusing theirs) is owed until it is sent.
export const name = '042_partner_terms';

export const up = `
alter table partners add column share_offers boolean not null default true;
alter table partners add column share_needs boolean not null default true;
alter table partners add column goodbye_owed boolean not null default false;
`;
