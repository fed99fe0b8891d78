// An open-loop load generator: request i is due at start + i / rate, evenly spaced, and its latency counts from when
// it was due (so a slow server cannot hide its queue by slowing the sender). Keep-alive connections on loopback.
import http from 'node:http';

export type Req = { method: 'GET' | 'POST'; path: string; body?: string; headers?: Record<string, string> };
export type Run = { sent: number; achieved: number; p50: number; p99: number; max: number; errors: number };

export async function fixedRate(
  base: string,
  rate: number,
  seconds: number,
  requests: Req[],
  headers: Record<string, string>,
): Promise<Run> {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
  const total = Math.max(1, Math.round(rate * seconds));
  const latencies: number[] = [];
  let errors = 0;
  let done = 0;
  const t0 = performance.now();
  const finished = new Promise<void>((resolve) => {
    const send = (i: number) => {
      const due = t0 + (i * 1000) / rate;
      const r = requests[i % requests.length]!;
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: r.method,
          path: r.path,
          agent,
          headers: { ...headers, ...r.headers, ...(r.body ? { 'content-length': Buffer.byteLength(r.body) } : {}) },
          timeout: 5000,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if ((res.statusCode ?? 500) >= 400) errors++;
            latencies.push(performance.now() - due);
            if (++done === total) resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        latencies.push(performance.now() - due);
        if (++done === total) resolve();
      });
      req.on('timeout', () => req.destroy());
      req.end(r.body);
    };
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && t0 + (next * 1000) / rate <= now) send(next++);
      if (next < total) setTimeout(tick, Math.max(0, Math.min(5, t0 + (next * 1000) / rate - now)));
    };
    tick();
  });
  await finished;
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)] ?? 0;
  return {
    sent: total,
    achieved: total / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    max: latencies[latencies.length - 1] ?? 0,
    errors,
  };
}
