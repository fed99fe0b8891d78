// The passkey ceremony's JSON endpoints: options are issued, and any malformed or replayed answer is a clear 4xx.
import { beforeAll, describe, expect, it } from 'vitest';
import { Client, ORIGIN, buildMember, type TestWorld, worldForFile } from '../support/app.ts';
import { SoftAuthenticator } from '../support/authenticator.ts';
import { engine } from '../support/db.ts';

const files = worldForFile();
let world: TestWorld;
let member: Client;
beforeAll(async () => {
  world = files.world;
  member = await buildMember(world);
});

describe(`passkey endpoints (${engine})`, () => {
  it('issues registration options for the member, with the network as relying party', async () => {
    const res = await member.postJson('/passkeys/register/options', {});
    expect(res.status).toBe(200);
    const { options, challengeId } = await res.json();
    expect(options.rp).toEqual({ name: 'Eastside Mutual Aid', id: 'localhost' });
    expect(options.authenticatorSelection.residentKey).toBe('required');
    expect(challengeId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses garbage, unknown challenges and replays with 400 and a stable code', async () => {
    const { challengeId } = await (await member.postJson('/passkeys/register/options', {})).json();
    const bodies = [
      {},
      { challengeId: 5 },
      { challengeId: 'nope', response: {} },
      { challengeId, response: { id: 'x', rawId: 'x', type: 'public-key', response: {} } },
      { challengeId, response: null },
    ];
    for (const body of bodies) {
      const res = await member.postJson('/passkeys/register/verify', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error.code).toMatch(/^(challenge_missing|challenge_expired|passkey_not_verified)$/);
    }
    const auth = await new Client(world).postJson('/passkeys/sign-in/options', {});
    const { challengeId: signInChallenge } = await auth.json();
    for (const response of [null, 'x', { id: 'unknown-credential' }, { id: ['x'] }]) {
      const res = await new Client(world).postJson('/passkeys/sign-in/verify', {
        challengeId: signInChallenge,
        response,
      });
      expect(res.status).toBe(400);
    }
    const notJson = await member.request('/passkeys/register/verify', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(notJson.status).toBe(400);
  });

  it('accepts a real authenticator on our origin, and refuses the same ceremony relayed from another origin', async () => {
    const phone = new SoftAuthenticator();
    const evil = 'https://eastside-mutual-aid.example';
    // Registering from another origin is refused; nothing is stored.
    let opts = await (await member.postJson('/passkeys/register/options', {})).json();
    let res = await member.postJson('/passkeys/register/verify', {
      challengeId: opts.challengeId,
      response: phone.register(opts.options, evil),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('passkey_not_verified');
    expect(await world.deps.db.selectFrom('passkeys').select('id').execute()).toEqual([]);
    // On our origin it works.
    opts = await (await member.postJson('/passkeys/register/options', {})).json();
    res = await member.postJson('/passkeys/register/verify', {
      challengeId: opts.challengeId,
      response: phone.register(opts.options, ORIGIN),
    });
    expect(res.status, await res.clone().text()).toBe(200);
    // Signing in through a look-alike site that relays our challenge: refused, no session.
    const visitor = new Client(world);
    let signIn = await (await visitor.postJson('/passkeys/sign-in/options', {})).json();
    res = await visitor.postJson('/passkeys/sign-in/verify', {
      challengeId: signIn.challengeId,
      response: phone.signIn(signIn.options, evil),
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('passkey_not_verified');
    expect(visitor.cookies.size).toBe(0);
    // The same authenticator on our origin signs in; its answer replayed is refused.
    signIn = await (await visitor.postJson('/passkeys/sign-in/options', {})).json();
    const answer = phone.signIn(signIn.options, ORIGIN);
    res = await visitor.postJson('/passkeys/sign-in/verify', { challengeId: signIn.challengeId, response: answer });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(visitor.cookies.size).toBe(1);
    const replay = await new Client(world).postJson('/passkeys/sign-in/verify', {
      challengeId: signIn.challengeId,
      response: answer,
    });
    expect(replay.status).toBe(400);
  });

  it('tells a member who added a passkey that they have one, and hides passkeys where browsers refuse them', async () => {
    // The member above has one now: the welcome page no longer warns of no way back, nor offers to add one.
    const welcome = await (await member.get('/welcome')).text();
    expect(welcome).toContain('You have a passkey: you can sign in again with it on this device.');
    expect(welcome).not.toContain('Without a passkey or an email');
    const fresh = await buildMember(world);
    expect(await (await fresh.get('/welcome')).text()).toContain('data-passkey="register"');
    // On a number address (a server reached as http://192.168.1.20), browsers refuse passkeys: the pages say so.
    const config = world.deps.config as { publicUrl: string };
    const url = config.publicUrl;
    config.publicUrl = 'http://192.168.1.20:3000';
    try {
      const signIn = await (await new Client(world).get('/sign-in')).text();
      expect(signIn).not.toContain('data-passkey');
      expect(signIn).toContain('Passkeys do not work on this server’s address');
      const again = await (await fresh.get('/welcome')).text();
      expect(again).not.toContain('data-passkey="register"');
      expect(again).toContain('Passkeys do not work on this server’s address');
      expect(await (await fresh.get('/settings')).text()).not.toContain('data-passkey="register"');
    } finally {
      config.publicUrl = url;
    }
  });

  it('does not let a signed-out visitor register a passkey', async () => {
    const res = await new Client(world).postJson('/passkeys/register/options', {});
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('sign_in_needed');
  });
});
