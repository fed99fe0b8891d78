/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Events' pages: what is coming, making an event, an event with its occurrences (yes, maybe or no to each, in one
// request without script), a printable flyer with a QR code, and the page a flyer leads anyone to when the event is
// open to all (never the exact place, never who comes).
import { raw } from 'hono/html';
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import { direction, languageName } from '../web/i18n/index.ts';
import {
  Checkbox,
  ErrorSummary,
  Notice,
  SelectField,
  TextArea,
  TextField,
  formatDateTime,
  formatTime,
  type FormState,
  AreaField,
} from '../web/parts.tsx';
import type { Locale } from '../web/zone.ts';
import { EVENT_KINDS } from './schema.ts';
import { REPEATS, repeatOf } from './occurrences.ts';
import type { Coming, EventView, RsvpView } from './queries.ts';

const kindLabel = (t: Translate, k: string) => t(`event.kind.${k}` as Parameters<Translate>[0]);
const when = (at: Locale, start: Date, minutes: number) =>
  `${formatDateTime(at, start)}–${formatTime(at, new Date(start.getTime() + minutes * 60_000))}`;

export function EventsPage({ v, coming }: { v: ViewCtx; coming: Coming[] }) {
  const { t } = v;
  return (
    <>
      <h1>{t('event.title')}</h1>
      <p>{t('event.intro')}</p>
      <p>
        <a class="button" href="/events/new">
          {t('event.new')}
        </a>
      </p>
      {coming.length === 0 ? <p>{t('event.none')}</p> : null}
      <ul class="cards">
        {coming.map((c) => (
          <li class="card">
            <p class="what">
              <a href={`/events/${c.event.id}#o-${c.at.getTime()}`}>{c.event.title}</a>
            </p>
            <p class="meta">
              {kindLabel(t, c.event.kind)} · {when(v, c.at, c.event.minutes)} · {c.event.area}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

export function NewEventPage(props: {
  v: ViewCtx;
  form: FormState;
  readings: { id: string; title: string; language: string }[];
}) {
  const { v, form } = props;
  const { t } = v;
  const chosen = new Set((form.values.readings ?? '').split('\n'));
  return (
    <>
      <h1>{t('event.new')}</h1>
      <p>{t('event.newIntro')}</p>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/events" novalidate>
        <SelectField
          t={t}
          form={form}
          name="kind"
          label="event.kindLabel"
          required
          options={EVENT_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }))}
        />
        <TextField t={t} form={form} name="title" label="event.titleLabel" required maxlength={140} />
        <TextArea t={t} form={form} name="about" label="event.about" rows={4} maxlength={4000} />
        <SelectField
          t={t}
          form={form}
          name="language"
          label="event.language"
          required
          options={v.network!.languages.map((l) => ({ value: l, label: languageName(l) }))}
        />
        <AreaField t={t} form={form} label="event.area" hint="event.areaHint" areas={v.network!.areas} />
        <TextField t={t} form={form} name="place" label="event.place" hint="event.placeHint" maxlength={300} />
        <TextField t={t} form={form} name="date" label="event.date" type="date" required />
        <TextField t={t} form={form} name="start" label="event.start" type="time" required />
        <TextField t={t} form={form} name="minutes" label="event.minutes" type="number" inputmode="numeric" required />
        <SelectField
          t={t}
          form={form}
          name="repeat"
          label="event.repeat"
          required
          options={REPEATS.map((r) => ({ value: r, label: t(`event.repeat.${r}` as Parameters<Translate>[0]) }))}
        />
        <TextField
          t={t}
          form={form}
          name="times"
          label="event.times"
          hint="event.timesHint"
          type="number"
          inputmode="numeric"
        />
        <TextField
          t={t}
          form={form}
          name="capacity"
          label="event.capacity"
          hint="event.capacityHint"
          type="number"
          inputmode="numeric"
        />
        <TextField
          t={t}
          form={form}
          name="claim_hours"
          label="event.claimHours"
          hint="event.claimHoursHint"
          type="number"
          inputmode="numeric"
        />
        <Checkbox t={t} form={form} name="open_to_all" label="event.openToAll" hint="event.openToAllHint" />
        {props.readings.length ? (
          <details open={chosen.size > 1 || undefined}>
            <summary>{t('event.readings')}</summary>
            <fieldset class="field">
              <legend class="visually-hidden">{t('event.readings')}</legend>
              <div class="choices">
                {props.readings.map((r) => (
                  <label class="choice" lang={r.language}>
                    <input type="checkbox" name="readings" value={r.id} checked={chosen.has(r.id)} /> {r.title}
                  </label>
                ))}
              </div>
            </fieldset>
          </details>
        ) : null}
        <button type="submit" class="primary">
          {t('event.submit')}
        </button>
      </form>
    </>
  );
}

/** A member's answer to one occurrence, as words. */
function myState(t: Translate, at: Locale, mine: RsvpView | undefined, position: number) {
  if (!mine) return t('event.notAnswered');
  switch (mine.place) {
    case 'going':
      return t('event.going');
    case 'waiting':
      return t('event.waiting', { n: position });
    case 'offered':
      return t('event.offered', { until: formatDateTime(at, mine.offerEndsAt!) });
    default:
      return mine.answer === 'maybe'
        ? t('event.maybe')
        : mine.answer === 'no'
          ? t('event.notComing')
          : t('event.lapsed');
  }
}

export function EventPage(props: {
  v: ViewCtx;
  event: EventView;
  occurrences: Date[];
  rsvps: RsvpView[];
  readings: { id: string; title: string }[];
  place: string | null;
  form: FormState;
  done?: string | undefined;
}) {
  const { v, event, rsvps } = props;
  const { t } = v;
  const me = v.member!.id;
  const repeat = repeatOf(event.rrule);
  return (
    <>
      {props.done === 'made' ? <Notice kind="success">{t('event.made')}</Notice> : null}
      {props.done === 'answered' ? <Notice kind="success">{t('event.answered')}</Notice> : null}
      <ErrorSummary t={t} form={props.form} />
      <h1 lang={event.language} dir={direction(event.language)}>
        {event.title}
      </h1>
      <p class="meta">
        {kindLabel(t, event.kind)} · {languageName(event.language)} · {event.area} ·{' '}
        {t('event.by', { name: event.createdByName })}
      </p>
      {event.cancelledAt ? <Notice kind="warning">{t('event.cancelledNotice')}</Notice> : null}
      {event.about ? (
        <p class="prewrap" lang={event.language} dir={direction(event.language)}>
          {event.about}
        </p>
      ) : null}
      <p>{props.place ? t('event.placeIs', { place: props.place }) : t('event.placeHidden')}</p>
      {repeat.repeat !== 'none' ? (
        <p class="meta">
          {t('event.repeats', { how: t(`event.repeat.${repeat.repeat}` as Parameters<Translate>[0]), n: repeat.times })}
        </p>
      ) : null}
      {props.readings.length ? (
        <section aria-labelledby="readings-title">
          <h2 id="readings-title">{t('event.readings')}</h2>
          <ul>
            {props.readings.map((r) => (
              <li>
                <a href={`/library/${r.id}`}>{r.title}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="when-title">
        <h2 id="when-title">{t('event.when')}</h2>
        {props.occurrences.length === 0 ? <p>{t('event.over')}</p> : null}
        <ul class="cards">
          {props.occurrences.map((o) => {
            const here = rsvps.filter((r) => r.occurrence.getTime() === o.getTime());
            const mine = here.find((r) => r.memberId === me);
            const going = here.filter((r) => r.place === 'going' || r.place === 'offered').length;
            const waiting = here.filter((r) => r.place === 'waiting');
            const maybe = here.filter((r) => r.answer === 'maybe').length;
            const position = mine ? waiting.findIndex((r) => r.id === mine.id) + 1 : 0;
            const label = formatDateTime(v, o);
            return (
              <li class="card" id={`o-${o.getTime()}`}>
                <p class="what">{when(v, o, event.minutes)}</p>
                <p class="meta">
                  {event.capacity
                    ? t('event.countsWithRoom', { going, capacity: event.capacity, waiting: waiting.length, maybe })
                    : t('event.counts', { going, maybe })}
                </p>
                <p>{myState(t, v, mine, position)}</p>
                {event.cancelledAt ? null : (
                  <form method="post" action={`/events/${event.id}/rsvp`} class="rsvp">
                    <input type="hidden" name="occurrence" value={o.toISOString()} />
                    <button type="submit" name="answer" value="yes" aria-label={t('event.yesOn', { when: label })}>
                      {mine?.place === 'offered' ? t('event.takePlace') : t('event.yes')}
                    </button>{' '}
                    <button type="submit" name="answer" value="maybe" aria-label={t('event.maybeOn', { when: label })}>
                      {t('event.maybeButton')}
                    </button>{' '}
                    <button type="submit" name="answer" value="no" aria-label={t('event.noOn', { when: label })}>
                      {t('event.no')}
                    </button>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      </section>
      <p>
        <a href={`/events/${event.id}/flyer`}>{t('event.flyer')}</a>
        {event.openToAll ? (
          <>
            {' · '}
            <a href={`/events/${event.id}/public`}>{t('event.publicPage')}</a>
          </>
        ) : null}
      </p>
      {event.createdBy === me && !event.cancelledAt ? (
        <form method="post" action={`/events/${event.id}/cancel`}>
          <button type="submit">{t('event.cancel')}</button>
        </form>
      ) : null}
    </>
  );
}

export function FlyerPage(props: { v: ViewCtx; event: EventView; occurrences: Date[]; qr: string; address: string }) {
  const { v, event } = props;
  const { t } = v;
  return (
    <>
      <p class="hint no-print">{t('event.flyerHint')}</p>
      <article class="handout flyer" lang={event.language} dir={direction(event.language)}>
        <p class="meta">{v.network!.networkName}</p>
        <h1>{event.title}</h1>
        <p>{kindLabel(t, event.kind)}</p>
        {event.about ? <p class="prewrap">{event.about}</p> : null}
        <ul>
          {props.occurrences.slice(0, 6).map((o) => (
            <li>{when(v, o, event.minutes)}</li>
          ))}
        </ul>
        <p>{t('event.flyerArea', { area: event.area })}</p>
        <figure class="qr">{raw(props.qr)}</figure>
        <p>
          {event.openToAll
            ? t('event.flyerOpen', { address: props.address })
            : t('event.flyerMembers', { address: props.address })}
        </p>
      </article>
    </>
  );
}

export function PublicEventPage(props: { v: ViewCtx; event: EventView; occurrences: Date[] }) {
  const { v, event } = props;
  const { t } = v;
  return (
    <article lang={event.language} dir={direction(event.language)}>
      <p class="meta">{v.network!.networkName}</p>
      <h1>{event.title}</h1>
      <p>{kindLabel(t, event.kind)}</p>
      {event.about ? <p class="prewrap">{event.about}</p> : null}
      <ul>
        {props.occurrences.slice(0, 12).map((o) => (
          <li>{when(v, o, event.minutes)}</li>
        ))}
      </ul>
      <p>{t('event.flyerArea', { area: event.area })}</p>
      <p>{t('event.publicPlace', { network: v.network!.networkName })}</p>
    </article>
  );
}
