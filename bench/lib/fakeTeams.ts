// A fake Bot Connector for the notification bench: enforces a rate cap (429 + Retry-After above it, over a sliding
// 1-s window), injects transient failures (500/502/503/504, and timeouts: no answer at all), answers 403/404 for
// chosen conversations, and records every message it accepts.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeTeamsOptions = {
  cap: number;
  /** Share of requests failing transiently (default 0.05), split between 500, 502, 503, 504 and timeout. */
  transientRate?: number;
  /** conversationId → permanent status (403 blocked/app removed, 404 conversation gone). */
  permanent?: Map<string, 403 | 404>;
  latencyMs?: [number, number];
  seed?: number;
};

export type FakeTeams = {
  url: string;
  /** Accepted messages per conversation. */
  accepted: Map<string, number>;
  counts: Record<string, number>;
  /** Arrival times (ms, performance.now()) of the requests counted against the cap. */
  arrivals: number[];
  /** Highest number of counted requests seen in any 1-s window. */
  maxInWindow: number;
  /** Arrival of the last request to a conversation seen for the first time: after it, only retries remain. */
  lastFirstAttempt: number;
  /** Each 429 with the window that caused it (epoch ms), for analysis. */
  rejections: { at: number; window: number[] }[];
  close(): Promise<void>;
};

/** Small deterministic PRNG (mulberry32): the same failures on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TRANSIENT = [500, 502, 503, 504, 'timeout'] as const;

export async function startFakeTeams(o: FakeTeamsOptions): Promise<FakeTeams> {
  const random = prng(o.seed ?? 42);
  const [minLatency, maxLatency] = o.latencyMs ?? [5, 40];
  const window: number[] = []; // arrival times within the last second (counted requests only)
  const seen = new Set<string>();
  const hanging = new Set<import('node:net').Socket>();
  const fake: FakeTeams = {
    url: '', accepted: new Map(), counts: {}, arrivals: [], maxInWindow: 0, lastFirstAttempt: 0, rejections: [],
    close: () => new Promise((resolve) => {
      for (const s of hanging) s.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const count = (k: string) => { fake.counts[k] = (fake.counts[k] ?? 0) + 1; };

  const server: Server = createServer((req, res) => {
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The request counts when it is complete (its body read): arrival order = window order.
      const now = performance.now();
      if (!match || req.method !== 'POST') {
        res.writeHead(404).end();
        return;
      }
      const conversationId = decodeURIComponent(match[1]!);
      while (window.length && window[0]! <= now - 1000) window.shift();
      if (window.length >= o.cap) {
        count('429');
        fake.rejections.push({ at: performance.timeOrigin + now, window: window.map((w) => performance.timeOrigin + w) });
        const retryAfter = Math.max(1, Math.ceil((window[0]! + 1000 - now) / 1000));
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
        res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'rate limit' } }));
        return;
      }
      window.push(now);
      fake.arrivals.push(now);
      if (!seen.has(conversationId)) {
        seen.add(conversationId);
        fake.lastFirstAttempt = now;
      }
      fake.maxInWindow = Math.max(fake.maxInWindow, window.length);
      const latency = minLatency + random() * (maxLatency - minLatency);
      const permanent = o.permanent?.get(conversationId);
      let status: number | 'timeout' = 201;
      if (permanent) status = permanent;
      else if (random() < (o.transientRate ?? 0.05)) status = TRANSIENT[Math.floor(random() * TRANSIENT.length)]!;
      count(String(status));
      if (status === 'timeout') {
        // No answer, nothing recorded: the client's timeout decides.
        hanging.add(req.socket);
        req.socket.once('close', () => hanging.delete(req.socket));
        return;
      }
      setTimeout(() => {
        if (status === 201) {
          JSON.parse(Buffer.concat(chunks).toString('utf8')); // a well-formed activity
          fake.accepted.set(conversationId, (fake.accepted.get(conversationId) ?? 0) + 1);
        }
        res.writeHead(status as number, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 201 ? { id: `act-${fake.arrivals.length}` } : { error: { code: 'Fake', message: `fake ${status}` } }));
      }, latency);
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
