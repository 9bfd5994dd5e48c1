// A fake Bot Connector for the notification bench, with the fault mix of issue #18: a rate cap per tenant (429 +
// Retry-After above it, over a sliding 1-s window, as Teams per app and tenant), 4 % of requests answered
// 500/502/503/504, 1 % hanging 30 s with no answer (then the connection is dropped), 403/404 for chosen
// conversations. It records every message it accepts, and how many requests it holds at any moment.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeTeamsOptions = {
  /** Requests per second per tenant. */
  cap: number;
  /** Share of requests failing transiently (default 0.05), split between 500, 502, 503, 504 and a 30-s hang. */
  transientRate?: number;
  /** conversationId → permanent status (403 blocked/app removed, 404 conversation gone). */
  permanent?: Map<string, 403 | 404>;
  latencyMs?: [number, number];
  hangMs?: number;
  seed?: number;
  /** Conversations whose activities are kept whole (the admin's chat: its preview card's buttons). */
  capture?: RegExp;
};

export type FakeTeams = {
  url: string;
  /** Accepted messages per conversation. */
  accepted: Map<string, number>;
  counts: Record<string, number>;
  /** Arrival times (ms, performance.now()) of the requests counted against the caps. */
  arrivals: number[];
  /** When each accepted message was accepted (ms). */
  delivered: number[];
  /** Highest number of counted requests seen in any 1-s window, over all tenants, and for the busiest tenant. */
  maxInWindow: number;
  maxTenantInWindow: number;
  tenants: number;
  /** Arrival of the last request to a conversation seen for the first time: after it, only retries remain. */
  lastFirstAttempt: number;
  /** Requests received and not answered yet (on the wire, from the sender's side). */
  open: number;
  captured: Record<string, unknown>[];
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

const TRANSIENT = [500, 502, 503, 504, 'hang'] as const;

export async function startFakeTeams(o: FakeTeamsOptions): Promise<FakeTeams> {
  const random = prng(o.seed ?? 42);
  const [minLatency, maxLatency] = o.latencyMs ?? [5, 40];
  const windows = new Map<string, number[]>(); // per tenant: arrival times within the last second
  const all: number[] = [];
  const seen = new Set<string>();
  const hanging = new Set<import('node:net').Socket>();
  const fake: FakeTeams = {
    url: '', accepted: new Map(), counts: {}, arrivals: [], delivered: [], maxInWindow: 0, maxTenantInWindow: 0, tenants: 0,
    lastFirstAttempt: 0, open: 0, captured: [],
    close: () => new Promise((resolve) => {
      for (const s of hanging) s.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
  const count = (k: string) => { fake.counts[k] = (fake.counts[k] ?? 0) + 1; };

  const server: Server = createServer((req, res) => {
    fake.open++;
    let settled = false;
    const settle = () => { if (!settled) { settled = true; fake.open--; } };
    res.once('close', settle);
    const match = /^\/v3\/conversations\/([^/]+)\/activities/.exec(req.url ?? '');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      // The request counts when it is complete (its body read): arrival order = window order.
      const now = performance.now();
      if (!match || req.method !== 'POST') return void res.writeHead(404).end();
      const conversationId = decodeURIComponent(match[1]!);
      let tenant = '';
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { conversation?: { tenantId?: string } };
        tenant = body.conversation?.tenantId ?? '';
        if (o.capture?.test(conversationId)) fake.captured.push(body);
      } catch { /* counted as the unknown tenant */ }
      let window = windows.get(tenant);
      if (!window) windows.set(tenant, (window = []));
      fake.tenants = windows.size;
      while (window.length && window[0]! <= now - 1000) window.shift();
      if (window.length >= o.cap) {
        count('429');
        const retryAfter = Math.max(1, Math.ceil((window[0]! + 1000 - now) / 1000));
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
        return void res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'rate limit' } }));
      }
      window.push(now);
      while (all.length && all[0]! <= now - 1000) all.shift();
      all.push(now);
      fake.arrivals.push(now);
      if (!seen.has(conversationId)) {
        seen.add(conversationId);
        fake.lastFirstAttempt = now;
      }
      fake.maxTenantInWindow = Math.max(fake.maxTenantInWindow, window.length);
      fake.maxInWindow = Math.max(fake.maxInWindow, all.length);
      const latency = minLatency + random() * (maxLatency - minLatency);
      const permanent = o.permanent?.get(conversationId);
      let status: number | 'hang' = 201;
      if (permanent) status = permanent;
      else if (random() < (o.transientRate ?? 0.05)) status = TRANSIENT[Math.floor(random() * TRANSIENT.length)]!;
      count(String(status));
      if (status === 'hang') {
        // No answer, nothing recorded; the connection is dropped after 30 s (the client's timeout decides first).
        hanging.add(req.socket);
        const drop = setTimeout(() => req.socket.destroy(), o.hangMs ?? 30_000);
        req.socket.once('close', () => { clearTimeout(drop); hanging.delete(req.socket); settle(); });
        return;
      }
      setTimeout(() => {
        if (status === 201) {
          fake.accepted.set(conversationId, (fake.accepted.get(conversationId) ?? 0) + 1);
          fake.delivered.push(performance.now());
        }
        res.writeHead(status as number, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 201 ? { id: `act-${fake.arrivals.length}` } : { error: { code: 'Fake', message: `fake ${status}` } }));
      }, latency);
    });
  });
  server.keepAliveTimeout = 30_000;
  server.maxConnections = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', 2048, () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
