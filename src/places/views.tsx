/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// The places' pages: the list (each place's food, cleanliness, whether it works, and how long ago someone looked),
// adding a place, a place's page — one report form of radio buttons (tap what you see, then send: no script), the
// open restock ask and "I restocked it", tending it, counts in and out — and its printable sign with a QR code.
// Who reported or counted is never shown.
import type { ViewCtx } from '../web/layout.tsx';
import type { Translate } from '../web/i18n/index.ts';
import {
  Checkbox,
  ErrorSummary,
  Notice,
  QrLabel,
  RadioGroup,
  SelectField,
  TextArea,
  TextField,
  categoryLabel,
  formatDateTime,
  type FormState,
  AreaField,
} from '../web/parts.tsx';
import { FOOD_LEVELS, PLACE_KINDS } from './commands.ts';
import type { PlaceView, StockLine } from './queries.ts';

type Key = Parameters<Translate>[0];
const MINUTE = 60_000;

const yesNoOf = (t: Translate, name: 'clean' | 'working') => [
  { value: 'yes', label: t(`place.${name}.yes` as Key) },
  { value: 'no', label: t(`place.${name}.no` as Key) },
];

/** "Last report 3 hours ago": minutes under an hour, hours under two days, then days. */
export function ago(t: Translate, then: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - then.getTime()) / MINUTE));
  if (minutes < 60) return t('place.agoMinutes', { n: minutes });
  if (minutes < 48 * 60) return t('place.agoHours', { n: Math.floor(minutes / 60) });
  return t('place.agoDays', { n: Math.floor(minutes / (24 * 60)) });
}

function Status({ v, p, now }: { v: ViewCtx; p: PlaceView; now: Date }) {
  const { t } = v;
  const parts = [
    p.food ? t(`place.food.${p.food}` as Key) : null,
    p.clean === null ? null : p.clean ? t('place.clean.yes') : t('place.clean.no'),
    p.working === null ? null : p.working ? t('place.working.yes') : t('place.working.no'),
  ].filter(Boolean);
  return (
    <p class="meta">
      {parts.length ? `${parts.join(' · ')} · ` : ''}
      {p.lastReportAt ? ago(t, p.lastReportAt, now) : t('place.noReport')}
    </p>
  );
}

export function PlacesPage({ v, places, now }: { v: ViewCtx; places: PlaceView[]; now: Date }) {
  const { t } = v;
  return (
    <>
      <h1>{t('place.title')}</h1>
      <p>{t('place.intro')}</p>
      <p>
        <a class="button" href="/places/new">
          {t('place.new')}
        </a>
      </p>
      {places.length === 0 ? <p>{t('place.none')}</p> : null}
      <ul class="cards">
        {places.map((p) => (
          <li class={p.food === 'empty' || p.askId ? 'card need' : 'card'}>
            <p class="what">
              <a href={`/places/${p.id}`}>{p.name}</a>
            </p>
            <p class="meta">
              {t(`place.kind.${p.kind}` as Key)} · {p.area}
              {p.askId ? ` · ${t('place.askOpen')}` : ''}
            </p>
            <Status v={v} p={p} now={now} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function NewPlacePage({ v, form }: { v: ViewCtx; form: FormState }) {
  const { t } = v;
  return (
    <>
      <h1>{t('place.new')}</h1>
      <ErrorSummary t={t} form={form} />
      <form method="post" action="/places" novalidate>
        <TextField t={t} form={form} name="name" label="place.name" hint="place.nameHint" required maxlength={120} />
        <RadioGroup
          t={t}
          form={form}
          name="kind"
          label="place.kindLabel"
          required
          options={PLACE_KINDS.map((k) => ({ value: k, label: t(`place.kind.${k}` as Key) }))}
        />
        <AreaField t={t} form={form} label="place.area" areas={v.network!.areas} />
        <TextArea t={t} form={form} name="about" label="place.about" hint="place.aboutHint" rows={3} maxlength={2000} />
        <SelectField
          t={t}
          form={form}
          name="help"
          label="place.help"
          hint="place.helpHint"
          required
          options={v.network!.categories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
        />
        <Checkbox t={t} form={form} name="counted" label="place.counted" hint="place.countedHint" />
        <button type="submit" class="primary">
          {t('place.add')}
        </button>
      </form>
    </>
  );
}

export function PlacePage(props: {
  v: ViewCtx;
  place: PlaceView;
  tends: boolean;
  stock: StockLine[];
  ledger: { item: string; change: number; at: Date }[];
  reportForm: FormState;
  stockForm: FormState;
  now: Date;
  done?: string | undefined;
}) {
  const { v, place: p, reportForm: rf, stockForm: sf } = props;
  const { t } = v;
  const doneKey = props.done ? (`place.done.${props.done}` as Key) : null;
  const yesNo = (name: 'clean' | 'working') => yesNoOf(t, name);
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <h1>{p.name}</h1>
      <p class="meta">
        {t(`place.kind.${p.kind}` as Key)} · {p.area}
      </p>
      <Status v={v} p={p} now={props.now} />
      {p.about ? <p class="prewrap">{p.about}</p> : null}
      {p.askId ? (
        <Notice kind="warning">
          {t('place.askSince', { when: ago(t, p.askedAt!, props.now) })}
          {p.askWhat ? ` ${t('place.askWhat', { what: p.askWhat })}` : ''}
        </Notice>
      ) : null}
      {p.askId && !p.retiredAt ? (
        <form method="post" action={`/places/${p.id}/restocked`}>
          <button type="submit" class="primary">
            {t('place.restocked')}
          </button>
        </form>
      ) : null}
      {p.retiredAt ? (
        <p>{t('place.retired')}</p>
      ) : (
        <section aria-labelledby="report-title">
          <h2 id="report-title">{t('place.reportTitle')}</h2>
          <ErrorSummary t={t} form={rf} />
          <form method="post" action={`/places/${p.id}/report`} novalidate>
            <RadioGroup
              t={t}
              form={rf}
              name="food"
              label="place.foodLabel"
              options={FOOD_LEVELS.map((f) => ({ value: f, label: t(`place.food.${f}` as Key) }))}
            />
            <RadioGroup t={t} form={rf} name="clean" label="place.cleanLabel" options={yesNo('clean')} />
            <RadioGroup t={t} form={rf} name="working" label="place.workingLabel" options={yesNo('working')} />
            <Checkbox t={t} form={rf} name="restock" label="place.restock" hint="place.restockHint" />
            <TextField t={t} form={rf} name="what" label="place.what" maxlength={300} />
            <button type="submit" class="primary">
              {t('place.send')}
            </button>
          </form>
        </section>
      )}
      {p.counted ? (
        <section aria-labelledby="stock-title">
          <h2 id="stock-title">{t('place.stockTitle')}</h2>
          {props.stock.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('place.item')}</th>
                  <th scope="col">{t('place.count')}</th>
                </tr>
              </thead>
              <tbody>
                {props.stock.map((s) => (
                  <tr>
                    <td>{s.item}</td>
                    <td>{s.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('place.noStock')}</p>
          )}
          {p.retiredAt ? null : (
            <>
              <ErrorSummary t={t} form={sf} />
              <form method="post" action={`/places/${p.id}/stock`} novalidate>
                <TextField t={t} form={sf} name="item" label="place.item" required maxlength={80} />
                <TextField t={t} form={sf} name="n" label="place.howMany" type="number" inputmode="numeric" required />
                <button type="submit" name="way" value="in">
                  {t('place.cameIn')}
                </button>{' '}
                <button type="submit" name="way" value="out">
                  {t('place.wentOut')}
                </button>
              </form>
            </>
          )}
          {props.ledger.length ? (
            <details>
              <summary>{t('place.ledger')}</summary>
              <ul>
                {props.ledger.map((l) => (
                  <li>
                    {formatDateTime(v, l.at)} · {l.item} {l.change > 0 ? `+${l.change}` : String(l.change)}
                  </li>
                ))}
              </ul>
            </details>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="tend-title">
        <h2 id="tend-title">{t('place.tendTitle')}</h2>
        <p>{t('place.tenders', { n: p.tenders })}</p>
        <form method="post" action={`/places/${p.id}/tend`}>
          <input type="hidden" name="on" value={props.tends ? 'no' : 'yes'} />
          <button type="submit">{props.tends ? t('place.untend') : t('place.tend')}</button>
        </form>
      </section>
      <p>
        <a href={`/places/${p.id}/sign`}>{t('place.sign')}</a>
      </p>
      {p.addedBy === v.member!.id && !p.retiredAt ? (
        <form method="post" action={`/places/${p.id}/retire`}>
          <button type="submit">{t('place.retire')}</button>
        </form>
      ) : null}
    </>
  );
}

/** What anyone who scans the sign sees: the place's status, and three choices to say what they see. */
export function PublicPlacePage(props: {
  v: ViewCtx;
  place: PlaceView;
  form: FormState;
  now: Date;
  done?: string | undefined;
}) {
  const { v, place: p, form } = props;
  const { t } = v;
  const doneKey = props.done ? (`place.done.${props.done}` as Key) : null;
  return (
    <>
      {doneKey && t(doneKey) !== doneKey ? <Notice kind="success">{t(doneKey)}</Notice> : null}
      <ErrorSummary t={t} form={form} />
      <p class="meta">{v.network!.networkName}</p>
      <h1>{p.name}</h1>
      <p class="meta">
        {t(`place.kind.${p.kind}` as Key)} · {p.area}
      </p>
      <Status v={v} p={p} now={props.now} />
      {p.about ? <p class="prewrap">{p.about}</p> : null}
      {p.askId ? <Notice kind="warning">{t('place.askSince', { when: ago(t, p.askedAt!, props.now) })}</Notice> : null}
      <h2>{t('place.reportTitle')}</h2>
      <form method="post" action={`/places/${p.id}/public/report`} novalidate>
        <RadioGroup
          t={t}
          form={form}
          name="food"
          label="place.foodLabel"
          options={FOOD_LEVELS.map((f) => ({ value: f, label: t(`place.food.${f}` as Key) }))}
        />
        <RadioGroup t={t} form={form} name="clean" label="place.cleanLabel" options={yesNoOf(t, 'clean')} />
        <RadioGroup t={t} form={form} name="working" label="place.workingLabel" options={yesNoOf(t, 'working')} />
        <button type="submit" class="primary">
          {t('place.send')}
        </button>
      </form>
      <p class="hint">{t('place.publicHint')}</p>
      {v.member ? (
        <p>
          <a href={`/places/${p.id}`}>{t('place.openInApp')}</a>
        </p>
      ) : null}
    </>
  );
}

export function SignPage({ v, place: p, qr, address }: { v: ViewCtx; place: PlaceView; qr: string; address: string }) {
  return (
    <QrLabel
      hint={v.t('place.signHint')}
      network={v.network!.networkName}
      title={p.name}
      qr={qr}
      text={v.t('place.signText', { address })}
    />
  );
}
