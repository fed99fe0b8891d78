// The library (issue 19, political education): readings, links and short texts members share — why people go hungry,
// not only that they do — each in a language, with its versions in other languages side by side, a discussion under
// each, and a page that prints as a handout. Any member adds (agreement daily_posts counts them with posts' limit);
// nothing is fetched from a link (it is shown, never opened by the server). Kept while the network keeps it; the
// member who added an item may take it down.
export const name = '023_library';

export const up = `
create table library_items (
  id uuid primary key default gen_random_uuid(),
  added_by uuid not null references members (id),
  added_at timestamptz not null default app_now(),
  title text not null check (char_length(title) between 2 and 120),
  language text not null check (language ~ '^[a-z]{2,3}$'),
  about text not null default '' check (char_length(about) <= 1000),
  url text check (url is null or (url ~ '^https?://\\S+$' and char_length(url) <= 2000)),
  body text check (body is null or char_length(body) between 1 and 20000),
  version_of uuid references library_items (id),
  taken_down_at timestamptz,
  check (url is not null or body is not null)
);
create index library_items_added on library_items (added_at desc);
create index library_items_versions on library_items (version_of);
create index library_items_by on library_items (added_by, added_at);
create trigger library_items_daily_limit before insert on library_items for each row
  execute function within_daily_limit('added_by', 'added_at', 'daily_posts', '20');
create trigger library_items_not_paused before insert on library_items for each row
  execute function refuse_if_paused('added_by');

create table library_comments (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references library_items (id) on delete cascade,
  member_id uuid not null references members (id),
  body text not null check (char_length(body) between 1 and 2000),
  created_at timestamptz not null default app_now()
);
create index library_comments_of on library_comments (item_id, created_at);
create index library_comments_by on library_comments (member_id, created_at);
create trigger library_comments_daily_limit before insert on library_comments for each row
  execute function within_daily_limit('member_id', 'created_at', 'daily_comments', '50');
create trigger library_comments_not_paused before insert on library_comments for each row
  execute function refuse_if_paused('member_id');
`;
