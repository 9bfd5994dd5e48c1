// Outcomes of sends, written in batches: one UPDATE for everything known since the last write (PGlite runs in the
// worker's own thread, so a statement per send would stall the pace). Kept on a database error, written next time.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { recordOutcomes, type ClaimedRow, type Outcome } from './outbox.ts';
import type { NotifyLogger } from './types.ts';

export class OutcomeBuffer {
  private items: Outcome[] = [];
  private flushing: Promise<void> | undefined;
  private scheduled = false;

  constructor(private readonly prisma: PrismaClient, private readonly now: () => number, private readonly logger: NotifyLogger) {}

  /**
   * Written as soon as the database is free: what arrives during a write goes in the next one. A `sent` still
   * unwritten when the process dies is re-sent after the crash (`sending` in the outbox): the shorter this window,
   * the fewer possible duplicates (at 50/s, a 200-ms timer left ~10 of them; one round trip leaves ~0–1).
   */
  push(outcome: Omit<Outcome, 'at'>): void {
    this.items.push({ ...outcome, at: this.now() });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => { this.scheduled = false; void this.flush(); });
    }
  }

  /** Claimed but never sent: certainly not received, back to pending with the attempt given back. */
  release(rows: ClaimedRow[]): void {
    for (const row of rows) {
      this.push({ deliveryId: row.deliveryId, memberId: row.memberId, status: 'pending', statusCode: null, delayMs: 0, error: null, released: true });
    }
  }

  flush(): Promise<void> {
    // Assigned before it can settle (a synchronous `finally` inside the body would leave a stale promise).
    this.flushing ??= this.write().finally(() => { this.flushing = undefined; });
    return this.flushing;
  }

  private async write(): Promise<void> {
    while (this.items.length) {
      const batch = this.items;
      this.items = [];
      try {
        await recordOutcomes(this.prisma, batch, this.now());
      } catch (err) {
        this.items.unshift(...batch);
        this.logger.error({ err }, 'could not record delivery outcomes, will retry');
        return;
      }
    }
  }
}
