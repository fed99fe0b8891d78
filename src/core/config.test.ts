import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('runs on defaults: port 3000, embedded database, console mail', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
  });

  it('stops with a clear message naming every bad setting', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        PUBLIC_URL: 'aid.example.org',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://x',
        KROPOTKIN_SECRET_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    for (const name of ['PORT', 'PUBLIC_URL', 'DATABASE_URL', 'SMTP_URL', 'KROPOTKIN_SECRET_KEY'])
      expect(text).toContain(name);
    expect(text).toContain('.env.example');
  });

  it('keeps only the origin of PUBLIC_URL and ignores blank settings', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://aid.example.org/some/path', PORT: '' }).publicUrl).toBe(
      'https://aid.example.org',
    );
  });

  it('takes a text gateway whole or not at all', () => {
    expect(loadConfig({}).texts).toBeUndefined();
    expect(loadConfig({ TEXTS_GATEWAY: 'gammu', TEXTS_GAMMU_SPOOL: '/var/spool/t' }).texts).toEqual({
      kind: 'gammu',
      number: undefined,
      spool: '/var/spool/t',
    });
    expect(
      loadConfig({
        TEXTS_GATEWAY: 'android',
        TEXTS_ANDROID_URL: 'http://192.168.1.20:8080',
        TEXTS_ANDROID_LOGIN: 'sms:pa:ss',
        TEXTS_ANDROID_SIGNING_KEY: 'key-from-app',
        TEXTS_NUMBER: '+1 555 010 2000',
      }).texts,
    ).toEqual({
      kind: 'android',
      number: '+1 555 010 2000',
      url: 'http://192.168.1.20:8080',
      login: 'sms',
      password: 'pa:ss',
      signingKey: 'key-from-app',
    });
    let error: unknown;
    try {
      loadConfig({ TEXTS_GATEWAY: 'android', TEXTS_ANDROID_URL: 'http://phone:8080' });
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toContain('TEXTS_ANDROID_LOGIN: is needed when TEXTS_GATEWAY is android');
    expect((error as Error).message).toContain('TEXTS_ANDROID_SIGNING_KEY');
    expect(() => loadConfig({ TEXTS_GATEWAY: 'twilio' })).toThrow(/TEXTS_GATEWAY: must be gammu/);
  });
});
