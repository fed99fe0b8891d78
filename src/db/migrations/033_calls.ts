// Wellness calls (issue 21): in a heat wave, a storm or a crisis, members call the members and neighbours who asked to
// be called. Who asked is kept with their consent (who recorded it, when) and their number sealed; a round makes one
// call per person — never two (a unique index) — and a caller holds a call for 30 minutes at most, one at a time;
// "no answer" puts it back for later, up to three tries.
export const name = '033_calls';

export const up = `
create table call_people (
  id uuid primary key default gen_random_uuid(),
  -- A member who asked to be called, or a neighbour a member added with their consent (a name to call them).
  member_id uuid unique references members (id) on delete cascade,
  name text check (char_length(name) between 1 and 60),
  phone_enc bytea not null,
  language text not null check (language ~ '^[a-z]{2,3}$'),
  area text not null check (char_length(area) between 1 and 80),
  consent_by uuid not null references members (id),
  consent_at timestamptz not null default app_now(),
  check ((member_id is null) <> (name is null))
);
create trigger call_people_daily_limit before insert on call_people for each row
  execute function within_daily_limit('consent_by', 'consent_at', 'daily_posts', '20');
create trigger call_people_not_paused before insert on call_people for each row
  execute function refuse_if_paused('consent_by');

create table call_rounds (
  id uuid primary key default gen_random_uuid(),
  title text not null check (char_length(title) between 2 and 120),
  -- What to say, by language: {"en": "...", "es": "..."}.
  script jsonb not null check (jsonb_typeof(script) = 'object'),
  opened_by uuid not null references members (id),
  opened_at timestamptz not null default app_now(),
  closes_at timestamptz not null,
  closed_at timestamptz,
  check (closes_at > opened_at)
);
create trigger call_rounds_daily_limit before insert on call_rounds for each row
  execute function within_daily_limit('opened_by', 'opened_at', 'daily_proposals', '5');
create trigger call_rounds_not_paused before insert on call_rounds for each row
  execute function refuse_if_paused('opened_by');
create trigger call_rounds_forget_notifications after delete on call_rounds
  for each row execute function notifications_forget('id');

create table calls (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references call_rounds (id) on delete cascade,
  person_id uuid not null references call_people (id) on delete cascade,
  held_by uuid references members (id),
  held_until timestamptz,
  tries integer not null default 0 check (tries between 0 and 3),
  -- "No answer": not before then.
  next_at timestamptz,
  outcome text check (outcome in ('fine', 'needs', 'no_answer', 'in_person')),
  done_by uuid references members (id),
  done_at timestamptz,
  need_id uuid references posts (id) on delete set null,
  told_met boolean not null default false,
  seq bigserial,
  check ((held_by is null) = (held_until is null)),
  check ((done_at is null) = (outcome is null) or outcome = 'no_answer')
);
-- One call per person a round: nobody is called twice in one round, whatever writes the rows.
create unique index calls_once on calls (round_id, person_id);
-- One call held at a time per caller.
create unique index calls_one_held on calls (held_by) where held_by is not null;
create index calls_waiting on calls (round_id, seq) where done_at is null;
create trigger calls_forget_notifications after delete on calls
  for each row execute function notifications_forget('id');
`;
