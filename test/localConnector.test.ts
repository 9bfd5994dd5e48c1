// The stand-in for the Bot Framework connector (bot/dev/localConnector.ts): captures sends for the tests, or only
// counts them for the benchmarks ({ keep: false }).
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeConnector, type FakeConnector } from '../bot/dev/localConnector.ts';

let connector: FakeConnector | undefined;
afterEach(async () => { await connector?.close(); connector = undefined; });

const send = (url: string, path: string, body: unknown) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('fake connector', () => {
  it('keeps every send it answers, parsed, and counts them', async () => {
    connector = await startFakeConnector();
    const res = await send(connector.url, '/v3/conversations/a%3Aone/activities/m1', { type: 'message', text: 'Bonjour' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'sent-1' });
    expect(connector.sends).toBe(1);
    expect(connector.received).toEqual([{ method: 'POST', conversationId: 'a:one', activityId: 'm1', body: { type: 'message', text: 'Bonjour' } }]);
  });

  it('keep: false answers and counts, keeps nothing; an unknown path is 404 and not counted', async () => {
    connector = await startFakeConnector({ keep: false });
    for (let i = 1; i <= 3; i++) {
      const res = await send(connector.url, '/v3/conversations/a%3Atwo/activities', { type: 'message', text: `n${i}` });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ id: `sent-${i}` });
    }
    expect((await send(connector.url, '/elsewhere', {})).status).toBe(404);
    expect(connector.sends).toBe(3);
    expect(connector.received).toEqual([]);
  });
});
