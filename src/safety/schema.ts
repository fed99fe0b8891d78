// What a flag, a pause and a removal proposal accept: one of three reasons, and (for a removal) a note for members.
import { z } from 'zod';

export const REASONS = ['harassment', 'spam', 'danger'] as const;

export const reasonSchema = z.object({ reason: z.enum(REASONS), note: z.string().trim().max(2000).optional() });
