// What /api/messages refuses before any turn runs: malformed activities, replies aimed anywhere but the local
// emulator in local mode, and floods from one conversation.
import { z } from 'zod/v4';

const LOOPBACK = /^https?:\/\/(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?(?:\/|$)/i;
const id = z.string().min(1).max(512);

const activitySchema = z.object({
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

export type GuardVerdict = { ok: true; conversationId: string } | { ok: false; status: number; error: string; retryAfterSeconds?: number };

/** Token bucket per conversation: `burst` messages at once, then `perSecond`. Forgets idle conversations. */
export class ConversationRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(private readonly burst = 20, private readonly perSecond = 2, private readonly maxTracked = 50_000, private readonly now = () => Date.now()) {}

  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const t = this.now();
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t };
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond);
    b.at = t;
    this.buckets.delete(key); // re-insert: Map order is the idle order
    this.buckets.set(key, b);
    if (this.buckets.size > this.maxTracked) this.buckets.delete(this.buckets.keys().next().value!);
    if (b.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil((1 - b.tokens) / this.perSecond) };
    b.tokens -= 1;
    return { ok: true };
  }
}

export function guardActivity(body: unknown, localMode: boolean, limiter: ConversationRateLimiter): GuardVerdict {
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, status: 400, error: `invalid activity: ${issue.path.join('.') || 'body'} ${issue.message}` };
  }
  const a = parsed.data;
  // Local mode checks no token: never let an activity make the bot call out to an arbitrary host.
  if (localMode && !LOOPBACK.test(a.serviceUrl)) return { ok: false, status: 400, error: 'invalid activity: serviceUrl must be a loopback address in local mode' };
  const rate = limiter.take(a.conversation.id);
  if (!rate.ok) return { ok: false, status: 429, error: 'too many messages in this conversation', retryAfterSeconds: rate.retryAfterSeconds };
  return { ok: true, conversationId: a.conversation.id };
}
