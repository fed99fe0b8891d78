import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypt, deriveKeys, encrypt, loadMasterKey, lookupHash } from './crypto.ts';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';
import { RateLimiter } from './rate-limit.ts';

const keys = deriveKeys(crypto.randomBytes(32));

describe('encryption at rest', () => {
  it('round-trips text, including any language and emoji', () => {
    for (const text of ['ada@example.org', 'Calle 5 #12, apto 3 — 📞 555-0100', 'مرحبا', '']) {
      expect(decrypt(keys, 'p', encrypt(keys, 'p', text))).toBe(text);
    }
  });

  it('never repeats a ciphertext and never contains the plaintext', () => {
    const a = encrypt(keys, 'p', 'secret address');
    const b = encrypt(keys, 'p', 'secret address');
    expect(a.equals(b)).toBe(false);
    expect(a.includes(Buffer.from('secret'))).toBe(false);
  });

  it('refuses a ciphertext moved to another purpose, a tampered one, or another key', () => {
    const sealed = encrypt(keys, 'message:1', 'hello');
    expect(() => decrypt(keys, 'message:2', sealed)).toThrow();
    const tampered = Buffer.from(sealed);
    tampered[tampered.length - 1]! ^= 1;
    expect(() => decrypt(keys, 'message:1', tampered)).toThrow();
    expect(() => decrypt(deriveKeys(crypto.randomBytes(32)), 'message:1', sealed)).toThrow();
    expect(() => decrypt(keys, 'message:1', Buffer.from('short'))).toThrow();
  });

  it('looks values up by a keyed hash that depends on key and purpose', () => {
    const h = lookupHash(keys, 'email', 'a@b.org');
    expect(h.equals(lookupHash(keys, 'email', 'a@b.org'))).toBe(true);
    expect(h.equals(lookupHash(keys, 'other', 'a@b.org'))).toBe(false);
    expect(h.equals(lookupHash(deriveKeys(crypto.randomBytes(32)), 'email', 'a@b.org'))).toBe(false);
  });
});

describe('the key file', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kropotkin-key-'));

  it('is made at first start with mode 0600 and read the same afterwards', () => {
    const d = dir();
    const keyFile = path.join(d, 'kropotkin.key');
    const first = loadMasterKey({ keyFile, dataDir: path.join(d, 'data') });
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(loadMasterKey({ keyFile, dataDir: path.join(d, 'data') }).equals(first)).toBe(true);
    expect(first.length).toBe(32);
  });

  it('may not live inside the data directory', () => {
    const d = dir();
    expect(() => loadMasterKey({ keyFile: path.join(d, 'data', 'k.key'), dataDir: path.join(d, 'data') })).toThrow(
      /must not be inside/,
    );
  });

  it('can be given as KROPOTKIN_SECRET_KEY instead', () => {
    const k = crypto.randomBytes(32);
    expect(loadMasterKey({ keyFile: '/nonexistent/k', secretKey: k.toString('base64') }).equals(k)).toBe(true);
  });
});

describe('tokens', () => {
  it('carry 256 bits and are stored only as a hash', () => {
    const t = newToken();
    expect(Buffer.from(t, 'base64url').length).toBe(32);
    expect(looksLikeToken(t)).toBe(true);
    expect(hashToken(t).toString('hex')).not.toContain(Buffer.from(t).toString('hex'));
    expect(hashToken(t).equals(hashToken(t))).toBe(true);
    expect(new Set(Array.from({ length: 1000 }, newToken)).size).toBe(1000);
  });

  it('refuses anything not shaped like a token before any lookup', () => {
    for (const bad of ['', 'abc', `${newToken()}x`, "' or 1=1 --".padEnd(43, 'a'), 42, null])
      expect(looksLikeToken(bad)).toBe(false);
  });
});

describe('the rate limiter', () => {
  it('allows the limit per window, per key, then again after the window', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 1000, () => now);
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    now = 1001;
    expect(limiter.take('a')).toBe(true);
  });
});
