/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The mutuality dashboard, its one-page printable summary, and the check-in page. Only aggregates; a figure resting on
// fewer than five members reads "not shown"; nobody's own figures appear here (each member sees theirs on My page).
import type { ViewCtx } from '../web/layout.tsx';
import type { Shared } from '../web/domain.ts';
import { causeLabel } from '../causes/index.ts';
import type { CausesByMonth } from './queries.ts';
import type { MessageKey } from '../web/i18n/index.ts';
import { categoryLabel, ErrorSummary, formatDate, Notice, RadioGroup, type FormState } from '../web/parts.tsx';
import type { Suppressed } from './metrics.ts';
import { hasSuppressed, WORK_KINDS, type Dashboard, type Drift, type Durations, type WorkKind } from './queries.ts';
import { BarChart, LineChart } from './charts.tsx';
import type { RoundCounts } from './checkin.ts';
import { CHECKIN_ANSWERS } from './checkin.ts';
import type { LoadWarning } from './warnings.ts';

export type DashboardProps = {
  d: Dashboard;
  drift: Drift;
  checkins: RoundCounts[];
  warning: LoadWarning | undefined;
  thresholds: { load: number; floor: number; gini: number };
  /** Needs by root cause, month by month (causes/). */
  causes: CausesByMonth;
  /** Other ways the network shares (the time bank, buying together…), as totals: each domain's own (Domain.shared). */
  shared: Shared[];
};

const pct = (lang: string, x: number) =>
  new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const dec = (lang: string, x: number) =>
  new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(x);
/** A month on a chart's axis: its short name alone ("Dec"); the table beside the chart has the year. */
const shortMonth = (lang: string, m: string) =>
  new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(new Date(`${m}-15T00:00:00Z`));
const monthName = (lang: string, m: string) =>
  new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${m}-15T00:00:00Z`),
  );

export function hoursText(lang: string, hours: number): string {
  const unit = hours < 48 ? 'hour' : 'day';
  const n = hours < 48 ? Math.round(hours * 10) / 10 : Math.round((hours / 24) * 10) / 10;
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(n);
}

/** A suppressed figure, said plainly. */
function Shown<T>({ v, s, show }: { v: ViewCtx; s: Suppressed<T>; show: (x: T) => string }) {
  return s.shown ? <>{show(s.value)}</> : <Dash v={v} />;
}

/** A figure not shown: a dash on screen (the page says once what it means), the words for screen readers. */
function Dash({ v }: { v: ViewCtx }) {
  return (
    <span class="suppressed">
      <span aria-hidden="true">—</span>
      <span class="visually-hidden">{v.t('mutuality.suppressed')}</span>
    </span>
  );
}
const value = <T,>(s: Suppressed<T>): T | null => (s.shown ? s.value : null);

const KIND_LABEL: Record<WorkKind, MessageKey> = {
  helping: 'mutuality.helping',
  deciding: 'mutuality.deciding',
  coordinating: 'mutuality.coordinating',
};

function Practices({ v, drift }: { v: ViewCtx; drift: Drift }) {
  const { t } = v;
  return (
    <Notice kind="warning">
      <h2>{t('mutuality.driftTitle')}</h2>
      {drift.reciprocityLow ? <p>{t('mutuality.driftReciprocity')}</p> : null}
      {drift.unevenKinds.map((k) => (
        <p>{t('mutuality.driftUneven', { what: t(KIND_LABEL[k]) })}</p>
      ))}
      <p>{t('mutuality.practicesIntro')}</p>
      <ul>
        <li>
          {t('mutuality.practiceRotate')} <a href="/roles">{t('mutuality.practiceRotateLink')}</a>
        </li>
        <li>{t('mutuality.practiceInvite')}</li>
        <li>{t('mutuality.practiceSplit')}</li>
        <li>{t('mutuality.practiceAsk')}</li>
        <li>{t('mutuality.practiceRest')}</li>
      </ul>
    </Notice>
  );
}

function DurationCells({ v, s }: { v: ViewCtx; s: Suppressed<Durations> }) {
  return s.shown ? (
    <>
      <td class="num">{hoursText(v.lang, s.value.median)}</td>
      <td class="num">{hoursText(v.lang, s.value.p90)}</td>
    </>
  ) : (
    <td colspan={2}>
      <Dash v={v} />
    </td>
  );
}

export function DashboardPage({ v, p }: { v: ViewCtx; p: DashboardProps }) {
  const { t, lang } = v;
  const { d } = p;
  const months = d.months.map((m) => monthName(lang, m));
  const axis = d.months.map((m) => shortMonth(lang, m));
  const recNow = d.reciprocity.now;
  const warnedLately = p.warning && d.asOf.getTime() - p.warning.at.getTime() < 30 * 86_400_000;
  return (
    <div class="dashboard">
      <h1>{t('mutuality.title')}</h1>
      <p>{t('mutuality.intro')}</p>
      <p class="no-print">
        <a href="/mutuality/summary">{t('mutuality.summaryLink')}</a> ·{' '}
        <a href="/mutuality.csv">{t('mutuality.csvLink')}</a>
      </p>
      {hasSuppressed(d) ? <p class="hint">{t('mutuality.suppressedNote')}</p> : null}
      {p.drift.any ? <Practices v={v} drift={p.drift} /> : null}
      {warnedLately ? (
        <Notice kind="warning">
          <p>
            {t('mutuality.loadWarned', {
              date: formatDate(v, p.warning!.at),
              share: pct(lang, p.warning!.share),
              threshold: pct(lang, p.warning!.threshold / 100),
            })}
          </p>
        </Notice>
      ) : null}

      <section aria-labelledby="reciprocity">
        <h2 id="reciprocity">{t('mutuality.reciprocity')}</h2>
        <p class="hint">{t('mutuality.reciprocityHint')}</p>
        <p class="big-number">
          <Shown v={v} s={recNow} show={(r) => pct(lang, r.share)} />
        </p>
        {recNow.shown ? (
          <p>{t('mutuality.reciprocityOf', { both: recNow.value.both, active: recNow.value.active })}</p>
        ) : null}
        <figure class="chart">
          <LineChart
            id="chart-reciprocity"
            title={t('mutuality.reciprocityChart')}
            months={axis}
            series={[
              {
                label: t('mutuality.reciprocity'),
                cls: 'line-a',
                values: d.reciprocity.trend.map((x) => value(x.value)),
              },
            ]}
          />
          <figcaption>{t('mutuality.reciprocityChart')}</figcaption>
        </figure>
        <div class="table-scroll" tabindex={0}>
          <table class="ledger">
            <caption class="visually-hidden">{t('mutuality.reciprocityChart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mutuality.month')}</th>
                <th scope="col" class="num">
                  {t('mutuality.share')}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.reciprocity.trend.map((x, i) => (
                <tr>
                  <th scope="row">{months[i]}</th>
                  <td class="num">
                    <Shown v={v} s={x.value} show={(s) => pct(lang, s)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="concentration">
        <h2 id="concentration">{t('mutuality.concentration')}</h2>
        <p class="hint">{t('mutuality.concentrationHint')}</p>
        <div class="table-scroll" tabindex={0}>
          <table class="ledger">
            <caption class="visually-hidden">{t('mutuality.concentration')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mutuality.work')}</th>
                <th scope="col" class="num">
                  {t('mutuality.gini')}
                </th>
                <th scope="col" class="num">
                  {t('mutuality.topShare')}
                </th>
              </tr>
            </thead>
            <tbody>
              {WORK_KINDS.map((k) => (
                <tr>
                  <th scope="row">{t(KIND_LABEL[k])}</th>
                  <td class="num">
                    <Shown v={v} s={d.concentration[k].gini} show={(g) => dec(lang, g)} />
                  </td>
                  <td class="num">
                    <Shown v={v} s={d.concentration[k].top} show={(s) => pct(lang, s)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figure class="chart">
          <LineChart
            id="chart-gini"
            title={t('mutuality.giniChart')}
            months={axis}
            series={WORK_KINDS.map((k, i) => ({
              label: t(KIND_LABEL[k]),
              cls: `line-${'abc'[i]}`,
              values: d.concentration[k].trend.map((x) => value(x.value)),
            }))}
          />
          <figcaption>
            {WORK_KINDS.map((k, i) => (
              <>
                <span class={`key key-${'abc'[i]}`} aria-hidden="true"></span> {t(KIND_LABEL[k])}{' '}
              </>
            ))}
          </figcaption>
        </figure>
        <div class="table-scroll" tabindex={0}>
          <table class="ledger">
            <caption class="visually-hidden">{t('mutuality.giniChart')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('mutuality.month')}</th>
                {WORK_KINDS.map((k) => (
                  <th scope="col" class="num">
                    {t(KIND_LABEL[k])}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {d.months.map((_, i) => (
                <tr>
                  <th scope="row">{months[i]}</th>
                  {WORK_KINDS.map((k) => (
                    <td class="num">
                      <Shown v={v} s={d.concentration[k].trend[i]!.value} show={(g) => dec(lang, g)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="needs">
        <h2 id="needs">{t('mutuality.needs')}</h2>
        <figure class="chart">
          <BarChart
            id="chart-needs"
            title={t('mutuality.needsChart')}
            months={axis}
            series={[
              {
                label: t('mutuality.posted'),
                cls: 'bar-a',
                values: d.needsByMonth.map((x) => value(x.value)?.posted ?? null),
              },
              {
                label: t('mutuality.met'),
                cls: 'bar-b',
                values: d.needsByMonth.map((x) => value(x.value)?.met ?? null),
              },
              {
                label: t('mutuality.expired'),
                cls: 'bar-c',
                values: d.needsByMonth.map((x) => value(x.value)?.expired ?? null),
              },
            ]}
          />
          <figcaption>
            <span class="key key-a" aria-hidden="true"></span> {t('mutuality.posted')} ·{' '}
            <span class="key key-b" aria-hidden="true"></span> {t('mutuality.met')} ·{' '}
            <span class="key key-c" aria-hidden="true"></span> {t('mutuality.expired')}
          </figcaption>
        </figure>
        <NeedTable
          v={v}
          caption={t('mutuality.needsChart')}
          head={t('mutuality.month')}
          rows={d.needsByMonth.map((x, i) => ({ label: months[i]!, value: x.value }))}
        />
        <h3>{t('mutuality.byCategory')}</h3>
        {d.needsByCategory.length === 0 ? (
          <p>{t('mutuality.noNeeds')}</p>
        ) : (
          <NeedTable
            v={v}
            caption={t('mutuality.byCategory')}
            head={t('post.category')}
            rows={d.needsByCategory.map((x) => ({ label: categoryLabel(t, x.category), value: x.value }))}
          />
        )}
        <details>
          <summary>{t('mutuality.byCategoryMonth')}</summary>
          <NeedTable
            v={v}
            caption={t('mutuality.byCategoryMonth')}
            head={t('post.category')}
            rows={d.needsByCategoryMonth.map((x) => ({
              label: `${categoryLabel(t, x.category)} · ${monthName(lang, x.month)}`,
              value: x.value,
            }))}
          />
        </details>
        <Causes v={v} c={p.causes} />
        <h3>{t('mutuality.speed')}</h3>
        <div class="table-scroll" tabindex={0}>
          <table class="ledger">
            <caption class="visually-hidden">{t('mutuality.speed')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="visually-hidden">{t('mutuality.measure')}</span>
                </th>
                <th scope="col" class="num">
                  {t('mutuality.median')}
                </th>
                <th scope="col" class="num">
                  {t('mutuality.p90')}
                </th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <th scope="row">{t('mutuality.toMatch')}</th>
                <DurationCells v={v} s={d.toMatch} />
              </tr>
              <tr>
                <th scope="row">{t('mutuality.toMeet')}</th>
                <DurationCells v={v} s={d.toMeet} />
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="checkins">
        <h2 id="checkins">{t('mutuality.checkins')}</h2>
        <p class="hint">{t('mutuality.checkinsHint')}</p>
        {p.checkins.length === 0 ? (
          <p>{t('mutuality.noCheckins')}</p>
        ) : (
          <div class="table-scroll" tabindex={0}>
            <table class="ledger">
              <caption class="visually-hidden">{t('mutuality.checkins')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('mutuality.asked')}</th>
                  {CHECKIN_ANSWERS.map((a) => (
                    <th scope="col" class="num">
                      {t(`checkin.${a}` as MessageKey)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.checkins.map((r) => (
                  <tr>
                    <th scope="row">{formatDate(v, r.openedAt)}</th>
                    {r.counts.shown ? (
                      CHECKIN_ANSWERS.map((a) => (
                        <td class="num">{(r.counts as { value: Record<string, number> }).value[a]}</td>
                      ))
                    ) : (
                      <td colspan={CHECKIN_ANSWERS.length}>
                        <Dash v={v} />
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {p.shared.map((sh, i) => (
        <section aria-labelledby={`shared-${i}`}>
          <h2 id={`shared-${i}`}>{sh.title}</h2>
          {sh.lines.map((line) => (
            <p>{line}</p>
          ))}
        </section>
      ))}

      <p class="hint">
        {t('mutuality.privacy', {
          load: p.thresholds.load,
          floor: p.thresholds.floor,
          gini: dec(lang, p.thresholds.gini / 100),
        })}
      </p>
    </div>
  );
}

/** Why needs arose: each root cause the members tagged needs with, month by month; a count under five is a dash. */
function Causes({ v, c }: { v: ViewCtx; c: CausesByMonth }) {
  const { t, lang } = v;
  return (
    <section aria-labelledby="causes-title">
      <h3 id="causes-title">{t('causes.title')}</h3>
      <p class="hint">{t('causes.intro')}</p>
      {c.rows.length === 0 ? (
        <p>{t('causes.none')}</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="ledger">
            <caption class="visually-hidden">{t('causes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('causes.cause')}</th>
                {c.months.map((m) => (
                  <th scope="col" class="num">
                    {monthName(lang, m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.rows.map((r) => (
                <tr>
                  <th scope="row">{causeLabel(t, r.cause)}</th>
                  {r.counts.map((n) => (
                    <td class="num">{n === null ? <Dash v={v} /> : n}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function NeedTable({
  v,
  caption,
  head,
  rows,
}: {
  v: ViewCtx;
  caption: string;
  head: string;
  rows: { label: string; value: Suppressed<{ posted: number; met: number; expired: number }> }[];
}) {
  const { t } = v;
  return (
    <div class="table-scroll" tabindex={0}>
      <table class="ledger">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            <th scope="col" class="num">
              {t('mutuality.posted')}
            </th>
            <th scope="col" class="num">
              {t('mutuality.met')}
            </th>
            <th scope="col" class="num">
              {t('mutuality.expired')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              {r.value.shown ? (
                <>
                  <td class="num">{r.value.value.posted}</td>
                  <td class="num">{r.value.value.met}</td>
                  <td class="num">{r.value.value.expired}</td>
                </>
              ) : (
                <td colspan={3}>
                  <Dash v={v} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One printable page for the members' meeting: the headline figures and what to talk about. */
export function SummaryPage({ v, p, network }: { v: ViewCtx; p: DashboardProps; network: string }) {
  const { t, lang } = v;
  const { d } = p;
  return (
    <div class="summary">
      <h1>{t('mutuality.summaryTitle', { network, date: formatDate(v, d.asOf) })}</h1>
      <ul>
        <li>
          {t('mutuality.reciprocity')}: <Shown v={v} s={d.reciprocity.now} show={(r) => pct(lang, r.share)} />
        </li>
        {WORK_KINDS.map((k) => (
          <li>
            {t(KIND_LABEL[k])}: {t('mutuality.gini')}{' '}
            <Shown v={v} s={d.concentration[k].gini} show={(g) => dec(lang, g)} />, {t('mutuality.topShare')}{' '}
            <Shown v={v} s={d.concentration[k].top} show={(s) => pct(lang, s)} />
          </li>
        ))}
        <li>
          {t('mutuality.toMatch')}:{' '}
          <Shown v={v} s={d.toMatch} show={(x) => `${hoursText(lang, x.median)} / ${hoursText(lang, x.p90)}`} />
        </li>
        <li>
          {t('mutuality.toMeet')}:{' '}
          <Shown v={v} s={d.toMeet} show={(x) => `${hoursText(lang, x.median)} / ${hoursText(lang, x.p90)}`} />
        </li>
        <li>
          {t('mutuality.lastThirty')}: <Shown v={v} s={d.load} show={(s) => pct(lang, s)} />
        </li>
      </ul>
      {p.drift.any ? <Practices v={v} drift={p.drift} /> : <p>{t('mutuality.noDrift')}</p>}
      <NeedTable
        v={v}
        caption={t('mutuality.needsChart')}
        head={t('mutuality.month')}
        rows={d.needsByMonth.map((x) => ({ label: monthName(lang, x.month), value: x.value }))}
      />
      <Causes v={v} c={p.causes} />
      {p.shared.map((sh) => (
        <p>
          <strong>{sh.title}:</strong> {sh.lines.join(' ')}
        </p>
      ))}
      <p class="hint">{t('mutuality.summaryFoot')}</p>
      <p class="no-print">
        <a href="/mutuality">{t('mutuality.backToDashboard')}</a>
      </p>
    </div>
  );
}

export function CheckinPage({
  v,
  open,
  answered,
  form,
}: {
  v: ViewCtx;
  open: boolean;
  answered: boolean;
  form: FormState;
}) {
  const { t } = v;
  return (
    <>
      <h1>{t('checkin.title')}</h1>
      <p>{t('checkin.intro')}</p>
      {!open ? (
        <p>{t('checkin.noneOpen')}</p>
      ) : answered ? (
        <Notice kind="success">{t('checkin.thanks')}</Notice>
      ) : (
        <form method="post" action="/checkin" novalidate>
          <ErrorSummary t={t} form={form} />
          <RadioGroup
            t={t}
            form={form}
            name="answer"
            label="checkin.question"
            required
            options={CHECKIN_ANSWERS.map((a) => ({ value: a, label: t(`checkin.${a}` as MessageKey) }))}
          />
          <button type="submit" class="primary">
            {t('checkin.send')}
          </button>
        </form>
      )}
      <p>
        <a href="/mutuality#checkins">{t('checkin.seeCounts')}</a>
      </p>
    </>
  );
}
