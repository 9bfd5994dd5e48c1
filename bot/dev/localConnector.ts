// A local stand-in for the Bot Framework connector: captures what the bot sends (local mode needs no token
// for a loopback serviceUrl). Used by `npm run chat`, the tests and the benchmarks.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Captured = { method: string; conversationId: string; activityId?: string; body: Record<string, unknown> };

export type FakeConnector = {
  url: string;
  received: Captured[];
  /** Sends answered with a success, kept or not. */
  sends: number;
  /** Decides the HTTP status of each send (default 200). */
  respond: (c: Captured) => { status: number; headers?: Record<string, string>; delayMs?: number };
  waitFor(count: number, timeoutMs?: number): Promise<Captured[]>;
  /** What GET /v3/teams/{id}/conversations lists (a team's channels; General's name is null, as in Teams). */
  teamChannels: Record<string, { id: string; name?: string | null }[]>;
  close(): Promise<void>;
};

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

export type FakeConnectorOptions = {
  /** False: answer every send with 200 without reading it as JSON nor keeping it (benchmarks: the stand-in for the
   *  connector should cost as little as possible on the machine the bots are measured on). Default true. */
  keep?: boolean;
};

export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const keep = options.keep ?? true;
  let counter = 0;
  const waiters: { count: number; resolve: () => void }[] = [];
  const connector: FakeConnector = {
    url: '', received: [], sends: 0, respond: () => ({ status: 200 }), teamChannels: {},
    waitFor(count, timeoutMs = 10_000) {
      if (connector.received.length >= count) return Promise.resolve(connector.received);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake connector: ${connector.received.length}/${count} activities after ${timeoutMs} ms`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(connector.received); } });
      });
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer(async (req, res) => {
    // A team's channels (TeamsInfo.getTeamChannels), as set by a test or the chat.
    const team = /^\/v3\/teams\/([^/]+)\/conversations$/.exec((req.url ?? '').split('?')[0]!);
    if (team && req.method === 'GET') {
      const body = JSON.stringify({ conversations: connector.teamChannels[decodeURIComponent(team[1]!)] ?? [] });
      // Not chained: restify (same process in tests) patches writeHead, which then returns nothing.
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(body);
      return;
    }
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec((req.url ?? '').split('?')[0]!);
    if (!keep) {
      req.resume();
      req.once('end', () => {
        if (match) connector.sends++;
        const body = match ? `{"id":"sent-${++counter}"}` : '';
        res.writeHead(match ? 200 : 404, { 'content-type': 'application/json', 'content-length': body.length });
        res.end(body);
      });
      return;
    }
    const text = await readBody(req);
    if (!match) {
      res.writeHead(404);
      res.end();
      return;
    }
    const captured: Captured = {
      method: req.method ?? 'POST', conversationId: decodeURIComponent(match[1]!),
      activityId: match[2] ? decodeURIComponent(match[2]) : undefined, body: text ? JSON.parse(text) : {},
    };
    const answer = connector.respond(captured);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (answer.status < 300) {
      connector.received.push(captured);
      connector.sends++;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.status < 300 ? { id: `sent-${++counter}` } : { error: { code: 'Fake', message: 'fake failure' } }));
    for (const w of [...waiters]) {
      if (connector.received.length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  connector.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return connector;
}
