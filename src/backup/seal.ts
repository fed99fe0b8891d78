// Backups are sealed to a public key, so the server can write them without holding the key that opens them. The
// restore key (X25519 private key) is shown once, when the host makes the pair, and belongs away from the machine: a
// backup copied to a USB stick or a cloud drive is useless to whoever finds it. See ADR 011.
//
// File layout: MAGIC | recipient fingerprint (8) | ephemeral public key (SPKI DER, 44) | iv (12) | tag (16) | ciphertext.
// The key is HKDF-SHA256 over the X25519 shared secret, salted with both public keys; the header is bound as AAD.
import crypto from 'node:crypto';
import zlib from 'node:zlib';

const MAGIC = Buffer.from('KROPOTKIN BACKUP 1\n');
const FINGERPRINT = 8;
const SPKI = 44;
const IV = 12;
const TAG = 16;
const HEADER = MAGIC.length + FINGERPRINT + SPKI;

export class BackupKeyError extends Error {}

export type BackupKeyPair = { publicKey: string; restoreKey: string };

/** A new pair: the public key (base64 SPKI) stays on the server, the restore key (base64 PKCS#8) goes elsewhere. */
export function newBackupKeyPair(): BackupKeyPair {
  const { publicKey, privateKey } = crypto.generateKeyPairSync('x25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    restoreKey: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

function publicKeyFrom(text: string): crypto.KeyObject {
  try {
    const key = crypto.createPublicKey({ key: Buffer.from(text.trim(), 'base64'), type: 'spki', format: 'der' });
    if (key.asymmetricKeyType !== 'x25519') throw new Error();
    return key;
  } catch {
    throw new BackupKeyError(
      'The backup public key is not a Kropotkin backup key (make one with `kropotkin backup-key`).',
    );
  }
}

function restoreKeyFrom(text: string): crypto.KeyObject {
  try {
    const key = crypto.createPrivateKey({ key: Buffer.from(text.trim(), 'base64'), type: 'pkcs8', format: 'der' });
    if (key.asymmetricKeyType !== 'x25519') throw new Error();
    return key;
  } catch {
    throw new BackupKeyError(
      'The restore key is not a Kropotkin restore key (it is the long line `kropotkin backup-key` showed).',
    );
  }
}

const spki = (k: crypto.KeyObject) => k.export({ type: 'spki', format: 'der' });
const fingerprint = (k: crypto.KeyObject) =>
  crypto.createHash('sha256').update(spki(k)).digest().subarray(0, FINGERPRINT);

function derive(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(
    crypto.hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'kropotkin backup v1', 32),
  );
}

/** Compresses and seals `plain` to the backup public key. */
export function sealBackup(publicKeyText: string, plain: Buffer): Buffer {
  const recipient = publicKeyFrom(publicKeyText);
  const eph = crypto.generateKeyPairSync('x25519');
  const ephPub = spki(eph.publicKey);
  const key = derive(
    crypto.diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }),
    ephPub,
    spki(recipient),
  );
  const header = Buffer.concat([MAGIC, fingerprint(recipient), ephPub]);
  const iv = crypto.randomBytes(IV);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(zlib.gzipSync(plain)), cipher.final()]);
  return Buffer.concat([header, iv, cipher.getAuthTag(), body]);
}

/** Opens a sealed backup with the restore key; a wrong key or a changed byte is refused with a plain message. */
export function openBackup(restoreKeyText: string, sealed: Buffer): Buffer {
  if (sealed.length < HEADER + IV + TAG || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new BackupKeyError('This file is not a Kropotkin backup.');
  }
  const restore = restoreKeyFrom(restoreKeyText);
  const recipient = crypto.createPublicKey(restore);
  if (!sealed.subarray(MAGIC.length, MAGIC.length + FINGERPRINT).equals(fingerprint(recipient))) {
    throw new BackupKeyError(
      'This backup was sealed to a different backup key: use the restore key made with that one.',
    );
  }
  const header = sealed.subarray(0, HEADER);
  const ephPub = sealed.subarray(MAGIC.length + FINGERPRINT, HEADER);
  const ephemeral = crypto.createPublicKey({ key: ephPub, type: 'spki', format: 'der' });
  const key = derive(crypto.diffieHellman({ privateKey: restore, publicKey: ephemeral }), ephPub, spki(recipient));
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, sealed.subarray(HEADER, HEADER + IV));
  decipher.setAAD(header);
  decipher.setAuthTag(sealed.subarray(HEADER + IV, HEADER + IV + TAG));
  let compressed: Buffer;
  try {
    compressed = Buffer.concat([decipher.update(sealed.subarray(HEADER + IV + TAG)), decipher.final()]);
  } catch {
    throw new BackupKeyError('This backup is damaged or was changed after it was written: it cannot be opened.');
  }
  return zlib.gunzipSync(compressed);
}
