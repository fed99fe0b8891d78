-- The schema as the migrations in src/db/migrations leave it, written by `npm run schema` (src/db/snapshot.ts).
-- Do not edit: change a migration (forward only: add one) and run `npm run schema`; a test compares the two.

table acting_records
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  acting_by uuid not null
  consent_at timestamp with time zone not null default app_now()
  until timestamp with time zone not null
  ended_at timestamp with time zone
  constraint acting_records_acting_by_fkey FOREIGN KEY (acting_by) REFERENCES members(id) ON DELETE CASCADE
  constraint acting_records_check CHECK ((member_id <> acting_by))
  constraint acting_records_check1 CHECK (((until > consent_at) AND (until <= (consent_at + '02:00:00'::interval))))
  constraint acting_records_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint acting_records_pkey PRIMARY KEY (id)
  CREATE INDEX acting_records_by ON public.acting_records USING btree (acting_by, consent_at)
  CREATE INDEX acting_records_member ON public.acting_records USING btree (member_id, consent_at DESC)
  CREATE TRIGGER acting_records_daily_limit BEFORE INSERT ON public.acting_records FOR EACH ROW EXECUTE FUNCTION within_daily_limit('acting_by', 'consent_at', 'daily_sign_in_codes', '5')
  CREATE TRIGGER acting_records_forget_notifications AFTER DELETE ON public.acting_records FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER acting_records_not_paused BEFORE INSERT ON public.acting_records FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('acting_by')

table agreements
  id integer not null default nextval('agreements_id_seq'::regclass)
  key text not null
  value jsonb not null
  adopted_at timestamp with time zone not null default app_now()
  adopted_by text not null
  decision_id uuid
  constraint agreements_adopted_by_check CHECK ((adopted_by = ANY (ARRAY['founding'::text, 'decision'::text])))
  constraint agreements_check CHECK (((adopted_by = 'decision'::text) = (decision_id IS NOT NULL)))
  constraint agreements_decision FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint agreements_key_check CHECK ((key ~ '^[a-z_]{2,40}$'::text))
  constraint agreements_pkey PRIMARY KEY (id)
  CREATE INDEX agreements_key ON public.agreements USING btree (key, id DESC)
  CREATE UNIQUE INDEX agreements_one_per_decision ON public.agreements USING btree (decision_id)
  CREATE TRIGGER agreements_adopted BEFORE INSERT ON public.agreements FOR EACH ROW EXECUTE FUNCTION agreement_adopted()
  CREATE TRIGGER agreements_append_only BEFORE DELETE OR UPDATE ON public.agreements FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER agreements_state AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.agreements FOR EACH STATEMENT EXECUTE FUNCTION network_state_changed()

table api_tokens
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  name text not null
  token_hash bytea not null
  scope text not null
  made_at timestamp with time zone not null default app_now()
  revoked_at timestamp with time zone
  constraint api_tokens_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint api_tokens_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 60)))
  constraint api_tokens_pkey PRIMARY KEY (id)
  constraint api_tokens_scope_check CHECK ((scope = ANY (ARRAY['read'::text, 'write'::text])))
  constraint api_tokens_token_hash_key UNIQUE (token_hash)
  CREATE INDEX api_tokens_member ON public.api_tokens USING btree (member_id) WHERE (revoked_at IS NULL)
  CREATE TRIGGER api_tokens_daily_limit BEFORE INSERT ON public.api_tokens FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'made_at', 'daily_api_tokens', '10')
  CREATE TRIGGER api_tokens_not_paused BEFORE INSERT ON public.api_tokens FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table auth_challenges
  id uuid not null default gen_random_uuid()
  challenge text not null
  member_id uuid
  purpose text not null
  expires_at timestamp with time zone not null
  constraint auth_challenges_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint auth_challenges_pkey PRIMARY KEY (id)
  constraint auth_challenges_purpose_check CHECK ((purpose = ANY (ARRAY['register'::text, 'authenticate'::text])))

table ballots
  proposal_id uuid not null
  member_id uuid not null
  choice jsonb not null
  reason text
  cast_at timestamp with time zone not null default app_now()
  constraint ballots_choice_check CHECK ((jsonb_typeof(choice) = 'object'::text))
  constraint ballots_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint ballots_pkey PRIMARY KEY (proposal_id, member_id)
  constraint ballots_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id) ON DELETE CASCADE
  constraint ballots_reason_check CHECK ((char_length(reason) <= 1000))
  CREATE TRIGGER ballots_guard BEFORE INSERT OR DELETE OR UPDATE ON public.ballots FOR EACH ROW EXECUTE FUNCTION ballot_guard()

table calendar_feeds
  member_id uuid not null
  token_hash bytea not null
  created_at timestamp with time zone not null
  constraint calendar_feeds_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint calendar_feeds_pkey PRIMARY KEY (member_id)
  constraint calendar_feeds_token_hash_key UNIQUE (token_hash)

table call_people
  id uuid not null default gen_random_uuid()
  member_id uuid
  name text
  phone_enc bytea not null
  language text not null
  area text not null
  consent_by uuid not null
  consent_at timestamp with time zone not null default app_now()
  constraint call_people_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint call_people_check CHECK (((member_id IS NULL) <> (name IS NULL)))
  constraint call_people_consent_by_fkey FOREIGN KEY (consent_by) REFERENCES members(id)
  constraint call_people_language_check CHECK ((language ~ '^[a-z]{2,3}$'::text))
  constraint call_people_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint call_people_member_id_key UNIQUE (member_id)
  constraint call_people_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 60)))
  constraint call_people_pkey PRIMARY KEY (id)
  CREATE TRIGGER call_people_daily_limit BEFORE INSERT ON public.call_people FOR EACH ROW EXECUTE FUNCTION within_daily_limit('consent_by', 'consent_at', 'daily_posts', '20')
  CREATE TRIGGER call_people_not_paused BEFORE INSERT ON public.call_people FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('consent_by')

table call_rounds
  id uuid not null default gen_random_uuid()
  title text not null
  script jsonb not null
  opened_by uuid not null
  opened_at timestamp with time zone not null default app_now()
  closes_at timestamp with time zone not null
  closed_at timestamp with time zone
  constraint call_rounds_check CHECK ((closes_at > opened_at))
  constraint call_rounds_opened_by_fkey FOREIGN KEY (opened_by) REFERENCES members(id)
  constraint call_rounds_pkey PRIMARY KEY (id)
  constraint call_rounds_script_check CHECK ((jsonb_typeof(script) = 'object'::text))
  constraint call_rounds_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 120)))
  CREATE TRIGGER call_rounds_daily_limit BEFORE INSERT ON public.call_rounds FOR EACH ROW EXECUTE FUNCTION within_daily_limit('opened_by', 'opened_at', 'daily_proposals', '5')
  CREATE TRIGGER call_rounds_forget_notifications AFTER DELETE ON public.call_rounds FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER call_rounds_not_paused BEFORE INSERT ON public.call_rounds FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('opened_by')

table calls
  id uuid not null default gen_random_uuid()
  round_id uuid not null
  person_id uuid not null
  held_by uuid
  held_until timestamp with time zone
  tries integer not null default 0
  next_at timestamp with time zone
  outcome text
  done_by uuid
  done_at timestamp with time zone
  need_id uuid
  told_met boolean not null default false
  seq bigint not null default nextval('calls_seq_seq'::regclass)
  constraint calls_check CHECK (((held_by IS NULL) = (held_until IS NULL)))
  constraint calls_check1 CHECK ((((done_at IS NULL) = (outcome IS NULL)) OR (outcome = 'no_answer'::text)))
  constraint calls_done_by_fkey FOREIGN KEY (done_by) REFERENCES members(id)
  constraint calls_held_by_fkey FOREIGN KEY (held_by) REFERENCES members(id)
  constraint calls_need_id_fkey FOREIGN KEY (need_id) REFERENCES posts(id) ON DELETE SET NULL
  constraint calls_outcome_check CHECK ((outcome = ANY (ARRAY['fine'::text, 'needs'::text, 'no_answer'::text, 'in_person'::text])))
  constraint calls_person_id_fkey FOREIGN KEY (person_id) REFERENCES call_people(id) ON DELETE CASCADE
  constraint calls_pkey PRIMARY KEY (id)
  constraint calls_round_id_fkey FOREIGN KEY (round_id) REFERENCES call_rounds(id) ON DELETE CASCADE
  constraint calls_tries_check CHECK (((tries >= 0) AND (tries <= 3)))
  CREATE UNIQUE INDEX calls_once ON public.calls USING btree (round_id, person_id)
  CREATE UNIQUE INDEX calls_one_held ON public.calls USING btree (held_by) WHERE (held_by IS NOT NULL)
  CREATE INDEX calls_waiting ON public.calls USING btree (round_id, seq) WHERE (done_at IS NULL)
  CREATE TRIGGER calls_forget_notifications AFTER DELETE ON public.calls FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table cause_tallies
  month date not null
  cause text not null
  needs integer not null
  constraint cause_tallies_cause_check CHECK (((length(cause) >= 1) AND (length(cause) <= 40)))
  constraint cause_tallies_month_check CHECK ((EXTRACT(day FROM month) = (1)::numeric))
  constraint cause_tallies_needs_check CHECK ((needs > 0))
  constraint cause_tallies_pkey PRIMARY KEY (month, cause)

table checkin_answered
  round_id uuid not null
  member_id uuid not null
  constraint checkin_answered_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint checkin_answered_pkey PRIMARY KEY (round_id, member_id)
  constraint checkin_answered_round_id_fkey FOREIGN KEY (round_id) REFERENCES checkin_rounds(id)

table checkin_counts
  round_id uuid not null
  answer text not null
  n integer not null default 0
  constraint checkin_counts_answer_check CHECK ((answer = ANY (ARRAY['well'::text, 'okay'::text, 'stretched'::text, 'struggling'::text])))
  constraint checkin_counts_n_check CHECK ((n >= 0))
  constraint checkin_counts_pkey PRIMARY KEY (round_id, answer)
  constraint checkin_counts_round_id_fkey FOREIGN KEY (round_id) REFERENCES checkin_rounds(id)
  CREATE TRIGGER checkin_counts_guard BEFORE UPDATE ON public.checkin_counts FOR EACH ROW EXECUTE FUNCTION checkin_count_guard()

table checkin_pending
  round_id uuid not null
  answer text not null
  constraint checkin_pending_answer_check CHECK ((answer = ANY (ARRAY['well'::text, 'okay'::text, 'stretched'::text, 'struggling'::text])))
  constraint checkin_pending_round_id_fkey FOREIGN KEY (round_id) REFERENCES checkin_rounds(id)
  CREATE INDEX checkin_pending_round ON public.checkin_pending USING btree (round_id)

table checkin_rounds
  id uuid not null default gen_random_uuid()
  opened_at timestamp with time zone not null
  closes_at timestamp with time zone not null
  constraint checkin_rounds_check CHECK ((closes_at > opened_at))
  constraint checkin_rounds_pkey PRIMARY KEY (id)
  CREATE INDEX checkin_rounds_opened ON public.checkin_rounds USING btree (opened_at DESC)

table circle_deferrals
  round_id uuid not null
  member_id uuid not null
  proposal_id uuid not null
  constraint circle_deferrals_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint circle_deferrals_pkey PRIMARY KEY (round_id, member_id)
  constraint circle_deferrals_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id)
  constraint circle_deferrals_proposal_id_key UNIQUE (proposal_id)
  constraint circle_deferrals_round_id_fkey FOREIGN KEY (round_id) REFERENCES circle_rounds(id)

table circle_members
  circle_id uuid not null
  member_id uuid not null
  joined_at timestamp with time zone not null
  position integer
  constraint circle_members_circle_id_fkey FOREIGN KEY (circle_id) REFERENCES circles(id)
  constraint circle_members_circle_id_position_key UNIQUE (circle_id, "position")
  constraint circle_members_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint circle_members_pkey PRIMARY KEY (circle_id, member_id)
  constraint circle_members_position_check CHECK (("position" > 0))
  CREATE TRIGGER circle_members_guard BEFORE INSERT OR DELETE OR UPDATE ON public.circle_members FOR EACH ROW EXECUTE FUNCTION circle_member_guard()
  CREATE TRIGGER circle_members_not_paused BEFORE INSERT ON public.circle_members FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table circle_rounds
  id uuid not null default gen_random_uuid()
  circle_id uuid not null
  number integer not null
  due_at timestamp with time zone not null
  recipient_id uuid
  proposal_id uuid
  constraint circle_rounds_circle_id_fkey FOREIGN KEY (circle_id) REFERENCES circles(id)
  constraint circle_rounds_circle_id_number_key UNIQUE (circle_id, number)
  constraint circle_rounds_number_check CHECK ((number > 0))
  constraint circle_rounds_pkey PRIMARY KEY (id)
  constraint circle_rounds_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id)
  constraint circle_rounds_proposal_id_key UNIQUE (proposal_id)
  constraint circle_rounds_recipient_id_fkey FOREIGN KEY (recipient_id) REFERENCES members(id)

table circles
  id uuid not null default gen_random_uuid()
  name text not null
  amount bigint not null
  currency text not null
  period_days integer not null
  order_rule text not null
  account_id uuid not null
  created_by uuid not null
  created_at timestamp with time zone not null
  started_at timestamp with time zone
  constraint circles_account_id_fkey FOREIGN KEY (account_id) REFERENCES fund_accounts(id)
  constraint circles_account_id_key UNIQUE (account_id)
  constraint circles_amount_check CHECK (((amount > 0) AND (amount <= '1000000000000'::bigint)))
  constraint circles_created_by_fkey FOREIGN KEY (created_by) REFERENCES members(id)
  constraint circles_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint circles_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 60)))
  constraint circles_order_rule_check CHECK ((order_rule = ANY (ARRAY['lottery'::text, 'agreed'::text, 'each_round'::text])))
  constraint circles_period_days_check CHECK (((period_days >= 1) AND (period_days <= 366)))
  constraint circles_pkey PRIMARY KEY (id)
  CREATE TRIGGER circles_forget_notifications AFTER DELETE ON public.circles FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER circles_not_paused BEFORE INSERT ON public.circles FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('created_by')

table crisis_calls
  id uuid not null default gen_random_uuid()
  asked_by uuid not null
  asked_at timestamp with time zone not null
  confirmed_by uuid
  starts_at timestamp with time zone
  ends_at timestamp with time zone
  constraint crisis_calls_asked_by_fkey FOREIGN KEY (asked_by) REFERENCES members(id)
  constraint crisis_calls_check CHECK ((((confirmed_by IS NULL) = (starts_at IS NULL)) AND ((starts_at IS NULL) = (ends_at IS NULL))))
  constraint crisis_calls_check1 CHECK ((confirmed_by IS DISTINCT FROM asked_by))
  constraint crisis_calls_check2 CHECK (((ends_at IS NULL) OR (ends_at = (starts_at + '48:00:00'::interval))))
  constraint crisis_calls_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES members(id)
  constraint crisis_calls_pkey PRIMARY KEY (id)
  CREATE INDEX crisis_calls_recent ON public.crisis_calls USING btree (asked_at DESC)
  CREATE TRIGGER crisis_calls_confirm_not_paused BEFORE UPDATE OF confirmed_by ON public.crisis_calls FOR EACH ROW WHEN ((new.confirmed_by IS DISTINCT FROM old.confirmed_by)) EXECUTE FUNCTION refuse_if_paused('confirmed_by')
  CREATE TRIGGER crisis_calls_not_paused BEFORE INSERT ON public.crisis_calls FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('asked_by')

table directory_messages
  id uuid not null default gen_random_uuid()
  body_enc bytea not null
  reply_enc bytea
  sent_at timestamp with time zone not null default app_now()
  constraint directory_messages_pkey PRIMARY KEY (id)
  CREATE INDEX directory_messages_sent ON public.directory_messages USING btree (sent_at)
  CREATE TRIGGER directory_messages_daily_limit BEFORE INSERT ON public.directory_messages FOR EACH ROW EXECUTE FUNCTION directory_messages_a_day()

table directory_profiles
  actor_url text not null
  name text not null
  place text not null
  about text not null default ''::text
  lat numeric
  lng numeric
  contact_url text
  read_at timestamp with time zone not null default app_now()
  constraint directory_profiles_about_check CHECK ((char_length(about) <= 500))
  constraint directory_profiles_actor_url_check CHECK ((char_length(actor_url) <= 2000))
  constraint directory_profiles_check CHECK (((lat IS NULL) = (lng IS NULL)))
  constraint directory_profiles_contact_url_check CHECK (((char_length(contact_url) <= 2000) AND (contact_url ~ '^https?://'::text)))
  constraint directory_profiles_lat_check CHECK (((lat >= ('-90'::integer)::numeric) AND (lat <= (90)::numeric)))
  constraint directory_profiles_lng_check CHECK (((lng >= ('-180'::integer)::numeric) AND (lng <= (180)::numeric)))
  constraint directory_profiles_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 200)))
  constraint directory_profiles_pkey PRIMARY KEY (actor_url)
  constraint directory_profiles_place_check CHECK (((char_length(place) >= 1) AND (char_length(place) <= 100)))

table email_confirmations
  token_hash bytea not null
  member_id uuid not null
  email_enc bytea not null
  email_hash bytea not null
  created_at timestamp with time zone not null default app_now()
  expires_at timestamp with time zone not null
  constraint email_confirmations_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint email_confirmations_pkey PRIMARY KEY (token_hash)
  CREATE INDEX email_confirmations_member ON public.email_confirmations USING btree (member_id)

table event_readings
  event_id uuid not null
  item_id uuid not null
  constraint event_readings_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE
  constraint event_readings_item_id_fkey FOREIGN KEY (item_id) REFERENCES library_items(id) ON DELETE CASCADE
  constraint event_readings_pkey PRIMARY KEY (event_id, item_id)
  CREATE INDEX event_readings_item ON public.event_readings USING btree (item_id)

table event_rsvps
  id uuid not null default gen_random_uuid()
  event_id uuid not null
  occurrence timestamp with time zone not null
  member_id uuid not null
  answer text not null
  place text not null
  asked_at timestamp with time zone not null default app_now()
  offer_ends_at timestamp with time zone
  seq bigint not null default nextval('event_rsvps_seq_seq'::regclass)
  constraint event_rsvps_answer_check CHECK ((answer = ANY (ARRAY['yes'::text, 'maybe'::text, 'no'::text])))
  constraint event_rsvps_check CHECK (((place = 'offered'::text) = (offer_ends_at IS NOT NULL)))
  constraint event_rsvps_check1 CHECK (((place = 'none'::text) OR (answer = 'yes'::text)))
  constraint event_rsvps_event_id_fkey FOREIGN KEY (event_id) REFERENCES events(id) ON DELETE CASCADE
  constraint event_rsvps_event_id_occurrence_member_id_key UNIQUE (event_id, occurrence, member_id)
  constraint event_rsvps_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint event_rsvps_pkey PRIMARY KEY (id)
  constraint event_rsvps_place_check CHECK ((place = ANY (ARRAY['going'::text, 'waiting'::text, 'offered'::text, 'none'::text])))
  CREATE INDEX event_rsvps_line ON public.event_rsvps USING btree (event_id, occurrence, place, asked_at)
  CREATE INDEX event_rsvps_member ON public.event_rsvps USING btree (member_id, occurrence)
  CREATE TRIGGER event_rsvps_capacity BEFORE INSERT OR UPDATE ON public.event_rsvps FOR EACH ROW EXECUTE FUNCTION event_capacity()
  CREATE TRIGGER event_rsvps_forget_notifications AFTER DELETE ON public.event_rsvps FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table events
  id uuid not null default gen_random_uuid()
  kind text not null
  title text not null
  about text not null default ''::text
  language text not null
  area text not null
  place_enc bytea
  starts_at timestamp with time zone not null
  minutes integer not null
  zone text not null
  rrule text
  capacity integer
  claim_hours integer not null default 24
  open_to_all boolean not null default false
  created_by uuid not null
  created_at timestamp with time zone not null default app_now()
  cancelled_at timestamp with time zone
  constraint events_about_check CHECK ((char_length(about) <= 4000))
  constraint events_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint events_capacity_check CHECK (((capacity >= 1) AND (capacity <= 1000)))
  constraint events_claim_hours_check CHECK (((claim_hours >= 1) AND (claim_hours <= 168)))
  constraint events_created_by_fkey FOREIGN KEY (created_by) REFERENCES members(id)
  constraint events_kind_check CHECK ((kind = ANY (ARRAY['teach_in'::text, 'reading_group'::text, 'assembly'::text, 'skill_share'::text, 'other'::text])))
  constraint events_language_check CHECK ((language ~ '^[a-z]{2,3}$'::text))
  constraint events_minutes_check CHECK (((minutes >= 15) AND (minutes <= 720)))
  constraint events_pkey PRIMARY KEY (id)
  constraint events_rrule_check CHECK (((rrule IS NULL) OR (rrule ~ '^RRULE:FREQ=(WEEKLY|MONTHLY);INTERVAL=[0-9]{1,2};COUNT=[0-9]{1,2}$'::text)))
  constraint events_title_check CHECK (((char_length(title) >= 3) AND (char_length(title) <= 140)))
  CREATE INDEX events_starts ON public.events USING btree (starts_at)
  CREATE TRIGGER events_daily_limit BEFORE INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION within_daily_limit('created_by', 'created_at', 'daily_posts', '20')
  CREATE TRIGGER events_forget_notifications AFTER DELETE ON public.events FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER events_not_paused BEFORE INSERT ON public.events FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('created_by')

table federation_keys
  kind text not null
  public_jwk jsonb not null
  private_enc bytea not null
  made_at timestamp with time zone not null default app_now()
  constraint federation_keys_kind_check CHECK ((kind = 'rsa'::text))
  constraint federation_keys_pkey PRIMARY KEY (kind)

table federation_kv
  key _text not null
  value jsonb not null
  expires_at timestamp with time zone
  constraint federation_kv_key_check CHECK (((cardinality(key) >= 1) AND (cardinality(key) <= 16)))
  constraint federation_kv_pkey PRIMARY KEY (key)
  constraint federation_kv_value_check CHECK ((pg_column_size(value) < 1000000))
  CREATE INDEX federation_kv_expires ON public.federation_kv USING btree (expires_at) WHERE (expires_at IS NOT NULL)

table federation_queue
  id uuid not null default gen_random_uuid()
  message jsonb not null
  made_at timestamp with time zone not null default clock_timestamp()
  due_at timestamp with time zone not null default clock_timestamp()
  taken_until timestamp with time zone
  constraint federation_queue_message_check CHECK ((pg_column_size(message) < 1000000))
  constraint federation_queue_pkey PRIMARY KEY (id)
  CREATE INDEX federation_queue_due ON public.federation_queue USING btree (due_at, made_at)

table flags
  id uuid not null default gen_random_uuid()
  flagged_by uuid not null
  post_id uuid
  message_id uuid
  member_id uuid
  reason text not null
  created_at timestamp with time zone not null default app_now()
  constraint flags_check CHECK ((num_nonnulls(post_id, message_id, member_id) = 1))
  constraint flags_check1 CHECK ((member_id IS DISTINCT FROM flagged_by))
  constraint flags_flagged_by_fkey FOREIGN KEY (flagged_by) REFERENCES members(id) ON DELETE CASCADE
  constraint flags_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint flags_message_id_fkey FOREIGN KEY (message_id) REFERENCES messages(id) ON DELETE CASCADE
  constraint flags_pkey PRIMARY KEY (id)
  constraint flags_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
  constraint flags_reason_check CHECK ((reason = ANY (ARRAY['harassment'::text, 'spam'::text, 'danger'::text])))
  CREATE UNIQUE INDEX flags_once_member ON public.flags USING btree (member_id, flagged_by) WHERE (member_id IS NOT NULL)
  CREATE UNIQUE INDEX flags_once_message ON public.flags USING btree (message_id, flagged_by) WHERE (message_id IS NOT NULL)
  CREATE UNIQUE INDEX flags_once_post ON public.flags USING btree (post_id, flagged_by) WHERE (post_id IS NOT NULL)
  CREATE TRIGGER flags_daily_limit BEFORE INSERT ON public.flags FOR EACH ROW EXECUTE FUNCTION within_daily_limit('flagged_by', 'created_at', 'daily_flags', '20')
  CREATE TRIGGER flags_not_paused BEFORE INSERT ON public.flags FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('flagged_by')

table fund_accounts
  id uuid not null default gen_random_uuid()
  kind text not null
  name text
  member_id uuid
  decision_id uuid
  created_at timestamp with time zone not null default app_now()
  constraint fund_accounts_check CHECK (((kind = 'fund'::text) = (name IS NOT NULL)))
  constraint fund_accounts_check1 CHECK (((kind = 'fund'::text) = (decision_id IS NOT NULL)))
  constraint fund_accounts_check2 CHECK (((kind = 'member'::text) = (member_id IS NOT NULL)))
  constraint fund_accounts_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint fund_accounts_decision_id_key UNIQUE (decision_id)
  constraint fund_accounts_kind_check CHECK ((kind = ANY (ARRAY['pot'::text, 'fund'::text, 'outside'::text, 'circle'::text, 'member'::text, 'commons'::text])))
  constraint fund_accounts_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint fund_accounts_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 60)))
  constraint fund_accounts_pkey PRIMARY KEY (id)
  CREATE UNIQUE INDEX fund_accounts_fund_name ON public.fund_accounts USING btree (lower(name)) WHERE (kind = 'fund'::text)
  CREATE UNIQUE INDEX fund_accounts_member ON public.fund_accounts USING btree (member_id) WHERE (kind = 'member'::text)
  CREATE UNIQUE INDEX fund_accounts_one_commons ON public.fund_accounts USING btree (kind) WHERE (kind = 'commons'::text)
  CREATE UNIQUE INDEX fund_accounts_one_pot ON public.fund_accounts USING btree (kind) WHERE (kind = ANY (ARRAY['pot'::text, 'outside'::text]))
  CREATE TRIGGER fund_accounts_created BEFORE INSERT ON public.fund_accounts FOR EACH ROW EXECUTE FUNCTION fund_created()
  CREATE TRIGGER fund_accounts_kept BEFORE DELETE OR UPDATE ON public.fund_accounts FOR EACH ROW EXECUTE FUNCTION refuse_change()

table fund_balances
  account_id uuid not null
  currency text not null
  balance bigint not null
  constraint fund_balances_account_id_fkey FOREIGN KEY (account_id) REFERENCES fund_accounts(id)
  constraint fund_balances_pkey PRIMARY KEY (account_id, currency)
  CREATE TRIGGER fund_balances_follow BEFORE INSERT OR DELETE OR UPDATE ON public.fund_balances FOR EACH ROW EXECUTE FUNCTION refuse_direct_balance()
  CREATE TRIGGER fund_balances_no_truncate BEFORE TRUNCATE ON public.fund_balances FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()

table fund_expected
  id uuid not null default gen_random_uuid()
  fund_id uuid not null
  request_id uuid not null
  amount bigint not null
  currency text not null
  created_at timestamp with time zone not null
  status text not null default 'expected'::text
  closed_at timestamp with time zone
  decision_id uuid
  constraint fund_expected_amount_check CHECK ((amount > 0))
  constraint fund_expected_check CHECK (((status = 'expected'::text) = (closed_at IS NULL)))
  constraint fund_expected_check1 CHECK (((status = 'written_off'::text) = (decision_id IS NOT NULL)))
  constraint fund_expected_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint fund_expected_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint fund_expected_decision_id_key UNIQUE (decision_id)
  constraint fund_expected_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES fund_accounts(id)
  constraint fund_expected_pkey PRIMARY KEY (id)
  constraint fund_expected_request_id_fkey FOREIGN KEY (request_id) REFERENCES fund_requests(id)
  constraint fund_expected_status_check CHECK ((status = ANY (ARRAY['expected'::text, 'returned'::text, 'partly'::text, 'written_off'::text])))
  CREATE INDEX fund_expected_open ON public.fund_expected USING btree (fund_id) WHERE (status = 'expected'::text)
  CREATE TRIGGER fund_expected_guard BEFORE UPDATE ON public.fund_expected FOR EACH ROW EXECUTE FUNCTION fund_expected_guard()
  CREATE TRIGGER fund_expected_kept BEFORE DELETE ON public.fund_expected FOR EACH ROW EXECUTE FUNCTION refuse_change()

table fund_pledges
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  fund_id uuid not null
  amount bigint not null
  currency text not null
  started_at timestamp with time zone not null
  ended_at timestamp with time zone
  reminded_month text
  constraint fund_pledges_amount_check CHECK (((amount > 0) AND (amount <= '1000000000000'::bigint)))
  constraint fund_pledges_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint fund_pledges_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES fund_accounts(id)
  constraint fund_pledges_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint fund_pledges_pkey PRIMARY KEY (id)
  constraint fund_pledges_reminded_month_check CHECK ((reminded_month ~ '^[0-9]{4}-[0-9]{2}$'::text))
  CREATE UNIQUE INDEX fund_pledges_one ON public.fund_pledges USING btree (member_id, fund_id) WHERE (ended_at IS NULL)

table fund_records
  id uuid not null default gen_random_uuid()
  kind text not null
  fund_id uuid not null
  to_fund_id uuid
  amount bigint not null
  currency text not null
  member_id uuid
  named boolean not null default false
  request_id uuid
  reverses bigint
  memo text
  recorded_by uuid not null
  recorded_at timestamp with time zone not null
  confirm_by text not null
  confirmed_by uuid
  confirmed_at timestamp with time zone
  withdrawn_at timestamp with time zone
  round_id uuid
  expected_id uuid
  constraint fund_records_amount_check CHECK (((amount > 0) AND (amount <= '1000000000000'::bigint)))
  constraint fund_records_check CHECK (((kind = 'payout'::text) = (request_id IS NOT NULL)))
  constraint fund_records_check1 CHECK (((kind = 'reversal'::text) = (reverses IS NOT NULL)))
  constraint fund_records_check2 CHECK (((kind = 'transfer'::text) = ((to_fund_id IS NOT NULL) AND (to_fund_id <> fund_id))))
  constraint fund_records_check4 CHECK (((kind <> 'contribution'::text) OR (member_id = recorded_by)))
  constraint fund_records_check5 CHECK ((confirmed_by IS DISTINCT FROM recorded_by))
  constraint fund_records_check6 CHECK (((confirmed_by IS NULL) = (confirmed_at IS NULL)))
  constraint fund_records_check7 CHECK (((confirmed_at IS NULL) OR (withdrawn_at IS NULL)))
  constraint fund_records_circle_self CHECK (((kind <> ALL (ARRAY['circle_payment'::text, 'circle_payout'::text])) OR (member_id = recorded_by)))
  constraint fund_records_confirm_by_check CHECK ((confirm_by = ANY (ARRAY['none'::text, 'treasurer'::text, 'second'::text])))
  constraint fund_records_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES members(id)
  constraint fund_records_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint fund_records_expected_id_fkey FOREIGN KEY (expected_id) REFERENCES fund_expected(id)
  constraint fund_records_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES fund_accounts(id)
  constraint fund_records_kind_check CHECK ((kind = ANY (ARRAY['contribution'::text, 'gift'::text, 'payout'::text, 'transfer'::text, 'reversal'::text, 'return'::text, 'circle_payment'::text, 'circle_payout'::text])))
  constraint fund_records_member CHECK (((kind = ANY (ARRAY['contribution'::text, 'circle_payment'::text, 'circle_payout'::text])) = (member_id IS NOT NULL)))
  constraint fund_records_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint fund_records_memo_check CHECK ((char_length(memo) <= 120))
  constraint fund_records_pkey PRIMARY KEY (id)
  constraint fund_records_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES members(id)
  constraint fund_records_request_id_fkey FOREIGN KEY (request_id) REFERENCES fund_requests(id)
  constraint fund_records_return CHECK (((kind = 'return'::text) = (expected_id IS NOT NULL)))
  constraint fund_records_reverses FOREIGN KEY (reverses) REFERENCES ledger_entries(id)
  constraint fund_records_round CHECK (((kind = ANY (ARRAY['circle_payment'::text, 'circle_payout'::text])) = (round_id IS NOT NULL)))
  constraint fund_records_round_id_fkey FOREIGN KEY (round_id) REFERENCES circle_rounds(id)
  constraint fund_records_to_fund_id_fkey FOREIGN KEY (to_fund_id) REFERENCES fund_accounts(id)
  CREATE UNIQUE INDEX fund_records_one_payment ON public.fund_records USING btree (round_id, member_id) WHERE (kind = 'circle_payment'::text)
  CREATE UNIQUE INDEX fund_records_one_payout ON public.fund_records USING btree (request_id) WHERE ((kind = 'payout'::text) AND (confirm_by <> 'none'::text) AND (confirmed_at IS NULL) AND (withdrawn_at IS NULL))
  CREATE INDEX fund_records_waiting ON public.fund_records USING btree (recorded_at) WHERE ((confirm_by <> 'none'::text) AND (confirmed_at IS NULL) AND (withdrawn_at IS NULL))
  CREATE TRIGGER fund_records_forget_notifications AFTER DELETE ON public.fund_records FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER fund_records_guard BEFORE INSERT OR UPDATE ON public.fund_records FOR EACH ROW EXECUTE FUNCTION fund_record_guard()
  CREATE TRIGGER fund_records_kept BEFORE DELETE ON public.fund_records FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER fund_records_no_truncate BEFORE TRUNCATE ON public.fund_records FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER fund_records_not_paused BEFORE INSERT ON public.fund_records FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('recorded_by')

table fund_requests
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  fund_id uuid not null
  amount bigint not null
  currency text not null
  note_enc bytea
  named boolean not null default false
  status text not null
  approved_how text
  proposal_id uuid
  asked_at timestamp with time zone not null
  decided_at timestamp with time zone
  received_at timestamp with time zone
  constraint fund_requests_amount_check CHECK (((amount > 0) AND (amount <= '1000000000000'::bigint)))
  constraint fund_requests_approved_how_check CHECK ((approved_how = ANY (ARRAY['standing'::text, 'decision'::text])))
  constraint fund_requests_check CHECK (((status <> ALL (ARRAY['approved'::text, 'paid'::text])) OR (approved_how IS NOT NULL)))
  constraint fund_requests_check1 CHECK (((status <> 'proposed'::text) OR (approved_how IS NULL)))
  constraint fund_requests_check2 CHECK (((received_at IS NULL) OR (status = 'paid'::text)))
  constraint fund_requests_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint fund_requests_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES fund_accounts(id)
  constraint fund_requests_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint fund_requests_pkey PRIMARY KEY (id)
  constraint fund_requests_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id)
  constraint fund_requests_proposal_id_key UNIQUE (proposal_id)
  constraint fund_requests_status_check CHECK ((status = ANY (ARRAY['proposed'::text, 'approved'::text, 'declined'::text, 'paid'::text, 'withdrawn'::text])))
  CREATE INDEX fund_requests_member ON public.fund_requests USING btree (member_id, fund_id, asked_at DESC)
  CREATE INDEX fund_requests_status ON public.fund_requests USING btree (status, asked_at)
  CREATE TRIGGER fund_requests_forget_notifications AFTER DELETE ON public.fund_requests FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER fund_requests_guard BEFORE UPDATE ON public.fund_requests FOR EACH ROW EXECUTE FUNCTION fund_request_guard()
  CREATE TRIGGER fund_requests_kept BEFORE DELETE ON public.fund_requests FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER fund_requests_not_paused BEFORE INSERT ON public.fund_requests FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table fund_rules
  id bigint not null default nextval('fund_rules_id_seq'::regclass)
  fund_id uuid not null
  currency text not null
  rules jsonb not null
  decision_id uuid not null
  adopted_at timestamp with time zone not null default app_now()
  constraint fund_rules_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint fund_rules_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint fund_rules_decision_id_key UNIQUE (decision_id)
  constraint fund_rules_fund_id_fkey FOREIGN KEY (fund_id) REFERENCES fund_accounts(id)
  constraint fund_rules_pkey PRIMARY KEY (id)
  constraint fund_rules_rules_check CHECK (((jsonb_typeof(rules) = 'object'::text) AND (((rules ->> 'floor'::text))::bigint >= 0) AND (((rules ->> 'limit'::text))::bigint >= 0) AND (((rules ->> 'keep'::text))::bigint >= 0) AND (((rules ->> 'second_above'::text))::bigint >= 0) AND ((((rules ->> 'days'::text))::integer >= 1) AND (((rules ->> 'days'::text))::integer <= 366))))
  CREATE INDEX fund_rules_fund ON public.fund_rules USING btree (fund_id, currency, id DESC)
  CREATE TRIGGER fund_rules_guard BEFORE INSERT ON public.fund_rules FOR EACH ROW EXECUTE FUNCTION fund_rules_adopted()
  CREATE TRIGGER fund_rules_kept BEFORE DELETE OR UPDATE ON public.fund_rules FOR EACH ROW EXECUTE FUNCTION refuse_change()

table idempotency_keys
  member_id uuid not null
  key text not null
  body_hash bytea not null
  result text not null
  created_at timestamp with time zone not null default app_now()
  constraint idempotency_keys_key_check CHECK (((char_length(key) >= 8) AND (char_length(key) <= 100)))
  constraint idempotency_keys_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint idempotency_keys_pkey PRIMARY KEY (member_id, key)

table imports
  id uuid not null default gen_random_uuid()
  made_by uuid not null
  made_at timestamp with time zone not null default app_now()
  file_name text not null
  read_as text not null
  row_count integer not null
  sheet_enc bytea
  mapping_enc bytea
  proposal_id uuid
  approved_at timestamp with time zone
  done_at timestamp with time zone
  outcome jsonb
  constraint imports_check CHECK (((done_at IS NULL) OR ((sheet_enc IS NULL) AND (mapping_enc IS NULL) AND (approved_at IS NOT NULL))))
  constraint imports_check1 CHECK (((outcome IS NULL) OR (done_at IS NOT NULL)))
  constraint imports_file_name_check CHECK (((char_length(file_name) >= 1) AND (char_length(file_name) <= 200)))
  constraint imports_made_by_fkey FOREIGN KEY (made_by) REFERENCES members(id) ON DELETE CASCADE
  constraint imports_outcome_check CHECK (((outcome IS NULL) OR ((jsonb_typeof(outcome) = 'object'::text) AND (pg_column_size(outcome) < 2000))))
  constraint imports_pkey PRIMARY KEY (id)
  constraint imports_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id) ON DELETE SET NULL
  constraint imports_proposal_id_key UNIQUE (proposal_id)
  constraint imports_read_as_check CHECK (((char_length(read_as) >= 1) AND (char_length(read_as) <= 40)))
  constraint imports_row_count_check CHECK (((row_count >= 1) AND (row_count <= 5000)))
  CREATE INDEX imports_approved ON public.imports USING btree (approved_at) WHERE ((approved_at IS NOT NULL) AND (done_at IS NULL))
  CREATE INDEX imports_made_by ON public.imports USING btree (made_by, made_at)
  CREATE TRIGGER imports_daily_limit BEFORE INSERT ON public.imports FOR EACH ROW EXECUTE FUNCTION within_daily_limit('made_by', 'made_at', 'daily_imports', '10')
  CREATE TRIGGER imports_forget_notifications AFTER DELETE ON public.imports FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER imports_not_paused BEFORE INSERT ON public.imports FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('made_by')

table invites
  id uuid not null default gen_random_uuid()
  token_hash bytea not null
  created_by uuid
  created_at timestamp with time zone not null default app_now()
  expires_at timestamp with time zone not null
  revoked_at timestamp with time zone
  uses integer not null default 0
  needs_second boolean not null default false
  seconded_by uuid
  seconded_at timestamp with time zone
  max_uses integer
  revoked_by uuid
  revoke_asked_by uuid
  revoke_asked_at timestamp with time zone
  guarded_at timestamp with time zone
  constraint invites_created_by_fkey FOREIGN KEY (created_by) REFERENCES members(id) ON DELETE SET NULL
  constraint invites_ended_by_two CHECK (((revoked_by IS NULL) OR (revoked_by = created_by) OR ((revoke_asked_by IS NOT NULL) AND (revoke_asked_by <> revoked_by))))
  constraint invites_max_uses_check CHECK (((max_uses >= 1) AND (max_uses <= 500)))
  constraint invites_pkey PRIMARY KEY (id)
  constraint invites_revoke_asked CHECK (((revoke_asked_by IS NULL) = (revoke_asked_at IS NULL)))
  constraint invites_revoke_asked_by_fkey FOREIGN KEY (revoke_asked_by) REFERENCES members(id) ON DELETE SET NULL
  constraint invites_revoked_by_fkey FOREIGN KEY (revoked_by) REFERENCES members(id) ON DELETE SET NULL
  constraint invites_second_is_another CHECK (((seconded_by IS NULL) OR (seconded_by IS DISTINCT FROM created_by)))
  constraint invites_seconded_by_fkey FOREIGN KEY (seconded_by) REFERENCES members(id) ON DELETE SET NULL
  constraint invites_token_hash_key UNIQUE (token_hash)
  constraint invites_within_uses CHECK (((max_uses IS NULL) OR (uses <= max_uses)))
  CREATE TRIGGER invites_daily_limit BEFORE INSERT ON public.invites FOR EACH ROW EXECUTE FUNCTION within_daily_limit('created_by', 'created_at', 'daily_invites', '10')
  CREATE TRIGGER invites_not_paused BEFORE INSERT ON public.invites FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('created_by')
  CREATE TRIGGER invites_revoke_ask_not_paused BEFORE UPDATE OF revoke_asked_by ON public.invites FOR EACH ROW WHEN ((new.revoke_asked_by IS DISTINCT FROM old.revoke_asked_by)) EXECUTE FUNCTION refuse_if_paused('revoke_asked_by')
  CREATE TRIGGER invites_revoke_not_paused BEFORE UPDATE OF revoked_by ON public.invites FOR EACH ROW WHEN ((new.revoked_by IS DISTINCT FROM old.revoked_by)) EXECUTE FUNCTION refuse_if_paused('revoked_by')
  CREATE TRIGGER invites_second_not_paused BEFORE UPDATE OF seconded_by ON public.invites FOR EACH ROW WHEN ((new.seconded_by IS DISTINCT FROM old.seconded_by)) EXECUTE FUNCTION refuse_if_paused('seconded_by')

table ledger_entries
  id bigint not null default nextval('ledger_entries_id_seq'::regclass)
  at timestamp with time zone not null
  kind text not null
  record_id uuid
  reverses bigint
  written_in bigint not null
  time_record_id uuid
  constraint ledger_entries_check CHECK (((kind = 'reversal'::text) = (reverses IS NOT NULL)))
  constraint ledger_entries_have_lines TRIGGER DEFERRABLE INITIALLY DEFERRED
  constraint ledger_entries_hours CHECK (((kind = 'hours'::text) = (time_record_id IS NOT NULL)))
  constraint ledger_entries_kind_check CHECK ((kind = ANY (ARRAY['contribution'::text, 'gift'::text, 'payout'::text, 'transfer'::text, 'reversal'::text, 'return'::text, 'circle_payment'::text, 'circle_payout'::text, 'hours'::text])))
  constraint ledger_entries_pkey PRIMARY KEY (id)
  constraint ledger_entries_record_id_fkey FOREIGN KEY (record_id) REFERENCES fund_records(id)
  constraint ledger_entries_record_id_key UNIQUE (record_id)
  constraint ledger_entries_reverses_fkey FOREIGN KEY (reverses) REFERENCES ledger_entries(id)
  constraint ledger_entries_reverses_key UNIQUE (reverses)
  constraint ledger_entries_time_record_id_fkey FOREIGN KEY (time_record_id) REFERENCES time_records(id)
  constraint ledger_entries_time_record_id_key UNIQUE (time_record_id)
  CREATE INDEX ledger_entries_at ON public.ledger_entries USING btree (at)
  CREATE TRIGGER ledger_entries_append_only BEFORE DELETE OR UPDATE ON public.ledger_entries FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE CONSTRAINT TRIGGER ledger_entries_have_lines AFTER INSERT ON public.ledger_entries DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_has_lines()
  CREATE TRIGGER ledger_entries_hours BEFORE INSERT ON public.ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_hours_confirmed()
  CREATE TRIGGER ledger_entries_no_truncate BEFORE TRUNCATE ON public.ledger_entries FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER ledger_entries_written BEFORE INSERT ON public.ledger_entries FOR EACH ROW EXECUTE FUNCTION ledger_entry_written()

table ledger_lines
  entry_id bigint not null
  account_id uuid not null
  currency text not null
  amount bigint not null
  constraint ledger_lines_account_id_fkey FOREIGN KEY (account_id) REFERENCES fund_accounts(id)
  constraint ledger_lines_amount_check CHECK (((amount <> 0) AND (abs(amount) <= '1000000000000'::bigint)))
  constraint ledger_lines_balanced TRIGGER DEFERRABLE INITIALLY DEFERRED
  constraint ledger_lines_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint ledger_lines_entry_id_fkey FOREIGN KEY (entry_id) REFERENCES ledger_entries(id)
  constraint ledger_lines_pkey PRIMARY KEY (entry_id, account_id, currency)
  CREATE INDEX ledger_lines_account ON public.ledger_lines USING btree (account_id, currency)
  CREATE TRIGGER ledger_lines_append_only BEFORE DELETE OR UPDATE ON public.ledger_lines FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER ledger_lines_applied AFTER INSERT ON public.ledger_lines FOR EACH ROW EXECUTE FUNCTION ledger_line_applied()
  CREATE CONSTRAINT TRIGGER ledger_lines_balanced AFTER INSERT ON public.ledger_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_entry_balanced()
  CREATE TRIGGER ledger_lines_no_truncate BEFORE TRUNCATE ON public.ledger_lines FOR EACH STATEMENT EXECUTE FUNCTION refuse_change()

table library_comments
  id uuid not null default gen_random_uuid()
  item_id uuid not null
  member_id uuid not null
  body text not null
  created_at timestamp with time zone not null default app_now()
  constraint library_comments_body_check CHECK (((char_length(body) >= 1) AND (char_length(body) <= 2000)))
  constraint library_comments_item_id_fkey FOREIGN KEY (item_id) REFERENCES library_items(id) ON DELETE CASCADE
  constraint library_comments_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint library_comments_pkey PRIMARY KEY (id)
  CREATE INDEX library_comments_by ON public.library_comments USING btree (member_id, created_at)
  CREATE INDEX library_comments_of ON public.library_comments USING btree (item_id, created_at)
  CREATE TRIGGER library_comments_daily_limit BEFORE INSERT ON public.library_comments FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'created_at', 'daily_comments', '50')
  CREATE TRIGGER library_comments_not_paused BEFORE INSERT ON public.library_comments FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table library_items
  id uuid not null default gen_random_uuid()
  added_by uuid not null
  added_at timestamp with time zone not null default app_now()
  title text not null
  language text not null
  about text not null default ''::text
  url text
  body text
  version_of uuid
  taken_down_at timestamp with time zone
  constraint library_items_about_check CHECK ((char_length(about) <= 1000))
  constraint library_items_added_by_fkey FOREIGN KEY (added_by) REFERENCES members(id)
  constraint library_items_body_check CHECK (((body IS NULL) OR ((char_length(body) >= 1) AND (char_length(body) <= 20000))))
  constraint library_items_check CHECK (((url IS NOT NULL) OR (body IS NOT NULL)))
  constraint library_items_language_check CHECK ((language ~ '^[a-z]{2,3}$'::text))
  constraint library_items_pkey PRIMARY KEY (id)
  constraint library_items_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 120)))
  constraint library_items_url_check CHECK (((url IS NULL) OR ((url ~ '^https?://\S+$'::text) AND (char_length(url) <= 2000))))
  constraint library_items_version_of_fkey FOREIGN KEY (version_of) REFERENCES library_items(id)
  CREATE INDEX library_items_added ON public.library_items USING btree (added_at DESC)
  CREATE INDEX library_items_by ON public.library_items USING btree (added_by, added_at)
  CREATE INDEX library_items_versions ON public.library_items USING btree (version_of)
  CREATE TRIGGER library_items_daily_limit BEFORE INSERT ON public.library_items FOR EACH ROW EXECUTE FUNCTION within_daily_limit('added_by', 'added_at', 'daily_posts', '20')
  CREATE TRIGGER library_items_not_paused BEFORE INSERT ON public.library_items FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('added_by')

table listening_answered
  cycle_id uuid not null
  member_id uuid not null
  constraint listening_answered_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_answered_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint listening_answered_pkey PRIMARY KEY (cycle_id, member_id)

table listening_answers
  id uuid not null default gen_random_uuid()
  cycle_id uuid not null
  source text not null
  lang text not null
  choices jsonb not null
  constraint listening_answers_choices_check CHECK ((jsonb_typeof(choices) = 'object'::text))
  constraint listening_answers_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_answers_lang_check CHECK ((lang ~ '^[a-z]{2,3}$'::text))
  constraint listening_answers_pkey PRIMARY KEY (id)
  constraint listening_answers_source_check CHECK ((source = ANY (ARRAY['member'::text, 'paper'::text])))
  CREATE INDEX listening_answers_cycle ON public.listening_answers USING btree (cycle_id)

table listening_cycles
  id uuid not null default gen_random_uuid()
  title text not null
  intro text not null default ''::text
  questions jsonb not null
  languages _text not null
  opens_at timestamp with time zone not null
  closes_at timestamp with time zone not null
  decision_id uuid
  follows_id uuid
  conclusions jsonb not null default '{}'::jsonb
  constraint listening_cycles_check CHECK ((closes_at > opens_at))
  constraint listening_cycles_conclusions_check CHECK (((jsonb_typeof(conclusions) = 'object'::text) AND (char_length((conclusions)::text) <= 30000)))
  constraint listening_cycles_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint listening_cycles_decision_id_key UNIQUE (decision_id)
  constraint listening_cycles_follows_id_fkey FOREIGN KEY (follows_id) REFERENCES listening_cycles(id)
  constraint listening_cycles_intro_check CHECK ((char_length(intro) <= 2000))
  constraint listening_cycles_languages_check CHECK (((cardinality(languages) >= 1) AND (cardinality(languages) <= 12)))
  constraint listening_cycles_pkey PRIMARY KEY (id)
  constraint listening_cycles_questions_check CHECK (((jsonb_typeof(questions) = 'array'::text) AND ((jsonb_array_length(questions) >= 1) AND (jsonb_array_length(questions) <= 8))))
  constraint listening_cycles_title_check CHECK (((char_length(title) >= 3) AND (char_length(title) <= 140)))
  CREATE INDEX listening_cycles_opened ON public.listening_cycles USING btree (opens_at DESC)
  CREATE TRIGGER listening_cycles_forget_notifications AFTER DELETE ON public.listening_cycles FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table listening_entered
  cycle_id uuid not null
  member_id uuid not null
  n integer not null
  constraint listening_entered_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_entered_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint listening_entered_n_check CHECK (((n >= 1) AND (n <= 200)))
  constraint listening_entered_pkey PRIMARY KEY (cycle_id, member_id)

table listening_listeners
  cycle_id uuid not null
  member_id uuid not null
  joined_at timestamp with time zone not null default app_now()
  constraint listening_listeners_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_listeners_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint listening_listeners_pkey PRIMARY KEY (cycle_id, member_id)

table listening_notes
  id uuid not null default gen_random_uuid()
  cycle_id uuid not null
  listener_id uuid not null
  held_on date not null
  tags _text not null default '{}'::text[]
  follow_up date
  named_enc bytea
  recorded_at timestamp with time zone not null default app_now()
  followed_up_at timestamp with time zone
  constraint listening_notes_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_notes_listener_id_fkey FOREIGN KEY (listener_id) REFERENCES members(id)
  constraint listening_notes_pkey PRIMARY KEY (id)
  constraint listening_notes_tags_check CHECK ((cardinality(tags) <= 10))
  CREATE INDEX listening_notes_cycle ON public.listening_notes USING btree (cycle_id)
  CREATE INDEX listening_notes_listener ON public.listening_notes USING btree (listener_id, recorded_at)
  CREATE TRIGGER listening_notes_daily_limit BEFORE INSERT ON public.listening_notes FOR EACH ROW EXECUTE FUNCTION within_daily_limit('listener_id', 'recorded_at', 'daily_comments', '50')
  CREATE TRIGGER listening_notes_forget_notifications AFTER DELETE ON public.listening_notes FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER listening_notes_not_paused BEFORE INSERT ON public.listening_notes FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('listener_id')

table listening_texts
  id uuid not null default gen_random_uuid()
  cycle_id uuid not null
  answer_id uuid
  note_id uuid
  question smallint
  lang text not null
  body text not null
  constraint listening_texts_answer_id_fkey FOREIGN KEY (answer_id) REFERENCES listening_answers(id) ON DELETE CASCADE
  constraint listening_texts_body_check CHECK (((char_length(body) >= 1) AND (char_length(body) <= 4000)))
  constraint listening_texts_check CHECK (((answer_id IS NULL) <> (note_id IS NULL)))
  constraint listening_texts_check1 CHECK (((answer_id IS NULL) = (question IS NULL)))
  constraint listening_texts_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_texts_lang_check CHECK ((lang ~ '^[a-z]{2,3}$'::text))
  constraint listening_texts_note_id_fkey FOREIGN KEY (note_id) REFERENCES listening_notes(id) ON DELETE CASCADE
  constraint listening_texts_note_id_key UNIQUE (note_id)
  constraint listening_texts_pkey PRIMARY KEY (id)
  constraint listening_texts_question_check CHECK (((question >= 0) AND (question <= 7)))
  CREATE INDEX listening_texts_cycle ON public.listening_texts USING btree (cycle_id)

table listening_theme_proposals
  theme_id uuid not null
  proposal_id uuid not null
  constraint listening_theme_proposals_pkey PRIMARY KEY (theme_id, proposal_id)
  constraint listening_theme_proposals_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id)
  constraint listening_theme_proposals_proposal_id_key UNIQUE (proposal_id)
  constraint listening_theme_proposals_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES listening_themes(id) ON DELETE CASCADE

table listening_theme_texts
  theme_id uuid not null
  text_id uuid not null
  placed_by_members boolean not null default false
  quote boolean not null default false
  constraint listening_theme_texts_pkey PRIMARY KEY (theme_id, text_id)
  constraint listening_theme_texts_text_id_fkey FOREIGN KEY (text_id) REFERENCES listening_texts(id) ON DELETE CASCADE
  constraint listening_theme_texts_theme_id_fkey FOREIGN KEY (theme_id) REFERENCES listening_themes(id) ON DELETE CASCADE
  CREATE INDEX listening_theme_texts_text ON public.listening_theme_texts USING btree (text_id)

table listening_themes
  id uuid not null default gen_random_uuid()
  cycle_id uuid not null
  name text not null
  words _text not null default '{}'::text[]
  named_by_members boolean not null default false
  root_causes _text not null default '{}'::text[]
  made_at timestamp with time zone not null default app_now()
  constraint listening_themes_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_themes_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 300)))
  constraint listening_themes_pkey PRIMARY KEY (id)
  constraint listening_themes_root_causes_check CHECK ((cardinality(root_causes) <= 20))
  CREATE INDEX listening_themes_cycle ON public.listening_themes USING btree (cycle_id)

table listening_waiting
  cycle_id uuid not null
  source text not null
  lang text not null
  answers jsonb not null
  constraint listening_waiting_answers_check CHECK (((jsonb_typeof(answers) = 'object'::text) AND (char_length((answers)::text) <= 40000)))
  constraint listening_waiting_cycle_id_fkey FOREIGN KEY (cycle_id) REFERENCES listening_cycles(id) ON DELETE CASCADE
  constraint listening_waiting_lang_check CHECK ((lang ~ '^[a-z]{2,3}$'::text))
  constraint listening_waiting_source_check CHECK ((source = ANY (ARRAY['member'::text, 'paper'::text])))

table match_queue
  post_id uuid not null
  queued_at timestamp with time zone not null
  constraint match_queue_pkey PRIMARY KEY (post_id)
  constraint match_queue_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE

table matches
  id uuid not null default gen_random_uuid()
  need_id uuid
  offer_id uuid
  helper_id uuid not null
  asker_id uuid not null
  status text not null default 'active'::text
  created_at timestamp with time zone not null default app_now()
  ended_at timestamp with time zone
  ended_by uuid
  via_offer_id uuid
  dispatched_by uuid
  constraint matches_asker_id_fkey FOREIGN KEY (asker_id) REFERENCES members(id) ON DELETE CASCADE
  constraint matches_check CHECK ((num_nonnulls(need_id, offer_id) = 1))
  constraint matches_check1 CHECK ((helper_id <> asker_id))
  constraint matches_check2 CHECK (((status = 'active'::text) = (ended_at IS NULL)))
  constraint matches_dispatched_by_fkey FOREIGN KEY (dispatched_by) REFERENCES members(id)
  constraint matches_dispatched_via CHECK (((dispatched_by IS NULL) OR ((via_offer_id IS NOT NULL) AND (need_id IS NOT NULL))))
  constraint matches_ended_by_fkey FOREIGN KEY (ended_by) REFERENCES members(id) ON DELETE SET NULL
  constraint matches_helper_id_fkey FOREIGN KEY (helper_id) REFERENCES members(id) ON DELETE CASCADE
  constraint matches_need_id_fkey FOREIGN KEY (need_id) REFERENCES posts(id) ON DELETE CASCADE
  constraint matches_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES posts(id) ON DELETE CASCADE
  constraint matches_pkey PRIMARY KEY (id)
  constraint matches_status_check CHECK ((status = ANY (ARRAY['active'::text, 'released'::text, 'met'::text])))
  constraint matches_via_offer_id_fkey FOREIGN KEY (via_offer_id) REFERENCES posts(id) ON DELETE SET NULL
  CREATE INDEX matches_asker ON public.matches USING btree (asker_id)
  CREATE INDEX matches_helper ON public.matches USING btree (helper_id)
  CREATE UNIQUE INDEX matches_one_active_per_need ON public.matches USING btree (need_id) WHERE (status = 'active'::text)
  CREATE UNIQUE INDEX matches_one_active_per_offer_asker ON public.matches USING btree (offer_id, asker_id) WHERE (status = 'active'::text)
  CREATE INDEX matches_recent ON public.matches USING btree (created_at)
  CREATE INDEX matches_via_offer ON public.matches USING btree (via_offer_id) WHERE (status = 'active'::text)
  CREATE TRIGGER matches_daily_limit BEFORE INSERT ON public.matches FOR EACH ROW EXECUTE FUNCTION matches_within_daily_limit()
  CREATE TRIGGER matches_forget_notifications AFTER DELETE ON public.matches FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER matches_hold_need BEFORE INSERT OR UPDATE ON public.matches FOR EACH ROW EXECUTE FUNCTION match_holds_need()
  CREATE TRIGGER matches_not_paused BEFORE INSERT ON public.matches FOR EACH ROW EXECUTE FUNCTION refuse_paused_match()
  CREATE TRIGGER matches_via_offer BEFORE INSERT ON public.matches FOR EACH ROW WHEN ((new.via_offer_id IS NOT NULL)) EXECUTE FUNCTION match_via_offer()

table member_slips
  member_id uuid not null
  made_by uuid not null
  made_at timestamp with time zone not null default app_now()
  needs_second boolean not null
  seconded_by uuid
  seconded_at timestamp with time zone
  constraint member_slips_check CHECK ((made_by <> member_id))
  constraint member_slips_check1 CHECK (((seconded_by IS NULL) = (seconded_at IS NULL)))
  constraint member_slips_check2 CHECK (((seconded_by IS NULL) OR (needs_second AND (seconded_by <> member_id) AND (seconded_by <> made_by))))
  constraint member_slips_made_by_fkey FOREIGN KEY (made_by) REFERENCES members(id) ON DELETE CASCADE
  constraint member_slips_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint member_slips_pkey PRIMARY KEY (member_id)
  constraint member_slips_seconded_by_fkey FOREIGN KEY (seconded_by) REFERENCES members(id) ON DELETE CASCADE
  CREATE INDEX member_slips_made_by ON public.member_slips USING btree (made_by, made_at)
  CREATE TRIGGER member_slips_daily_limit BEFORE INSERT ON public.member_slips FOR EACH ROW EXECUTE FUNCTION within_daily_limit('made_by', 'made_at', 'daily_invites', '10')
  CREATE TRIGGER member_slips_not_paused BEFORE INSERT ON public.member_slips FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('made_by')
  CREATE TRIGGER member_slips_second_not_paused BEFORE UPDATE OF seconded_by ON public.member_slips FOR EACH ROW WHEN ((new.seconded_by IS DISTINCT FROM old.seconded_by)) EXECUTE FUNCTION refuse_if_paused('seconded_by')

table members
  id uuid not null default gen_random_uuid()
  display_name text not null
  language text not null
  email_enc bytea
  email_hash bytea
  joined_at timestamp with time zone not null default app_now()
  last_digest_at timestamp with time zone
  removed_at timestamp with time zone
  email_decisions boolean not null default true
  on_break_since timestamp with time zone
  seen_on date
  left_by_choice boolean not null default false
  constraint members_check CHECK (((email_enc IS NULL) = (email_hash IS NULL)))
  constraint members_display_name_check CHECK (((char_length(display_name) >= 1) AND (char_length(display_name) <= 60)))
  constraint members_email_hash_key UNIQUE (email_hash)
  constraint members_language_check CHECK ((language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'::text))
  constraint members_left CHECK (((NOT left_by_choice) OR (removed_at IS NOT NULL)))
  constraint members_pkey PRIMARY KEY (id)

table messages
  id uuid not null default gen_random_uuid()
  match_id uuid not null
  author_id uuid
  body_enc bytea not null
  created_at timestamp with time zone not null default app_now()
  constraint messages_author_id_fkey FOREIGN KEY (author_id) REFERENCES members(id) ON DELETE SET NULL
  constraint messages_match_id_fkey FOREIGN KEY (match_id) REFERENCES matches(id) ON DELETE CASCADE
  constraint messages_pkey PRIMARY KEY (id)
  CREATE INDEX messages_match ON public.messages USING btree (match_id, created_at)
  CREATE TRIGGER messages_not_paused BEFORE INSERT ON public.messages FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('author_id')

table network_founding
  id integer not null default 1
  token_hash bytea
  founded_at timestamp with time zone
  constraint network_founding_check CHECK (((founded_at IS NULL) OR (token_hash IS NULL)))
  constraint network_founding_id_check CHECK ((id = 1))
  constraint network_founding_pkey PRIMARY KEY (id)
  CREATE TRIGGER network_founding_state AFTER INSERT OR DELETE OR UPDATE OR TRUNCATE ON public.network_founding FOR EACH STATEMENT EXECUTE FUNCTION network_state_changed()

table network_state
  id integer not null default 1
  version bigint not null default nextval('network_state_version'::regclass)
  constraint network_state_id_check CHECK ((id = 1))
  constraint network_state_pkey PRIMARY KEY (id)

table network_warnings
  id uuid not null default gen_random_uuid()
  kind text not null
  at timestamp with time zone not null
  figures jsonb not null
  constraint network_warnings_kind_check CHECK ((kind = ANY (ARRAY['load'::text, 'drift'::text])))
  constraint network_warnings_pkey PRIMARY KEY (id)
  CREATE INDEX network_warnings_kind ON public.network_warnings USING btree (kind, at DESC)

table notifications
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  kind text not null
  created_at timestamp with time zone not null default app_now()
  read_at timestamp with time zone
  emailed_at timestamp with time zone
  subject text
  once boolean not null default false
  constraint notifications_kind_named CHECK ((kind ~ '^[a-z][a-z_]{1,39}$'::text))
  constraint notifications_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint notifications_pkey PRIMARY KEY (id)
  constraint notifications_subject_short CHECK ((char_length(subject) <= 100))
  CREATE INDEX notifications_member ON public.notifications USING btree (member_id, created_at DESC)
  CREATE UNIQUE INDEX notifications_once ON public.notifications USING btree (member_id, kind, COALESCE(subject, ''::text)) WHERE once
  CREATE INDEX notifications_subject ON public.notifications USING btree (subject) WHERE (subject IS NOT NULL)
  CREATE INDEX notifications_unmailed ON public.notifications USING btree (member_id) WHERE (emailed_at IS NULL)
  CREATE INDEX notifications_unread ON public.notifications USING btree (member_id) WHERE (read_at IS NULL)

table order_items
  id uuid not null default gen_random_uuid()
  order_id uuid not null
  position smallint not null
  name text not null
  unit text not null
  step_milli integer not null
  pack_milli integer not null
  pack_price integer not null
  min_packs integer not null default 0
  max_packs integer
  packs integer
  constraint order_items_check CHECK ((((pack_milli >= 1) AND (pack_milli <= 100000000)) AND ((pack_milli % step_milli) = 0)))
  constraint order_items_max_packs_check CHECK (((max_packs >= 0) AND (max_packs <= 10000)))
  constraint order_items_min_packs_check CHECK (((min_packs >= 0) AND (min_packs <= 10000)))
  constraint order_items_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 80)))
  constraint order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE
  constraint order_items_order_id_position_key UNIQUE (order_id, "position")
  constraint order_items_pack_price_check CHECK (((pack_price >= 1) AND (pack_price <= 100000000)))
  constraint order_items_packs_check CHECK ((packs >= 0))
  constraint order_items_pkey PRIMARY KEY (id)
  constraint order_items_position_check CHECK ((("position" >= 0) AND ("position" <= 99)))
  constraint order_items_step_milli_check CHECK (((step_milli >= 1) AND (step_milli <= 1000000)))
  constraint order_items_unit_check CHECK (((char_length(unit) >= 1) AND (char_length(unit) <= 12)))

table order_wants
  id uuid not null default gen_random_uuid()
  order_id uuid not null
  item_id uuid not null
  member_id uuid not null
  for_whom text not null default ''::text
  pickup text not null
  least_milli integer not null
  most_milli integer not null
  made_at timestamp with time zone not null default app_now()
  seq bigint not null default nextval('order_wants_seq_seq'::regclass)
  allocated_milli integer
  taken_milli integer
  picked_up_at timestamp with time zone
  constraint order_wants_allocated_milli_check CHECK ((allocated_milli >= 0))
  constraint order_wants_check CHECK (((most_milli > 0) AND (most_milli <= 100000000) AND (least_milli <= most_milli)))
  constraint order_wants_for_whom_check CHECK ((char_length(for_whom) <= 80))
  constraint order_wants_item_id_fkey FOREIGN KEY (item_id) REFERENCES order_items(id) ON DELETE CASCADE
  constraint order_wants_least_milli_check CHECK ((least_milli >= 0))
  constraint order_wants_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint order_wants_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE
  constraint order_wants_pickup_check CHECK (((char_length(pickup) >= 1) AND (char_length(pickup) <= 80)))
  constraint order_wants_pkey PRIMARY KEY (id)
  constraint order_wants_taken_milli_check CHECK (((taken_milli >= 0) AND (taken_milli <= 100000000)))
  CREATE UNIQUE INDEX order_wants_one ON public.order_wants USING btree (item_id, member_id, for_whom)
  CREATE INDEX order_wants_order ON public.order_wants USING btree (order_id, member_id)
  CREATE TRIGGER order_wants_daily_limit BEFORE INSERT ON public.order_wants FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'made_at', 'daily_order_lines', '400')
  CREATE TRIGGER order_wants_not_paused BEFORE INSERT ON public.order_wants FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')
  CREATE TRIGGER order_wants_rules BEFORE INSERT OR DELETE OR UPDATE ON public.order_wants FOR EACH ROW EXECUTE FUNCTION order_want_rules()

table orders
  id uuid not null default gen_random_uuid()
  supplier text not null
  about text not null default ''::text
  opened_by uuid not null
  opened_at timestamp with time zone not null default app_now()
  deadline timestamp with time zone not null
  fill_from timestamp with time zone not null
  pickup_points _text not null
  delivery integer not null default 0
  currency text not null
  fund_percent integer
  closed_at timestamp with time zone
  cancelled_at timestamp with time zone
  fund_request_id uuid
  constraint orders_about_check CHECK ((char_length(about) <= 2000))
  constraint orders_check CHECK ((deadline > opened_at))
  constraint orders_check1 CHECK (((fill_from <= deadline) AND (fill_from >= opened_at)))
  constraint orders_check2 CHECK (((closed_at IS NULL) OR (cancelled_at IS NULL)))
  constraint orders_currency_check CHECK ((currency ~ '^[A-Z]{3}$'::text))
  constraint orders_delivery_check CHECK (((delivery >= 0) AND (delivery <= 100000000)))
  constraint orders_fund_percent_check CHECK (((fund_percent >= 0) AND (fund_percent <= 100)))
  constraint orders_fund_request_id_fkey FOREIGN KEY (fund_request_id) REFERENCES fund_requests(id)
  constraint orders_fund_request_id_key UNIQUE (fund_request_id)
  constraint orders_opened_by_fkey FOREIGN KEY (opened_by) REFERENCES members(id)
  constraint orders_pickup_points_check CHECK (((cardinality(pickup_points) >= 1) AND (cardinality(pickup_points) <= 10)))
  constraint orders_pkey PRIMARY KEY (id)
  constraint orders_supplier_check CHECK (((char_length(supplier) >= 2) AND (char_length(supplier) <= 120)))
  CREATE INDEX orders_open ON public.orders USING btree (deadline) WHERE ((closed_at IS NULL) AND (cancelled_at IS NULL))
  CREATE TRIGGER orders_daily_limit BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION within_daily_limit('opened_by', 'opened_at', 'daily_posts', '20')
  CREATE TRIGGER orders_forget_notifications AFTER DELETE ON public.orders FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER orders_not_paused BEFORE INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('opened_by')

table partner_messages
  id uuid not null default gen_random_uuid()
  thread_id uuid not null
  from_us boolean not null
  body_enc bytea not null
  activity_id text
  sent_at timestamp with time zone not null default app_now()
  constraint partner_messages_activity_id_check CHECK ((char_length(activity_id) <= 2000))
  constraint partner_messages_activity_id_key UNIQUE (activity_id)
  constraint partner_messages_pkey PRIMARY KEY (id)
  constraint partner_messages_thread_id_fkey FOREIGN KEY (thread_id) REFERENCES partner_threads(id) ON DELETE CASCADE
  CREATE INDEX partner_messages_thread ON public.partner_messages USING btree (thread_id, sent_at)

table partner_posts
  id uuid not null default gen_random_uuid()
  partner_id uuid not null
  object_url text not null
  kind text not null
  what text not null
  category text not null
  area text not null
  received_at timestamp with time zone not null default app_now()
  withdrawn_at timestamp with time zone
  constraint partner_posts_area_check CHECK ((char_length(area) <= 100))
  constraint partner_posts_category_check CHECK (((char_length(category) >= 1) AND (char_length(category) <= 60)))
  constraint partner_posts_kind_check CHECK ((kind = ANY (ARRAY['need'::text, 'offer'::text])))
  constraint partner_posts_object_url_check CHECK ((char_length(object_url) <= 2000))
  constraint partner_posts_object_url_key UNIQUE (object_url)
  constraint partner_posts_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners(id) ON DELETE CASCADE
  constraint partner_posts_pkey PRIMARY KEY (id)
  constraint partner_posts_what_check CHECK (((char_length(what) >= 1) AND (char_length(what) <= 2000)))
  CREATE INDEX partner_posts_live ON public.partner_posts USING btree (received_at) WHERE (withdrawn_at IS NULL)

table partner_threads
  id uuid not null default gen_random_uuid()
  partner_id uuid not null
  offer_id text not null
  post_id uuid
  partner_post_id uuid
  member_id uuid not null
  their_name text
  started_at timestamp with time zone not null default app_now()
  ended_at timestamp with time zone
  constraint partner_threads_check CHECK (((post_id IS NULL) <> (partner_post_id IS NULL)))
  constraint partner_threads_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint partner_threads_offer_id_check CHECK ((char_length(offer_id) <= 2000))
  constraint partner_threads_offer_id_key UNIQUE (offer_id)
  constraint partner_threads_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners(id) ON DELETE CASCADE
  constraint partner_threads_partner_post_id_fkey FOREIGN KEY (partner_post_id) REFERENCES partner_posts(id) ON DELETE CASCADE
  constraint partner_threads_pkey PRIMARY KEY (id)
  constraint partner_threads_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
  constraint partner_threads_their_name_check CHECK ((char_length(their_name) <= 60))
  CREATE INDEX partner_threads_member ON public.partner_threads USING btree (member_id)
  CREATE UNIQUE INDEX partner_threads_one_helper ON public.partner_threads USING btree (partner_post_id, member_id) WHERE (partner_post_id IS NOT NULL)
  CREATE INDEX partner_threads_post ON public.partner_threads USING btree (post_id) WHERE (post_id IS NOT NULL)
  CREATE TRIGGER partner_threads_forget_notifications AFTER DELETE ON public.partner_threads FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table partners
  id uuid not null default gen_random_uuid()
  actor_url text not null
  inbox_url text not null
  shared_inbox_url text
  name text not null
  we_agreed_at timestamp with time zone
  they_agreed_at timestamp with time zone
  their_follow_id text
  asked_at timestamp with time zone
  our_follow_id text
  accepted_follow_id text
  refused_at timestamp with time zone
  first_at timestamp with time zone not null default app_now()
  share_offers boolean not null default true
  share_needs boolean not null default true
  goodbye_owed boolean not null default false
  constraint partners_actor_url_check CHECK ((char_length(actor_url) <= 2000))
  constraint partners_actor_url_key UNIQUE (actor_url)
  constraint partners_inbox_url_check CHECK ((char_length(inbox_url) <= 2000))
  constraint partners_name_check CHECK (((char_length(name) >= 1) AND (char_length(name) <= 200)))
  constraint partners_our_follow_id_key UNIQUE (our_follow_id)
  constraint partners_pkey PRIMARY KEY (id)
  constraint partners_shared_inbox_url_check CHECK ((char_length(shared_inbox_url) <= 2000))
  constraint partners_their_follow_id_check CHECK ((char_length(their_follow_id) <= 2000))

table passkeys
  id text not null
  member_id uuid not null
  public_key bytea not null
  counter bigint not null default 0
  transports _text not null default '{}'::text[]
  created_at timestamp with time zone not null default app_now()
  last_used_at timestamp with time zone
  constraint passkeys_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint passkeys_pkey PRIMARY KEY (id)
  CREATE INDEX passkeys_member ON public.passkeys USING btree (member_id)

table pauses
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  asked_by uuid
  asked_at timestamp with time zone not null default app_now()
  reason text not null
  confirmed_by uuid
  starts_at timestamp with time zone
  ends_at timestamp with time zone
  lifted_at timestamp with time zone
  constraint pauses_asked_by_fkey FOREIGN KEY (asked_by) REFERENCES members(id) ON DELETE SET NULL
  constraint pauses_check CHECK (((asked_by IS DISTINCT FROM member_id) AND (confirmed_by IS DISTINCT FROM member_id)))
  constraint pauses_check1 CHECK (((confirmed_by IS NULL) OR (confirmed_by IS DISTINCT FROM asked_by)))
  constraint pauses_check2 CHECK ((((confirmed_by IS NULL) = (starts_at IS NULL)) AND ((starts_at IS NULL) = (ends_at IS NULL))))
  constraint pauses_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES members(id) ON DELETE SET NULL
  constraint pauses_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint pauses_pkey PRIMARY KEY (id)
  constraint pauses_reason_check CHECK ((reason = ANY (ARRAY['harassment'::text, 'spam'::text, 'danger'::text])))
  CREATE INDEX pauses_member ON public.pauses USING btree (member_id, asked_at DESC)
  CREATE UNIQUE INDEX pauses_one_live ON public.pauses USING btree (member_id) WHERE (lifted_at IS NULL)
  CREATE TRIGGER pauses_ask_not_paused BEFORE INSERT ON public.pauses FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('asked_by')
  CREATE TRIGGER pauses_confirm_not_paused BEFORE UPDATE OF confirmed_by ON public.pauses FOR EACH ROW WHEN ((new.confirmed_by IS DISTINCT FROM old.confirmed_by)) EXECUTE FUNCTION refuse_if_paused('confirmed_by')
  CREATE TRIGGER pauses_daily_limit BEFORE INSERT ON public.pauses FOR EACH ROW EXECUTE FUNCTION within_daily_limit('asked_by', 'asked_at', 'daily_flags', '20')

table place_asks
  id uuid not null default gen_random_uuid()
  place_id uuid not null
  asked_by uuid
  asked_at timestamp with time zone not null default app_now()
  what text not null default ''::text
  met_at timestamp with time zone
  met_by uuid
  constraint place_asks_asked_by_fkey FOREIGN KEY (asked_by) REFERENCES members(id) ON DELETE SET NULL
  constraint place_asks_met_by_fkey FOREIGN KEY (met_by) REFERENCES members(id) ON DELETE SET NULL
  constraint place_asks_pkey PRIMARY KEY (id)
  constraint place_asks_place_id_fkey FOREIGN KEY (place_id) REFERENCES places(id) ON DELETE CASCADE
  constraint place_asks_what_check CHECK ((char_length(what) <= 300))
  CREATE UNIQUE INDEX place_asks_one_open ON public.place_asks USING btree (place_id) WHERE (met_at IS NULL)
  CREATE TRIGGER place_asks_forget_notifications AFTER DELETE ON public.place_asks FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table place_reports
  id uuid not null default gen_random_uuid()
  place_id uuid not null
  member_id uuid
  made_at timestamp with time zone not null default app_now()
  food text
  clean boolean
  working boolean
  by_passerby boolean not null default false
  constraint place_reports_check CHECK (((food IS NOT NULL) OR (clean IS NOT NULL) OR (working IS NOT NULL)))
  constraint place_reports_food_check CHECK ((food = ANY (ARRAY['full'::text, 'some'::text, 'empty'::text])))
  constraint place_reports_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE SET NULL
  constraint place_reports_passerby CHECK (((NOT by_passerby) OR (member_id IS NULL)))
  constraint place_reports_pkey PRIMARY KEY (id)
  constraint place_reports_place_id_fkey FOREIGN KEY (place_id) REFERENCES places(id) ON DELETE CASCADE
  CREATE INDEX place_reports_place ON public.place_reports USING btree (place_id, made_at DESC)
  CREATE TRIGGER place_reports_daily_limit BEFORE INSERT ON public.place_reports FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'made_at', 'daily_comments', '50')
  CREATE TRIGGER place_reports_passerby BEFORE INSERT ON public.place_reports FOR EACH ROW EXECUTE FUNCTION place_reports_passerby_limit()

table place_stock
  id uuid not null default gen_random_uuid()
  place_id uuid not null
  item text not null
  change integer not null
  member_id uuid
  at timestamp with time zone not null default app_now()
  seq bigint not null default nextval('place_stock_seq_seq'::regclass)
  constraint place_stock_change_check CHECK (((change <> 0) AND ((change >= '-10000'::integer) AND (change <= 10000))))
  constraint place_stock_item_check CHECK (((char_length(item) >= 1) AND (char_length(item) <= 80)))
  constraint place_stock_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE SET NULL
  constraint place_stock_pkey PRIMARY KEY (id)
  constraint place_stock_place_id_fkey FOREIGN KEY (place_id) REFERENCES places(id) ON DELETE CASCADE
  CREATE INDEX place_stock_item ON public.place_stock USING btree (place_id, lower(item))
  CREATE TRIGGER place_stock_daily_limit BEFORE INSERT ON public.place_stock FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'at', 'daily_stock_lines', '500')
  CREATE TRIGGER place_stock_rules BEFORE INSERT ON public.place_stock FOR EACH ROW EXECUTE FUNCTION place_stock_counted()

table place_tenders
  place_id uuid not null
  member_id uuid not null
  since timestamp with time zone not null default app_now()
  constraint place_tenders_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint place_tenders_pkey PRIMARY KEY (place_id, member_id)
  constraint place_tenders_place_id_fkey FOREIGN KEY (place_id) REFERENCES places(id) ON DELETE CASCADE
  CREATE INDEX place_tenders_member ON public.place_tenders USING btree (member_id)

table places
  id uuid not null default gen_random_uuid()
  name text not null
  kind text not null
  area text not null
  about text not null default ''::text
  help text not null
  counted boolean not null default false
  added_by uuid not null
  added_at timestamp with time zone not null default app_now()
  retired_at timestamp with time zone
  constraint places_about_check CHECK ((char_length(about) <= 2000))
  constraint places_added_by_fkey FOREIGN KEY (added_by) REFERENCES members(id)
  constraint places_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint places_help_check CHECK (((char_length(help) >= 1) AND (char_length(help) <= 40)))
  constraint places_kind_check CHECK ((kind = ANY (ARRAY['fridge'::text, 'pantry'::text, 'free_store'::text])))
  constraint places_name_check CHECK (((char_length(name) >= 2) AND (char_length(name) <= 120)))
  constraint places_pkey PRIMARY KEY (id)
  CREATE TRIGGER places_daily_limit BEFORE INSERT ON public.places FOR EACH ROW EXECUTE FUNCTION within_daily_limit('added_by', 'added_at', 'daily_posts', '20')
  CREATE TRIGGER places_not_paused BEFORE INSERT ON public.places FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('added_by')

table posts
  id uuid not null default gen_random_uuid()
  kind text not null
  member_id uuid not null
  what text not null
  category text not null
  area text not null
  urgency text not null
  needed_by date
  available_until date
  capacity text
  status text not null default 'open'::text
  search_config regconfig not null default 'simple'::regconfig
  search tsvector generated always as to_tsvector(search_config, what)
  created_at timestamp with time zone not null default app_now()
  updated_at timestamp with time zone not null default app_now()
  closed_at timestamp with time zone
  hidden_at timestamp with time zone
  details_expired_at timestamp with time zone
  takes integer
  constraint posts_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint posts_capacity_check CHECK ((char_length(capacity) <= 100))
  constraint posts_category_check CHECK (((char_length(category) >= 1) AND (char_length(category) <= 40)))
  constraint posts_check CHECK ((((kind = 'need'::text) AND (status = ANY (ARRAY['open'::text, 'matched'::text, 'met'::text, 'withdrawn'::text, 'expired'::text]))) OR ((kind = 'offer'::text) AND (status = ANY (ARRAY['open'::text, 'closed'::text, 'withdrawn'::text])))))
  constraint posts_check1 CHECK (((kind = 'need'::text) OR (needed_by IS NULL)))
  constraint posts_check2 CHECK (((kind = 'offer'::text) OR ((available_until IS NULL) AND (capacity IS NULL))))
  constraint posts_kind_check CHECK ((kind = ANY (ARRAY['need'::text, 'offer'::text])))
  constraint posts_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint posts_pkey PRIMARY KEY (id)
  constraint posts_takes_check CHECK (((takes >= 1) AND (takes <= 50)))
  constraint posts_takes_offers CHECK (((kind = 'offer'::text) OR (takes IS NULL)))
  constraint posts_urgency_check CHECK ((urgency = ANY (ARRAY['urgent'::text, 'soon'::text, 'whenever'::text])))
  constraint posts_what_check CHECK (((char_length(what) >= 3) AND (char_length(what) <= 1000)))
  CREATE INDEX posts_board ON public.posts USING btree ((
CASE urgency
    WHEN 'urgent'::text THEN 0
    WHEN 'soon'::text THEN 1
    ELSE 2
END), created_at, id) WHERE (status = 'open'::text)
  CREATE INDEX posts_member ON public.posts USING btree (member_id)
  CREATE INDEX posts_open ON public.posts USING btree (kind, status, created_at DESC)
  CREATE INDEX posts_search ON public.posts USING gin (search)
  CREATE TRIGGER posts_daily_limit BEFORE INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'created_at', 'daily_posts', '20')
  CREATE TRIGGER posts_forget_notifications AFTER DELETE ON public.posts FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER posts_not_paused BEFORE INSERT ON public.posts FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table posts_shared
  post_id uuid not null
  partner_id uuid not null
  shared_at timestamp with time zone not null default app_now()
  withdrawn_at timestamp with time zone
  came_back boolean not null default false
  constraint posts_shared_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partners(id) ON DELETE CASCADE
  constraint posts_shared_pkey PRIMARY KEY (post_id, partner_id)
  constraint posts_shared_post_id_fkey FOREIGN KEY (post_id) REFERENCES posts(id) ON DELETE CASCADE
  CREATE INDEX posts_shared_live ON public.posts_shared USING btree (post_id) WHERE (withdrawn_at IS NULL)

table proposal_comments
  id uuid not null default gen_random_uuid()
  proposal_id uuid not null
  member_id uuid not null
  body text not null
  created_at timestamp with time zone not null default app_now()
  constraint proposal_comments_body_check CHECK (((char_length(body) >= 1) AND (char_length(body) <= 2000)))
  constraint proposal_comments_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint proposal_comments_pkey PRIMARY KEY (id)
  constraint proposal_comments_proposal_id_fkey FOREIGN KEY (proposal_id) REFERENCES proposals(id)
  CREATE INDEX proposal_comments_by ON public.proposal_comments USING btree (member_id, created_at)
  CREATE INDEX proposal_comments_of ON public.proposal_comments USING btree (proposal_id, created_at)
  CREATE TRIGGER proposal_comments_daily_limit BEFORE INSERT ON public.proposal_comments FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'created_at', 'daily_comments', '50')
  CREATE TRIGGER proposal_comments_guard BEFORE INSERT ON public.proposal_comments FOR EACH ROW EXECUTE FUNCTION proposal_comment_guard()
  CREATE TRIGGER proposal_comments_kept BEFORE DELETE OR UPDATE ON public.proposal_comments FOR EACH ROW EXECUTE FUNCTION refuse_change()

table proposals
  id uuid not null default gen_random_uuid()
  kind text not null default 'general'::text
  title text not null
  body text not null default ''::text
  process text not null
  options jsonb not null default '[]'::jsonb
  rules jsonb not null
  anonymous boolean not null default false
  action jsonb
  subject_member_id uuid
  subject_post_id uuid
  opened_by uuid
  opened_at timestamp with time zone not null default app_now()
  closes_at timestamp with time zone not null
  status text not null default 'open'::text
  outcome text
  result jsonb
  closed_at timestamp with time zone
  circle_id uuid
  seconded_by uuid
  seconded_at timestamp with time zone
  outcome_statement text
  outcome_statement_by uuid
  outcome_statement_at timestamp with time zone
  extensions smallint not null default 0
  constraint proposals_action_binding CHECK (((action IS NULL) OR (process = ANY (ARRAY['consent'::text, 'consensus'::text, 'majority'::text])) OR ((process = 'ranked'::text) AND ((action ->> 'type'::text) = 'circle_recipient'::text))))
  constraint proposals_action_check CHECK (((action IS NULL) OR (jsonb_typeof(action) = 'object'::text)))
  constraint proposals_body_check CHECK ((char_length(body) <= 4000))
  constraint proposals_check CHECK ((closes_at > opened_at))
  constraint proposals_check1 CHECK (((status = 'open'::text) = (closed_at IS NULL)))
  constraint proposals_check2 CHECK (((status = 'open'::text) = (outcome IS NULL)))
  constraint proposals_check3 CHECK (((status = 'open'::text) = (result IS NULL)))
  constraint proposals_check5 CHECK (((kind = 'agreement'::text) = (NOT ((action ->> 'type'::text) IS DISTINCT FROM 'set_agreement'::text))))
  constraint proposals_check6 CHECK (((kind = 'remove_member'::text) = (subject_member_id IS NOT NULL)))
  constraint proposals_check7 CHECK (((kind = 'remove_post'::text) = (subject_post_id IS NOT NULL)))
  constraint proposals_check8 CHECK (((kind <> ALL (ARRAY['remove_member'::text, 'remove_post'::text])) OR (process = 'consent'::text)))
  constraint proposals_circle CHECK (((kind = 'circle'::text) = (circle_id IS NOT NULL)))
  constraint proposals_circle_id_fkey FOREIGN KEY (circle_id) REFERENCES circles(id)
  constraint proposals_extension CHECK (((extensions = 0) OR (closes_at <= (opened_at + '28 days'::interval))))
  constraint proposals_extensions_check CHECK (((extensions >= 0) AND (extensions <= 2)))
  constraint proposals_kind_check CHECK ((kind = ANY (ARRAY['general'::text, 'agreement'::text, 'remove_member'::text, 'remove_post'::text, 'fund'::text, 'fund_request'::text, 'role'::text, 'circle'::text, 'listening'::text, 'partner'::text, 'import'::text])))
  constraint proposals_opened_by_fkey FOREIGN KEY (opened_by) REFERENCES members(id) ON DELETE SET NULL
  constraint proposals_options_check CHECK (((jsonb_typeof(options) = 'array'::text) AND (jsonb_array_length(options) <= 20)))
  constraint proposals_outcome_check CHECK ((outcome = ANY (ARRAY['passed'::text, 'failed'::text, 'no_quorum'::text, 'chosen'::text, 'tie'::text, 'advised'::text, 'no_votes'::text])))
  constraint proposals_outcome_statement_by_fkey FOREIGN KEY (outcome_statement_by) REFERENCES members(id)
  constraint proposals_outcome_statement_check CHECK (((char_length(outcome_statement) >= 1) AND (char_length(outcome_statement) <= 2000)))
  constraint proposals_pkey PRIMARY KEY (id)
  constraint proposals_process_check CHECK ((process = ANY (ARRAY['consent'::text, 'consensus'::text, 'majority'::text, 'ranked'::text, 'dot'::text, 'score'::text, 'time_poll'::text, 'advice'::text])))
  constraint proposals_rules_check CHECK ((jsonb_typeof(rules) = 'object'::text))
  constraint proposals_second CHECK ((((seconded_by IS NULL) = (seconded_at IS NULL)) AND ((seconded_at IS NULL) OR ((kind = 'remove_member'::text) AND (seconded_by IS DISTINCT FROM opened_by) AND (seconded_by IS DISTINCT FROM subject_member_id)))))
  constraint proposals_seconded_by_fkey FOREIGN KEY (seconded_by) REFERENCES members(id) ON DELETE SET NULL
  constraint proposals_statement CHECK ((((outcome_statement IS NULL) = (outcome_statement_at IS NULL)) AND ((outcome_statement_by IS NULL) OR (outcome_statement IS NOT NULL))))
  constraint proposals_status_check CHECK ((status = ANY (ARRAY['open'::text, 'closed'::text])))
  constraint proposals_subject_member_id_fkey FOREIGN KEY (subject_member_id) REFERENCES members(id)
  constraint proposals_subject_post_id_fkey FOREIGN KEY (subject_post_id) REFERENCES posts(id)
  constraint proposals_title_check CHECK (((char_length(title) >= 3) AND (char_length(title) <= 140)))
  CREATE UNIQUE INDEX proposals_one_open_deferral ON public.proposals USING btree (((action ->> 'round_id'::text)), ((action ->> 'member_id'::text))) WHERE ((status = 'open'::text) AND ((action ->> 'type'::text) = 'circle_defer'::text))
  CREATE UNIQUE INDEX proposals_one_open_write_off ON public.proposals USING btree (((action ->> 'expected_id'::text))) WHERE ((status = 'open'::text) AND ((action ->> 'type'::text) = 'write_off'::text))
  CREATE UNIQUE INDEX proposals_one_removal ON public.proposals USING btree (subject_member_id) WHERE (status = 'open'::text)
  CREATE UNIQUE INDEX proposals_one_review ON public.proposals USING btree (subject_post_id) WHERE (status = 'open'::text)
  CREATE INDEX proposals_open ON public.proposals USING btree (closes_at) WHERE (status = 'open'::text)
  CREATE INDEX proposals_opened ON public.proposals USING btree (opened_by, opened_at)
  CREATE INDEX proposals_recent ON public.proposals USING btree (opened_at DESC)
  CREATE TRIGGER proposals_daily_limit BEFORE INSERT ON public.proposals FOR EACH ROW EXECUTE FUNCTION within_daily_limit('opened_by', 'opened_at', 'daily_proposals', '5')
  CREATE TRIGGER proposals_forget_notifications AFTER DELETE ON public.proposals FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER proposals_guard BEFORE UPDATE ON public.proposals FOR EACH ROW EXECUTE FUNCTION proposal_guard()
  CREATE TRIGGER proposals_kept BEFORE DELETE ON public.proposals FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER proposals_not_paused BEFORE INSERT ON public.proposals FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('opened_by')
  CREATE TRIGGER proposals_second_not_paused BEFORE UPDATE OF seconded_by ON public.proposals FOR EACH ROW WHEN ((new.seconded_by IS DISTINCT FROM old.seconded_by)) EXECUTE FUNCTION refuse_if_paused('seconded_by')

table recovery_codes
  member_id uuid not null
  code_hash bytea not null
  created_at timestamp with time zone not null default app_now()
  constraint recovery_codes_code_hash_key UNIQUE (code_hash)
  constraint recovery_codes_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint recovery_codes_pkey PRIMARY KEY (member_id)

table removal_asks
  subject_member_id uuid not null
  asked_by uuid not null
  asked_at timestamp with time zone not null default app_now()
  constraint removal_asks_asked_by_fkey FOREIGN KEY (asked_by) REFERENCES members(id) ON DELETE CASCADE
  constraint removal_asks_pkey PRIMARY KEY (subject_member_id, asked_by)
  constraint removal_asks_subject_member_id_fkey FOREIGN KEY (subject_member_id) REFERENCES members(id) ON DELETE CASCADE
  CREATE TRIGGER removal_asks_not_paused BEFORE INSERT ON public.removal_asks FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('asked_by')

table removed_marks
  mark bytea not null
  marked_at timestamp with time zone not null default app_now()
  constraint removed_marks_pkey PRIMARY KEY (mark)

table role_handovers
  id uuid not null default gen_random_uuid()
  role text not null
  written_by uuid not null
  written_at timestamp with time zone not null
  note_enc bytea not null
  constraint role_handovers_pkey PRIMARY KEY (id)
  constraint role_handovers_role_fkey FOREIGN KEY (role) REFERENCES roles(name)
  constraint role_handovers_written_by_fkey FOREIGN KEY (written_by) REFERENCES members(id)
  CREATE INDEX role_handovers_role ON public.role_handovers USING btree (role, written_at DESC)
  CREATE TRIGGER role_handovers_guard BEFORE INSERT ON public.role_handovers FOR EACH ROW EXECUTE FUNCTION role_handover_guard()
  CREATE TRIGGER role_handovers_kept BEFORE DELETE OR UPDATE ON public.role_handovers FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER role_handovers_not_paused BEFORE INSERT ON public.role_handovers FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('written_by')

table role_terms
  id uuid not null default gen_random_uuid()
  role text not null
  member_id uuid not null
  starts_at timestamp with time zone not null
  ends_at timestamp with time zone not null
  ended_at timestamp with time zone
  decision_id uuid
  volunteered boolean not null default false
  reminded_at timestamp with time zone
  constraint role_terms_check CHECK ((ends_at > starts_at))
  constraint role_terms_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint role_terms_decision_id_key UNIQUE (decision_id)
  constraint role_terms_how CHECK ((volunteered = (decision_id IS NULL)))
  constraint role_terms_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint role_terms_pkey PRIMARY KEY (id)
  constraint role_terms_role_check CHECK ((role ~ '^[a-z_]{2,40}$'::text))
  constraint role_terms_role_defined FOREIGN KEY (role) REFERENCES roles(name)
  CREATE INDEX role_terms_role ON public.role_terms USING btree (role, ends_at)
  CREATE TRIGGER role_terms_guard BEFORE INSERT OR UPDATE ON public.role_terms FOR EACH ROW EXECUTE FUNCTION role_term_guard()
  CREATE TRIGGER role_terms_kept BEFORE DELETE ON public.role_terms FOR EACH ROW EXECUTE FUNCTION refuse_change()

table roles
  name text not null
  title text not null
  duties text not null default ''::text
  term_days integer not null
  seats integer not null
  terms_in_row integer not null
  volunteering boolean not null default false
  decision_id uuid
  defined_at timestamp with time zone not null default app_now()
  constraint roles_decision_id_fkey FOREIGN KEY (decision_id) REFERENCES proposals(id)
  constraint roles_duties_check CHECK ((char_length(duties) <= 2000))
  constraint roles_name_check CHECK ((name ~ '^[a-z][a-z0-9_]{1,39}$'::text))
  constraint roles_pkey PRIMARY KEY (name)
  constraint roles_seats_check CHECK (((seats >= 1) AND (seats <= 20)))
  constraint roles_term_days_check CHECK (((term_days >= 7) AND (term_days <= 366)))
  constraint roles_terms_in_row_check CHECK (((terms_in_row >= 1) AND (terms_in_row <= 20)))
  constraint roles_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 60)))
  CREATE TRIGGER roles_defined BEFORE INSERT OR UPDATE ON public.roles FOR EACH ROW EXECUTE FUNCTION role_defined()
  CREATE TRIGGER roles_forget_notifications AFTER DELETE ON public.roles FOR EACH ROW EXECUTE FUNCTION notifications_forget('name')
  CREATE TRIGGER roles_kept BEFORE DELETE ON public.roles FOR EACH ROW EXECUTE FUNCTION refuse_change()

table rota_signups
  id uuid not null default gen_random_uuid()
  slot_id uuid not null
  member_id uuid not null
  signed_at timestamp with time zone not null
  dropped_at timestamp with time zone
  swap_wanted_at timestamp with time zone
  taken_from uuid
  constraint rota_signups_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint rota_signups_pkey PRIMARY KEY (id)
  constraint rota_signups_slot_id_fkey FOREIGN KEY (slot_id) REFERENCES rota_slots(id)
  constraint rota_signups_taken_from_fkey FOREIGN KEY (taken_from) REFERENCES rota_signups(id)
  CREATE INDEX rota_signups_member ON public.rota_signups USING btree (member_id, slot_id) WHERE (dropped_at IS NULL)
  CREATE UNIQUE INDEX rota_signups_once ON public.rota_signups USING btree (slot_id, member_id) WHERE (dropped_at IS NULL)
  CREATE TRIGGER rota_signups_guard BEFORE INSERT OR UPDATE ON public.rota_signups FOR EACH ROW EXECUTE FUNCTION rota_signup_guard()
  CREATE TRIGGER rota_signups_kept BEFORE DELETE ON public.rota_signups FOR EACH ROW EXECUTE FUNCTION refuse_change()
  CREATE TRIGGER rota_signups_not_paused BEFORE INSERT ON public.rota_signups FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

table rota_slots
  id uuid not null default gen_random_uuid()
  rota_id uuid not null
  starts_at timestamp with time zone not null
  ends_at timestamp with time zone not null
  area text not null
  needed integer not null
  created_by uuid not null
  created_at timestamp with time zone not null
  asked_at timestamp with time zone
  constraint rota_slots_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint rota_slots_check CHECK (((ends_at > starts_at) AND (ends_at <= (starts_at + '7 days'::interval))))
  constraint rota_slots_created_by_fkey FOREIGN KEY (created_by) REFERENCES members(id)
  constraint rota_slots_needed_check CHECK (((needed >= 1) AND (needed <= 50)))
  constraint rota_slots_pkey PRIMARY KEY (id)
  constraint rota_slots_rota_id_fkey FOREIGN KEY (rota_id) REFERENCES rotas(id)
  CREATE INDEX rota_slots_rota ON public.rota_slots USING btree (rota_id, starts_at)
  CREATE INDEX rota_slots_when ON public.rota_slots USING btree (starts_at)
  CREATE TRIGGER rota_slots_forget_notifications AFTER DELETE ON public.rota_slots FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER rota_slots_not_paused BEFORE INSERT ON public.rota_slots FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('created_by')

table rotas
  id uuid not null default gen_random_uuid()
  title text not null
  category text not null
  about text not null default ''::text
  notice_hours integer not null default 48
  created_by uuid not null
  created_at timestamp with time zone not null
  constraint rotas_about_check CHECK ((char_length(about) <= 2000))
  constraint rotas_category_check CHECK (((char_length(category) >= 1) AND (char_length(category) <= 40)))
  constraint rotas_created_by_fkey FOREIGN KEY (created_by) REFERENCES members(id)
  constraint rotas_notice_hours_check CHECK (((notice_hours >= 1) AND (notice_hours <= 336)))
  constraint rotas_pkey PRIMARY KEY (id)
  constraint rotas_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 120)))
  CREATE TRIGGER rotas_not_paused BEFORE INSERT ON public.rotas FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('created_by')

table safety_log
  id bigint not null default nextval('safety_log_id_seq'::regclass)
  at timestamp with time zone not null default app_now()
  act text not null
  actor_ids _uuid not null default '{}'::uuid[]
  member_id uuid
  post_id uuid
  proposal_id uuid
  reason text
  constraint safety_log_act_check CHECK ((act = ANY (ARRAY['flag_post'::text, 'flag_message'::text, 'flag_member'::text, 'post_hidden'::text, 'post_restored'::text, 'post_removed'::text, 'pause_asked'::text, 'pause_started'::text, 'removal_opened'::text, 'member_removed'::text, 'member_stays'::text, 'removal_seconded'::text, 'removal_asked'::text])))
  constraint safety_log_pkey PRIMARY KEY (id)
  constraint safety_log_reason_check CHECK ((reason = ANY (ARRAY['harassment'::text, 'spam'::text, 'danger'::text])))
  CREATE TRIGGER safety_log_append_only BEFORE DELETE OR UPDATE ON public.safety_log FOR EACH ROW EXECUTE FUNCTION refuse_change()

table schema_migrations
  name text not null
  applied_at timestamp with time zone not null default now()
  constraint schema_migrations_pkey PRIMARY KEY (name)

table sessions
  token_hash bytea not null
  member_id uuid not null
  created_at timestamp with time zone not null default app_now()
  expires_at timestamp with time zone not null
  acting_id uuid
  constraint sessions_acting_id_fkey FOREIGN KEY (acting_id) REFERENCES acting_records(id) ON DELETE CASCADE
  constraint sessions_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint sessions_pkey PRIMARY KEY (token_hash)
  CREATE INDEX sessions_member ON public.sessions USING btree (member_id)
  CREATE TRIGGER sessions_after_slip_second BEFORE INSERT ON public.sessions FOR EACH ROW EXECUTE FUNCTION session_after_slip_second()

table sign_in_codes
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  made_by uuid not null
  needs_second boolean not null
  seconded_by uuid
  seconded_at timestamp with time zone
  code_hash bytea not null
  created_at timestamp with time zone not null default app_now()
  expires_at timestamp with time zone not null
  used_at timestamp with time zone
  ended_at timestamp with time zone
  constraint sign_in_codes_check CHECK ((made_by <> member_id))
  constraint sign_in_codes_check1 CHECK (((seconded_by IS NULL) = (seconded_at IS NULL)))
  constraint sign_in_codes_check2 CHECK (((seconded_by IS NULL) OR (needs_second AND (seconded_by <> member_id) AND (seconded_by <> made_by))))
  constraint sign_in_codes_check3 CHECK (((used_at IS NULL) OR (ended_at IS NULL)))
  constraint sign_in_codes_check4 CHECK (((expires_at > created_at) AND (expires_at <= (created_at + '01:00:00'::interval))))
  constraint sign_in_codes_code_hash_key UNIQUE (code_hash)
  constraint sign_in_codes_made_by_fkey FOREIGN KEY (made_by) REFERENCES members(id) ON DELETE CASCADE
  constraint sign_in_codes_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint sign_in_codes_pkey PRIMARY KEY (id)
  constraint sign_in_codes_seconded_by_fkey FOREIGN KEY (seconded_by) REFERENCES members(id) ON DELETE CASCADE
  CREATE INDEX sign_in_codes_made_by ON public.sign_in_codes USING btree (made_by, created_at)
  CREATE UNIQUE INDEX sign_in_codes_one_waiting ON public.sign_in_codes USING btree (member_id) WHERE ((used_at IS NULL) AND (ended_at IS NULL))
  CREATE TRIGGER sign_in_codes_daily_limit BEFORE INSERT ON public.sign_in_codes FOR EACH ROW EXECUTE FUNCTION within_daily_limit('made_by', 'created_at', 'daily_sign_in_codes', '5')
  CREATE TRIGGER sign_in_codes_not_paused BEFORE INSERT ON public.sign_in_codes FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('made_by')
  CREATE TRIGGER sign_in_codes_second_not_paused BEFORE UPDATE OF seconded_by ON public.sign_in_codes FOR EACH ROW WHEN ((new.seconded_by IS DISTINCT FROM old.seconded_by)) EXECUTE FUNCTION refuse_if_paused('seconded_by')
  CREATE TRIGGER sign_in_codes_use BEFORE UPDATE OF used_at ON public.sign_in_codes FOR EACH ROW WHEN ((new.used_at IS NOT NULL)) EXECUTE FUNCTION sign_in_code_use()

table sign_in_tokens
  token_hash bytea not null
  member_id uuid not null
  created_at timestamp with time zone not null default app_now()
  expires_at timestamp with time zone not null
  used_at timestamp with time zone
  constraint sign_in_tokens_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint sign_in_tokens_pkey PRIMARY KEY (token_hash)

table text_contacts
  id uuid not null default gen_random_uuid()
  number_enc bytea
  number_hash bytea not null
  member_id uuid
  language text not null
  step text
  draft jsonb not null default '{}'::jsonb
  stopped_at timestamp with time zone
  first_at timestamp with time zone not null default app_now()
  last_at timestamp with time zone not null default app_now()
  relayed_at timestamp with time zone not null default app_now()
  hour_at timestamp with time zone not null default app_now()
  texts_in integer not null default 0
  texts_out integer not null default 0
  constraint text_contacts_check CHECK (((stopped_at IS NULL) = (number_enc IS NOT NULL)))
  constraint text_contacts_draft_check CHECK (((jsonb_typeof(draft) = 'object'::text) AND (pg_column_size(draft) < 32000)))
  constraint text_contacts_language_check CHECK ((language ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$'::text))
  constraint text_contacts_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE SET NULL
  constraint text_contacts_member_id_key UNIQUE (member_id)
  constraint text_contacts_number_hash_key UNIQUE (number_hash)
  constraint text_contacts_pkey PRIMARY KEY (id)
  constraint text_contacts_step_check CHECK ((step = ANY (ARRAY['category'::text, 'area'::text, 'urgency'::text])))
  CREATE INDEX text_contacts_first ON public.text_contacts USING btree (first_at)
  CREATE INDEX text_contacts_member ON public.text_contacts USING btree (member_id) WHERE ((member_id IS NOT NULL) AND (stopped_at IS NULL))

table text_outbox
  id uuid not null default gen_random_uuid()
  contact_id uuid not null
  body_enc bytea not null
  queued_at timestamp with time zone not null default app_now()
  tries integer not null default 0
  next_at timestamp with time zone not null default app_now()
  constraint text_outbox_contact_id_fkey FOREIGN KEY (contact_id) REFERENCES text_contacts(id) ON DELETE CASCADE
  constraint text_outbox_pkey PRIMARY KEY (id)
  constraint text_outbox_tries_check CHECK (((tries >= 0) AND (tries <= 20)))
  CREATE INDEX text_outbox_due ON public.text_outbox USING btree (next_at)

table text_seen
  key_hash bytea not null
  seen_at timestamp with time zone not null default app_now()
  constraint text_seen_pkey PRIMARY KEY (key_hash)
  CREATE INDEX text_seen_at ON public.text_seen USING btree (seen_at)

table thing_holds
  id uuid not null default gen_random_uuid()
  thing_id uuid not null
  member_id uuid not null
  asked_at timestamp with time zone not null default app_now()
  seq bigint not null default nextval('thing_holds_seq_seq'::regclass)
  offered_until timestamp with time zone
  ended_at timestamp with time zone
  constraint thing_holds_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint thing_holds_pkey PRIMARY KEY (id)
  constraint thing_holds_thing_id_fkey FOREIGN KEY (thing_id) REFERENCES things(id) ON DELETE CASCADE
  CREATE INDEX thing_holds_line ON public.thing_holds USING btree (thing_id, asked_at, seq) WHERE (ended_at IS NULL)
  CREATE UNIQUE INDEX thing_holds_one_each ON public.thing_holds USING btree (thing_id, member_id) WHERE (ended_at IS NULL)
  CREATE TRIGGER thing_holds_forget_notifications AFTER DELETE ON public.thing_holds FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')

table thing_loans
  id uuid not null default gen_random_uuid()
  thing_id uuid not null
  member_id uuid not null
  out_at timestamp with time zone not null default app_now()
  due_at timestamp with time zone not null
  returned_at timestamp with time zone
  condition_out text not null
  condition_back text
  renewals integer not null default 0
  constraint thing_loans_check CHECK ((due_at > out_at))
  constraint thing_loans_check1 CHECK (((returned_at IS NULL) = (condition_back IS NULL)))
  constraint thing_loans_condition_back_check CHECK ((condition_back = ANY (ARRAY['good'::text, 'worn'::text, 'needs_repair'::text])))
  constraint thing_loans_condition_out_check CHECK ((condition_out = ANY (ARRAY['good'::text, 'worn'::text, 'needs_repair'::text])))
  constraint thing_loans_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint thing_loans_pkey PRIMARY KEY (id)
  constraint thing_loans_renewals_check CHECK (((renewals >= 0) AND (renewals <= 3)))
  constraint thing_loans_thing_id_fkey FOREIGN KEY (thing_id) REFERENCES things(id) ON DELETE CASCADE
  CREATE INDEX thing_loans_member ON public.thing_loans USING btree (member_id) WHERE (returned_at IS NULL)
  CREATE UNIQUE INDEX thing_loans_one_active ON public.thing_loans USING btree (thing_id) WHERE (returned_at IS NULL)
  CREATE TRIGGER thing_loans_forget_notifications AFTER DELETE ON public.thing_loans FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER thing_loans_rules BEFORE INSERT ON public.thing_loans FOR EACH ROW EXECUTE FUNCTION thing_loan_rules()

table thing_photos
  thing_id uuid not null
  body bytea not null
  width integer not null
  height integer not null
  set_by uuid not null
  set_at timestamp with time zone not null
  constraint thing_photos_body_check CHECK (((octet_length(body) >= 100) AND (octet_length(body) <= 1000000)))
  constraint thing_photos_height_check CHECK (((height >= 1) AND (height <= 800)))
  constraint thing_photos_pkey PRIMARY KEY (thing_id)
  constraint thing_photos_set_by_fkey FOREIGN KEY (set_by) REFERENCES members(id)
  constraint thing_photos_thing_id_fkey FOREIGN KEY (thing_id) REFERENCES things(id) ON DELETE CASCADE
  constraint thing_photos_width_check CHECK (((width >= 1) AND (width <= 800)))

table thing_reports
  id uuid not null default gen_random_uuid()
  thing_id uuid not null
  member_id uuid not null
  kind text not null
  note text not null default ''::text
  made_at timestamp with time zone not null default app_now()
  constraint thing_reports_kind_check CHECK ((kind = ANY (ARRAY['damaged'::text, 'lost'::text, 'missing_part'::text, 'other'::text])))
  constraint thing_reports_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id)
  constraint thing_reports_note_check CHECK ((char_length(note) <= 1000))
  constraint thing_reports_pkey PRIMARY KEY (id)
  constraint thing_reports_thing_id_fkey FOREIGN KEY (thing_id) REFERENCES things(id) ON DELETE CASCADE
  CREATE INDEX thing_reports_thing ON public.thing_reports USING btree (thing_id, made_at)
  CREATE TRIGGER thing_reports_daily_limit BEFORE INSERT ON public.thing_reports FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'made_at', 'daily_flags', '20')

table things
  id uuid not null default gen_random_uuid()
  title text not null
  about text not null default ''::text
  lent_by uuid
  added_by uuid not null
  added_at timestamp with time zone not null default app_now()
  area text not null
  condition text not null
  loan_days integer not null
  claim_hours integer not null default 48
  retired_at timestamp with time zone
  pickup_enc bytea
  constraint things_about_check CHECK ((char_length(about) <= 2000))
  constraint things_added_by_fkey FOREIGN KEY (added_by) REFERENCES members(id)
  constraint things_area_check CHECK (((char_length(area) >= 1) AND (char_length(area) <= 80)))
  constraint things_claim_hours_check CHECK (((claim_hours >= 1) AND (claim_hours <= 168)))
  constraint things_condition_check CHECK ((condition = ANY (ARRAY['good'::text, 'worn'::text, 'needs_repair'::text])))
  constraint things_lent_by_fkey FOREIGN KEY (lent_by) REFERENCES members(id)
  constraint things_loan_days_check CHECK (((loan_days >= 1) AND (loan_days <= 90)))
  constraint things_pkey PRIMARY KEY (id)
  constraint things_title_check CHECK (((char_length(title) >= 2) AND (char_length(title) <= 120)))
  CREATE INDEX things_added ON public.things USING btree (added_at DESC)
  CREATE TRIGGER things_daily_limit BEFORE INSERT ON public.things FOR EACH ROW EXECUTE FUNCTION within_daily_limit('added_by', 'added_at', 'daily_posts', '20')
  CREATE TRIGGER things_forget_notifications AFTER DELETE ON public.things FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER things_not_paused BEFORE INSERT ON public.things FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('added_by')

table time_records
  id uuid not null default gen_random_uuid()
  giver_id uuid not null
  receiver_id uuid not null
  from_commons boolean not null default false
  minutes integer not null
  what text not null default ''::text
  match_id uuid
  recorded_by uuid not null
  recorded_at timestamp with time zone not null default app_now()
  state text not null default 'waiting'::text
  answered_at timestamp with time zone
  confirmed_by uuid
  constraint time_records_check CHECK ((giver_id <> receiver_id))
  constraint time_records_check1 CHECK (((recorded_by = giver_id) OR (recorded_by = receiver_id)))
  constraint time_records_check2 CHECK (((state = 'waiting'::text) = (answered_at IS NULL)))
  constraint time_records_check3 CHECK (((confirmed_by IS NULL) OR ((state = 'confirmed'::text) AND ((confirmed_by = giver_id) OR (confirmed_by = receiver_id)) AND (confirmed_by <> recorded_by))))
  constraint time_records_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES members(id)
  constraint time_records_giver_id_fkey FOREIGN KEY (giver_id) REFERENCES members(id)
  constraint time_records_match_id_fkey FOREIGN KEY (match_id) REFERENCES matches(id) ON DELETE SET NULL
  constraint time_records_minutes_check CHECK (((minutes >= 1) AND (minutes <= 1440)))
  constraint time_records_pkey PRIMARY KEY (id)
  constraint time_records_receiver_id_fkey FOREIGN KEY (receiver_id) REFERENCES members(id)
  constraint time_records_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES members(id)
  constraint time_records_state_check CHECK ((state = ANY (ARRAY['waiting'::text, 'confirmed'::text, 'declined'::text, 'withdrawn'::text])))
  constraint time_records_what_check CHECK ((char_length(what) <= 300))
  CREATE INDEX time_records_giver ON public.time_records USING btree (giver_id, recorded_at DESC)
  CREATE INDEX time_records_receiver ON public.time_records USING btree (receiver_id, recorded_at DESC)
  CREATE INDEX time_records_waiting ON public.time_records USING btree (recorded_at) WHERE (state = 'waiting'::text)
  CREATE TRIGGER time_records_answered BEFORE UPDATE ON public.time_records FOR EACH ROW EXECUTE FUNCTION time_record_answered()
  CREATE TRIGGER time_records_daily_limit BEFORE INSERT ON public.time_records FOR EACH ROW EXECUTE FUNCTION within_daily_limit('recorded_by', 'recorded_at', 'daily_posts', '20')
  CREATE TRIGGER time_records_forget_notifications AFTER DELETE ON public.time_records FOR EACH ROW EXECUTE FUNCTION notifications_forget('id')
  CREATE TRIGGER time_records_not_paused BEFORE INSERT ON public.time_records FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('recorded_by')

table translations
  id uuid not null default gen_random_uuid()
  lang text not null
  key text not null
  text text not null
  proposed_by uuid not null
  proposed_at timestamp with time zone not null default app_now()
  approved_by uuid
  approved_at timestamp with time zone
  replaced_at timestamp with time zone
  constraint translations_approved_by_fkey FOREIGN KEY (approved_by) REFERENCES members(id)
  constraint translations_check CHECK (((approved_by IS NULL) = (approved_at IS NULL)))
  constraint translations_check1 CHECK ((approved_by IS DISTINCT FROM proposed_by))
  constraint translations_key_check CHECK (((char_length(key) >= 3) AND (char_length(key) <= 120)))
  constraint translations_lang_check CHECK ((lang ~ '^[a-z]{2,3}$'::text))
  constraint translations_pkey PRIMARY KEY (id)
  constraint translations_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES members(id)
  constraint translations_text_check CHECK (((char_length(text) >= 1) AND (char_length(text) <= 2000)))
  CREATE UNIQUE INDEX translations_in_force ON public.translations USING btree (lang, key) WHERE ((approved_at IS NOT NULL) AND (replaced_at IS NULL))
  CREATE UNIQUE INDEX translations_one_open ON public.translations USING btree (lang, key, proposed_by) WHERE ((approved_at IS NULL) AND (replaced_at IS NULL))
  CREATE INDEX translations_open ON public.translations USING btree (lang, proposed_at) WHERE ((approved_at IS NULL) AND (replaced_at IS NULL))
  CREATE TRIGGER translations_daily_limit BEFORE INSERT ON public.translations FOR EACH ROW EXECUTE FUNCTION within_daily_limit('proposed_by', 'proposed_at', 'daily_translations', '300')
  CREATE TRIGGER translations_not_paused BEFORE INSERT ON public.translations FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('proposed_by')

table webhook_deliveries
  id uuid not null default gen_random_uuid()
  webhook_id uuid not null
  event text not null
  subject uuid not null
  body text not null
  made_at timestamp with time zone not null default app_now()
  next_at timestamp with time zone not null default app_now()
  tries integer not null default 0
  delivered_at timestamp with time zone
  last_status integer
  constraint webhook_deliveries_body_check CHECK ((char_length(body) <= 16000))
  constraint webhook_deliveries_event_check CHECK ((event = ANY (ARRAY['post.created'::text, 'notification.created'::text])))
  constraint webhook_deliveries_pkey PRIMARY KEY (id)
  constraint webhook_deliveries_tries_check CHECK (((tries >= 0) AND (tries <= 12)))
  constraint webhook_deliveries_webhook_id_fkey FOREIGN KEY (webhook_id) REFERENCES webhooks(id) ON DELETE CASCADE
  CREATE INDEX webhook_deliveries_due ON public.webhook_deliveries USING btree (next_at) WHERE (delivered_at IS NULL)
  CREATE UNIQUE INDEX webhook_deliveries_once ON public.webhook_deliveries USING btree (webhook_id, event, subject)
  CREATE INDEX webhook_deliveries_webhook ON public.webhook_deliveries USING btree (webhook_id, made_at)

table webhooks
  id uuid not null default gen_random_uuid()
  member_id uuid not null
  url text not null
  secret_enc bytea not null
  events _text not null
  made_at timestamp with time zone not null default app_now()
  seen_until timestamp with time zone not null default app_now()
  failures integer not null default 0
  stopped_at timestamp with time zone
  constraint webhooks_events_check CHECK ((((cardinality(events) >= 1) AND (cardinality(events) <= 2)) AND (events <@ ARRAY['post.created'::text, 'notification.created'::text])))
  constraint webhooks_failures_check CHECK ((failures >= 0))
  constraint webhooks_member_id_fkey FOREIGN KEY (member_id) REFERENCES members(id) ON DELETE CASCADE
  constraint webhooks_pkey PRIMARY KEY (id)
  constraint webhooks_url_check CHECK ((((char_length(url) >= 8) AND (char_length(url) <= 2000)) AND (url ~ '^https?://'::text)))
  CREATE INDEX webhooks_member ON public.webhooks USING btree (member_id)
  CREATE TRIGGER webhooks_daily_limit BEFORE INSERT ON public.webhooks FOR EACH ROW EXECUTE FUNCTION within_daily_limit('member_id', 'made_at', 'daily_api_tokens', '10')
  CREATE TRIGGER webhooks_not_paused BEFORE INSERT ON public.webhooks FOR EACH ROW EXECUTE FUNCTION refuse_if_paused('member_id')

CREATE OR REPLACE FUNCTION public.agreement_adopted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  if new.adopted_by = 'founding' then
    if exists (select 1 from network_founding where founded_at is not null) then
      raise exception 'the founding agreements are made once' using errcode = 'KR010';
    end if;
    return new;
  end if;
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'set_agreement'
      or p.action->>'key' is distinct from new.key or p.action->'value' is distinct from new.value then
    raise exception 'an agreement changes only as a passed proposal says' using errcode = 'KR010';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.agreement_number(k text, fallback integer)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  select coalesce((select case when jsonb_typeof(value) = 'number' then (value #>> '{}')::integer end
    from agreements where key = k order by id desc limit 1), fallback)
$function$

CREATE OR REPLACE FUNCTION public.app_now()
 RETURNS timestamp with time zone
 LANGUAGE sql
 STABLE
AS $function$
  select coalesce(nullif(current_setting('kropotkin.now', true), '')::timestamptz, now())
$function$

CREATE OR REPLACE FUNCTION public.ballot_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = coalesce(new.proposal_id, old.proposal_id) for share;
  if p.status <> 'open' then
    raise exception 'voting on this proposal has closed' using errcode = 'KR013';
  end if;
  if tg_op <> 'DELETE' and p.subject_member_id = new.member_id then
    raise exception 'a member does not vote on their own removal' using errcode = 'KR014';
  end if;
  if tg_op <> 'DELETE' and exists (select 1 from members where id = new.member_id and removed_at is not null) then
    raise exception 'removed members do not vote' using errcode = 'KR014';
  end if;
  if tg_op <> 'DELETE' and p.circle_id is not null
      and not exists (select 1 from circle_members c where c.circle_id = p.circle_id and c.member_id = new.member_id) then
    raise exception 'a circle decides among its own members' using errcode = 'KR014';
  end if;
  return coalesce(new, old);
end $function$

CREATE OR REPLACE FUNCTION public.checkin_count_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.n <= old.n or (new.round_id, new.answer) is distinct from (old.round_id, old.answer) then
    raise exception 'a check-in count only grows by the answers added to it' using errcode = 'KR001';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.circle_member_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if tg_op = 'INSERT' and (select started_at from circles where id = new.circle_id) is not null then
    raise exception 'a circle takes members only before it starts' using errcode = 'KR021';
  end if;
  if tg_op = 'UPDATE' and ((new.circle_id, new.member_id, new.joined_at) is distinct from (old.circle_id, old.member_id, old.joined_at)
      or (select started_at from circles where id = new.circle_id) is not null) then
    raise exception 'the order is fixed once the circle starts' using errcode = 'KR021';
  end if;
  if tg_op = 'DELETE' and (select started_at from circles where id = old.circle_id) is not null then
    raise exception 'a member stays in a circle once it starts' using errcode = 'KR021';
  end if;
  return coalesce(new, old);
end $function$

CREATE OR REPLACE FUNCTION public.directory_messages_a_day()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  perform pg_advisory_xact_lock(hashtext('limit:directory_messages'));
  if (select count(*) from directory_messages where sent_at > app_now() - interval '24 hours') >= 30 then
    raise exception 'the directory''s daily limit is reached' using errcode = 'KR030';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.event_capacity()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  room integer;
  taken integer;
begin
  if new.place not in ('going', 'offered') then return new; end if;
  if tg_op = 'UPDATE' and old.place in ('going', 'offered') then return new; end if;
  select capacity into room from events where id = new.event_id for update;
  if room is null then return new; end if;
  select count(*) into taken from event_rsvps
    where event_id = new.event_id and occurrence = new.occurrence and place in ('going', 'offered') and id <> new.id;
  if taken >= room then
    raise exception 'the event is full' using errcode = 'KR034';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.fund_created()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  if new.kind = 'fund' then
    select * into p from proposals where id = new.decision_id;
    if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'create_fund'
        or p.action->>'name' is distinct from new.name then
      raise exception 'a fund is made only as a passed proposal says' using errcode = 'KR010';
    end if;
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.fund_expected_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if (new.fund_id, new.request_id, new.amount, new.currency, new.created_at) is distinct from
      (old.fund_id, old.request_id, old.amount, old.currency, old.created_at) or old.status <> 'expected' then
    raise exception 'an expected return closes once' using errcode = 'KR012';
  end if;
  if new.status = 'written_off' and not exists (select 1 from proposals p where p.id = new.decision_id and p.status = 'closed'
      and p.outcome = 'passed' and p.action->>'type' = 'write_off' and p.action->>'expected_id' = new.id::text) then
    raise exception 'only the members write off what is owed to a fund' using errcode = 'KR010';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.fund_floor(account uuid, cur text)
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$
  select case when (select kind from fund_accounts where id = account) in ('pot', 'fund', 'circle')
    then coalesce((select (r.rules->>'floor')::bigint from fund_rules r where r.fund_id = account and r.currency = cur
      order by r.id desc limit 1), 0) end
$function$

CREATE OR REPLACE FUNCTION public.fund_record_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  r fund_requests%rowtype;
  rd circle_rounds%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.kind in ('gift', 'payout', 'transfer', 'reversal', 'return') and not holds_role(new.recorded_by, 'treasurer', new.recorded_at) then
      raise exception 'only a treasurer records money moving' using errcode = 'KR017';
    end if;
    if new.kind = 'payout' then
      select * into r from fund_requests where id = new.request_id for update;
      if r.status is distinct from 'approved' or r.amount <> new.amount or r.fund_id <> new.fund_id or r.currency <> new.currency
          or r.member_id = new.recorded_by then
        raise exception 'a payout pays an approved request, as approved, to someone else' using errcode = 'KR018';
      end if;
    end if;
    if new.kind in ('circle_payment', 'circle_payout') then
      select * into rd from circle_rounds where id = new.round_id;
      if not exists (select 1 from circles c join circle_members m on m.circle_id = c.id
          where c.id = rd.circle_id and c.account_id = new.fund_id and c.started_at is not null and m.member_id = new.member_id) then
        raise exception 'circle money moves between a started circle and its own members' using errcode = 'KR022';
      end if;
      if new.kind = 'circle_payout' and rd.recipient_id is distinct from new.member_id then
        raise exception 'a round pays its own recipient' using errcode = 'KR022';
      end if;
    end if;
    return new;
  end if;
  if (new.kind, new.fund_id, new.to_fund_id, new.amount, new.currency, new.member_id, new.named, new.request_id, new.reverses,
      new.memo, new.recorded_by, new.recorded_at, new.confirm_by, new.round_id, new.expected_id)
      is distinct from (old.kind, old.fund_id, old.to_fund_id, old.amount, old.currency, old.member_id, old.named, old.request_id,
      old.reverses, old.memo, old.recorded_by, old.recorded_at, old.confirm_by, old.round_id, old.expected_id)
      or old.confirm_by = 'none' or old.confirmed_at is not null or old.withdrawn_at is not null then
    raise exception 'a record is confirmed or withdrawn once, and never edited' using errcode = 'KR012';
  end if;
  if new.confirmed_by is not null then
    if exists (select 1 from members where id = new.confirmed_by and removed_at is not null) then
      raise exception 'removed members confirm nothing' using errcode = 'KR017';
    end if;
    if new.confirm_by = 'treasurer' and not holds_role(new.confirmed_by, 'treasurer', new.confirmed_at) then
      raise exception 'a treasurer confirms that a contribution arrived' using errcode = 'KR017';
    end if;
    if new.confirm_by = 'second' and (new.confirmed_by = new.member_id
        or new.confirmed_by = (select q.member_id from fund_requests q where q.id = new.request_id)
        -- Undoing a payout: the member it paid is no second member for that either.
        or exists (select 1 from ledger_entries e join fund_records o on o.id = e.record_id
          left join fund_requests oq on oq.id = o.request_id
          where e.id = new.reverses and new.confirmed_by in (o.member_id, oq.member_id))) then
      raise exception 'the second member is someone other than the one paid' using errcode = 'KR019';
    end if;
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.fund_request_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if (new.member_id, new.fund_id, new.amount, new.currency, new.asked_at, new.proposal_id)
      is distinct from (old.member_id, old.fund_id, old.amount, old.currency, old.asked_at, old.proposal_id)
      and not (old.proposal_id is null and new.proposal_id is not null
        and (new.member_id, new.fund_id, new.amount, new.currency, new.asked_at)
          is not distinct from (old.member_id, old.fund_id, old.amount, old.currency, old.asked_at)) then
    raise exception 'a request is not edited once made' using errcode = 'KR012';
  end if;
  -- Beyond the standing rules (checked when the request is made), only a closed proposal approves or declines.
  if old.status = 'proposed' and new.status in ('approved', 'declined') and not exists (select 1 from proposals p
      where p.id = new.proposal_id and p.status = 'closed' and p.action->>'request_id' = new.id::text
        and (p.outcome = 'passed') = (new.status = 'approved')) then
    raise exception 'a request beyond the standing rules is decided by the members' using errcode = 'KR010';
  end if;
  if new.approved_how is distinct from old.approved_how and not (old.status = 'proposed' and new.approved_how = 'decision') then
    raise exception 'a request is approved once' using errcode = 'KR012';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.fund_rules_adopted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed'
      or p.action->'rules' is distinct from new.rules or p.action->>'currency' is distinct from new.currency
      or not ((p.action->>'type' = 'set_fund_rules' and p.action->>'fund_id' = new.fund_id::text)
        or (p.action->>'type' = 'create_fund' and exists (select 1 from fund_accounts f where f.id = new.fund_id and f.decision_id = p.id))) then
    raise exception 'fund rules change only as a passed proposal says' using errcode = 'KR010';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.holds_role(who uuid, which text, at_time timestamp with time zone)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  select exists (select 1 from role_terms r join members m on m.id = r.member_id
    where r.member_id = who and r.role = which and r.starts_at <= at_time and at_time < r.ends_at
      and (r.ended_at is null or at_time < r.ended_at) and m.removed_at is null)
$function$

CREATE OR REPLACE FUNCTION public.ledger_entry_balanced()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  e ledger_entries%rowtype;
begin
  select * into e from ledger_entries where id = new.entry_id;
  if (select count(*) from ledger_lines where entry_id = e.id) < 2 then
    raise exception 'an entry has at least two lines' using errcode = 'KR020';
  end if;
  if exists (select 1 from ledger_lines where entry_id = e.id group by currency having sum(amount) <> 0) then
    raise exception 'an entry balances in each currency' using errcode = 'KR020';
  end if;
  if e.reverses is not null and (
      exists (select account_id, currency, -amount from ledger_lines where entry_id = e.reverses
        except select account_id, currency, amount from ledger_lines where entry_id = e.id)
      or exists (select account_id, currency, amount from ledger_lines where entry_id = e.id
        except select account_id, currency, -amount from ledger_lines where entry_id = e.reverses)) then
    raise exception 'a reversal is exactly the opposite of its entry' using errcode = 'KR020';
  end if;
  return null;
end $function$

CREATE OR REPLACE FUNCTION public.ledger_entry_has_lines()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if (select count(*) from ledger_lines where entry_id = new.id) < 2 then
    raise exception 'an entry has at least two lines' using errcode = 'KR020';
  end if;
  return null;
end $function$

CREATE OR REPLACE FUNCTION public.ledger_entry_written()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  rec fund_records%rowtype;
begin
  new.written_in := txid_current();
  if new.record_id is not null then
    select * into rec from fund_records where id = new.record_id;
    if rec.withdrawn_at is not null or (rec.confirm_by <> 'none' and rec.confirmed_by is null) then
      raise exception 'this record waits for a second member' using errcode = 'KR019';
    end if;
  end if;
  if new.reverses is not null and exists (select 1 from ledger_entries e where e.id = new.reverses and e.kind = 'reversal') then
    raise exception 'a reversal is not itself reversed; record the movement again' using errcode = 'KR012';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.ledger_hours_confirmed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.time_record_id is not null
      and (select state from time_records where id = new.time_record_id) is distinct from 'confirmed' then
    raise exception 'hours are entered only once the record is confirmed' using errcode = 'KR019';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.ledger_line_applied()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  entry_tx bigint;
  now_balance bigint;
  lowest bigint;
  account_kind text;
begin
  select written_in into entry_tx from ledger_entries where id = new.entry_id;
  if entry_tx is distinct from txid_current() then
    raise exception 'lines are written with their entry, never added later' using errcode = 'KR001';
  end if;
  insert into fund_balances as b (account_id, currency, balance) values (new.account_id, new.currency, new.amount)
    on conflict (account_id, currency) do update set balance = b.balance + excluded.balance
    returning balance into now_balance;
  if new.currency = 'HRS' then
    select kind into account_kind from fund_accounts where id = new.account_id;
    -- Only a line that moves a balance away from zero past its limit is refused: coming back is always allowed.
    if account_kind = 'member' and ((new.amount < 0 and now_balance < -agreement_number('time_lowest', 20) * 60)
        or (new.amount > 0 and now_balance > agreement_number('time_highest', 40) * 60)) then
      raise exception 'this would take a balance in hours past its agreed limit' using errcode = 'KR038';
    end if;
    if account_kind = 'commons' and new.amount < 0
        and now_balance < -agreement_number('time_commons_lowest', 200) * 60 then
      raise exception 'this would take the commons past its agreed limit' using errcode = 'KR038';
    end if;
    if account_kind not in ('member', 'commons') then
      raise exception 'hours move only between members and the commons' using errcode = 'KR020';
    end if;
  elsif new.amount < 0 then
    lowest := fund_floor(new.account_id, new.currency);
    if lowest is not null and now_balance < lowest then
      raise exception 'this would take the fund below its floor' using errcode = 'KR016';
    end if;
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.match_actor(m matches)
 RETURNS uuid
 LANGUAGE sql
 IMMUTABLE
AS $function$
  select coalesce(m.dispatched_by, case when m.need_id is not null then m.helper_id else m.asker_id end)
$function$

CREATE OR REPLACE FUNCTION public.match_holds_need()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  found_post posts%rowtype;
begin
  if tg_op = 'INSERT' then
    if new.need_id is not null then
      update posts set status = 'matched', updated_at = app_now()
        where id = new.need_id and kind = 'need' and status = 'open' returning * into found_post;
      if not found then
        raise exception 'need % is not open', new.need_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.asker_id or found_post.member_id = new.helper_id then
        raise exception 'a match joins the member who asked and another member' using errcode = 'KR003';
      end if;
    else
      select * into found_post from posts where id = new.offer_id and kind = 'offer' and status = 'open' for update;
      if not found then
        raise exception 'offer % is not open', new.offer_id using errcode = 'KR002';
      end if;
      if found_post.member_id <> new.helper_id or found_post.member_id = new.asker_id then
        raise exception 'a match joins the member who offered and another member' using errcode = 'KR003';
      end if;
    end if;
    return new;
  end if;
  if old.status <> 'active' and new.status is distinct from old.status then
    raise exception 'a match that has ended stays ended' using errcode = 'KR004';
  end if;
  if new.need_id is not null and new.status <> old.status then
    update posts set status = case new.status when 'met' then 'met' else 'open' end,
      updated_at = coalesce(new.ended_at, app_now()), closed_at = case new.status when 'met' then coalesce(new.ended_at, app_now()) else null end
      where id = new.need_id and status = 'matched';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.match_via_offer()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  o posts%rowtype;
  taken integer;
begin
  select * into o from posts where id = new.via_offer_id for update;
  if not found or o.kind <> 'offer' or o.status <> 'open' then
    raise exception 'the offer is not open' using errcode = 'KR028';
  end if;
  if o.member_id <> new.helper_id then
    raise exception 'the helper is the member who offered' using errcode = 'KR003';
  end if;
  select count(*) into taken from matches m where m.status = 'active' and (m.offer_id = o.id or m.via_offer_id = o.id);
  if taken >= coalesce(o.takes, 1) then
    raise exception 'this offer has taken all it can' using errcode = 'KR028';
  end if;
  if new.dispatched_by is not null and not holds_role(new.dispatched_by, 'dispatcher', new.created_at) then
    raise exception 'needs are sent only by a dispatcher' using errcode = 'KR029';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.matches_within_daily_limit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  who uuid := match_actor(new);
  taken integer;
begin
  if new.dispatched_by is not null then return new; end if; -- a dispatcher's sending is the crisis plan, not a claim
  perform pg_advisory_xact_lock(hashtext('limit:matches'), hashtext(who::text));
  select count(*) into taken from matches m where m.dispatched_by is null and match_actor(m) = who
    and m.created_at > app_now() - interval '24 hours';
  if taken >= agreement_number('daily_claims', 15) then
    raise exception 'the daily limit daily_claims is reached' using errcode = 'KR030';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.member_paused(who uuid)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
  select exists (select 1 from pauses p where p.member_id = who and p.starts_at is not null and p.lifted_at is null
    and (p.ends_at > app_now() or exists (select 1 from proposals r
      where r.subject_member_id = who and r.status = 'open' and r.seconded_at is not null)))
$function$

CREATE OR REPLACE FUNCTION public.network_state_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  update network_state set version = greatest(nextval('network_state_version'), version + 1);
  return null;
end $function$

CREATE OR REPLACE FUNCTION public.notifications_forget()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  delete from notifications where subject = to_jsonb(old) ->> tg_argv[0];
  return old;
end $function$

CREATE OR REPLACE FUNCTION public.order_want_rules()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  o orders%rowtype;
  step integer;
begin
  select * into o from orders where id = coalesce(new.order_id, old.order_id);
  if tg_op = 'UPDATE' and new.least_milli = old.least_milli and new.most_milli = old.most_milli
      and new.pickup = old.pickup then
    return new; -- what closing and pickup write
  end if;
  if o.closed_at is not null or o.cancelled_at is not null or app_now() >= o.deadline then
    raise exception 'the order is closed' using errcode = 'KR040';
  end if;
  if tg_op = 'DELETE' then
    if app_now() >= o.fill_from then
      raise exception 'in the fill phase a want only grows' using errcode = 'KR041';
    end if;
    return old;
  end if;
  select step_milli into step from order_items where id = new.item_id and order_id = new.order_id;
  if step is null or new.least_milli % step <> 0 or new.most_milli % step <> 0 then
    raise exception 'a want is in whole steps of its item' using errcode = '23514';
  end if;
  if not new.pickup = any (o.pickup_points) then
    raise exception 'not a pickup point of this order' using errcode = '23514';
  end if;
  if tg_op = 'UPDATE' and app_now() >= o.fill_from and (new.most_milli < old.most_milli or new.least_milli < old.least_milli) then
    raise exception 'in the fill phase a want only grows' using errcode = 'KR041';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.place_reports_passerby_limit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if new.by_passerby then
    perform pg_advisory_xact_lock(hashtext('passerby'), hashtext(new.place_id::text));
    if (select count(*) from place_reports where place_id = new.place_id and by_passerby
        and made_at > app_now() - interval '1 hour') >= 6 then
      raise exception 'enough reports from passers-by for now' using errcode = 'KR042';
    end if;
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.place_stock_counted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  held bigint;
begin
  if not (select counted from places where id = new.place_id) then
    raise exception 'this place keeps no counts' using errcode = 'KR037';
  end if;
  perform pg_advisory_xact_lock(hashtext('stock:' || new.place_id::text), hashtext(lower(new.item)));
  select coalesce(sum(change), 0) into held from place_stock where place_id = new.place_id and lower(item) = lower(new.item);
  if held + new.change < 0 then
    raise exception 'more would go out than came in' using errcode = 'KR037';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.proposal_comment_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.proposal_id for share;
  if p.status <> 'open' then
    raise exception 'the discussion of this proposal has closed' using errcode = 'KR013';
  end if;
  if p.circle_id is not null and not exists (
      select 1 from circle_members where circle_id = p.circle_id and member_id = new.member_id) then
    raise exception 'only the circle talks over its own decisions' using errcode = 'KR003';
  end if;
  if exists (select 1 from members where id = new.member_id and removed_at is not null)
      or (member_paused(new.member_id) and new.member_id is distinct from p.subject_member_id) then
    raise exception 'this member may not post right now' using errcode = 'KR015';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.proposal_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if old.anonymous and not new.anonymous then
    raise exception 'anonymous ballots stay anonymous' using errcode = 'KR011';
  end if;
  if old.status = 'closed' and (new.status, new.outcome, new.result, new.closed_at, new.anonymous)
      is distinct from (old.status, old.outcome, old.result, old.closed_at, old.anonymous) then
    raise exception 'a closed proposal stays as it closed' using errcode = 'KR012';
  end if;
  if (new.kind, new.title, new.body, new.process, new.options, new.rules, new.action, new.subject_member_id,
      new.subject_post_id, new.opened_at)
      is distinct from (old.kind, old.title, old.body, old.process, old.options, old.rules, old.action,
      old.subject_member_id, old.subject_post_id, old.opened_at) then
    raise exception 'a proposal is not edited once opened' using errcode = 'KR012';
  end if;
  if (new.closes_at, new.extensions) is distinct from (old.closes_at, old.extensions)
      and (old.status <> 'open' or new.status <> 'open' or old.closes_at <= app_now()
        or new.closes_at <= old.closes_at or new.extensions <> old.extensions + 1) then
    raise exception 'a proposal is extended only forward, while open' using errcode = 'KR012';
  end if;
  if (new.outcome_statement, new.outcome_statement_by, new.outcome_statement_at)
      is distinct from (old.outcome_statement, old.outcome_statement_by, old.outcome_statement_at)
      and (old.outcome_statement is not null or new.status <> 'closed'
        or (old.opened_by is not null and new.outcome_statement_by is distinct from old.opened_by)) then
    raise exception 'an outcome statement is written once, after closing, by the opener' using errcode = 'KR012';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  raise exception '% rows are never changed or deleted', tg_table_name using errcode = 'KR001';
end $function$

CREATE OR REPLACE FUNCTION public.refuse_direct_balance()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if pg_trigger_depth() < 2 then
    raise exception 'balances follow the ledger and are never written directly' using errcode = 'KR001';
  end if;
  return coalesce(new, old);
end $function$

CREATE OR REPLACE FUNCTION public.refuse_if_paused()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  who uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
begin
  if member_paused(who) or exists (select 1 from members where id = who and removed_at is not null) then
    raise exception 'this member may not post right now' using errcode = 'KR015';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.refuse_paused_match()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if member_paused(match_actor(new)) or member_paused(new.helper_id)
      or exists (select 1 from members where id in (match_actor(new), new.helper_id) and removed_at is not null) then
    raise exception 'this member may not act for others right now' using errcode = 'KR015';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.role_defined()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
begin
  select * into p from proposals where id = new.decision_id;
  if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'define_role'
      or p.action->>'name' is distinct from new.name then
    raise exception 'a role is defined only as a passed proposal says' using errcode = 'KR010';
  end if;
  if tg_op = 'UPDATE' and new.name is distinct from old.name then
    raise exception 'a role keeps its name' using errcode = 'KR010';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.role_handover_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if not exists (select 1 from role_terms t where t.member_id = new.written_by and t.role = new.role
      and t.starts_at <= new.written_at
      and least(t.ends_at, coalesce(t.ended_at, t.ends_at)) > new.written_at - interval '30 days') then
    raise exception 'a handover note is written by a holder of the role' using errcode = 'KR027';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.role_seats_taken(which text, at_time timestamp with time zone)
 RETURNS integer
 LANGUAGE sql
 STABLE
AS $function$
  select count(*)::integer from role_terms t join members m on m.id = t.member_id
    where t.role = which and t.starts_at <= at_time and at_time < least(t.ends_at, coalesce(t.ended_at, t.ends_at))
      and m.removed_at is null
$function$

CREATE OR REPLACE FUNCTION public.role_term_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  p proposals%rowtype;
  r roles%rowtype;
begin
  if tg_op = 'UPDATE' then
    if (new.role, new.member_id, new.starts_at, new.ends_at, new.decision_id, new.volunteered)
          is distinct from (old.role, old.member_id, old.starts_at, old.ends_at, old.decision_id, old.volunteered)
        or (old.ended_at is not null and new.ended_at is distinct from old.ended_at)
        or (old.reminded_at is not null and new.reminded_at is distinct from old.reminded_at) then
      raise exception 'a term only ends early, once' using errcode = 'KR001';
    end if;
    return new;
  end if;
  -- One role's terms are decided one at a time, so two fills cannot both take the last seat.
  select * into r from roles where name = new.role for update;
  if new.volunteered then
    if not r.volunteering then
      raise exception 'this role is filled by decision' using errcode = 'KR023';
    end if;
  else
    select * into p from proposals where id = new.decision_id;
    if p.status is distinct from 'closed' or p.outcome is distinct from 'passed' or p.action->>'type' is distinct from 'fill_role'
        or p.action->>'role' is distinct from new.role or p.action->>'member_id' is distinct from new.member_id::text then
      raise exception 'a role is filled only as a passed proposal says' using errcode = 'KR010';
    end if;
  end if;
  if role_seats_taken(new.role, new.starts_at) >= r.seats then
    raise exception 'every seat of this role is taken then' using errcode = 'KR024';
  end if;
  if role_terms_in_row(new.member_id, new.role, new.starts_at) >= r.terms_in_row
      and (new.volunteered or p.action->>'beyond_rotation' is distinct from 'true') then
    raise exception 'that would be more terms in a row than the role allows' using errcode = 'KR025';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.role_terms_in_row(who uuid, which text, at_time timestamp with time zone)
 RETURNS integer
 LANGUAGE plpgsql
 STABLE
AS $function$
declare
  n integer := 0;
  edge timestamptz := at_time;
  gap interval;
  t record;
begin
  select make_interval(days => term_days) into gap from roles where name = which;
  for t in select starts_at, least(ends_at, coalesce(ended_at, ends_at)) as ended from role_terms
      where member_id = who and role = which and starts_at < at_time order by starts_at desc loop
    exit when t.ended < edge - gap;
    n := n + 1;
    edge := t.starts_at;
  end loop;
  return n;
end $function$

CREATE OR REPLACE FUNCTION public.rota_signup_guard()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  s rota_slots%rowtype;
begin
  if tg_op = 'UPDATE' then
    if (new.slot_id, new.member_id, new.signed_at, new.taken_from) is distinct from (old.slot_id, old.member_id, old.signed_at, old.taken_from)
        or (old.dropped_at is not null and (new.dropped_at, new.swap_wanted_at) is distinct from (old.dropped_at, old.swap_wanted_at)) then
      raise exception 'a place is only dropped or offered for a swap' using errcode = 'KR001';
    end if;
    return new;
  end if;
  -- Sign-ups for one slot are taken one at a time, so a slot never has more people than it needs.
  select * into s from rota_slots where id = new.slot_id for update;
  if s.starts_at <= new.signed_at then
    raise exception 'this slot has started' using errcode = 'KR026';
  end if;
  if (select count(*) from rota_signups where slot_id = new.slot_id and dropped_at is null) >= s.needed then
    raise exception 'this slot has everyone it needs' using errcode = 'KR026';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.session_after_slip_second()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if exists (select 1 from member_slips s where s.member_id = new.member_id and s.needs_second and s.seconded_at is null)
  then
    raise exception 'this slip waits for a second member' using errcode = 'KR033';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.sign_in_code_use()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
begin
  if old.used_at is not null or old.ended_at is not null or old.expires_at <= app_now() then
    raise exception 'this sign-in code is spent or expired' using errcode = 'KR031';
  end if;
  if old.needs_second and old.seconded_at is null then
    raise exception 'this sign-in code waits for a second member' using errcode = 'KR032';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.thing_loan_rules()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  taken integer;
begin
  perform pg_advisory_xact_lock(hashtext('loans'), hashtext(new.member_id::text));
  select count(*) into taken from thing_loans where member_id = new.member_id and returned_at is null;
  if taken >= agreement_number('loans_at_once', 3) then
    raise exception 'the member has as many things as agreed' using errcode = 'KR035';
  end if;
  if exists (select 1 from thing_holds where thing_id = new.thing_id and ended_at is null
      and offered_until > app_now() and member_id <> new.member_id) then
    raise exception 'the thing is offered to the next in line' using errcode = 'KR036';
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.time_record_answered()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  taken bigint;
begin
  if old.state <> 'waiting' then
    raise exception 'this record was answered already' using errcode = 'KR001';
  end if;
  if new.giver_id <> old.giver_id or new.receiver_id <> old.receiver_id or new.minutes <> old.minutes
      or new.from_commons <> old.from_commons or new.recorded_by <> old.recorded_by then
    raise exception 'a record is answered, never changed' using errcode = 'KR001';
  end if;
  if new.state = 'confirmed' and new.from_commons then
    perform pg_advisory_xact_lock(hashtext('commons'), hashtext(new.receiver_id::text));
    select coalesce(sum(minutes), 0) into taken from time_records
      where receiver_id = new.receiver_id and from_commons and state = 'confirmed'
        and answered_at > app_now() - interval '30 days';
    if taken + new.minutes > agreement_number('time_commons_month', 10) * 60 then
      raise exception 'the commons gives one member no more than agreed in 30 days' using errcode = 'KR039';
    end if;
  end if;
  return new;
end $function$

CREATE OR REPLACE FUNCTION public.within_daily_limit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
declare
  who uuid := (to_jsonb(new) ->> tg_argv[0])::uuid;
  taken integer;
begin
  if who is null then return new; end if;
  perform pg_advisory_xact_lock(hashtext('limit:' || tg_table_name), hashtext(who::text));
  execute format('select count(*) from %I where %I = $1 and %I > $2', tg_table_name, tg_argv[0], tg_argv[1])
    into taken using who, app_now() - interval '24 hours';
  if taken >= agreement_number(tg_argv[2], tg_argv[3]::integer) then
    raise exception 'the daily limit % is reached', tg_argv[2] using errcode = 'KR030';
  end if;
  return new;
end $function$
