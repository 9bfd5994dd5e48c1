// The hand-written activity check (the fast path of guardActivity) against the zod schema it stands in for:
// the same verdict on every activity of a table of valid and invalid ones, and guardActivity's messages unchanged.
import { describe, expect, it } from 'vitest';
import { activitySchema, ConversationRateLimiter, guardActivity, isValidActivity } from '../bot/requestGuard.ts';

const valid = () => ({
  type: 'message', id: 'm1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:3978/', locale: 'fr-FR', text: 'Quel est le niveau de Grenoble ?',
  from: { id: '29:user', name: 'Camille', aadObjectId: 'aad-1' }, recipient: { id: '28:arobase', name: 'arobase' },
  conversation: { id: 'a:conv', conversationType: 'personal' }, channelData: { tenant: { id: 't' } },
});

const s = (n: number) => 'x'.repeat(n);
const LIMITS: Record<string, number> = {
  type: 64, id: 512, channelId: 64, serviceUrl: 2048, text: 100_000, locale: 64, 'from.id': 512, 'from.name': 512,
  'from.aadObjectId': 128, 'recipient.id': 512, 'conversation.id': 512,
};
const OTHER_VALUES: unknown[] = [undefined, null, '', 'é', 0, 123, true, {}, [], [{ id: 'a' }], { id: 'a' }, { id: '' }, 'http://localhost'];
const member = (i: number) => ({ id: `29:m${i}`, name: `m${i}` });
const ARRAY_VALUES: unknown[] = [
  [], Array.from({ length: 20 }, () => ({})), Array.from({ length: 21 }, () => ({})), Array.from({ length: 500 }, (_, i) => member(i)),
  Array.from({ length: 501 }, (_, i) => member(i)), [member(1), { name: 'no id' }], [member(1), null], [member(1), { id: 7 }], [member(1), { id: '' }],
  [member(1), { id: s(513) }], [[]], ['29:a'], { length: 1, 0: member(1) },
];

function set(target: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(target);
  const keys = path.split('.');
  let at: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
  if (value === undefined) delete at[keys.at(-1)!];
  else at[keys.at(-1)!] = value;
  return copy;
}

/** Every field at its limits, beyond them, missing, null and of other types; arrays at and beyond their sizes. */
function table(): { label: string; body: unknown }[] {
  const rows: { label: string; body: unknown }[] = [
    { label: 'valid', body: valid() },
    { label: 'minimal', body: { type: 'm', channelId: 'c', serviceUrl: 'h', from: { id: 'f' }, recipient: { id: 'r' }, conversation: { id: 'c' } } },
    { label: 'id: undefined kept as a key', body: { ...valid(), id: undefined } },
    { label: 'conversationUpdate', body: { ...valid(), type: 'conversationUpdate', text: undefined, membersAdded: [member(1)], membersRemoved: [] } },
  ];
  for (const body of [null, undefined, 0, 1, 'text', '', true, [], [valid()], new Date(), () => 1]) rows.push({ label: `body ${String(body)}`, body });
  for (const [path, max] of Object.entries(LIMITS)) {
    for (const value of [s(max), s(max + 1), s(max - 1), '🦄'.repeat(max / 2), '🦄'.repeat(max / 2) + 'x', ...OTHER_VALUES]) {
      rows.push({ label: `${path} = ${JSON.stringify(value)?.slice(0, 30)} (${typeof value === 'string' ? value.length : typeof value})`, body: set(valid(), path, value) });
    }
  }
  for (const path of ['from', 'recipient', 'conversation', 'from.name', 'channelData']) {
    for (const value of OTHER_VALUES) rows.push({ label: `${path} = ${JSON.stringify(value)}`, body: set(valid(), path, value) });
  }
  for (const path of ['attachments', 'membersAdded', 'membersRemoved']) {
    for (const value of [...ARRAY_VALUES, ...OTHER_VALUES]) {
      rows.push({ label: `${path} = ${Array.isArray(value) ? `array of ${value.length}, last ${JSON.stringify(value.at(-1))}` : JSON.stringify(value)}`, body: set(valid(), path, value) });
    }
  }
  // Two faults at once: zod reports the first; both paths must refuse.
  rows.push({ label: 'two faults', body: { ...valid(), type: '', conversation: {} } });
  return rows;
}

describe('isValidActivity (guardActivity fast path)', () => {
  const rows = table();

  it('agrees with activitySchema on every activity of the table', () => {
    const disagreements = rows.filter((r) => isValidActivity(r.body) !== activitySchema.safeParse(r.body).success).map((r) => r.label);
    expect(disagreements).toEqual([]);
    // The table exercises both verdicts.
    expect(rows.filter((r) => isValidActivity(r.body)).length).toBeGreaterThan(50);
    expect(rows.filter((r) => !isValidActivity(r.body)).length).toBeGreaterThan(50);
  });

  it('agrees with activitySchema on 5,000 random mutations of an activity', () => {
    let seed = 20261127;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const paths = [...Object.keys(LIMITS), 'from', 'recipient', 'conversation', 'attachments', 'membersAdded', 'membersRemoved'];
    const values = [...OTHER_VALUES, ...ARRAY_VALUES, s(64), s(65), s(128), s(129), s(512), s(513)];
    for (let i = 0; i < 5_000; i++) {
      let body: Record<string, unknown> = valid();
      for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
        const path = pick(paths);
        const parent = path.includes('.') ? body[path.split('.')[0]!] : body;
        if (typeof parent === 'object' && parent !== null && !Array.isArray(parent)) body = set(body, path, pick(values));
      }
      expect(isValidActivity(body), JSON.stringify(body).slice(0, 300)).toBe(activitySchema.safeParse(body).success);
    }
  });

  it('guardActivity answers as the schema alone did: same message for invalid activities, same checks after', () => {
    const reference = (body: unknown, localMode: boolean) => {
      const parsed = activitySchema.safeParse(body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { ok: false, status: 400, error: `invalid activity: ${issue.path.join('.') || 'body'} ${issue.message}` };
      }
      if (/[\u0000-\u001f\u007f]/.test(`${parsed.data.from.id}${parsed.data.recipient.id}${parsed.data.conversation.id}`)) {
        return { ok: false, status: 400, error: 'invalid activity: an id holds a control character or a lone surrogate' };
      }
      if (localMode && !/^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3})(?::\d+)?(?:\/|$)/i.test(parsed.data.serviceUrl)) {
        return { ok: false, status: 400, error: 'invalid activity: serviceUrl must be http://localhost or http://127.x.x.x in local mode' };
      }
      return { ok: true, conversationId: parsed.data.conversation.id, limiterKey: expect.any(String), quiet: expect.any(Boolean) };
    };
    const limiter = new ConversationRateLimiter(1e9, 1e9);
    for (const localMode of [true, false]) {
      for (const { label, body } of rows) expect(guardActivity(body, localMode, limiter), label).toEqual(reference(body, localMode));
    }
    expect(guardActivity({ ...valid(), serviceUrl: 'https://smba.trafficmanager.net/emea/' }, true, limiter).ok).toBe(false);
    expect(guardActivity({ ...valid(), serviceUrl: 'http://[::1]:3978/' }, true, limiter)).toMatchObject({ ok: false, status: 400 });
    expect(guardActivity({ ...valid(), serviceUrl: 'https://smba.trafficmanager.net/emea/' }, false, limiter).ok).toBe(true);
  });

  it('still limits the rate per conversation', () => {
    const limiter = new ConversationRateLimiter(2, 1, 100, () => 0);
    const verdicts = [1, 2, 3].map(() => guardActivity(valid(), true, limiter));
    expect(verdicts.map((v) => v.ok)).toEqual([true, true, false]);
    expect(verdicts[2]).toEqual({ ok: false, status: 429, error: 'too many messages in this conversation', retryAfterSeconds: 1 });
  });

  it('counts invokes (compose-box searches, card clicks) per person: one searcher does not block the channel', () => {
    const limiter = new ConversationRateLimiter(2, 1, 100, () => 0);
    const search = (user: string) => guardActivity({ ...valid(), type: 'invoke', from: { id: user } }, true, limiter).ok;
    expect([search('29:ana'), search('29:ana'), search('29:ana')]).toEqual([true, true, false]);
    expect(search('29:bob')).toBe(true);
    // Messages still count per conversation.
    expect([1, 2, 3].map(() => guardActivity(valid(), true, limiter).ok)).toEqual([true, true, false]);
  });
});
