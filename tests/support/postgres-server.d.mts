export function which(cmd: string): string | null;
export function postgresBinDir(): string | null;
export function startPostgres(
  bin: string,
  opts?: { fsync?: boolean },
): Promise<{
  url: string;
  dir: string;
  stop: () => Promise<void>;
  halt: () => Promise<void>;
  resume: () => Promise<void>;
}>;
