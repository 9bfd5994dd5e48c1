// What to do after a failed send. Teams: on 429 wait Retry-After; 412, 5xx and network errors are transient
// (exponential backoff with jitter); 403 (app blocked or removed) and 404 (conversation gone) are permanent.
import { SendError } from './types.ts';

export type RetryPolicy = {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
};

export const defaultRetryPolicy = (maxAttempts = 8): RetryPolicy => ({ maxAttempts, baseDelayMs: 250, maxDelayMs: 60_000, random: Math.random });

export type RetryDecision =
  | { action: 'retry'; delayMs: number; throttled: boolean; statusCode: number | null; reason: string }
  | { action: 'fail'; deactivate: boolean; statusCode: number | null; reason: string };

const TRANSIENT = new Set([412, 429, 500, 502, 503, 504]);
/** 429 is the channel asking us to slow down, not a fault of this delivery: it gets a much larger budget. */
const THROTTLE_ATTEMPT_FACTOR = 4;

/** Normalises anything a Sender may throw: a number in statusCode/status, else a network error. */
export function toSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = (error ?? {}) as { statusCode?: unknown; status?: unknown; code?: unknown; message?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  return new SendError(String(e.message ?? error), { statusCode: status, code: typeof e.code === 'string' ? e.code : undefined, cause: error });
}

/** Exponential backoff with "equal jitter": between half and all of base·2^(attempt−1), capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + (policy.random() * exp) / 2);
}

/** attempt: the number of the attempt that just failed (1 = first). */
export function classifyFailure(error: unknown, attempt: number, policy: RetryPolicy): RetryDecision {
  const e = toSendError(error);
  const status = e.statusCode ?? null;
  if (status === 403 || status === 404) {
    return { action: 'fail', deactivate: true, statusCode: status, reason: status === 403 ? 'bloqué ou application retirée (403)' : 'conversation introuvable (404)' };
  }
  const transient = status === null || TRANSIENT.has(status);
  if (!transient) return { action: 'fail', deactivate: false, statusCode: status, reason: `refus définitif (${status}) : ${e.message}`.slice(0, 500) };
  const throttled = status === 429;
  const budget = throttled ? policy.maxAttempts * THROTTLE_ATTEMPT_FACTOR : policy.maxAttempts;
  const reason = status === null ? `erreur réseau${e.code ? ` ${e.code}` : ''} : ${e.message}`.slice(0, 500) : `erreur temporaire (${status})`;
  if (attempt >= budget) return { action: 'fail', deactivate: false, statusCode: status, reason: `${reason} — abandon après ${attempt} tentatives` };
  const delayMs = Math.max(e.retryAfterMs ?? 0, throttled && e.retryAfterMs !== undefined ? 0 : backoffDelay(attempt, policy));
  return { action: 'retry', delayMs, throttled, statusCode: status, reason };
}
