// Table types for Kysely, written to match the migrations; tests/system/schema.test.ts checks them against the database.
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string | null | undefined, string | null>;

export type PostKind = 'need' | 'offer';
export type NeedStatus = 'open' | 'matched' | 'met' | 'withdrawn' | 'expired';
export type OfferStatus = 'open' | 'closed' | 'withdrawn';
export type PostStatus = NeedStatus | OfferStatus;
export type Urgency = 'urgent' | 'soon' | 'whenever';
export type MatchStatus = 'active' | 'released' | 'met';
export type ProposalKind =
  | 'general'
  | 'agreement'
  | 'remove_member'
  | 'remove_post'
  | 'fund'
  | 'fund_request'
  | 'role'
  | 'circle'
  | 'listening'
  | 'partner'
  | 'import';
export type AccountKind = 'pot' | 'fund' | 'outside' | 'circle' | 'member' | 'commons';
export type RequestStatus = 'proposed' | 'approved' | 'declined' | 'paid' | 'withdrawn';
export type RecordKind =
  'contribution' | 'gift' | 'payout' | 'transfer' | 'reversal' | 'return' | 'circle_payment' | 'circle_payout';
export type EntryKind = RecordKind | 'hours';
export type OrderRule = 'lottery' | 'agreed' | 'each_round';
export type CheckinAnswer = 'well' | 'okay' | 'stretched' | 'struggling';
export type ConfirmBy = 'none' | 'treasurer' | 'second';
export type SafetyReason = 'harassment' | 'spam' | 'danger';
export type SafetyAct =
  | 'flag_post'
  | 'flag_message'
  | 'flag_member'
  | 'post_hidden'
  | 'post_restored'
  | 'post_removed'
  | 'pause_asked'
  | 'pause_started'
  | 'removal_opened'
  | 'member_removed'
  | 'member_stays'
  | 'removal_seconded'
  | 'removal_asked';
type Json = ColumnType<unknown, string, string>;

export interface Database {
  schema_migrations: { name: string; applied_at: Generated<Date> };
  network_founding: { id: Generated<number>; token_hash: Buffer | null; founded_at: Timestamp | null };
  network_state: { id: Generated<number>; version: Generated<string> };
  members: {
    id: Generated<string>;
    display_name: string;
    language: string;
    email_enc: Buffer | null;
    email_hash: Buffer | null;
    joined_at: Generated<Date>;
    last_digest_at: Timestamp | null;
    removed_at: Timestamp | null;
    email_decisions: Generated<boolean>;
    seen_on: DateOnly | null;
    left_by_choice: Generated<boolean>;
    on_break_since: Timestamp | null;
  };
  agreements: {
    id: Generated<number>;
    key: string;
    value: ColumnType<unknown, string, never>;
    adopted_at: Generated<Date>;
    adopted_by: 'founding' | 'decision';
    decision_id: string | null;
  };
  invites: {
    id: Generated<string>;
    token_hash: Buffer;
    created_by: string | null;
    created_at: Generated<Date>;
    expires_at: Timestamp;
    revoked_at: Timestamp | null;
    uses: Generated<number>;
    needs_second: Generated<boolean>;
    seconded_by: string | null;
    seconded_at: Timestamp | null;
    max_uses: number | null;
    revoked_by: string | null;
    revoke_asked_by: string | null;
    revoke_asked_at: Timestamp | null;
    guarded_at: Timestamp | null;
  };
  removed_marks: { mark: Buffer; marked_at: Timestamp };
  checkin_pending: { round_id: string; answer: CheckinAnswer };
  email_confirmations: {
    token_hash: Buffer;
    member_id: string;
    email_enc: Buffer;
    email_hash: Buffer;
    created_at: Timestamp;
    expires_at: Timestamp;
  };
  sessions: {
    token_hash: Buffer;
    member_id: string;
    created_at: Generated<Date>;
    expires_at: Timestamp;
    acting_id: string | null;
  };
  sign_in_tokens: {
    token_hash: Buffer;
    member_id: string;
    created_at: Generated<Date>;
    expires_at: Timestamp;
    used_at: Timestamp | null;
  };
  recovery_codes: { member_id: string; code_hash: Buffer; created_at: Generated<Date> };
  cause_tallies: { month: string; cause: string; needs: number };
  library_items: {
    id: Generated<string>;
    added_by: string;
    added_at: Generated<Date>;
    title: string;
    language: string;
    about: Generated<string>;
    url: string | null;
    body: string | null;
    version_of: string | null;
    taken_down_at: Timestamp | null;
  };
  library_comments: {
    id: Generated<string>;
    item_id: string;
    member_id: string;
    body: string;
    created_at: Generated<Date>;
  };
  listening_cycles: {
    id: Generated<string>;
    title: string;
    intro: Generated<string>;
    questions: Json;
    languages: string[];
    opens_at: Timestamp;
    closes_at: Timestamp;
    decision_id: string | null;
    follows_id: string | null;
    conclusions: ColumnType<unknown, string | undefined, string>;
  };
  listening_listeners: { cycle_id: string; member_id: string; joined_at: Generated<Date> };
  listening_waiting: { cycle_id: string; source: 'member' | 'paper'; lang: string; answers: Json };
  listening_answers: {
    id: Generated<string>;
    cycle_id: string;
    source: 'member' | 'paper';
    lang: string;
    choices: Json;
  };
  listening_answered: { cycle_id: string; member_id: string };
  listening_entered: { cycle_id: string; member_id: string; n: number };
  listening_notes: {
    id: Generated<string>;
    cycle_id: string;
    listener_id: string;
    held_on: DateOnly;
    tags: Generated<string[]>;
    follow_up: DateOnly | null;
    named_enc: Buffer | null;
    recorded_at: Generated<Date>;
    followed_up_at: Timestamp | null;
  };
  listening_texts: {
    id: Generated<string>;
    cycle_id: string;
    answer_id: string | null;
    note_id: string | null;
    question: number | null;
    lang: string;
    body: string;
  };
  listening_themes: {
    id: Generated<string>;
    cycle_id: string;
    name: string;
    words: Generated<string[]>;
    named_by_members: Generated<boolean>;
    root_causes: Generated<string[]>;
    made_at: Generated<Date>;
  };
  listening_theme_texts: {
    theme_id: string;
    text_id: string;
    placed_by_members: Generated<boolean>;
    quote: Generated<boolean>;
  };
  listening_theme_proposals: { theme_id: string; proposal_id: string };
  events: {
    id: Generated<string>;
    kind: 'teach_in' | 'reading_group' | 'assembly' | 'skill_share' | 'other';
    title: string;
    about: Generated<string>;
    language: string;
    area: string;
    place_enc: Buffer | null;
    starts_at: Timestamp;
    minutes: number;
    zone: string;
    rrule: string | null;
    capacity: number | null;
    claim_hours: Generated<number>;
    open_to_all: Generated<boolean>;
    created_by: string;
    created_at: Generated<Date>;
    cancelled_at: Timestamp | null;
  };
  event_readings: { event_id: string; item_id: string };
  event_rsvps: {
    id: Generated<string>;
    event_id: string;
    occurrence: Timestamp;
    member_id: string;
    answer: 'yes' | 'maybe' | 'no';
    place: 'going' | 'waiting' | 'offered' | 'none';
    asked_at: Generated<Date>;
    seq: Generated<string>;
    offer_ends_at: Timestamp | null;
  };
  things: {
    id: Generated<string>;
    title: string;
    about: Generated<string>;
    lent_by: string | null;
    added_by: string;
    added_at: Generated<Date>;
    area: string;
    condition: 'good' | 'worn' | 'needs_repair';
    loan_days: number;
    claim_hours: Generated<number>;
    retired_at: Timestamp | null;
    pickup_enc: Buffer | null;
  };
  thing_loans: {
    id: Generated<string>;
    thing_id: string;
    member_id: string;
    out_at: Generated<Date>;
    due_at: Timestamp;
    returned_at: Timestamp | null;
    condition_out: 'good' | 'worn' | 'needs_repair';
    condition_back: 'good' | 'worn' | 'needs_repair' | null;
    renewals: Generated<number>;
  };
  thing_holds: {
    id: Generated<string>;
    thing_id: string;
    member_id: string;
    asked_at: Generated<Date>;
    seq: Generated<string>;
    offered_until: Timestamp | null;
    ended_at: Timestamp | null;
  };
  thing_reports: {
    id: Generated<string>;
    thing_id: string;
    member_id: string;
    kind: 'damaged' | 'lost' | 'missing_part' | 'other';
    note: Generated<string>;
    made_at: Generated<Date>;
  };
  thing_photos: {
    thing_id: string;
    body: Buffer;
    width: number;
    height: number;
    set_by: string;
    set_at: Timestamp;
  };
  places: {
    id: Generated<string>;
    name: string;
    kind: 'fridge' | 'pantry' | 'free_store';
    area: string;
    about: Generated<string>;
    help: string;
    counted: Generated<boolean>;
    added_by: string;
    added_at: Generated<Date>;
    retired_at: Timestamp | null;
  };
  place_reports: {
    id: Generated<string>;
    place_id: string;
    member_id: string | null;
    made_at: Generated<Date>;
    food: 'full' | 'some' | 'empty' | null;
    clean: boolean | null;
    working: boolean | null;
    by_passerby: Generated<boolean>;
  };
  time_records: {
    id: Generated<string>;
    giver_id: string;
    receiver_id: string;
    from_commons: Generated<boolean>;
    minutes: number;
    what: Generated<string>;
    match_id: string | null;
    recorded_by: string;
    recorded_at: Generated<Date>;
    state: Generated<'waiting' | 'confirmed' | 'declined' | 'withdrawn'>;
    answered_at: Timestamp | null;
    confirmed_by: string | null;
  };
  orders: {
    id: Generated<string>;
    supplier: string;
    about: Generated<string>;
    opened_by: string;
    opened_at: Generated<Date>;
    deadline: Timestamp;
    fill_from: Timestamp;
    pickup_points: string[];
    delivery: Generated<number>;
    currency: string;
    fund_percent: number | null;
    fund_request_id: string | null;
    closed_at: Timestamp | null;
    cancelled_at: Timestamp | null;
  };
  order_items: {
    id: Generated<string>;
    order_id: string;
    position: number;
    name: string;
    unit: string;
    step_milli: number;
    pack_milli: number;
    pack_price: number;
    min_packs: Generated<number>;
    max_packs: number | null;
    packs: number | null;
  };
  order_wants: {
    id: Generated<string>;
    order_id: string;
    item_id: string;
    member_id: string;
    for_whom: Generated<string>;
    pickup: string;
    least_milli: number;
    most_milli: number;
    made_at: Generated<Date>;
    seq: Generated<string>;
    allocated_milli: number | null;
    taken_milli: number | null;
    picked_up_at: Timestamp | null;
  };
  call_people: {
    id: Generated<string>;
    member_id: string | null;
    name: string | null;
    phone_enc: Buffer;
    language: string;
    area: string;
    consent_by: string;
    consent_at: Generated<Date>;
  };
  call_rounds: {
    id: Generated<string>;
    title: string;
    script: ColumnType<Record<string, string>, string, string>;
    opened_by: string;
    opened_at: Generated<Date>;
    closes_at: Timestamp;
    closed_at: Timestamp | null;
  };
  calls: {
    id: Generated<string>;
    round_id: string;
    person_id: string;
    held_by: string | null;
    held_until: Timestamp | null;
    tries: Generated<number>;
    next_at: Timestamp | null;
    outcome: 'fine' | 'needs' | 'no_answer' | 'in_person' | null;
    done_by: string | null;
    done_at: Timestamp | null;
    need_id: string | null;
    told_met: Generated<boolean>;
    seq: Generated<string>;
  };
  text_contacts: {
    id: Generated<string>;
    number_enc: Buffer | null;
    number_hash: Buffer;
    member_id: string | null;
    language: string;
    step: 'category' | 'area' | 'urgency' | null;
    draft: ColumnType<Record<string, unknown>, string | undefined, string>;
    stopped_at: Timestamp | null;
    first_at: Generated<Date>;
    last_at: Generated<Date>;
    relayed_at: Generated<Date>;
    hour_at: Generated<Date>;
    texts_in: Generated<number>;
    texts_out: Generated<number>;
  };
  text_outbox: {
    id: Generated<string>;
    contact_id: string;
    body_enc: Buffer;
    queued_at: Generated<Date>;
    tries: Generated<number>;
    next_at: Generated<Date>;
  };
  text_seen: { key_hash: Buffer; seen_at: Generated<Date> };
  federation_kv: { key: string[]; value: ColumnType<unknown, string, string>; expires_at: Timestamp | null };
  federation_queue: {
    id: Generated<string>;
    message: ColumnType<unknown, string, string>;
    made_at: Generated<Date>;
    due_at: Generated<Date>;
    taken_until: Timestamp | null;
  };
  federation_keys: {
    kind: 'rsa';
    public_jwk: ColumnType<unknown, string, string>;
    private_enc: Buffer;
    made_at: Generated<Date>;
  };
  partners: {
    id: Generated<string>;
    actor_url: string;
    inbox_url: string;
    shared_inbox_url: string | null;
    name: string;
    we_agreed_at: Timestamp | null;
    they_agreed_at: Timestamp | null;
    their_follow_id: string | null;
    asked_at: Timestamp | null;
    our_follow_id: string | null;
    accepted_follow_id: string | null;
    refused_at: Timestamp | null;
    first_at: Generated<Date>;
    share_offers: Generated<boolean>;
    share_needs: Generated<boolean>;
    goodbye_owed: Generated<boolean>;
  };
  partner_posts: {
    id: Generated<string>;
    partner_id: string;
    object_url: string;
    kind: 'need' | 'offer';
    what: string;
    category: string;
    area: string;
    received_at: Generated<Date>;
    withdrawn_at: Timestamp | null;
  };
  posts_shared: {
    post_id: string;
    partner_id: string;
    shared_at: Generated<Date>;
    withdrawn_at: Timestamp | null;
    came_back: Generated<boolean>;
  };
  partner_threads: {
    id: Generated<string>;
    partner_id: string;
    offer_id: string;
    post_id: string | null;
    partner_post_id: string | null;
    member_id: string;
    their_name: string | null;
    started_at: Generated<Date>;
    ended_at: Timestamp | null;
  };
  api_tokens: {
    id: Generated<string>;
    member_id: string;
    name: string;
    token_hash: Buffer;
    scope: 'read' | 'write';
    made_at: Generated<Date>;
    revoked_at: Timestamp | null;
  };
  webhooks: {
    id: Generated<string>;
    member_id: string;
    url: string;
    secret_enc: Buffer;
    events: string[];
    made_at: Generated<Date>;
    seen_until: Generated<Date>;
    failures: Generated<number>;
    stopped_at: Timestamp | null;
  };
  webhook_deliveries: {
    id: Generated<string>;
    webhook_id: string;
    event: string;
    subject: string;
    body: string;
    made_at: Generated<Date>;
    next_at: Generated<Date>;
    tries: Generated<number>;
    delivered_at: Timestamp | null;
    last_status: number | null;
  };
  directory_profiles: {
    actor_url: string;
    name: string;
    place: string;
    about: Generated<string>;
    /** numeric(4, 1): the driver reads it as text. */
    lat: string | number | null;
    lng: string | number | null;
    contact_url: string | null;
    read_at: Generated<Date>;
  };
  directory_messages: {
    id: Generated<string>;
    body_enc: Buffer;
    reply_enc: Buffer | null;
    sent_at: Generated<Date>;
  };
  imports: {
    id: Generated<string>;
    made_by: string;
    made_at: Generated<Date>;
    file_name: string;
    read_as: string;
    row_count: number;
    sheet_enc: Buffer | null;
    mapping_enc: Buffer | null;
    proposal_id: string | null;
    approved_at: Timestamp | null;
    done_at: Timestamp | null;
    outcome: Json | null;
  };
  partner_messages: {
    id: Generated<string>;
    thread_id: string;
    from_us: boolean;
    body_enc: Buffer;
    activity_id: string | null;
    sent_at: Generated<Date>;
  };
  acting_records: {
    id: Generated<string>;
    member_id: string;
    acting_by: string;
    consent_at: Generated<Date>;
    until: Timestamp;
    ended_at: Timestamp | null;
  };
  translations: {
    id: Generated<string>;
    lang: string;
    key: string;
    text: string;
    proposed_by: string;
    proposed_at: Generated<Date>;
    approved_by: string | null;
    approved_at: Timestamp | null;
    replaced_at: Timestamp | null;
  };
  place_tenders: { place_id: string; member_id: string; since: Generated<Date> };
  place_asks: {
    id: Generated<string>;
    place_id: string;
    asked_by: string | null;
    asked_at: Generated<Date>;
    what: Generated<string>;
    met_at: Timestamp | null;
    met_by: string | null;
  };
  place_stock: {
    id: Generated<string>;
    place_id: string;
    item: string;
    change: number;
    member_id: string | null;
    at: Generated<Date>;
    seq: Generated<string>;
  };
  member_slips: {
    member_id: string;
    made_by: string;
    made_at: Generated<Date>;
    needs_second: boolean;
    seconded_by: string | null;
    seconded_at: Timestamp | null;
  };
  sign_in_codes: {
    id: Generated<string>;
    member_id: string;
    made_by: string;
    needs_second: boolean;
    seconded_by: string | null;
    seconded_at: Timestamp | null;
    code_hash: Buffer;
    created_at: Generated<Date>;
    expires_at: Timestamp;
    used_at: Timestamp | null;
    ended_at: Timestamp | null;
  };
  passkeys: {
    id: string;
    member_id: string;
    public_key: Buffer;
    counter: ColumnType<number, number | string, number | string>;
    transports: string[];
    created_at: Generated<Date>;
    last_used_at: Timestamp | null;
  };
  auth_challenges: {
    id: Generated<string>;
    challenge: string;
    member_id: string | null;
    purpose: 'register' | 'authenticate';
    expires_at: Timestamp;
  };
  posts: {
    id: Generated<string>;
    kind: PostKind;
    member_id: string;
    what: string;
    category: string;
    area: string;
    urgency: Urgency;
    needed_by: DateOnly | null;
    available_until: DateOnly | null;
    capacity: string | null;
    /** An offer: how many needs it can take at once (none means one). */
    takes: number | null;
    status: ColumnType<PostStatus, PostStatus | undefined, PostStatus>;
    search_config: ColumnType<string, string | undefined, string>;
    search: ColumnType<string | null, never, never>;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    closed_at: Timestamp | null;
    hidden_at: Timestamp | null;
    details_expired_at: Timestamp | null;
  };
  matches: {
    id: Generated<string>;
    need_id: string | null;
    offer_id: string | null;
    helper_id: string;
    asker_id: string;
    status: ColumnType<MatchStatus, MatchStatus | undefined, MatchStatus>;
    created_at: Generated<Date>;
    ended_at: Timestamp | null;
    ended_by: string | null;
    /** A need a dispatcher sent to an offer: the offer, and the dispatcher. */
    via_offer_id: string | null;
    dispatched_by: string | null;
  };
  messages: {
    id: Generated<string>;
    match_id: string;
    author_id: string | null;
    body_enc: Buffer;
    created_at: Generated<Date>;
  };
  proposals: {
    id: Generated<string>;
    kind: ColumnType<ProposalKind, ProposalKind | undefined, never>;
    title: string;
    body: Generated<string>;
    process: string;
    options: Json;
    rules: Json;
    anonymous: Generated<boolean>;
    action: ColumnType<unknown, string | null | undefined, never>;
    subject_member_id: string | null;
    subject_post_id: string | null;
    circle_id: string | null;
    opened_by: string | null;
    opened_at: Timestamp;
    closes_at: Timestamp;
    status: ColumnType<'open' | 'closed', 'open' | undefined, 'closed'>;
    outcome: string | null;
    result: ColumnType<unknown | null, never, string>;
    closed_at: Timestamp | null;
    seconded_by: Generated<string | null>;
    seconded_at: Generated<Date | null>;
    outcome_statement: Generated<string | null>;
    outcome_statement_by: Generated<string | null>;
    outcome_statement_at: Generated<Date | null>;
    extensions: Generated<number>;
  };
  proposal_comments: {
    id: Generated<string>;
    proposal_id: string;
    member_id: string;
    body: string;
    created_at: Timestamp;
  };
  removal_asks: { subject_member_id: string; asked_by: string; asked_at: Timestamp };
  ballots: {
    proposal_id: string;
    member_id: string;
    choice: Json;
    reason: string | null;
    cast_at: Timestamp;
  };
  flags: {
    id: Generated<string>;
    flagged_by: string;
    post_id: string | null;
    message_id: string | null;
    member_id: string | null;
    reason: SafetyReason;
    created_at: Timestamp;
  };
  pauses: {
    id: Generated<string>;
    member_id: string;
    asked_by: string | null;
    asked_at: Timestamp;
    reason: SafetyReason;
    confirmed_by: string | null;
    starts_at: Timestamp | null;
    ends_at: Timestamp | null;
    lifted_at: Timestamp | null;
  };
  safety_log: {
    id: Generated<string>;
    at: Timestamp;
    act: SafetyAct;
    actor_ids: ColumnType<string[], string[] | undefined, never>;
    member_id: string | null;
    post_id: string | null;
    proposal_id: string | null;
    reason: SafetyReason | null;
  };
  notifications: {
    id: Generated<string>;
    member_id: string;
    /** One of the kinds the domains declare (web/domain.ts, NotificationKinds). */
    kind: string;
    /** The row it is about, in a table its kind names (an id, or a role's name). */
    subject: string | null;
    /** A reminder told once: the same member, kind and subject are not told again (a unique index). */
    once: Generated<boolean>;
    created_at: Generated<Date>;
    read_at: Timestamp | null;
    emailed_at: Timestamp | null;
  };
  role_terms: {
    id: Generated<string>;
    role: string;
    member_id: string;
    starts_at: Timestamp;
    ends_at: Timestamp;
    ended_at: Timestamp | null;
    decision_id: string | null;
    volunteered: Generated<boolean>;
    reminded_at: Timestamp | null;
  };
  roles: {
    name: string;
    title: string;
    duties: Generated<string>;
    term_days: number;
    seats: number;
    terms_in_row: number;
    volunteering: Generated<boolean>;
    decision_id: string | null;
    defined_at: Generated<Date>;
  };
  role_handovers: { id: Generated<string>; role: string; written_by: string; written_at: Timestamp; note_enc: Buffer };
  rotas: {
    id: Generated<string>;
    title: string;
    category: string;
    about: Generated<string>;
    notice_hours: Generated<number>;
    created_by: string;
    created_at: Timestamp;
  };
  rota_slots: {
    id: Generated<string>;
    rota_id: string;
    starts_at: Timestamp;
    ends_at: Timestamp;
    area: string;
    needed: number;
    created_by: string;
    created_at: Timestamp;
    asked_at: Timestamp | null;
  };
  rota_signups: {
    id: Generated<string>;
    slot_id: string;
    member_id: string;
    signed_at: Timestamp;
    dropped_at: Timestamp | null;
    swap_wanted_at: Timestamp | null;
    taken_from: string | null;
  };
  calendar_feeds: { member_id: string; token_hash: Buffer; created_at: Timestamp };
  checkin_rounds: { id: Generated<string>; opened_at: Timestamp; closes_at: Timestamp };
  checkin_counts: { round_id: string; answer: CheckinAnswer; n: Generated<number> };
  checkin_answered: { round_id: string; member_id: string };
  match_queue: { post_id: string; queued_at: Timestamp };
  crisis_calls: {
    id: Generated<string>;
    asked_by: string;
    asked_at: Timestamp;
    confirmed_by: string | null;
    starts_at: Timestamp | null;
    ends_at: Timestamp | null;
  };
  network_warnings: { id: Generated<string>; kind: 'load' | 'drift'; at: Timestamp; figures: Json };
  fund_accounts: {
    id: Generated<string>;
    kind: AccountKind;
    name: string | null;
    member_id: string | null;
    decision_id: string | null;
    created_at: Timestamp;
  };
  fund_rules: {
    id: Generated<number>;
    fund_id: string;
    currency: string;
    rules: Json;
    decision_id: string;
    adopted_at: Timestamp;
  };
  fund_requests: {
    id: Generated<string>;
    member_id: string;
    fund_id: string;
    amount: number;
    currency: string;
    note_enc: Buffer | null;
    named: boolean;
    status: RequestStatus;
    approved_how: 'standing' | 'decision' | null;
    proposal_id: string | null;
    asked_at: Timestamp;
    decided_at: Timestamp | null;
    received_at: Timestamp | null;
  };
  fund_records: {
    id: Generated<string>;
    kind: RecordKind;
    fund_id: string;
    to_fund_id: string | null;
    amount: number;
    currency: string;
    member_id: string | null;
    named: Generated<boolean>;
    request_id: string | null;
    reverses: number | null;
    memo: string | null;
    recorded_by: string;
    recorded_at: Timestamp;
    confirm_by: ConfirmBy;
    confirmed_by: string | null;
    confirmed_at: Timestamp | null;
    withdrawn_at: Timestamp | null;
    round_id: string | null;
    expected_id: string | null;
  };
  ledger_entries: {
    id: Generated<number>;
    at: Timestamp;
    kind: EntryKind;
    record_id: string | null;
    reverses: number | null;
    written_in: ColumnType<number, never, never>;
    time_record_id: string | null;
  };
  ledger_lines: { entry_id: number; account_id: string; currency: string; amount: number };
  fund_balances: { account_id: string; currency: string; balance: number };
  fund_pledges: {
    id: Generated<string>;
    member_id: string;
    fund_id: string;
    amount: number;
    currency: string;
    started_at: Timestamp;
    ended_at: Timestamp | null;
    reminded_month: string | null;
  };
  circles: {
    id: Generated<string>;
    name: string;
    amount: number;
    currency: string;
    period_days: number;
    order_rule: OrderRule;
    account_id: string;
    created_by: string;
    created_at: Timestamp;
    started_at: Timestamp | null;
  };
  circle_members: { circle_id: string; member_id: string; joined_at: Timestamp; position: number | null };
  circle_rounds: {
    id: Generated<string>;
    circle_id: string;
    number: number;
    due_at: Timestamp;
    recipient_id: string | null;
    proposal_id: string | null;
  };
  circle_deferrals: { round_id: string; member_id: string; proposal_id: string };
  fund_expected: {
    id: Generated<string>;
    fund_id: string;
    request_id: string;
    amount: number;
    currency: string;
    created_at: Timestamp;
    status: Generated<'expected' | 'returned' | 'partly' | 'written_off'>;
    closed_at: Timestamp | null;
    decision_id: string | null;
  };
  idempotency_keys: {
    member_id: string;
    key: string;
    body_hash: Buffer;
    result: string;
    created_at: Generated<Date>;
  };
}
