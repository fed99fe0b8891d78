// Every regular file under a directory, with its bytes, for the tests that scan what a server keeps on disk. Files and
// directories that vanish while it walks (another test's database dropped meanwhile) or cannot be read are skipped.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function* filesUnder(
  dir: string,
  keep: (file: string, stat: fs.Stats) => boolean = () => true,
): Generator<[string, Buffer]> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* filesUnder(p, keep);
    else if (e.isFile()) {
      try {
        const stat = fs.statSync(p);
        if (keep(p, stat)) yield [p, fs.readFileSync(p)];
      } catch {
        // gone or unreadable meanwhile
      }
    }
  }
}

/**
 * A new temp directory the embedded server's own user can pass through (not list): run as root, the tests start the
 * server as an unprivileged user (src/db/embedded.ts), and mkdtemp makes directories only their owner may enter.
 */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o711);
  return dir;
}
