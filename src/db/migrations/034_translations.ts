// Translating in the app (issue 21): any member proposes a translation of one message in a language; another member
// approves it, and it is laid over the shipped words at once (src/translate/). One approved text per language and key
// (a partial unique index); one open proposal per member, language and key; nobody approves their own.
export const name = '034_translations';

export const up = `
create table translations (
  id uuid primary key default gen_random_uuid(),
  lang text not null check (lang ~ '^[a-z]{2,3}$'),
  key text not null check (char_length(key) between 3 and 120),
  text text not null check (char_length(text) between 1 and 2000),
  proposed_by uuid not null references members (id),
  proposed_at timestamptz not null default app_now(),
  approved_by uuid references members (id),
  approved_at timestamptz,
  replaced_at timestamptz,
  check ((approved_by is null) = (approved_at is null)),
  check (approved_by is distinct from proposed_by)
);
create unique index translations_in_force on translations (lang, key)
  where approved_at is not null and replaced_at is null;
create unique index translations_one_open on translations (lang, key, proposed_by)
  where approved_at is null and replaced_at is null;
create index translations_open on translations (lang, proposed_at) where approved_at is null and replaced_at is null;
create trigger translations_daily_limit before insert on translations for each row
  execute function within_daily_limit('proposed_by', 'proposed_at', 'daily_translations', '300');
create trigger translations_not_paused before insert on translations for each row
  execute function refuse_if_paused('proposed_by');
`;
