// A thing's photo: whatever a phone sends (JPEG, PNG, WebP, HEIC/AVIF, GIF, TIFF — never SVG), turned upright,
// made at most 800 px a side, and written again as a plain JPEG. Writing it again is what strips it: sharp keeps no
// EXIF, GPS, XMP, ICC or comment unless asked (ADR 033), so no camera, place or time leaves the member's phone
// through us. One photo is worked on at a time; a few more may wait; past that the member is asked to try again.
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types.ts';
import { errors } from '../web/errors.ts';

sharp.cache(false);
sharp.concurrency(1);

/** The most a photo's upload may hold (a phone's photo is 2–12 MB). */
export const PHOTO_MOST_BYTES = 16 * 1024 * 1024;
/** The longest side of a stored photo, in pixels. */
export const PHOTO_SIDE = 800;
/** Photos waiting to be worked on, past which the next is refused (429) rather than queued. */
const MOST_WAITING = 4;
const READABLE = new Set(['jpeg', 'png', 'webp', 'heif', 'avif', 'gif', 'tiff']);

let queue: Promise<unknown> = Promise.resolve();
let waiting = 0;

export type CleanPhoto = { body: Buffer; width: number; height: number };

/** The photo written again without anything but its pixels, or null when it is not a photo we can read. */
export async function cleanPhoto(input: Uint8Array): Promise<CleanPhoto | null> {
  if (waiting >= MOST_WAITING) throw errors.tooMany();
  waiting++;
  const run = queue.then(async () => {
    try {
      const image = sharp(input, { limitInputPixels: 50_000_000, failOn: 'error', pages: 1 });
      const meta = await image.metadata();
      if (!meta.format || !READABLE.has(meta.format)) return null;
      const { data, info } = await image
        .rotate()
        .resize(PHOTO_SIDE, PHOTO_SIDE, { fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 78, mozjpeg: true })
        .toBuffer({ resolveWithObject: true });
      return { body: data, width: info.width, height: info.height };
    } catch {
      return null;
    } finally {
      waiting--;
    }
  });
  queue = run;
  return run;
}

export async function setPhoto(db: Kysely<Database>, thingId: string, memberId: string, p: CleanPhoto, now: Date) {
  await db
    .insertInto('thing_photos')
    .values({ thing_id: thingId, body: p.body, width: p.width, height: p.height, set_by: memberId, set_at: now })
    .onConflict((oc) =>
      oc
        .column('thing_id')
        .doUpdateSet({ body: p.body, width: p.width, height: p.height, set_by: memberId, set_at: now }),
    )
    .execute();
}

export const removePhoto = (db: Kysely<Database>, thingId: string) =>
  db.deleteFrom('thing_photos').where('thing_id', '=', thingId).execute();

export const photoOf = (db: Kysely<Database>, thingId: string) =>
  db.selectFrom('thing_photos').select(['body', 'set_at']).where('thing_id', '=', thingId).executeTakeFirst();
