// `kropotkin start` begins starting the embedded database before it loads the app (bin/kropotkin.js), so the two
// overlap: the server is usually ready by the time the app asks for it. Anything wrong (a bad setting, a data
// directory held by another process, an old engine's files) is left for the start itself to report, in words.
import { loadConfig } from '../core/config.ts';
import { acquireDataLock } from './lock.ts';
import { beginEmbedded } from './embedded.ts';

export function prestart(): void {
  try {
    const config = loadConfig();
    if (config.databaseUrl) return;
    acquireDataLock(config.dataDir);
    beginEmbedded(config.dataDir);
  } catch {
    /* the start reports it */
  }
}
