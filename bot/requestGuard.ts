// What /api/messages refuses before any turn runs: malformed activities, replies aimed anywhere but the local
// emulator in local mode, and floods from one conversation.
import { z } from 'zod/v4';
import { hasUnsafeIds } from './activityEdge.ts';

// [::1] is refused: the connector client never reached it (an emulator on IPv6 is reached as localhost).
const LOOPBACK = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3})(?::\d+)?(?:\/|$)/i;
const id = z.string().min(1).max(512);

/** The reference: its first issue is the error message. Exported for the tests. */
export const activitySchema = z.object({
  type: z.string().min(1).max(64),
  id: z.string().max(512).optional(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  text: z.string().max(100_000).optional().nullable(),
  locale: z.string().max(64).optional().nullable(),
  from: z.object({ id, name: z.string().max(512).optional().nullable(), aadObjectId: z.string().max(128).optional().nullable() }).loose(),
  recipient: z.object({ id }).loose(),
  conversation: z.object({ id }).loose(),
  attachments: z.array(z.unknown()).max(20).optional().nullable(),
  membersAdded: z.array(z.object({ id }).loose()).max(500).optional().nullable(),
  membersRemoved: z.array(z.object({ id }).loose()).max(500).optional().nullable(),
}).loose();

// The same rules as activitySchema, hand-written: a valid activity (nearly every request) is accepted without
// zod (≈ 70 µs a turn). Anything this refuses goes through activitySchema, which has the last word and the message.
type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown, min: number, max: number) => typeof v === 'string' && v.length >= min && v.length <= max;
const isOptionalString = (v: unknown, max: number) => v === undefined || v === null || (typeof v === 'string' && v.length <= max);
const hasId = (v: unknown) => isObject(v) && isString(v.id, 1, 512);
const isOptionalArray = (v: unknown, max: number, each?: (item: unknown) => boolean) => {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v) || v.length > max) return false;
  if (each) for (let i = 0; i < v.length; i++) if (!each(v[i])) return false;
  return true;
};

/** True only if activitySchema accepts `body` (exact, checked against zod in test/requestGuard.test.ts). */
export function isValidActivity(body: unknown): body is { type: string; serviceUrl: string; from: { id: string }; conversation: { id: string } } {
  if (!isObject(body)) return false;
  const from = body.from;
  return isString(body.type, 1, 64)
    && (body.id === undefined || isString(body.id, 0, 512))
    && isString(body.channelId, 1, 64)
    && isString(body.serviceUrl, 1, 2048)
    && isOptionalString(body.text, 100_000)
    && isOptionalString(body.locale, 64)
    && hasId(from) && isOptionalString((from as Obj).name, 512) && isOptionalString((from as Obj).aadObjectId, 128)
    && hasId(body.recipient)
    && hasId(body.conversation)
    && isOptionalArray(body.attachments, 20)
    && isOptionalArray(body.membersAdded, 500, hasId)
    && isOptionalArray(body.membersRemoved, 500, hasId);
}

export type GuardVerdict = { ok: true; conversationId: string; limiterKey: string; quiet: boolean } | { ok: false; status: number; error: string; retryAfterSeconds?: number };

/** Token bucket per conversation: `burst` messages at once, then `perSecond`. Forgets idle conversations. */
export class ConversationRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number; since: number }>();
  constructor(private readonly burst = 20, private readonly perSecond = 2, private readonly maxTracked = 50_000, private readonly now = () => Date.now()) {}

  /**
   * Takes one message from the conversation's bucket. `quiet`: the conversation has hardly used its burst lately
   * (a steady conversation, or the first message of a burst), which the global admission favours under load.
   */
  take(key: string): { ok: true; quiet: boolean } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t, since: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.delete(key); // re-insert: Map order is the idle order
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxTracked) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil((1 - b.tokens) / this.perSecond) };
    b.tokens -= 1;
    // A conversation first seen in the last 2 s (a flood's fresh bursts) is not quiet yet: under load it retries.
    return { ok: true, quiet: b.tokens >= this.burst - 2 && t - b.since >= 2_000 };
  }

  /** Gives back a message refused for a reason of ours (busy): the retry is not counted twice. */
  refund(key: string): void {
    const b = this.buckets.get(key);
    if (b) b.tokens = Math.min(this.burst, b.tokens + 1);
  }
}

export function guardActivity(body: unknown, localMode: boolean, limiter: ConversationRateLimiter): GuardVerdict {
  let a: { type: string; serviceUrl: string; from: { id: string }; conversation: { id: string } };
  if (isValidActivity(body)) {
    a = body;
  } else {
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, status: 400, error: `invalid activity: ${issue.path.join('.') || 'body'} ${issue.message}` };
    }
    a = parsed.data;
  }
  if (hasUnsafeIds(a)) return { ok: false, status: 400, error: 'invalid activity: an id holds a control character or a lone surrogate' };
  // Local mode checks no token: never let an activity make the bot call out to an arbitrary host.
  if (localMode && !LOOPBACK.test(a.serviceUrl)) return { ok: false, status: 400, error: 'invalid activity: serviceUrl must be http://localhost or http://127.x.x.x in local mode' };
  // Invokes (the compose-box search as people type, card clicks, card refreshes) count per person: in a busy channel,
  // one member's search must not use up the others'.
  const limiterKey = a.type === 'invoke' ? `${a.conversation.id}\u0000${a.from.id}` : a.conversation.id;
  const rate = limiter.take(limiterKey);
  if (!rate.ok) return { ok: false, status: 429, error: 'too many messages in this conversation', retryAfterSeconds: rate.retryAfterSeconds };
  return { ok: true, conversationId: a.conversation.id, limiterKey, quiet: rate.quiet };
}
