import { describe, expect, it } from 'vitest';
import { passkeysPossible } from './passkeys.ts';

describe('where browsers make passkeys', () => {
  it('is a named address over https, or localhost; never a number address or plain http elsewhere', () => {
    expect(passkeysPossible('https://aid.example.org')).toBe(true);
    expect(passkeysPossible('http://localhost:3000')).toBe(true);
    expect(passkeysPossible('http://kropotkin.localhost')).toBe(true);
    expect(passkeysPossible('http://192.168.1.20:3000')).toBe(false);
    expect(passkeysPossible('https://192.168.1.20')).toBe(false);
    expect(passkeysPossible('https://[fd00::1]')).toBe(false);
    expect(passkeysPossible('http://aid.example.org')).toBe(false);
  });
});
