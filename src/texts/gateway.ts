// The network's own text-message gateway (ADR 038), behind one adapter with two real ends:
// - gammu: a USB GSM modem driven by Debian's gammu-smsd with its "files" service. Kropotkin writes each text to send
//   as a file in gammu's outbox (UTF-16 with a byte-order mark, the "unicode" format, renamed into place whole) and
//   reads what the modem received from gammu's inbox (one file a part; the parts of a long text joined), deleting
//   each file once read — nothing of a text stays on disk after it is handled.
// - android: a phone running SMS Gateway for Android (capcom6/android-sms-gateway), in its local-server mode: texts go
//   out by its REST API (POST /messages, basic authentication); texts come in by its webhook (sms:received), signed
//   with HMAC-SHA256 over the raw body followed by the X-Timestamp header, checked here before anything is read.
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A text as the gateway received it: from whom (a phone number as the network gave it), what it said, and a key
 * that names it once (a webhook is retried until answered; the same text is handled once). */
export type Inbound = { from: string; text: string; key: string };

export type TextGateway = {
  kind: 'gammu' | 'android';
  /** Hands one text to the modem or the phone. Throws when it could not (the outbox tries again later). */
  send: (to: string, text: string) => Promise<void>;
  /** Texts that arrived and were not yet read (gammu's inbox); the phone's come by webhook instead. */
  receive?: () => Promise<Inbound[]>;
};

export type GammuSettings = { spool: string };
export type AndroidSettings = { url: string; login: string; password: string; signingKey: string };

/** gammu-smsd's folders under one spool: inbox/ and outbox/ (its sent/ and error/ are its own). */
export const gammuFolders = (spool: string) => ({
  inbox: path.join(spool, 'inbox'),
  outbox: path.join(spool, 'outbox'),
  sent: path.join(spool, 'sent'),
  error: path.join(spool, 'error'),
});

/** A number as a file name may hold it: digits and a leading plus, nothing else (no path, no gammu field). */
export function safeNumber(number: string): string | null {
  const n = number.replace(/[\s().-]/g, '');
  return /^\+?\d{3,20}$/.test(n) ? n : null;
}

/** UTF-16 with a byte-order mark, as gammu's "unicode" format writes and reads it. */
export function toUtf16(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
}

export function fromUtf16(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  const body = bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
  const le = Buffer.from(body.subarray(0, body.length - (body.length % 2)));
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le.toString('utf16le');
}

/** IN<date>_<time>_<serial>_<sender>_<part>.txt: the message (all but the part) and the part. */
function inboxName(name: string): { message: string; from: string; part: number } | null {
  if (!name.startsWith('IN') || !name.endsWith('.txt')) return null;
  const fields = name.slice(2, -4).split('_');
  if (fields.length < 5) return null;
  const part = Number(fields.at(-1));
  const from = fields.slice(3, -1).join('_');
  if (!Number.isInteger(part)) return null;
  return { message: fields.slice(0, -1).join('_'), from, part };
}

let serial = 0;

export function gammuGateway(s: GammuSettings): TextGateway {
  const dirs = gammuFolders(s.spool);
  return {
    kind: 'gammu',
    async send(to, text) {
      const number = safeNumber(to);
      if (!number) throw new Error('not a number gammu can send to');
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '_').slice(0, 15);
      serial = (serial + 1) % 1000;
      const name = `OUTA${stamp}_${String(serial).padStart(3, '0')}_${number}_k${crypto.randomBytes(3).toString('hex')}.txt`;
      // Written under a name gammu does not read, then renamed: gammu never sends half a file.
      const temporary = path.join(dirs.outbox, `.${name}.part`);
      try {
        await fs.writeFile(temporary, toUtf16(text), { mode: 0o660 });
        await fs.rename(temporary, path.join(dirs.outbox, name));
      } catch (e) {
        // The file's name holds the number: the error says only what went wrong (it may be logged).
        await fs.rm(temporary, { force: true });
        throw new Error(`gammu's outbox could not be written (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
          cause: e,
        });
      }
    },
    async receive() {
      let names: string[];
      try {
        names = await fs.readdir(dirs.inbox);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw e;
      }
      const messages = new Map<string, { from: string; parts: { part: number; file: string }[] }>();
      for (const name of names.sort()) {
        const file = path.join(dirs.inbox, name);
        const n = inboxName(name);
        if (!n) {
          // Anything else gammu leaves there (a binary message) is not for us: it goes, unread.
          if (name.startsWith('IN')) await fs.rm(file, { force: true });
          continue;
        }
        const m = messages.get(n.message) ?? { from: n.from, parts: [] };
        m.parts.push({ part: n.part, file });
        messages.set(n.message, m);
      }
      const out: Inbound[] = [];
      for (const [key, m] of messages) {
        const parts = m.parts.sort((a, b) => a.part - b.part);
        const texts = await Promise.all(parts.map(async (p) => fromUtf16(await fs.readFile(p.file))));
        for (const p of parts) await fs.rm(p.file, { force: true });
        out.push({ from: m.from, text: texts.join(''), key: `gammu:${key}` });
      }
      return out;
    },
  };
}

export function androidGateway(s: AndroidSettings, fetcher: typeof fetch = fetch): TextGateway {
  let base = s.url;
  while (base.endsWith('/')) base = base.slice(0, -1);
  const auth = `Basic ${Buffer.from(`${s.login}:${s.password}`).toString('base64')}`;
  return {
    kind: 'android',
    async send(to, text) {
      const res = await fetcher(`${base}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: auth },
        body: JSON.stringify({ textMessage: { text }, phoneNumbers: [to], withDeliveryReport: false, ttl: 86_400 }),
        signal: AbortSignal.timeout(15_000),
      });
      await res.body?.cancel();
      if (!res.ok) throw new Error(`the phone's gateway answered ${res.status}`);
    },
  };
}

/** How far a webhook's time may be from ours: a replayed old one is refused. */
export const SIGNATURE_SKEW_SECONDS = 300;

/** Whether the phone signed this webhook body (raw, as received) at this time, and recently. */
export function signedByPhone(
  signingKey: string,
  raw: string,
  timestamp: string | undefined,
  signature: string | undefined,
  now: Date,
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_SKEW_SECONDS) return false;
  const expected = crypto
    .createHmac('sha256', signingKey)
    .update(raw + timestamp)
    .digest();
  return crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
