// A network's profile: positions only ever a tenth of a degree, and a partner's profile read for what we keep only.
import { describe, expect, it } from 'vitest';
import { murmurationsProfile, partnerProfileSchema, positionAgreement, readPosition } from './profile.ts';
import { searchEntries, listedNetworks } from './listing.ts';

describe('a network’s profile', () => {
  it('reads a position as people write it, and keeps only a tenth of a degree', () => {
    expect(readPosition('37.80449, -122.27114')).toEqual({ lat: 37.8, lng: -122.3 });
    expect(readPosition(' -33.46 ; -70.66 ')).toEqual({ lat: -33.5, lng: -70.7 });
    expect(readPosition('51.5 -0.12')).toEqual({ lat: 51.5, lng: -0.1 });
    for (const bad of ['', 'near the mill', '91, 0', '0, 181', '1, 2, 3', 'NaN, 1', `${'1'.repeat(30)}, 1`])
      expect(readPosition(bad), bad).toBeNull();
    expect(positionAgreement.parse('37.80449,-122.27114')).toBe('37.8, -122.3');
    expect(positionAgreement.parse('')).toBe('');
    expect(positionAgreement.safeParse('somewhere').success).toBe(false);
  });

  it('publishes a contact form, never an email, and no position finer than it was given', () => {
    const p = murmurationsProfile(
      { name: 'Eastside', place: 'Oakland', about: '', position: { lat: 37.8, lng: -122.3 } },
      'https://eastside.example',
      'https://eastside.example/ap/actors/network',
    );
    expect(p.contact_details).toEqual({ contact_form: 'https://eastside.example/directory/contact' });
    expect(p.geolocation).toEqual({ lat: 37.8, lon: -122.3 });
    expect(p.description).toBeUndefined();
  });

  it('keeps of a partner’s profile only what the directory shows, rounded and bounded', () => {
    const read = partnerProfileSchema.parse({
      name: '  Riverside   Mutual Aid ',
      locality: 'Riverside',
      description: 'Rides.',
      geolocation: { lat: 40.712776, lon: -74.005974 },
      contact_details: { contact_form: 'https://river.example/directory/contact', email: 'someone@river.example' },
      members: ['Ada'],
    });
    expect(read).toEqual({
      name: 'Riverside Mutual Aid',
      locality: 'Riverside',
      description: 'Rides.',
      geolocation: { lat: 40.7, lon: -74 },
      contact_details: { contact_form: 'https://river.example/directory/contact' },
    });
    expect(partnerProfileSchema.safeParse({ name: 'x', locality: 'y'.repeat(101) }).success).toBe(false);
    expect(partnerProfileSchema.safeParse({ name: 'x', locality: 'y', geolocation: { lat: 95, lon: 0 } }).success).toBe(
      false,
    );
    expect(
      partnerProfileSchema.safeParse({
        name: 'x',
        locality: 'y',
        contact_details: { contact_form: 'javascript:alert(1)' },
      }).success,
    ).toBe(false);
  });

  it('finds listed networks by the beginnings of the words of their name and place, whatever the case and accents', () => {
    const all = listedNetworks();
    expect(all).toHaveLength(609);
    expect(searchEntries(all, '', 'all')).toHaveLength(609);
    expect(searchEntries(all, '', 'partners')).toHaveLength(0);
    const oak = searchEntries(all, 'OAKL', 'all');
    expect(oak.length).toBeGreaterThan(0);
    expect(oak.every((e) => /oakland/i.test(`${e.name} ${e.place}`))).toBe(true);
    expect(searchEntries(all, 'framingham ma', 'listed').map((e) => e.name)).toEqual([
      'Framingham Coronavirus Community Outreach',
    ]);
    expect(searchEntries(all, 'a '.repeat(30_000), 'all').length).toBeGreaterThan(0);
  });
});
