// The domain contract: what a domain brings to the app, declared in one module of its own (src/<domain>/index.ts)
// and named once in src/domains.ts. The app, the scheduled work, the decisions, the notifications and the page's
// navigation iterate over the list; none of them names a domain. See docs/CONVENTIONS.md ("How to add a domain").
import type { Hono, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import type { Expression, Kysely, Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { Child } from 'hono/jsx';
import type { AppEnv, Deps, Network } from './context.ts';
import { valueInForce, type AgreementDef } from './agreement.ts';
import type { ViewCtx } from './layout.tsx';
import type { Locale } from './zone.ts';
import {
  sharedWords,
  shippedCatalogs,
  type Catalogs,
  type MessageKey,
  type Overlay,
  type Translate,
  type WordsByLanguage,
} from './i18n/index.ts';

type Tx = Transaction<Database>;

/** Scheduled work: run once at start and then every minute, each job on its own (one failing stops no other). */
export type Job = {
  /** Unique across domains; shown by `kropotkin status` and /health/jobs. */
  name: string;
  run: (deps: Deps, now: Date) => Promise<unknown>;
  /** Runs after every job not marked so (the digest mails what the others noticed that minute). */
  last?: boolean;
  /** Also runs this often, on its own, between the minutes: for work someone waits on (a text's answer). */
  everyMs?: number;
};

/** A link in the page's navigation, shown to signed-in members. */
export type NavEntry = {
  href: string;
  label: MessageKey;
  /**
   * `daily`: in the header on every page, for what members do every day (keep these few: five fit two rows on a
   * 360 px phone); `more`: one tap away, in the header's "More" menu (a disclosure that works without JavaScript).
   */
  place: 'daily' | 'more';
  /** Position among the entries of its place (lower first). */
  order: number;
  /** A count shown beside the link (unread notifications): read with the session (see RequestRead), given the member. */
  badge?: (member: Expression<string | null>) => Expression<number>;
};

/**
 * A value every request needs, read in the one statement that also finds who is signed in (members/middleware.ts):
 * a scalar SQL expression, given the signed-in member's id (null when nobody is). The domain's middleware finds it in
 * c.get('reads') under its name. A page for a member then costs one statement before its own.
 */
export type RequestRead = { name: string; select: (member: Expression<string | null>) => Expression<unknown> };

/** How many navigation links may be up front in the header (place 'daily'): five fit two rows on a 360 px phone. */
export const DAILY_LINKS = 5;

/** Where a navigation link's count is in c.get('reads'). */
export const badgeRead = (href: string) => `badge ${href}`;

/** What a proposal that just closed tells the domain whose action it carries. */
export type Closing = {
  proposalId: string;
  kind: string;
  /** The tally's outcome: passed, failed, no_quorum, chosen, tie, advised, no_votes. */
  outcome: string;
  passed: boolean;
  /** The tally's full result (counts; for a choice, the options in order). */
  result: unknown;
  options: string[];
  subjectMemberId: string | null;
  subjectPostId: string | null;
  now: Date;
  registry: Registry;
};

/** What a proposal can do when it closes: `handles` is the `type` of the action it carries, or, for a proposal about
 * a subject (a removal), its kind. Applied inside the transaction that closes the proposal. */
export type DecisionAction<A = unknown> = {
  handles: string;
  /** What the action carries, checked before it is applied: a stored action that does not fit (written by another
   * version, or altered) stops the close, and the job reports it, rather than acting on it. Every action that a
   * proposal carries has one (src/domains.test.ts); a proposal about a subject (a removal) carries none. */
  payload?: z.ZodType<A>;
  apply: (tx: Tx, closing: Closing, action: A) => Promise<void>;
  /** The title shown for such a proposal in place of the one typed (the network's words, translated). */
  title?: (
    t: Translate,
    lang: string,
    action: A,
    proposal: { title: string; subjectMemberName: string | null },
  ) => string;
  /** One sentence: what passing it will change. */
  explain?: (t: Translate, lang: string, action: A, registry: Registry) => string | null;
};

/**
 * The kinds of notification there are, each added by the domain that sends it (declaration merging, the way
 * agreements/middleware.ts adds to web/context.ts's Network):
 *
 *     declare module '../web/domain.ts' { interface NotificationKinds { circle_round: true } }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface NotificationKinds {}
export type NotificationKind = keyof NotificationKinds & string;

/** A notification as its kind's text and link see it: the row it names (`subject`: an id, or a role's name), and
 * what the kind's `about.load` found for it (undefined when it names nothing, or the row is gone). */
export type Told<S> = { subject: string | null; about: S | undefined };

/** What notifications of some kinds are about: rows of these tables, loaded for a page of notifications at once. */
export type NotificationSubject<S> = {
  /** The tables a notification may name a row of. Each has a trigger that forgets the notifications about a row
   * deleted (notifications_forget; checked by tests/system/schema.test.ts). */
  tables: readonly string[];
  /** subject → what the text and link need, in one query for many; kinds sharing one NotificationSubject share it.
   * Without it the text and link have the subject alone. */
  load?: (db: Kysely<Database>, subjects: string[]) => Promise<Map<string, S>>;
};

/** How a kind of notification reads and where it leads; the domain that sends it declares it. */
export type NotificationKindDef<S = unknown> = {
  kind: NotificationKind;
  about?: NotificationSubject<S>;
  /** `at`: the reader's language and the network's time zone. */
  text: (t: Translate, at: Locale, n: Told<S>, registry: Registry) => string;
  link: (n: Told<S>) => string;
  /** Part of a decision's life: mailed in the digest only to members who asked for decisions by email. */
  aboutDecisions?: boolean;
};

/**
 * Who may reach a route. Every route a domain serves says so (buildRegistry refuses one that does not), and
 * tests/integration/access-matrix.test.ts requests each with every relation: signed out, a member with no tie to the
 * thing, its partner (the other side of a match, a fellow member of a circle), its owner, a removed member, and a role
 * holder (the treasurer, the dispatcher).
 * - `anyone`: signed out too; `members`: any member; `nobody`: gone for everyone as the network stands (a founding
 *   page once founded, a one-time link without a live token);
 * - `pair`: its owner and its partner; `owner`: who made it; `others`: any member but its owner;
 * - `second`: a second member, not who recorded it nor who it pays; `notAsker`: any member but who asked;
 * - `holder`: who holds the role the route is for.
 */
export type Audience = 'anyone' | 'members' | 'nobody' | 'pair' | 'owner' | 'others' | 'second' | 'notAsker' | 'holder';

export type RouteAccess = {
  who: Audience;
  /** What the route's parameter names (a post, a match, a round…): the matrix makes a fresh one for each request. */
  about?: string;
  /** Its answer holds words only the allowed may read: the matrix checks no one else ever sees them. */
  secret?: boolean;
  /** The route takes a file (a photo): the most bytes its body may hold, instead of the usual 64 KB. */
  upload?: number;
};

/** Who reads How we share, with what their words need. */
export type SharedFor = { t: Translate; lang: string; now: Date; network: Network };
/** A domain's totals on How we share. */
export type Shared = { title: string; lines: string[] };

/** Who is asking what waits for them, with what their words need. */
export type WaitingFor = {
  memberId: string;
  t: Translate;
  lang: string;
  /** The network's time zone, as on every page. */
  zone: string;
  now: Date;
  network: Network;
};

/** One thing waiting for a member who may act: where to do it, what it is, and what happens if nobody does. */
export type Waiting = { href: string; what: string; ifNobody: string; since: Date };

/** The places on one domain's pages where others may put a part, with what the page hands each part. */
export type Places = {
  /** Beside a post or a message another member wrote: a way to flag it (safety's form). */
  flag: { action: string; label: MessageKey; id: string };
  /** Under a match's thread, for its two members: what else they may do about it (record the hours it took). */
  match: { id: string; status: string };
};

/** A part of a page another domain owns: rendered where the owner leaves room for it (see Places). */
export type Part<P extends keyof Places> = (v: ViewCtx, props: Places[P]) => Child;

export type Domain = {
  /** The folder's name. */
  name: string;
  /** The tables it owns: only its own code writes them; other domains write through its commands (checked by
   * src/architecture.test.ts; every table has one owner, tests/system/schema.test.ts). */
  tables?: readonly string[];
  /** Run for every request but static files, before any route, in the list's order (the session, the agreements). */
  middleware?: MiddlewareHandler<AppEnv>[];
  /** What its middleware needs read on every request, with the session (see RequestRead). */
  reads?: RequestRead[];
  routes?: Hono<AppEnv>[];
  /** Who may reach each of its routes, by "METHOD /path" (every route, and only those: buildRegistry checks). */
  access?: Record<string, RouteAccess>;
  jobs?: Job[];
  nav?: NavEntry[];
  actions?: DecisionAction<never>[];
  parts?: { [P in keyof Places]?: Part<P> };
  /** The agreements that govern its work: what each may hold, starts as, and fills in on the network (web/agreement.ts). */
  agreements?: AgreementDef[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind reads the view its own way
  notifications?: NotificationKindDef<any>[];
  /** Its words (its messages.ts, made with defineMessages), merged with the shared ones into one catalog a language. */
  messages?: WordsByLanguage;
  /**
   * What waits for another member to act that this member may do (confirm a crisis call or a pause, second a removal,
   * an invite or a sign-in code, confirm money that moved): listed on their page, each with what happens if nobody does.
   */
  waitsForYou?: (db: Kysely<Database>, who: WaitingFor) => Promise<Waiting[]>;
  /** What this domain says about some posts, for pages that list them (crisis dispatch: "from a wellness call"). */
  postNotes?: (db: Kysely<Database>, postIds: readonly string[], t: Translate) => Promise<Map<string, string>>;
  /** What the network shares this way, as totals for How we share (never a member's own figure): a title and lines. */
  shared?: (db: Kysely<Database>, who: SharedFor) => Promise<Shared | null>;
  /** A member left by their own choice (members/commands.ts leave): end what they had open here, as a removal would. */
  memberLeft?: (tx: Transaction<Database>, memberId: string, now: Date) => Promise<void>;
  /** Words the members translated and approved, laid over the shipped catalogs (translate/): what speaks outside a
   * request (the digest mail, texts) uses them as pages do. */
  approvedWords?: (db: Kysely<Database>) => Promise<Overlay>;
  /** Whether the member holds something here others rely on (a role): a sign-in code another member makes for them
   * then needs a second member's confirmation before it works (members/ways-back.ts). */
  holdsTrust?: (db: Kysely<Database>, memberId: string, now: Date) => Promise<boolean>;
};

/** The domains' declarations merged, checked once at start: no two domains claim the same name. */
export type Registry = {
  domains: readonly Domain[];
  middleware: MiddlewareHandler<AppEnv>[];
  /** Every domain's reads and every navigation link's count, for the statement that finds the session. */
  reads: RequestRead[];
  routes: Hono<AppEnv>[];
  /** Who may reach each route of every domain. */
  access: Record<string, RouteAccess>;
  /** The routes that take a file, as "METHOD /path" patterns with their most bytes (RouteAccess.upload). */
  uploads: { method: string; path: string; most: number }[];
  jobs: Job[];
  nav: NavEntry[];
  action: (handles: string) => DecisionAction | undefined;
  /** Every domain's part for a place, in the list's order. */
  parts: <P extends keyof Places>(place: P) => Part<P>[];
  /** Every domain's agreements, in the list's order. */
  agreements: AgreementDef[];
  agreement: (key: string) => AgreementDef | undefined;
  /** Why the agreement cannot change now (a message key), or null when it can. */
  agreementFixed: (db: Kysely<Database>, key: string) => Promise<MessageKey | null>;
  /** The network's agreements in force, from the stored values by key (a value missing or unfit: its start). */
  network: (stored: ReadonlyMap<string, unknown>) => Network;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  notification: (kind: string) => NotificationKindDef<any> | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  notificationKinds: NotificationKindDef<any>[];
  /** Every language's words: the shared ones and every domain's, one catalog a language. */
  catalogs: Catalogs;
  /** Whether any domain says the member holds something others rely on (Domain.holdsTrust). */
  holdsTrust: (db: Kysely<Database>, memberId: string, now: Date) => Promise<boolean>;
  /** Every domain's ending of what a member who left had open (Domain.memberLeft), in the domains' order. */
  memberLeft: (tx: Transaction<Database>, memberId: string, now: Date) => Promise<void>;
  /** Everything waiting for another member that this member may do, oldest first (Domain.waitsForYou). */
  waitsForYou: (db: Kysely<Database>, who: WaitingFor) => Promise<Waiting[]>;
  /** Every domain's notes on these posts, by post (Domain.postNotes). */
  postNotes: (db: Kysely<Database>, postIds: readonly string[], t: Translate) => Promise<Map<string, string[]>>;
  /** Every domain's totals for How we share, in the domains' order (Domain.shared). */
  shared: (db: Kysely<Database>, who: SharedFor) => Promise<Shared[]>;
  /** The members' approved words (Domain.approvedWords), for a translator outside a request. */
  approvedWords: (db: Kysely<Database>) => Promise<Overlay>;
};

/** A domain's action with its own payload type, stored in the list that knows none. */
export function defineAction<A>(def: DecisionAction<A>): DecisionAction<never> {
  return def as unknown as DecisionAction<never>;
}

export function buildRegistry(domains: readonly Domain[]): Registry {
  const seen = (what: string) => {
    const names = new Set<string>();
    return (name: string, domain: string) => {
      if (names.has(name)) throw new Error(`Two domains declare the ${what} "${name}" (the second is ${domain}).`);
      names.add(name);
    };
  };
  const domainName = seen('domain'),
    jobName = seen('job'),
    handles = seen('decision action'),
    kind = seen('notification kind'),
    word = seen('message'),
    agreementKey = seen('agreement'),
    route = seen('route');
  const access: Record<string, RouteAccess> = {};
  const agreements = new Map<string, AgreementDef>();
  const actions = new Map<string, DecisionAction>();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const kinds = new Map<string, NotificationKindDef<any>>();
  for (const d of domains) {
    domainName(d.name, d.name);
    const served = new Set(
      (d.routes ?? []).flatMap((r) =>
        r.routes.filter((x) => x.method !== 'ALL' && !x.path.includes('*')).map((x) => `${x.method} ${x.path}`),
      ),
    );
    for (const key of served) {
      route(key, d.name);
      if (!d.access?.[key]) throw new Error(`The domain ${d.name} serves ${key} without saying who may reach it.`);
      access[key] = d.access[key];
    }
    for (const key of Object.keys(d.access ?? {}))
      if (!served.has(key)) throw new Error(`The domain ${d.name} says who may reach ${key}, which it does not serve.`);
    for (const j of d.jobs ?? []) jobName(j.name, d.name);
    for (const a of d.actions ?? []) {
      handles(a.handles, d.name);
      actions.set(a.handles, a as unknown as DecisionAction);
    }
    for (const a of d.agreements ?? []) {
      agreementKey(a.key, d.name);
      agreements.set(a.key, a);
    }
    for (const n of d.notifications ?? []) {
      kind(n.kind, d.name);
      kinds.set(n.kind, n);
    }
  }
  const catalogs: Record<string, Record<string, string>> = {};
  for (const [lang, words] of Object.entries(sharedWords)) {
    catalogs[lang] = { ...words };
    if (lang === 'en') for (const key of Object.keys(words)) word(key, 'web/i18n');
  }
  for (const d of domains) {
    for (const key of Object.keys(d.messages?.en ?? {})) word(key, d.name);
    for (const [lang, words] of Object.entries(d.messages ?? {})) Object.assign((catalogs[lang] ??= {}), words);
  }
  // Whole catalogs shipped one file a language (web/i18n/catalogs): only keys the app has.
  for (const [lang, words] of Object.entries(shippedCatalogs))
    for (const [key, text] of Object.entries(words))
      if (Object.hasOwn(catalogs.en!, key)) (catalogs[lang] ??= {})[key] = text;
  // The header has room on a phone for five daily links (two rows at 360 px); every other section goes under "More".
  const daily = domains.flatMap((d) => (d.nav ?? []).filter((e) => e.place === 'daily'));
  if (daily.length > DAILY_LINKS)
    throw new Error(
      `${daily.length} daily navigation links (${daily.map((e) => e.href).join(', ')}): at most ${DAILY_LINKS} fit a phone; put the rest under 'more'`,
    );
  return {
    domains,
    catalogs: catalogs as Catalogs,
    middleware: domains.flatMap((d) => d.middleware ?? []),
    reads: [
      ...domains.flatMap((d) => d.reads ?? []),
      ...domains
        .flatMap((d) => d.nav ?? [])
        .flatMap((e) => (e.badge ? [{ name: badgeRead(e.href), select: e.badge }] : [])),
    ],
    routes: domains.flatMap((d) => d.routes ?? []),
    access,
    uploads: Object.entries(access).flatMap(([key, a]) => {
      if (!a.upload) return [];
      const [method, path] = key.split(' ') as [string, string];
      return [{ method, path, most: a.upload }];
    }),
    jobs: [
      ...domains.flatMap((d) => d.jobs ?? []).filter((j) => !j.last),
      ...domains.flatMap((d) => d.jobs ?? []).filter((j) => j.last),
    ],
    nav: domains.flatMap((d) => d.nav ?? []).sort((a, b) => a.order - b.order),
    action: (h) => actions.get(h),
    parts: (place) => domains.flatMap((d) => (d.parts?.[place] ? [d.parts[place]] : [])),
    agreements: [...agreements.values()],
    agreement: (key) => agreements.get(key),
    agreementFixed: async (db, key) => {
      const fixed = agreements.get(key)?.fixed;
      return fixed && (await fixed.when(db)) ? fixed.why : null;
    },
    network: (stored) => {
      const network: Partial<Network> = {};
      const words: Record<string, Record<string, string>> = {};
      for (const def of agreements.values()) {
        const value = valueInForce(def, stored.get(def.key));
        Object.assign(network, def.network?.(value));
        for (const [key, byLang] of Object.entries(def.words?.(value) ?? {}))
          for (const [lang, name] of Object.entries(byLang)) (words[lang] ??= {})[key] = name;
      }
      return { ...network, words } as Network;
    },
    notification: (k) => kinds.get(k),
    notificationKinds: [...kinds.values()],
    memberLeft: async (tx, memberId, now) => {
      for (const d of domains) await d.memberLeft?.(tx, memberId, now);
    },
    waitsForYou: async (db, who) =>
      (await Promise.all(domains.map((d) => d.waitsForYou?.(db, who) ?? [])))
        .flat()
        .sort((a, b) => a.since.getTime() - b.since.getTime()),
    postNotes: async (db, postIds, t) => {
      const out = new Map<string, string[]>();
      if (!postIds.length) return out;
      for (const notes of await Promise.all(domains.map((d) => d.postNotes?.(db, postIds, t))))
        for (const [id, note] of notes ?? []) out.set(id, [...(out.get(id) ?? []), note]);
      return out;
    },
    shared: async (db, who) =>
      (await Promise.all(domains.map((d) => d.shared?.(db, who) ?? null))).filter((x): x is Shared => x !== null),
    approvedWords: async (db) => {
      const overlay: Record<string, Record<string, string>> = {};
      for (const d of domains)
        if (d.approvedWords)
          for (const [lang, words] of Object.entries(await d.approvedWords(db)))
            Object.assign((overlay[lang] ??= {}), words);
      return overlay;
    },
    holdsTrust: async (db, memberId, now) => {
      for (const d of domains) if (await d.holdsTrust?.(db, memberId, now)) return true;
      return false;
    },
  };
}
