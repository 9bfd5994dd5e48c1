// A delivery is `sending` only once its request is handed to the network: the worker asks here right before the
// request leaves, and the rows asked within the same few milliseconds are marked in one statement, committed before
// any of their requests leaves. A crash before that leaves them `claimed`: never sent, sent by the next leader.
import type { PrismaClient } from '../generated/prisma/client.ts';
import { markOnWire } from './outbox.ts';

export class WireMarker {
  private waiting: { id: string; resolve: (marked: boolean) => void; reject: (e: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly prisma: PrismaClient) {}

  /** Resolves true once the row is `sending`; false when it is no longer `claimed` (cancelled meanwhile). */
  mark(deliveryId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: deliveryId, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    const batch = this.waiting;
    this.waiting = [];
    try {
      const marked = await markOnWire(this.prisma, batch.map((w) => w.id));
      for (const w of batch) w.resolve(marked.has(w.id));
    } catch (e) {
      for (const w of batch) w.reject(e);
    } finally {
      // What arrived during the statement goes in the next one.
      if (this.waiting.length) setImmediate(() => void this.flush());
      else this.scheduled = false;
    }
  }
}
