// A scripted OpenAI-compatible server (POST /v1/chat/completions) for the optional language model: each request takes
// the next scripted answer (status, headers, body, delay, or no answer at all); every request body is kept.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted = { status?: number; headers?: Record<string, string>; body?: unknown; delayMs?: number; hang?: boolean };
export type FakeModel = {
  url: string;
  requests: Record<string, unknown>[];
  /** The answers to the next requests, in order; when empty, `fallback`. */
  script: Scripted[];
  fallback: Scripted;
  close(): Promise<void>;
};

export const toolCall = (name: string, args: unknown, extra: { id?: string }[] = []): Scripted => ({
  body: completion({ role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name, arguments: typeof args === 'string' ? args : JSON.stringify(args) } }, ...extra.map((e, i) => ({ id: e.id ?? `call_${i + 2}`, type: 'function', function: { name: 'getLevel', arguments: '{"place":"Bron"}' } }))] }),
});
export const text = (content: string): Scripted => ({ body: completion({ role: 'assistant', content }) });

function completion(message: unknown) {
  return { id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: 'fake', choices: [{ index: 0, finish_reason: 'stop', message }] };
}

export async function startFakeModel(): Promise<FakeModel> {
  const hung: (() => void)[] = [];
  const fake: FakeModel = {
    url: '', requests: [], script: [], fallback: text('ok'),
    close: () => new Promise((resolve) => { hung.forEach((end) => end()); server.closeAllConnections(); server.close(() => resolve()); }),
  };
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      try { fake.requests.push(JSON.parse(raw)); } catch { fake.requests.push({ raw }); }
      const next = fake.script.shift() ?? fake.fallback;
      if (next.hang) return void hung.push(() => res.destroy());
      setTimeout(() => {
        res.writeHead(next.status ?? 200, { 'content-type': 'application/json', ...next.headers });
        res.end(JSON.stringify(next.body ?? { error: { message: 'scripted error' } }));
      }, next.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}
