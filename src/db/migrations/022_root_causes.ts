// Root causes (issue 19): a member may say why a need arose — housing costs, wages, healthcare… — so the network sees
// why people go without, not only that they do. Only monthly totals are kept: the causes are never stored with the
// need or its member, and they are counted in a batch apart from the posting (causes/tally.ts), so a seized database
// shows how many needs a month each cause was named for, and nothing about whose.
export const name = '022_root_causes';

export const up = `
create table cause_tallies (
  month date not null check (extract(day from month) = 1),
  cause text not null check (length(cause) between 1 and 40),
  needs integer not null check (needs > 0),
  primary key (month, cause)
);
`;
