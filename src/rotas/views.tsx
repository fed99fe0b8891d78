/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Rota pages: every rota with how many coming slots are short; one rota's slots with who is in, sign-up, drop, swap;
// the forms that make a rota and add slots; a member's own commitments and their private calendar address.
import type { ViewCtx } from '../web/layout.tsx';
import {
  categoryLabel,
  ErrorSummary,
  formatDateTime,
  formatTime,
  Notice,
  SelectField,
  TextArea,
  TextField,
  type FormState,
} from '../web/parts.tsx';
import type { Commitment, RotaListItem, RotaView, SlotView } from './queries.ts';

const when = (v: ViewCtx, s: { startsAt: Date; endsAt: Date }) =>
  `${formatDateTime(v, s.startsAt)} – ${formatTime(v, s.endsAt)}`;

export function MyCommitments({ v, items }: { v: ViewCtx; items: Commitment[] }) {
  const { t } = v;
  if (items.length === 0) return <p>{t('rota.noCommitments')}</p>;
  return (
    <ul>
      {items.map((c) => (
        <li>
          <a href={`/rotas/${c.rotaId}#slot-${c.slotId}`}>{c.title}</a> · {when(v, c)} · {c.area}
          {c.swapWanted ? <> · {t('rota.swapOffered')}</> : null}
        </li>
      ))}
    </ul>
  );
}

export function Feed({ v, has, url }: { v: ViewCtx; has: boolean; url?: string }) {
  const { t } = v;
  return (
    <section aria-labelledby="feed">
      <h2 id="feed">{t('rota.feedTitle')}</h2>
      <p class="hint">{t('rota.feedHint')}</p>
      {url ? (
        <Notice kind="success">
          <p>{t('rota.feedShownOnce')}</p>
          <p>
            <a class="button primary" href={url.replace(/^https?:/, 'webcal:')}>
              {t('rota.feedSubscribe')}
            </a>
          </p>
          <label for="feed-url">{t('rota.feedAddress')}</label>
          <div class="copy-row">
            <input type="text" id="feed-url" readonly value={url} class="link-text" />
            <button type="button" data-copy="feed-url" data-done={t('rota.feedCopied')} hidden>
              {t('rota.feedCopy')}
            </button>
          </div>
          <p class="hint" data-copy-status role="status" aria-live="polite"></p>
        </Notice>
      ) : null}
      <form method="post" action="/calendar/new" class="inline">
        <button type="submit">{t(has ? 'rota.feedReplace' : 'rota.feedMake')}</button>
      </form>
      {has ? (
        <form method="post" action="/calendar/revoke" class="inline">
          <button type="submit">{t('rota.feedRevoke')}</button>
        </form>
      ) : null}
    </section>
  );
}

export function RotasPage({
  v,
  rotas,
  mine,
  hasFeed,
  feedUrl,
}: {
  v: ViewCtx;
  rotas: RotaListItem[];
  mine: Commitment[];
  hasFeed: boolean;
  feedUrl?: string;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('rota.title')}</h1>
      <p>{t('rota.intro')}</p>
      {rotas.length === 0 ? (
        <p>{t('rota.none')}</p>
      ) : (
        <ul class="cards">
          {rotas.map((r) => (
            <li class="card">
              <h2>
                <a href={`/rotas/${r.id}`}>{r.title}</a>
              </h2>
              <p class="meta">
                {categoryLabel(t, r.category)} · {t('rota.upcoming', { count: r.upcoming })}
              </p>
              {r.short ? <p class="tag short">{t('rota.shortCount', { count: r.short })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href="/rotas/new">{t('rota.new')}</a>
      </p>
      <h2>{t('rota.mine')}</h2>
      <MyCommitments v={v} items={mine} />
      <Feed v={v} has={hasFeed} url={feedUrl} />
    </>
  );
}

function SlotActions({ v, s, me }: { v: ViewCtx; s: SlotView; me: string }) {
  const { t } = v;
  const mine = s.places.find((p) => p.memberId === me);
  if (mine) {
    return (
      <div class="actions">
        <form method="post" action={`/rotas/slots/${s.id}/swap`}>
          <input type="hidden" name="wanted" value={mine.swapWanted ? 'off' : 'on'} />
          <button type="submit">{t(mine.swapWanted ? 'rota.swapKeep' : 'rota.swapOffer')}</button>
        </form>
        <form method="post" action={`/rotas/slots/${s.id}/drop`}>
          <button type="submit">{t('rota.drop')}</button>
        </form>
      </div>
    );
  }
  const offered = s.places.filter((p) => p.swapWanted);
  return (
    <div class="actions">
      {s.places.length < s.needed ? (
        <form method="post" action={`/rotas/slots/${s.id}/sign-up`}>
          <button type="submit" class="primary">
            {t('rota.signUp')}
          </button>
        </form>
      ) : null}
      {offered.map((p) => (
        <form method="post" action={`/rotas/places/${p.signupId}/take`}>
          <button type="submit">{t('rota.takePlace', { name: p.name })}</button>
        </form>
      ))}
    </div>
  );
}

export function RotaPage({
  v,
  rota,
  slots,
  form,
  areas,
  me,
  now,
}: {
  v: ViewCtx;
  rota: RotaView;
  slots: SlotView[];
  form: FormState;
  areas: string[];
  me: string;
  now: Date;
}) {
  const { t } = v;
  return (
    <>
      <h1>{rota.title}</h1>
      <p class="meta">
        {categoryLabel(t, rota.category)} · {t('rota.notice', { hours: rota.noticeHours })}
      </p>
      {rota.about ? <p class="prewrap">{rota.about}</p> : null}
      <h2>{t('rota.slots')}</h2>
      {slots.length === 0 ? (
        <p>{t('rota.noSlots')}</p>
      ) : (
        <ul class="cards compact">
          {slots.map((s) => (
            <li class={s.short ? 'card slot short' : 'card slot'} id={`slot-${s.id}`}>
              <p>
                <strong>{when(v, s)}</strong> · {s.area}
              </p>
              <p>
                {t('rota.filled', { count: s.places.length, needed: s.needed })}
                {s.places.length ? (
                  <>
                    {' '}
                    — {s.places.map((p) => (p.swapWanted ? `${p.name} (${t('rota.swapOffered')})` : p.name)).join(', ')}
                  </>
                ) : null}
              </p>
              {s.short ? <p class="tag short">{t('rota.shortSoon')}</p> : null}
              {s.startsAt > now ? <SlotActions v={v} s={s} me={me} /> : null}
            </li>
          ))}
        </ul>
      )}
      <h2 id="add">{t('rota.addSlots')}</h2>
      <ErrorSummary t={t} form={form} />
      <form method="post" action={`/rotas/${rota.id}/slots#add`} novalidate>
        <TextField t={t} form={form} name="date" label="rota.date" type="date" required />
        <TextField t={t} form={form} name="start" label="rota.start" type="time" required />
        <TextField t={t} form={form} name="end" label="rota.end" hint="rota.endHint" type="time" required />
        <SelectField
          t={t}
          form={form}
          name="area"
          label="post.area"
          required
          placeholder="post.choose"
          options={areas.map((a) => ({ value: a, label: a }))}
        />
        <TextField t={t} form={form} name="needed" label="rota.needed" type="number" inputmode="numeric" required />
        <TextField
          t={t}
          form={form}
          name="repeat_weeks"
          label="rota.repeatWeeks"
          hint="rota.repeatWeeksHint"
          type="number"
          inputmode="numeric"
        />
        <button type="submit">{t('rota.addSlotsButton')}</button>
      </form>
    </>
  );
}

export function NewRotaPage({ v, form, categories }: { v: ViewCtx; form: FormState; categories: string[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('rota.new')}</h1>
      <p>{t('rota.newIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/rotas/new" novalidate>
        <TextField
          t={t}
          form={form}
          name="title"
          label="rota.titleLabel"
          hint="rota.titleHint"
          required
          maxlength={120}
        />
        <SelectField
          t={t}
          form={form}
          name="category"
          label="post.category"
          hint="rota.categoryHint"
          required
          placeholder="post.choose"
          options={categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
        />
        <TextArea t={t} form={form} name="about" label="rota.about" rows={3} maxlength={2000} />
        <TextField
          t={t}
          form={form}
          name="notice_hours"
          label="rota.noticeHours"
          hint="rota.noticeHoursHint"
          type="number"
          inputmode="numeric"
          required
        />
        <button type="submit" class="primary">
          {t('rota.create')}
        </button>
      </form>
    </>
  );
}
