/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Small view parts used by many pages: fields with their messages, notices, choice lists.
import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import type { FormState, FormValues } from './forms.ts';
import type { MessageKey, Translate } from './i18n/index.ts';
import type { Locale } from './zone.ts';

export type { FormState };
export const emptyForm = (values: FormValues = {}): FormState => ({ values, errors: {} });

type FieldProps = {
  t: Translate;
  form: FormState;
  name: string;
  /** The label's message; or `text`, the label already in words (a sheet's column, one of its values). */
  label?: MessageKey;
  text?: string;
  hint?: MessageKey;
  /** The hint already in words (examples from a sheet), shown instead of `hint`'s message. */
  hintText?: string;
  required?: boolean;
  /** Needed only sometimes (a reason, when objecting): the hint says when, and "(optional)" would say otherwise. */
  sometimes?: boolean;
};

function describedBy(p: FieldProps) {
  const hinted = p.hint || p.hintText;
  const ids = [hinted ? `${p.name}-hint` : '', p.form.errors[p.name] ? `${p.name}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldShell(p: FieldProps & { children: Child }) {
  const error = p.form.errors[p.name];
  return (
    <div class={error ? 'field has-error' : 'field'}>
      <label for={p.name}>
        {p.text ?? (p.label ? p.t(p.label) : '')}
        {p.required || p.sometimes ? null : <span class="optional"> {p.t('form.optional')}</span>}
      </label>
      {p.hint || p.hintText ? (
        <p class="hint" id={`${p.name}-hint`}>
          {p.hintText ?? p.t(p.hint!)}
        </p>
      ) : null}
      {error ? (
        <p class="error" id={`${p.name}-error`}>
          {p.t(error)}
        </p>
      ) : null}
      {p.children}
    </div>
  );
}

export function TextField(
  p: FieldProps & { type?: string; maxlength?: number; autocomplete?: string; inputmode?: string },
) {
  return (
    <FieldShell {...p}>
      <input
        id={p.name}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.form.values[p.name] ?? ''}
        maxlength={p.maxlength}
        required={p.required}
        autocomplete={p.autocomplete ?? 'off'}
        aria-invalid={p.form.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

/** A file to send (a photo): its form needs enctype="multipart/form-data". */
export function FileField(p: FieldProps & { accept: string }) {
  return (
    <FieldShell {...p}>
      <input
        id={p.name}
        name={p.name}
        type="file"
        accept={p.accept}
        required={p.required}
        aria-invalid={p.form.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      />
    </FieldShell>
  );
}

export function TextArea(p: FieldProps & { rows?: number; maxlength?: number }) {
  return (
    <FieldShell {...p}>
      <textarea
        id={p.name}
        name={p.name}
        rows={p.rows ?? 3}
        maxlength={p.maxlength}
        required={p.required}
        aria-invalid={p.form.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.form.values[p.name] ?? ''}
      </textarea>
    </FieldShell>
  );
}

export function SelectField(p: FieldProps & { options: { value: string; label: string }[]; placeholder?: MessageKey }) {
  const current = p.form.values[p.name] || onlyChoice(p);
  return (
    <FieldShell {...p}>
      <select
        id={p.name}
        name={p.name}
        required={p.required}
        aria-invalid={p.form.errors[p.name] ? 'true' : undefined}
        aria-describedby={describedBy(p)}
      >
        {p.placeholder ? <option value="">{p.t(p.placeholder)}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function Checkbox({
  t,
  form,
  name,
  label,
  text,
  hint,
}: {
  t: Translate;
  form: FormState;
  name: string;
  label?: MessageKey;
  /** The label already in words (naming someone), instead of a key. */
  text?: string;
  hint?: MessageKey;
}) {
  const error = form.errors[name];
  const described = [error ? `${name}-error` : '', hint ? `${name}-hint` : ''].filter(Boolean).join(' ');
  return (
    <div class={error ? 'field has-error' : 'field'}>
      {error ? (
        <p class="error" id={`${name}-error`}>
          {t(error)}
        </p>
      ) : null}
      <label class="choice">
        <input
          type="checkbox"
          name={name}
          checked={form.values[name] === 'on'}
          aria-describedby={described || undefined}
        />{' '}
        {text ?? (label ? t(label) : '')}
      </label>
      {hint ? (
        <p class="hint" id={`${name}-hint`}>
          {t(hint)}
        </p>
      ) : null}
    </div>
  );
}

/** Which of the network's areas: a choice every form that places something asks the same way. */
export function AreaField(p: Omit<FieldProps, 'name' | 'required'> & { areas: readonly string[] }) {
  return <SelectField {...p} name="area" required options={p.areas.map((a) => ({ value: a, label: a }))} />;
}

/** A required choice with one option has its answer: it is chosen already (the only fund, the only area…). */
const onlyChoice = (p: FieldProps & { options: { value: string }[] }) =>
  p.required && p.options.length === 1 ? p.options[0]!.value : '';

export function RadioGroup(p: FieldProps & { options: { value: string; label: string }[] }) {
  const current = p.form.values[p.name] || onlyChoice(p);
  const error = p.form.errors[p.name];
  return (
    <fieldset class={error ? 'field has-error' : 'field'} aria-describedby={error ? `${p.name}-error` : undefined}>
      <legend>{p.text ?? (p.label ? p.t(p.label) : '')}</legend>
      {error ? (
        <p class="error" id={`${p.name}-error`}>
          {p.t(error)}
        </p>
      ) : null}
      <div class="choices">
        {p.options.map((o) => (
          <label class="choice">
            <input type="radio" name={p.name} value={o.value} checked={o.value === current} required={p.required} />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function ErrorSummary({ t, form }: { t: Translate; form: FormState }) {
  const fields = Object.keys(form.errors);
  if (fields.length === 0) return null;
  return (
    <div class="notice error-summary" role="alert" tabindex={-1}>
      <p>{t('form.fixBelow')}</p>
      <ul>
        {fields.map((f) => (
          <li>
            <a href={`#${f === '_form' ? 'main' : f}`}>{t(form.errors[f]!)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function Notice({ kind, children }: { kind: 'info' | 'success' | 'warning'; children: Child }) {
  return (
    <div class={`notice ${kind}`} role={kind === 'warning' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A translated label for a word a network may have added itself (a category, an agreement): as written if unknown. */
export function labelOr(t: Translate, prefix: string, word: string): string {
  const key = `${prefix}.${word}` as MessageKey;
  const label = t(key);
  return label === key ? word : label;
}

/** A label for a category: known ones are translated, ones a network added by decision show as written. */
export const categoryLabel = (t: Translate, category: string) => labelOr(t, 'category', category);

// Making an Intl.DateTimeFormat costs far more than using one (a board of fifty cards made a hundred): keep one per
// language, zone and style.
const formats = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: string, zone: string, style: 'date' | 'dateTime' | 'time'): Intl.DateTimeFormat {
  const key = `${style}:${lang}:${zone}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      lang,
      style === 'date'
        ? { dateStyle: 'medium', timeZone: zone }
        : style === 'time'
          ? { timeStyle: 'short', timeZone: zone }
          : { dateStyle: 'medium', timeStyle: 'short', timeZone: zone },
    );
    if (formats.size < 200) formats.set(key, f);
  }
  return f;
}

/** A day: one typed as YYYY-MM-DD is that day wherever one is; an instant, the day it was in the network's zone. */
export function formatDate(at: Locale, d: Date | string): string {
  return typeof d === 'string'
    ? formatter(at.lang, 'UTC', 'date').format(new Date(`${d}T12:00:00Z`))
    : formatter(at.lang, at.zone, 'date').format(d);
}

/** An instant, as the network's wall clock showed it. */
export function formatDateTime(at: Locale, d: Date): string {
  return formatter(at.lang, at.zone, 'dateTime').format(d);
}

/** The time of day of an instant, in the network's zone. */
export function formatTime(at: Locale, d: Date): string {
  return formatter(at.lang, at.zone, 'time').format(d);
}

/** A printable label with a QR code (a thing's, a place's sign): a hint on screen only, then what prints. */
export function QrLabel(p: { hint: string; network: string; title: string; qr: string; text: string }) {
  return (
    <>
      <p class="hint no-print">{p.hint}</p>
      <article class="handout label">
        <p class="meta">{p.network}</p>
        <h1>{p.title}</h1>
        <figure class="qr">{raw(p.qr)}</figure>
        <p>{p.text}</p>
      </article>
    </>
  );
}
