import { describe, expect, it } from 'vitest';
import { isPrivateAddress, webhookUrl } from './webhooks.ts';

describe('where a webhook may go', () => {
  it('knows this machine, private networks and link-local addresses, in both families', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '172.20.0.5', '192.168.1.20', '169.254.169.254', '100.64.0.1', '0.0.0.0'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['::1', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1'])
      expect(isPrivateAddress(a), a).toBe(true);
    for (const a of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])
      expect(isPrivateAddress(a), a).toBe(false);
  });

  it('takes only https to a public host, unless the host allows private addresses', () => {
    expect(webhookUrl('https://bot.example.org/hook', false)).toEqual({
      ok: true,
      url: 'https://bot.example.org/hook',
    });
    for (const bad of [
      'http://bot.example.org/hook',
      'https://localhost/hook',
      'https://127.0.0.1/hook',
      'https://[::1]/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://user:pass@bot.example.org/',
      'ftp://bot.example.org/',
      'not a url',
    ])
      expect(webhookUrl(bad, false).ok, bad).toBe(false);
    expect(webhookUrl('http://127.0.0.1:8080/hook', true).ok).toBe(true);
  });
});
