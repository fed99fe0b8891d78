/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Pages for the board, posting, a single need or offer, a match's private thread, and "my page".
import type { Waiting } from '../web/domain.ts';
import type { ViewCtx } from '../web/layout.tsx';
import type { MessageKey } from '../web/i18n/index.ts';
import type { Load } from '../mutuality/index.ts';
import {
  ErrorSummary,
  Notice,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  categoryLabel,
  formatDate,
  formatDateTime,
  type FormState,
} from '../web/parts.tsx';
import type { PostKind } from '../db/types.ts';
import type { MatchView, MessageView, PostView } from './queries.ts';
import type { PostPolicy } from './policy.ts';
import type { BoardFilter } from './schema.ts';
import { URGENCIES } from './status.ts';
import { CrisisBanner } from '../crisis/index.ts';
import type { CrisisState } from '../crisis/index.ts';
import { languageOptions } from '../members/index.ts';
import { causeLabel } from '../causes/index.ts';

export const urgencyKey = (u: string) => `urgency.${u}` as MessageKey;
export const statusKey = (s: string) => `status.${s}` as MessageKey;
/** A finished post's text is gone once its details expire; say so instead. */
const whatOf = (v: ViewCtx, p: PostView) => (p.detailsExpired ? v.t('post.detailsExpired') : p.what);

export function PostMeta({ v, p }: { v: ViewCtx; p: PostView }) {
  const { t } = v;
  return (
    <p class="meta">
      <span class={`tag urgency-${p.urgency}`}>{t(urgencyKey(p.urgency))}</span>{' '}
      <span class="tag">{categoryLabel(t, p.category)}</span> <span class="tag">{p.area}</span>{' '}
      {p.neededBy ? <span>{t('post.neededByShort', { date: formatDate(v, p.neededBy) })}</span> : null}
      {p.availableUntil ? (
        <span>{t('post.availableUntilShort', { date: formatDate(v, p.availableUntil) })}</span>
      ) : null}
      {p.capacity ? <span> · {p.capacity}</span> : null}
      <span class="by">
        {' · '}
        {t('post.by')}{' '}
        <a href={`/members/${p.memberId}`}>
          <bdi>{p.memberName}</bdi>
        </a>{' '}
        · {formatDate(v, p.createdAt)}
      </span>
    </p>
  );
}

export function RespondButton({ v, p }: { v: ViewCtx; p: PostView }) {
  return (
    <form method="post" action={`/posts/${p.id}/respond`} class="inline">
      <button type="submit" class="primary">
        {p.kind === 'need' ? v.t('post.canHelp') : v.t('post.wantThis')}
      </button>
    </form>
  );
}

function PostCard({ v, p, respond }: { v: ViewCtx; p: PostView; respond: boolean }) {
  const { t } = v;
  return (
    <li class={`card ${p.kind}`}>
      <p class="kind">{p.kind === 'need' ? t('post.kindNeed') : t('post.kindOffer')}</p>
      <p class="what">
        <a href={`/posts/${p.id}`} dir="auto">
          {whatOf(v, p)}
        </a>
      </p>
      <PostMeta v={v} p={p} />
      {respond ? <RespondButton v={v} p={p} /> : null}
    </li>
  );
}

/** The board's address for another page, keeping the filters. */
function boardLink(f: BoardFilter, page: number) {
  const q = new URLSearchParams();
  for (const k of ['kind', 'category', 'area', 'urgency'] as const) if (f[k]) q.set(k, f[k]!);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/board?${s}` : '/board';
}

export function BoardPage(props: {
  v: ViewCtx;
  posts: PostView[];
  more: boolean;
  filter: BoardFilter;
  stamp: string;
  crisis: CrisisState;
  dispatcher: boolean;
}) {
  const { v, filter } = props;
  const { t } = v;
  const net = v.network!;
  const sel = (name: string, label: MessageKey, options: { value: string; label: string }[], current?: string) => (
    <div class="field">
      <label for={`f-${name}`}>{t(label)}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">{t('board.any')}</option>
        {options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t('board.title')}</h1>
      <CrisisBanner v={v} state={props.crisis} dispatcher={props.dispatcher} />
      <p class="actions">
        <a class="button primary" href="/posts/new?kind=need">
          {t('nav.postNeed')}
        </a>{' '}
        <a class="button" href="/posts/new?kind=offer">
          {t('nav.postOffer')}
        </a>
      </p>
      <form method="get" action="/board" class="filters" aria-label={t('board.filters')}>
        {sel(
          'kind',
          'board.kind',
          [
            { value: 'need', label: t('board.needs') },
            { value: 'offer', label: t('board.offers') },
          ],
          filter.kind,
        )}
        {sel(
          'category',
          'post.category',
          net.categories.map((c) => ({ value: c, label: categoryLabel(t, c) })),
          filter.category,
        )}
        {sel(
          'area',
          'post.area',
          net.areas.map((a) => ({ value: a, label: a })),
          filter.area,
        )}
        {sel(
          'urgency',
          'post.urgency',
          URGENCIES.map((u) => ({ value: u, label: t(urgencyKey(u)) })),
          filter.urgency,
        )}
        <button type="submit">{t('board.filter')}</button>
      </form>
      <p
        class="live"
        data-board-stamp={props.stamp}
        data-changed={t('board.changed')}
        role="status"
        aria-live="polite"
      ></p>
      {props.posts.length === 0 ? <p>{t('board.empty')}</p> : null}
      <ul class="cards">
        {props.posts.map((p) => (
          <PostCard v={v} p={p} respond={p.memberId !== v.member?.id} />
        ))}
      </ul>
      {(filter.page ?? 1) > 1 || props.more ? (
        <nav class="pages" aria-label={t('board.pages')}>
          {(filter.page ?? 1) > 1 ? (
            <a href={boardLink(filter, (filter.page ?? 1) - 1)}>{t('board.newerPage')}</a>
          ) : null}{' '}
          {props.more ? <a href={boardLink(filter, (filter.page ?? 1) + 1)}>{t('board.nextPage')}</a> : null}
        </nav>
      ) : null}
    </>
  );
}

export function PostFormPage(props: {
  v: ViewCtx;
  kind: PostKind;
  form: FormState;
  action: string;
  duplicate?: { id: string; what: string } | undefined;
  suggestions: PostView[];
  editing: boolean;
  /** A need asked for someone without a phone (slip-routes.ts): first who it is for, in a few words. */
  forSomeone?: boolean;
}) {
  const { v, kind, form } = props;
  const { t } = v;
  const net = v.network!;
  const title = props.forSomeone
    ? t('intake.title')
    : props.editing
      ? t(kind === 'need' ? 'post.editNeed' : 'post.editOffer')
      : t(kind === 'need' ? 'post.newNeed' : 'post.newOffer');
  return (
    <>
      <h1>{title}</h1>
      <p class="hint">
        {t(props.forSomeone ? 'intake.intro' : kind === 'need' ? 'post.needIntro' : 'post.offerIntro')}
      </p>
      {kind === 'need' && !props.editing && !props.forSomeone ? (
        <p class="hint">
          <a href="/posts/for-someone">{t('intake.link')}</a>
        </p>
      ) : null}
      {props.forSomeone ? (
        <p class="hint">
          <a href="/slip">{t('intake.followLink')}</a>
        </p>
      ) : null}
      {props.duplicate ? (
        <Notice kind="warning">
          <p>{t('post.duplicate', { what: props.duplicate.what })}</p>
          <p>
            <a class="button" href={`/posts/${props.duplicate.id}/edit`}>
              {t('post.updateThatOne')}
            </a>
          </p>
        </Notice>
      ) : null}
      <ErrorSummary t={t} form={form} />
      <form method="post" action={props.action} novalidate data-suggest={kind}>
        <input type="hidden" name="kind" value={kind} />
        {props.forSomeone ? (
          <fieldset class="field">
            <legend>{t('intake.who')}</legend>
            <TextField
              t={t}
              form={form}
              name="person_name"
              label="intake.name"
              hint="intake.nameHint"
              required
              maxlength={60}
            />
            {net.languages.length > 1 ? (
              <RadioGroup
                t={t}
                form={form}
                name="person_language"
                label="intake.language"
                required
                options={languageOptions(net.languages)}
              />
            ) : (
              <input type="hidden" name="person_language" value={net.languages[0]} />
            )}
          </fieldset>
        ) : null}
        <TextArea
          t={t}
          form={form}
          name="what"
          label={props.forSomeone ? 'intake.what' : kind === 'need' ? 'post.whatNeed' : 'post.whatOffer'}
          required
          rows={3}
          maxlength={1000}
        />
        <SelectField
          t={t}
          form={form}
          name="category"
          label="post.category"
          required
          placeholder="post.choose"
          options={net.categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
        />
        <SelectField
          t={t}
          form={form}
          name="area"
          label="post.area"
          hint="post.areaHint"
          required
          placeholder="post.choose"
          options={net.areas.map((a) => ({ value: a, label: a }))}
        />
        <RadioGroup
          t={t}
          form={form}
          name="urgency"
          label="post.urgency"
          required
          options={URGENCIES.map((u) => ({ value: u, label: t(urgencyKey(u)) }))}
        />
        {kind === 'need' ? (
          <>
            <TextField t={t} form={form} name="needed_by" type="date" label="post.neededBy" />
            {!props.editing && net.rootCauses.length ? <CausesField v={v} form={form} /> : null}
          </>
        ) : (
          <>
            <TextField t={t} form={form} name="available_until" type="date" label="post.availableUntil" />
            <TextField
              t={t}
              form={form}
              name="capacity"
              label="post.capacity"
              hint="post.capacityHint"
              maxlength={100}
            />
            <TextField
              t={t}
              form={form}
              name="takes"
              label="post.takes"
              hint="post.takesHint"
              type="number"
              inputmode="numeric"
            />
          </>
        )}
        <section
          class="suggestions"
          aria-live="polite"
          data-suggestions
          aria-label={t(kind === 'need' ? 'post.matchingOffers' : 'post.matchingNeeds')}
        >
          {props.suggestions.length ? <Suggestions v={v} kind={kind} posts={props.suggestions} /> : null}
        </section>
        {props.duplicate ? (
          <button type="submit" name="confirm_duplicate" value="yes" class="primary">
            {t('post.postAnyway')}
          </button>
        ) : (
          <button type="submit" class="primary">
            {props.forSomeone
              ? t('intake.submit')
              : props.editing
                ? t('post.save')
                : t(kind === 'need' ? 'post.submitNeed' : 'post.submitOffer')}
          </button>
        )}
      </form>
    </>
  );
}

/**
 * What is behind a need, if the member wants to say: folded away until they open it, never required, counted
 * monthly and never kept with the need (causes/). It names causes in the world (rents, wages), never asks about the
 * member; the no-means-test test knows this block by its data-root-causes mark and checks it stays so.
 */
function CausesField({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  const chosen = new Set((form.values.causes ?? '').split('\n'));
  return (
    <details class="causes" data-root-causes open={!!form.errors.causes || chosen.size > 1 || undefined}>
      <summary>{t('causes.legend')}</summary>
      <fieldset class={form.errors.causes ? 'field has-error' : 'field'} aria-describedby="causes-hint">
        <legend class="visually-hidden">{t('causes.legend')}</legend>
        <p class="hint" id="causes-hint">
          {t('causes.hint')}
        </p>
        {form.errors.causes ? (
          <p class="error" id="causes-error">
            {t(form.errors.causes)}
          </p>
        ) : null}
        <div class="choices columns">
          {v.network!.rootCauses.map((c) => (
            <label class="choice">
              <input type="checkbox" name="causes" value={c} checked={chosen.has(c)} /> {causeLabel(t, c)}
            </label>
          ))}
        </div>
      </fieldset>
    </details>
  );
}

export function Suggestions({ v, kind, posts }: { v: ViewCtx; kind: PostKind; posts: PostView[] }) {
  const { t } = v;
  return (
    <>
      <h2>{t(kind === 'need' ? 'post.matchingOffers' : 'post.matchingNeeds')}</h2>
      <ul class="cards compact">
        {posts.map((p) => (
          <li class={`card ${p.kind}`}>
            <a href={`/posts/${p.id}`} dir="auto">
              {whatOf(v, p)}
            </a>
            <PostMeta v={v} p={p} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function PostPage(props: {
  v: ViewCtx;
  post: PostView;
  policy: PostPolicy;
  matches: MatchView[];
  suggestions: PostView[];
  flagged?: boolean;
}) {
  const { v, post, policy } = props;
  const { t } = v;
  const mine = v.member?.id === post.memberId;
  return (
    <>
      {props.flagged ? <Notice kind="success">{t('safety.flagged')}</Notice> : null}
      {post.hidden ? (
        <Notice kind="warning">
          {t('post.hiddenForReview')}{' '}
          {post.review ? <a href={`/decisions/${post.review}`}>{t('post.seeReview')}</a> : null}
        </Notice>
      ) : null}
      <p class="kind">{post.kind === 'need' ? t('post.kindNeed') : t('post.kindOffer')}</p>
      <h1 class="what" dir="auto">
        {whatOf(v, post)}
      </h1>
      <PostMeta v={v} p={post} />
      <p>
        {t('post.status')}: <strong>{t(statusKey(post.status))}</strong>
      </p>
      {policy.respond ? <RespondButton v={v} p={post} /> : null}
      {policy.edit ? (
        <p class="actions">
          <a class="button" href={`/posts/${post.id}/edit`}>
            {t('post.edit')}
          </a>{' '}
          <form method="post" action={`/posts/${post.id}/withdraw`} class="inline">
            <button type="submit">{t(post.kind === 'need' ? 'post.withdrawNeed' : 'post.withdrawOffer')}</button>
          </form>
        </p>
      ) : null}
      {mine && props.matches.length ? (
        <section>
          <h2>{t('post.activeMatches')}</h2>
          <ul class="plain">
            {props.matches.map((m) => (
              <li>
                <a href={`/matches/${m.id}`}>
                  {t('post.matchWith', { name: m.helperId === v.member?.id ? m.askerName : m.helperName })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {props.suggestions.length ? <Suggestions v={v} kind={post.kind} posts={props.suggestions} /> : null}
      {policy.flag
        ? v.registry
            .parts('flag')
            .map((part) =>
              part(v, { action: `/posts/${post.id}/flag`, label: 'safety.flagPost', id: 'flag-post-reason' }),
            )
        : null}
    </>
  );
}

export function MatchPage(props: {
  v: ViewCtx;
  match: MatchView;
  messages: MessageView[];
  form: FormState;
  can: { write: boolean; release: boolean; markMet: boolean };
  flagged?: boolean;
}) {
  const { v, match, form } = props;
  const { t } = v;
  const other = match.helperId === v.member!.id ? match.askerName : match.helperName;
  return (
    <>
      {props.flagged ? <Notice kind="success">{t('safety.flagged')}</Notice> : null}
      <h1>{t('match.title', { name: other })}</h1>
      <p>
        <a href={`/posts/${match.postId}`} dir="auto">
          {match.postWhat}
        </a>
      </p>
      <p>
        {t('post.status')}: <strong>{t(`match.status.${match.status}` as MessageKey)}</strong>
      </p>
      <Notice kind="info">{t('match.private')}</Notice>
      <section aria-labelledby="thread-title">
        <h2 id="thread-title">{t('match.thread')}</h2>
        {props.messages.length === 0 ? (
          <p>{t(match.status === 'active' ? 'match.noMessages' : 'match.noMessagesEnded')}</p>
        ) : null}
        <ol class="thread">
          {props.messages.map((m) => (
            <li class={m.authorId === v.member!.id ? 'mine' : 'theirs'}>
              <p class="who">
                <bdi>{m.authorName ?? t('match.someone')}</bdi> ·{' '}
                <time datetime={m.createdAt.toISOString()}>{formatDateTime(v, m.createdAt)}</time>
              </p>
              <p class="body" dir="auto">
                {m.body}
              </p>
              {m.authorId && m.authorId !== v.member!.id
                ? v.registry
                    .parts('flag')
                    .map((part) =>
                      part(v, { action: `/messages/${m.id}/flag`, label: 'safety.flagMessage', id: `flag-${m.id}` }),
                    )
                : null}
            </li>
          ))}
        </ol>
        {props.can.write ? (
          <form method="post" action={`/matches/${match.id}/messages`} novalidate>
            <ErrorSummary t={t} form={form} />
            <TextArea
              t={t}
              form={form}
              name="body"
              label="match.message"
              hint="match.messageHint"
              required
              rows={3}
              maxlength={4000}
            />
            <button type="submit" class="primary">
              {t('match.send')}
            </button>
          </form>
        ) : null}
      </section>
      <p class="actions">
        {props.can.markMet ? (
          <form method="post" action={`/matches/${match.id}/met`} class="inline">
            <button type="submit" class="primary">
              {t('match.markMet')}
            </button>
          </form>
        ) : null}{' '}
        {props.can.release ? (
          <form method="post" action={`/matches/${match.id}/release`} class="inline">
            <button type="submit">{t('match.release')}</button>
          </form>
        ) : null}
      </p>
      {v.registry.parts('match').map((part) => part(v, { id: match.id, status: match.status }))}
    </>
  );
}

export function MyPage(props: {
  v: ViewCtx;
  posts: PostView[];
  matches: MatchView[];
  onBreakSince: Date | null;
  load: Load;
  waiting: Waiting[];
}) {
  const { v } = props;
  const { t } = v;
  const needs = props.posts.filter((p) => p.kind === 'need');
  const offers = props.posts.filter((p) => p.kind === 'offer');
  const list = (posts: PostView[], empty: MessageKey) =>
    posts.length === 0 ? (
      <p>{t(empty)}</p>
    ) : (
      <ul class="cards compact">
        {posts.map((p) => (
          <li class={`card ${p.kind}`}>
            <a href={`/posts/${p.id}`} dir="auto">
              {whatOf(v, p)}
            </a>{' '}
            <span class="tag">{t(statusKey(p.status))}</span>
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <h1>{t('me.title')}</h1>
      {props.waiting.length ? (
        <section aria-labelledby="waiting-title" class="waiting">
          <h2 id="waiting-title">{t('me.waitingTitle', { count: props.waiting.length })}</h2>
          <p class="hint">{t('me.waitingHint')}</p>
          <ul class="cards compact">
            {props.waiting.map((w) => (
              <li class="card unread">
                <a href={w.href}>{w.what}</a>
                <p class="hint">{w.ifNobody}</p>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="load-title">
        <h2 id="load-title">{t('me.loadTitle')}</h2>
        <p class="hint">{t('me.loadHint')}</p>
        <ul>
          <li>{t('me.load.helped', { count: props.load.helped })}</li>
          <li>{t('me.load.asked', { count: props.load.asked })}</li>
          <li>{t('me.load.slots', { count: props.load.slots })}</li>
          <li>{t('me.load.proposals', { count: props.load.proposals })}</li>
          <li>{t('me.load.votes', { count: props.load.votes })}</li>
          <li>{t('me.load.roles', { count: props.load.roles })}</li>
        </ul>
        <p>
          <a href="/roles">{t('me.rolesLink')}</a> · <a href="/rotas">{t('me.rotasLink')}</a> ·{' '}
          <a href="/checkin">{t('me.checkinLink')}</a>
        </p>
      </section>
      <section aria-labelledby="break-title">
        <h2 id="break-title">{t('me.breakTitle')}</h2>
        {props.onBreakSince ? (
          <>
            <Notice kind="info">{t('me.onBreak', { date: formatDate(v, props.onBreakSince) })}</Notice>
            <form method="post" action="/me/back">
              <button type="submit" class="primary">
                {t('me.back')}
              </button>
            </form>
          </>
        ) : (
          <form method="post" action="/me/break">
            <p class="hint">{t('me.breakHint')}</p>
            <button type="submit">{t('me.takeBreak')}</button>
          </form>
        )}
      </section>
      <section>
        <h2>{t('me.matches')}</h2>
        {props.matches.length === 0 ? (
          <p>{t('me.noMatches')}</p>
        ) : (
          <ul class="cards compact">
            {props.matches.map((m) => (
              <li class="card">
                <a href={`/matches/${m.id}`}>{m.postWhat}</a>{' '}
                <span class="tag">{t(`match.status.${m.status}` as MessageKey)}</span>{' '}
                <span class="by">
                  {m.helperId === v.member!.id
                    ? t('me.youHelp', { name: m.askerName })
                    : t('me.helpsYou', { name: m.helperName })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section>
        <h2>{t('me.needs')}</h2>
        {list(needs, 'me.noNeeds')}
      </section>
      <section>
        <h2>{t('me.offers')}</h2>
        {list(offers, 'me.noOffers')}
      </section>
    </>
  );
}
