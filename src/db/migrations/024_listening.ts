// Listening cycles (issue 19, the mass line): the members decide to listen — a question or a short survey, for a
// period, in their languages — then answer, enter answers given on paper or at a door, and record what was raised in
// one-to-one conversations; they sort what they heard into themes, report back, and act.
//
// Who answered and what they answered are never linkable (ADR 030). An answer from a member waits in
// listening_waiting with no member, no time and no id, written by a transaction that writes nothing else; who answered
// is held in the server's memory meanwhile. Once five answers wait in a cycle (or it closes), one transaction moves
// them into listening_answers (random ids, in a shuffled order) together with the batch's members into
// listening_answered — so the answers and their members share that transaction and nothing else — and the waiting
// table is rewritten (VACUUM FULL, a new log segment).
export const name = '024_listening';

export const up = `
alter table proposals drop constraint proposals_kind_check;
alter table proposals add constraint proposals_kind_check
  check (kind in ('general', 'agreement', 'remove_member', 'remove_post', 'fund', 'fund_request', 'role', 'circle',
    'listening'));

create table listening_cycles (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 3 and 140),
  intro text not null default '' check (char_length(intro) <= 2000),
  -- The questions, as the decision carried them (listening/questions.ts checks their shape).
  questions jsonb not null check (jsonb_typeof(questions) = 'array' and jsonb_array_length(questions) between 1 and 8),
  languages text[] not null check (cardinality(languages) between 1 and 12),
  opens_at timestamptz not null,
  closes_at timestamptz not null check (closes_at > opens_at),
  decision_id uuid unique references proposals (id),
  follows_id uuid references listening_cycles (id),
  -- What the listeners concluded, a text per language (a JSON object: language → text).
  conclusions jsonb not null default '{}' check (jsonb_typeof(conclusions) = 'object'
    and char_length(conclusions::text) <= 30000)
);
create index listening_cycles_opened on listening_cycles (opens_at desc);
create trigger listening_cycles_forget_notifications after delete on listening_cycles
  for each row execute function notifications_forget('id');

-- Members who hold conversations, enter answers given on paper and sort what was heard.
create table listening_listeners (
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  member_id uuid not null references members (id),
  joined_at timestamptz not null default app_now(),
  primary key (cycle_id, member_id)
);

-- An answer waiting to be moved with four others: no member, no time, no id.
create table listening_waiting (
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  source text not null check (source in ('member', 'paper')),
  lang text not null check (lang ~ '^[a-z]{2,3}$'),
  answers jsonb not null check (jsonb_typeof(answers) = 'object' and char_length(answers::text) <= 40000)
);

-- Answers, moved here in batches: the choices (by question); open answers are in listening_texts.
create table listening_answers (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  source text not null check (source in ('member', 'paper')),
  lang text not null check (lang ~ '^[a-z]{2,3}$'),
  choices jsonb not null check (jsonb_typeof(choices) = 'object')
);
create index listening_answers_cycle on listening_answers (cycle_id);

-- Who answered (never what): written in the transaction that moves their batch of answers.
create table listening_answered (
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  member_id uuid not null references members (id),
  primary key (cycle_id, member_id)
);

-- How many answers given on paper a member entered in a cycle (at most 200: one member cannot drown the others).
create table listening_entered (
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  member_id uuid not null references members (id),
  n integer not null check (n between 1 and 200),
  primary key (cycle_id, member_id)
);

-- What a listener recorded after a one-to-one: never a score of the person; their name only if they chose to give
-- it (sealed, and forgotten 60 days after the cycle closes).
create table listening_notes (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  listener_id uuid not null references members (id),
  held_on date not null,
  tags text[] not null default '{}' check (cardinality(tags) <= 10),
  follow_up date,
  named_enc bytea,
  recorded_at timestamptz not null default app_now(),
  followed_up_at timestamptz
);
create index listening_notes_listener on listening_notes (listener_id, recorded_at);
create index listening_notes_cycle on listening_notes (cycle_id);
create trigger listening_notes_daily_limit before insert on listening_notes for each row
  execute function within_daily_limit('listener_id', 'recorded_at', 'daily_comments', '50');
create trigger listening_notes_not_paused before insert on listening_notes for each row
  execute function refuse_if_paused('listener_id');
create trigger listening_notes_forget_notifications after delete on listening_notes
  for each row execute function notifications_forget('id');

-- Every open answer, and what each conversation raised: what members sort into themes.
create table listening_texts (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  answer_id uuid references listening_answers (id) on delete cascade,
  note_id uuid unique references listening_notes (id) on delete cascade,
  question smallint check (question between 0 and 7),
  lang text not null check (lang ~ '^[a-z]{2,3}$'),
  body text not null check (char_length(body) between 1 and 4000),
  check ((answer_id is null) <> (note_id is null)),
  check ((answer_id is null) = (question is null))
);
create index listening_texts_cycle on listening_texts (cycle_id);

create table listening_themes (
  id uuid primary key default gen_random_uuid(),
  cycle_id uuid not null references listening_cycles (id) on delete cascade,
  -- The members' name for it, with its names in other languages ("Rent = es: Alquiler").
  name text not null check (char_length(name) between 1 and 300),
  -- The words the suggester named it by (kept while members have not renamed it).
  words text[] not null default '{}',
  named_by_members boolean not null default false,
  root_causes text[] not null default '{}' check (cardinality(root_causes) <= 20),
  made_at timestamptz not null default app_now()
);
create index listening_themes_cycle on listening_themes (cycle_id);

-- An open answer may sit in several themes. placed_by_members: moved or added by a member (grouping again keeps it).
create table listening_theme_texts (
  theme_id uuid not null references listening_themes (id) on delete cascade,
  text_id uuid not null references listening_texts (id) on delete cascade,
  placed_by_members boolean not null default false,
  quote boolean not null default false,
  primary key (theme_id, text_id)
);
create index listening_theme_texts_text on listening_theme_texts (text_id);

-- Proposals members opened from a theme: the cycle shows what was decided and done.
create table listening_theme_proposals (
  theme_id uuid not null references listening_themes (id) on delete cascade,
  proposal_id uuid not null unique references proposals (id),
  primary key (theme_id, proposal_id)
);
`;
