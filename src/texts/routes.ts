// The phone's door: SMS Gateway for Android posts each text it receives here (its sms:received webhook), signed with
// the key its app shows. An unsigned, wrongly signed or stale post is refused before its body is read as anything;
// a signed one is handled once (a webhook retried is known again) and answered at once, the reply sent just after.
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../web/context.ts';
import { errors } from '../web/errors.ts';
import { afterResponse } from '../web/later.ts';
import { gatewayOf, receiveText, sendQueued } from './commands.ts';
import { signedByPhone } from './gateway.ts';
import { page } from '../web/render.tsx';
import { requireMember } from '../web/edges.ts';
import { qrSvg } from '../web/qr.ts';
import { translator, withWords } from '../web/i18n/index.ts';
import { FlyerPage, FlyersPage, type Flyer } from './views.tsx';
import { flyerPdf, fontCovers, isolate } from './pdf.ts';
import { direction } from '../web/i18n/index.ts';
import type { Context } from 'hono';

export const textRoutes = new Hono<AppEnv>();
type C = Context<AppEnv>;

const webhook = z.object({
  event: z.string().max(40),
  id: z.string().min(1).max(100),
  payload: z
    .object({ message: z.string(), phoneNumber: z.string().min(1).max(40) })
    .partial()
    .passthrough(),
});

textRoutes.post('/texts/android', async (c) => {
  const deps = c.get('deps');
  const settings = deps.config.texts;
  if (settings?.kind !== 'android') throw errors.notFound();
  const raw = await c.req.text();
  const now = deps.clock();
  if (!signedByPhone(settings.signingKey, raw, c.req.header('x-timestamp'), c.req.header('x-signature'), now))
    throw errors.forbidden('bad_signature', 'error.textSignature');
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw errors.badRequest('bad_webhook', 'error.textWebhook');
  }
  const hook = webhook.safeParse(body);
  if (!hook.success) throw errors.badRequest('bad_webhook', 'error.textWebhook');
  const { event, id, payload } = hook.data;
  // Other events (sent, delivered, failed, ping) are answered and not kept.
  if (event !== 'sms:received' || payload.message === undefined || !payload.phoneNumber) return c.json({ ok: true });
  await receiveText(deps, { from: payload.phoneNumber, text: payload.message, key: `android:${id}` }, now);
  const gateway = gatewayOf(deps);
  if (gateway) afterResponse(async () => void (await sendQueued(deps, gateway, deps.clock())), deps.log);
  return c.json({ ok: true });
});

textRoutes.get('/texts', (c) => {
  requireMember(c);
  const { config, registry } = c.get('deps');
  const network = c.get('network')!;
  const pdf = new Set(
    network.languages.filter((l) => {
      const w = withWords(translator(l, registry.catalogs), network.words[l]);
      return fontCovers([network.networkName, w('flyer.lead'), w('flyer.text'), w('flyer.stop'), w('flyer.web')]);
    }),
  );
  return page(c, c.get('t')('flyers.title'), (v) =>
    FlyersPage({ v, number: config.texts?.number ?? null, languages: network.languages, pdf }),
  );
});

/** The flyer's language, its words and its QR code's target, the same for the page and the PDF. */
function flyerOf(c: C) {
  const { config, registry } = c.get('deps');
  const network = c.get('network')!;
  const wanted = c.req.query('lang') ?? c.get('lang');
  const lang = network.languages.includes(wanted) ? wanted : (network.languages[0] ?? 'en');
  const w = withWords(translator(lang, registry.catalogs), network.words[lang]);
  const number = config.texts?.number ?? null;
  const digits = number ? number.replace(/[^\d+]/g, '') : null;
  const target = digits ? `sms:${digits}?body=${encodeURIComponent(w('flyer.example'))}` : config.publicUrl;
  const stop = w('text.word.stop').split(/\s+/)[0] ?? 'STOP';
  return { lang, w, number, target, stop, network, address: config.publicUrl };
}

textRoutes.get('/texts/flyer.pdf', async (c) => {
  requireMember(c);
  const f = flyerOf(c);
  const words = {
    network: f.network.networkName,
    lead: f.w('flyer.lead'),
    text: f.number ? f.w('flyer.text', { number: isolate(f.number), example: f.w('flyer.example') }) : null,
    scan: f.number ? f.w('flyer.scan') : null,
    stop: f.number ? f.w('flyer.stop', { stop: f.stop }) : null,
    web: f.w('flyer.web', { address: isolate(f.address) }),
  };
  // A language whose letters the shipped font lacks is printed from the browser instead.
  if (!fontCovers(Object.values(words).filter((x): x is string => !!x))) throw errors.notFound('no_pdf_font');
  const { default: QRCode } = await import('qrcode');
  const code = QRCode.create(f.target, { errorCorrectionLevel: 'M' });
  const pdf = await flyerPdf(
    {
      ...words,
      qr: { size: code.modules.size, dark: (x, y) => !!code.modules.get(y, x) },
      rtl: direction(f.lang) === 'rtl',
    },
    c.req.query('cards') === '1',
  );
  c.header('content-type', 'application/pdf');
  c.header(
    'content-disposition',
    `attachment; filename="flyer-${f.lang}${c.req.query('cards') === '1' ? '-cards' : ''}.pdf"`,
  );
  return c.body(new Uint8Array(pdf));
});

textRoutes.get('/texts/flyer', async (c) => {
  requireMember(c);
  const f = flyerOf(c);
  const qr = await qrSvg(f.target, f.w('flyer.qrLabel'));
  const flyer: Flyer = {
    lang: f.lang,
    w: f.w,
    network: f.network.networkName,
    number: f.number,
    address: f.address,
    stop: f.stop,
    qr,
  };
  return page(c, c.get('t')('flyers.title'), (v) => FlyerPage({ v, flyer, cards: c.req.query('cards') === '1' }));
});
