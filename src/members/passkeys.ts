// Passkeys (WebAuthn) through @simplewebauthn/server: the main way to sign in.
// Challenges are kept server-side in auth_challenges and spent once; the browser holds only the challenge's id.
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import type { Db } from '../db/connect.ts';
import { errors } from '../web/errors.ts';
import { createSession } from './sessions.ts';

const CHALLENGE_MINUTES = 5;

/** Loaded at the first passkey ceremony, not at start: it and its certificate parsers are a third of the app's modules. */
const webauthn = () => import('@simplewebauthn/server');

export type RelyingParty = { name: string; id: string; origin: string };

/**
 * Whether browsers will make passkeys for this address: only for a name (not a number address such as 192.168.1.20
 * or [::1]) reached over https, or for localhost. Elsewhere the button would only fail with the browser's own words.
 */
export function passkeysPossible(publicUrl: string): boolean {
  const url = new URL(publicUrl);
  const host = url.hostname;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const numeric = /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[') || host.includes(':');
  return url.protocol === 'https:' && !numeric;
}

export function relyingParty(publicUrl: string, networkName: string): RelyingParty {
  const url = new URL(publicUrl);
  return { name: networkName, id: url.hostname, origin: url.origin };
}

async function storeChallenge(
  db: Db,
  challenge: string,
  purpose: 'register' | 'authenticate',
  memberId: string | null,
  now: Date,
) {
  const row = await db
    .insertInto('auth_challenges')
    .values({
      challenge,
      purpose,
      member_id: memberId,
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Takes a challenge out of the store: it can be answered once. */
async function spendChallenge(db: Db, id: string, purpose: 'register' | 'authenticate', now: Date) {
  if (!/^[0-9a-f-]{36}$/.test(id)) return null;
  const row = await db
    .deleteFrom('auth_challenges')
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .returning(['challenge', 'member_id', 'expires_at'])
    .executeTakeFirst();
  return row && row.expires_at > now ? row : null;
}

/** A response that fails to parse or to verify gets the same clear 400. */
async function verifiedOrRefused<T extends { verified: boolean }>(
  check: () => Promise<T>,
): Promise<T & { verified: true }> {
  let result: T | undefined;
  try {
    result = await check();
  } catch {
    result = undefined;
  }
  if (!result?.verified) throw errors.badRequest('passkey_not_verified', 'error.passkeyFailed');
  return result as T & { verified: true };
}

export async function registrationOptions(
  db: Db,
  rp: RelyingParty,
  member: { id: string; displayName: string },
  now: Date,
) {
  const existing = await db
    .selectFrom('passkeys')
    .select(['id', 'transports'])
    .where('member_id', '=', member.id)
    .execute();
  const options = await (
    await webauthn()
  ).generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: member.displayName,
    userDisplayName: member.displayName,
    userID: new TextEncoder().encode(member.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  });
  const challengeId = await storeChallenge(db, options.challenge, 'register', member.id, now);
  return { options, challengeId };
}

export async function verifyRegistration(
  db: Db,
  rp: RelyingParty,
  memberId: string,
  challengeId: string,
  response: unknown,
  now: Date,
) {
  const stored = await spendChallenge(db, challengeId, 'register', now);
  if (!stored || stored.member_id !== memberId) throw errors.badRequest('challenge_expired', 'error.passkeyFailed');
  const { verifyRegistrationResponse } = await webauthn();
  const verification = await verifiedOrRefused(() =>
    verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    }),
  );
  const cred = verification.registrationInfo.credential;
  await db
    .insertInto('passkeys')
    .values({
      id: cred.id,
      member_id: memberId,
      public_key: Buffer.from(cred.publicKey),
      counter: cred.counter,
      transports: cred.transports ?? [],
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

export async function authenticationOptions(db: Db, rp: RelyingParty, now: Date) {
  // No allowCredentials: discoverable credentials, so nobody has to type who they are.
  const options = await (
    await webauthn()
  ).generateAuthenticationOptions({
    rpID: rp.id,
    userVerification: 'preferred',
  });
  const challengeId = await storeChallenge(db, options.challenge, 'authenticate', null, now);
  return { options, challengeId };
}

export async function verifyAuthentication(
  db: Db,
  rp: RelyingParty,
  challengeId: string,
  response: unknown,
  now: Date,
) {
  const stored = await spendChallenge(db, challengeId, 'authenticate', now);
  const id = (response as { id?: unknown })?.id;
  if (!stored || typeof id !== 'string') throw errors.badRequest('passkey_not_verified', 'error.passkeyFailed');
  const passkey = await db.selectFrom('passkeys').selectAll().where('id', '=', id).executeTakeFirst();
  if (!passkey) throw errors.badRequest('passkey_unknown', 'error.passkeyUnknown');
  const { verifyAuthenticationResponse } = await webauthn();
  const verification = await verifiedOrRefused(() =>
    verifyAuthenticationResponse({
      response: response as AuthenticationResponseJSON,
      expectedChallenge: stored.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(passkey.public_key),
        counter: Number(passkey.counter),
        transports: passkey.transports,
      },
      requireUserVerification: false,
    }),
  );
  await db
    .updateTable('passkeys')
    .set({ counter: verification.authenticationInfo.newCounter, last_used_at: now })
    .where('id', '=', passkey.id)
    .execute();
  return { memberId: passkey.member_id, session: await createSession(db, passkey.member_id, now) };
}

export async function passkeysOf(db: Db, memberId: string) {
  const rows = await db
    .selectFrom('passkeys')
    .select(['id', 'created_at', 'last_used_at'])
    .where('member_id', '=', memberId)
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, createdAt: r.created_at, lastUsedAt: r.last_used_at }));
}

export async function removePasskey(db: Db, memberId: string, id: string) {
  await db.deleteFrom('passkeys').where('member_id', '=', memberId).where('id', '=', id).execute();
}
