// The request's logger: reqId and conversation digest on the 'turn' line at info level and on whatever a turn logs;
// above info level, a turn that logs nothing makes no child logger at all.
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createServer, type Readiness } from '../bot/server.ts';
import type { Logger } from '../bot/logger.ts';
import { messageActivity } from './helpers/activities.ts';

async function withServer(level: string, run: (ctx: { turnState: Map<string, unknown> }) => Promise<void>,
  test: (post: (text: string, conversationId: string) => Promise<number>, lines: Record<string, unknown>[], children: () => number) => Promise<void>) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(JSON.parse(String(chunk))); done(); } });
  const logger = pino({ level }, sink);
  let children = 0;
  const child = logger.child.bind(logger);
  logger.child = ((...args: Parameters<Logger['child']>) => { children++; return child(...args); }) as Logger['child'];
  const adapter = {
    async process(_req: unknown, res: { send(status: number): void }, logic: (context: unknown) => Promise<void>) {
      await logic({ turnState: new Map() });
      res.send(200);
    },
  };
  const state: Readiness = { inFlight: new Set(), ready: { app: { run } as never, adapter: adapter as never, details: {}, localMode: true } };
  const server = createServer(state, logger);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (text: string, conversationId: string) => {
    const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(messageActivity(text, { serviceUrl: 'http://127.0.0.1:9/', conversationId })) });
    await res.arrayBuffer();
    return res.status;
  };
  try {
    await test(post, lines, () => children);
  } finally {
    server.close();
  }
}

const digest = (id: string) => createHash('sha256').update(id).digest('hex').slice(0, 12);
describe('POST /api/messages logging', () => {
  it('at info level: a turn line with reqId and the conversation digest, the same ids on what the turn logs', async () => {
    await withServer('info', async (ctx) => { (ctx.turnState.get('logger') as Logger).warn('inside the turn'); }, async (post, lines) => {
      expect(await post('aide', 'a:conv-info')).toBe(200);
      const turn = lines.find((l) => l.msg === 'turn')!;
      const inside = lines.find((l) => l.msg === 'inside the turn')!;
      expect(turn.reqId).toMatch(/^[0-9a-f-]{36}$/);
      expect(turn.conversation).toBe(digest('a:conv-info'));
      expect(inside.reqId).toBe(turn.reqId);
      expect(inside.conversation).toBe(turn.conversation);
    });
  });

  it('above info level: no child logger for a quiet turn; a warning from the turn still carries reqId and digest', async () => {
    let loud = false;
    await withServer('warn', async (ctx) => { if (loud) (ctx.turnState.get('logger') as Logger).warn({ n: 1 }, 'inside the turn'); }, async (post, lines, children) => {
      expect(await post('aide', 'a:conv-quiet')).toBe(200);
      expect(children()).toBe(0);
      expect(lines).toEqual([]);
      loud = true;
      expect(await post('aide', 'a:conv-loud')).toBe(200);
      expect(children()).toBe(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ msg: 'inside the turn', n: 1, conversation: digest('a:conv-loud'), reqId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    });
  });
});
