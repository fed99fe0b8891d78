// A network's profile in the directory, Murmurations-style (its organizations schema: name, description, locality,
// geolocation, contact_details): what our members decided to publish, and what we read of a partner's. A position
// is only ever a tenth of a degree (about 10 km); the only contact is a form on the network's own server.
import { z } from 'zod';

/** A position rounded to a tenth of a degree: nothing finer is kept, shown or published. */
export type Position = { lat: number; lng: number };

const tenth = (n: number) => Math.round(n * 10) / 10;

/** "37.80, -122.27" → 37.8, -122.3: a latitude and a longitude, apart by a comma or spaces, rounded. */
export function readPosition(typed: string): Position | null {
  const parts = typed
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length !== 2 || parts.some((p) => p.length > 20)) return null;
  const [lat, lng] = parts.map(Number) as [number, number];
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { lat: tenth(lat), lng: tenth(lng) };
}

export const positionText = (p: Position) => `${p.lat.toFixed(1)}, ${p.lng.toFixed(1)}`;

/** The agreement's value: empty (not on the map) or a coarse position as text. */
export const positionAgreement = z
  .string()
  .max(60, 'directory.positionInvalid')
  .refine((s) => s.trim() === '' || readPosition(s) !== null, 'directory.positionInvalid')
  .transform((s) => {
    const p = readPosition(s);
    return p ? positionText(p) : '';
  });

export type OurProfile = { name: string; place: string; about: string; position: Position | null };

/** Our profile as published at /directory/profile.json. */
export function murmurationsProfile(p: OurProfile, publicUrl: string, actorUrl: string) {
  return {
    linked_schemas: ['organizations_schema-v1.0.0'],
    name: p.name,
    primary_url: `${publicUrl}/`,
    description: p.about || undefined,
    locality: p.place,
    geolocation: p.position ? { lat: p.position.lat, lon: p.position.lng } : undefined,
    contact_details: { contact_form: `${publicUrl}/directory/contact` },
    // Where its members' decisions can be reached: the network's ActivityPub actor (partner networks).
    kropotkin: { actor: actorUrl },
  };
}

const line = (most: number) =>
  z
    .string()
    .transform((s) => s.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(most));
const coordinate = (most: number) => z.number().min(-most).max(most).transform(tenth);

/** What we keep of a partner's published profile; anything else in it is not read. */
export const partnerProfileSchema = z.object({
  name: line(200).pipe(z.string().min(1)),
  locality: line(100).pipe(z.string().min(1)),
  description: line(500).optional(),
  geolocation: z.object({ lat: coordinate(90), lon: coordinate(180) }).optional(),
  contact_details: z
    .object({
      contact_form: z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
    })
    .optional(),
});
export type PartnerProfile = z.output<typeof partnerProfileSchema>;
