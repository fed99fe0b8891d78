// Work that follows a response: sending mail, and anything whose cost would tell the person waiting what it found (a
// sign-in link for an address the network knows takes longer to make than none for one it does not). The answer goes
// first, the same for everyone; the work runs just after, and its errors go to the log.
const pending = new Set<Promise<void>>();

export function afterResponse(work: () => Promise<void>, log: (line: string) => void): void {
  const run = (async () => {
    await new Promise((r) => setImmediate(r));
    try {
      await work();
    } catch (e) {
      log(`work after a response failed: ${(e as Error).message}`);
    }
  })();
  pending.add(run);
  void run.finally(() => pending.delete(run));
}

/** Waits until the work started after responses so far is done (tests, and a server shutting down). */
export async function afterResponseSettled(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
