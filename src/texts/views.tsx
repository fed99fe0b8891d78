/** @jsxRuntime automatic @jsxImportSource hono/jsx */
// Paper for people without the app: a flyer, or cards eight a page, in any of the network's languages, carrying the
// network's number and a QR code that starts a text to it (or, with no number yet, the network's address).
import { raw } from 'hono/html';
import type { ViewCtx } from '../web/layout.tsx';
import { direction, isolate, languageName, type Translate } from '../web/i18n/index.ts';

export function FlyersPage(props: {
  v: ViewCtx;
  number: string | null;
  languages: readonly string[];
  /** The languages whose letters the PDF's font has. */
  pdf: ReadonlySet<string>;
}) {
  const { v } = props;
  const { t } = v;
  return (
    <>
      <h1>{t('flyers.title')}</h1>
      <p>{props.number ? t('flyers.number', { number: props.number }) : t('flyers.noNumber')}</p>
      <h2>{t('flyers.printIn')}</h2>
      <ul class="links">
        {props.languages.map((l) => (
          <li lang={l} dir={direction(l)}>
            <strong>{languageName(l)}</strong>: <a href={`/texts/flyer?lang=${l}`}>{t('flyers.flyer')}</a> ·{' '}
            <a href={`/texts/flyer?lang=${l}&cards=1`}>{t('flyers.cards')}</a>
            {props.pdf.has(l) ? (
              <>
                {' '}
                · <a href={`/texts/flyer.pdf?lang=${l}`}>{t('flyers.pdf')}</a> ·{' '}
                <a href={`/texts/flyer.pdf?lang=${l}&cards=1`}>{t('flyers.pdfCards')}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

export type Flyer = {
  lang: string;
  /** The flyer's words, in its own language. */
  w: Translate;
  network: string;
  number: string | null;
  address: string;
  stop: string;
  qr: string;
};

/** One flyer's words and code: the same on the full page and on each card. */
function FlyerBody({ f }: { f: Flyer }) {
  return (
    <>
      <h1>{f.network}</h1>
      <p class="lead">{f.w('flyer.lead')}</p>
      {f.number ? (
        <p class="big">{f.w('flyer.text', { number: isolate(f.number), example: f.w('flyer.example') })}</p>
      ) : null}
      <figure class="qr">{raw(f.qr)}</figure>
      {f.number ? <p>{f.w('flyer.scan')}</p> : null}
      {f.number ? <p class="hint">{f.w('flyer.stop', { stop: f.stop })}</p> : null}
      <p class="hint">{f.w('flyer.web', { address: isolate(f.address) })}</p>
    </>
  );
}

export function FlyerPage(props: { v: ViewCtx; flyer: Flyer; cards: boolean }) {
  const { v, flyer } = props;
  return (
    <>
      <p class="hint no-print">{v.t('flyers.print')}</p>
      {props.cards ? (
        <div class="cards-sheet" lang={flyer.lang} dir={direction(flyer.lang)}>
          {Array.from({ length: 8 }, () => (
            <article class="handout card-print">
              <FlyerBody f={flyer} />
            </article>
          ))}
        </div>
      ) : (
        <article class="handout flyer" lang={flyer.lang} dir={direction(flyer.lang)}>
          <FlyerBody f={flyer} />
        </article>
      )}
    </>
  );
}
