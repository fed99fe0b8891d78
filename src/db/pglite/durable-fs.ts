// PGlite's Node file layer as shipped never fsyncs, and PGlite starts Postgres with fsync off (-F).
// This file system makes Postgres's fsync calls reach the disk, so a committed write survives a power cut.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** Counts real fsyncs made for the database; the durability test reads it. */
export const fsyncStats = { calls: 0 };

type EmscriptenModule = {
  NODEFS: { stream_ops: { fsync?: (stream: { nfd?: number }) => number } };
};

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      ...preRun,
      (mod: EmscriptenModule) => {
        mod.NODEFS.stream_ops.fsync = (stream) => {
          // Directories are opened without a host descriptor; there is nothing to flush for them here.
          if (typeof stream.nfd !== 'number') return 0;
          fs.fsyncSync(stream.nfd);
          fsyncStats.calls++;
          return 0;
        };
      },
    ];
    return result;
  }
}

/**
 * PGlite's own start parameters, without -F (fsync off), and with fsync as the WAL sync method. Shared buffers are
 * 16 MB, not 128: a network's data is small, the host's page cache sits below PGlite's file layer, and the memory a
 * WebAssembly instance takes it never gives back (bench: RSS 351 MB → 226 MB on an existing data directory).
 */
export function durableStartParams(): string[] {
  const params = [...PGlite.defaultStartParams].filter((p) => p !== '-F');
  // wal_recycle off: a finished log segment is deleted, not kept for reuse with old rows in it (see retention.ts).
  return [...params, '-c', 'wal_sync_method=fsync', '-c', 'shared_buffers=16MB', '-c', 'wal_recycle=off'];
}
