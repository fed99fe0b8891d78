// Encryption at rest for contact details and thread messages, and keyed hashes for looking them up.
// The key lives outside the database (a 0600 key file outside ./data, or KROPOTKIN_SECRET_KEY), so a copy of the
// database alone reveals no email address and no message.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** `master` is kept only so a sealed backup can carry it to a new machine; the derived keys do the work. */
export type Keys = { master: Buffer; encryption: Buffer; lookup: Buffer };

export function deriveKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('the secret key must be 32 bytes');
  const derive = (info: string) => Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { master, encryption: derive('kropotkin encryption v1'), lookup: derive('kropotkin lookup v1') };
}

/** Reads the key file, creating it (mode 0600) on first start. Refuses a key file inside the data directory. */
export function loadMasterKey(opts: { keyFile: string; secretKey?: string; dataDir?: string }): Buffer {
  if (opts.secretKey) return Buffer.from(opts.secretKey, 'base64');
  if (opts.dataDir) {
    const rel = path.relative(opts.dataDir, opts.keyFile);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) {
      throw new Error(`The key file ${opts.keyFile} must not be inside the data directory ${opts.dataDir}.`);
    }
  }
  if (!fs.existsSync(opts.keyFile)) {
    fs.mkdirSync(path.dirname(opts.keyFile), { recursive: true });
    fs.writeFileSync(opts.keyFile, crypto.randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
  }
  const mode = fs.statSync(opts.keyFile).mode & 0o077;
  if (mode !== 0) fs.chmodSync(opts.keyFile, 0o600);
  const key = Buffer.from(fs.readFileSync(opts.keyFile, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`The key file ${opts.keyFile} does not hold a 32-byte base64 key.`);
  return key;
}

/**
 * AES-256-GCM. `purpose` is bound as associated data, so a ciphertext moved to another column fails to open.
 * Layout: version (1 byte) | iv (12) | tag (16) | ciphertext.
 */
export function encrypt(keys: Keys, purpose: string, plaintext: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', keys.encryption, iv);
  cipher.setAAD(Buffer.from(purpose));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decrypt(keys: Keys, purpose: string, sealed: Buffer): string {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('not a sealed value');
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', keys.encryption, iv);
  decipher.setAAD(Buffer.from(purpose));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A keyed hash to find a row by a secret value (an email address) without storing the value. */
export function lookupHash(keys: Keys, purpose: string, value: string): Buffer {
  return crypto.createHmac('sha256', keys.lookup).update(purpose).update('\0').update(value).digest();
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
