// Shared shapes of the notification outbox: announcement content (stored as JSON), messages and the Sender port.
// Plain TypeScript: no botbuilder here (bot/notifications/teamsSender.ts implements Sender for Teams).
import { z } from 'zod/v4';

export const CHANGES = ['new', 'up', 'down', 'same', 'unknown'] as const;
/** Against the previous edition: new = absent from a complete previous palmarès; unknown = absent from an incomplete one. */
export type Change = (typeof CHANGES)[number];

const entrySchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(['commune', 'epci']),
  departement: z.string().optional(),
  region: z.string().optional(),
  level: z.number().int(),
  previousLevel: z.number().int().nullable(),
  mentions: z.array(z.string()),
  /** Mentions held now and not in the previous award (all of them when there is no previous award). */
  newMentions: z.array(z.string()),
  change: z.enum(CHANGES),
  source: z.string(),
});

export const contentSchema = z.object({
  version: z.literal(1),
  edition: z.number().int(),
  year: z.number().int(),
  editionComplete: z.boolean(),
  previousEdition: z.number().int(),
  previousComplete: z.boolean(),
  entries: z.array(entrySchema),
});

export type AnnouncementEntry = z.infer<typeof entrySchema>;
export type AnnouncementContent = z.infer<typeof contentSchema>;

/** What a member's message is rendered from (a Member row has these columns). */
export type Audience = {
  territoryCode: string | null;
  locale: string;
  filterDepartements: string[];
  filterRegions: string[];
  /** A team channel (data/channels.ts): read by many, who must @mention the bot to ask it anything. */
  channel?: boolean;
};

/** One claimed delivery, with what the sender needs. */
export type Recipient = Audience & {
  deliveryId: string;
  announcementId: string;
  memberId: string;
  /** Attempt number of this send (1 = first). */
  attempt: number;
  /** The member's Entra tenant: Teams' limit is per app and tenant ('' when unknown: one shared budget). */
  tenantId: string;
  conversationReference: unknown;
};

/** A Teams message: a text, an Adaptive Card (plain JSON), or both; summary = the notification preview. */
export type NotificationMessage = { text?: string; summary?: string; card?: Record<string, unknown> };

export type SendOptions = {
  /**
   * Waits for the global rate limit. The worker calls it before send() unless the sender sets `pacesItself`, in
   * which case the sender calls it right before its HTTP request, and calls the returned function once the
   * request is actually on the wire (the channel counts arrivals: a request held up after its grant must count from
   * when it left). The worker calls that function anyway when send() settles. Rejects when the worker is stopping.
   */
  pace(): Promise<() => void>;
  /** Give up a request without an answer after this long (the worker follows the channel's observed latency). */
  timeoutMs?: number;
};

export interface Sender {
  /** Resolves once the channel confirmed the message; throws SendError otherwise. */
  send(recipient: Recipient, message: NotificationMessage, options: SendOptions): Promise<void>;
  readonly pacesItself?: boolean;
}

/** pace() was cut short because the worker stops: the request was never made. */
export class PaceAborted extends Error {
  constructor() {
    super('worker stopping');
    this.name = 'PaceAborted';
  }
}

/** A failed send. statusCode absent = no HTTP answer (network error, timeout). */
export class SendError extends Error {
  readonly statusCode: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly code: string | undefined;

  constructor(message: string, options: { statusCode?: number; retryAfterMs?: number; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SendError';
    this.statusCode = options.statusCode;
    this.retryAfterMs = options.retryAfterMs;
    this.code = options.code;
  }
}

/** Parses an HTTP Retry-After value (delta-seconds or HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The subset of pino the notification code logs with. */
export type NotifyLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
};

export const silentLogger: NotifyLogger = { info() {}, warn() {}, error() {}, debug() {} };
