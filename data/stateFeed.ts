// Change feed of the conversation state on PostgreSQL: every process LISTENs on one channel, every state write
// NOTIFYs it (in the same statement, so at commit). A process may then keep the rows it read in memory and forget
// one as soon as another process changes it. While the feed is down (connecting, PostgreSQL restarting), it is not
// live and readers go to the database; each (re)connection starts from an empty memory, as changes may have been missed.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Database } from './database.ts';
import { loadPg } from './pgDriver.ts';
import { beforeClose } from './sql.ts';

export const STATE_CHANNEL = 'arobase_state';
const RECONNECT_MS = 1_000;

export type StateFeed = {
  /** True while every change by another process is being delivered. */
  readonly live: boolean;
  /** This process's id in the notifications: its own writes are not news to it. */
  readonly instance: string;
  subscribe(handlers: { changed(key: string): void; reset(): void }): void;
};

export function startStateFeed(db: Database): StateFeed | undefined {
  if (db.target.kind !== 'postgres') return undefined;
  const url = db.target.url;
  const subscribers: { changed(key: string): void; reset(): void }[] = [];
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const feed = {
    live: false,
    instance: randomUUID(),
    subscribe(handlers: { changed(key: string): void; reset(): void }) { subscribers.push(handlers); },
  };
  const reset = () => { for (const s of subscribers) s.reset(); };
  const retry = () => {
    if (closed || timer) return;
    timer = setTimeout(() => { timer = undefined; void connect(); }, RECONNECT_MS);
    timer.unref();
  };
  async function connect(): Promise<void> {
    const c = new (await loadPg()).Client({ connectionString: url });
    c.on('error', () => {}); // 'end' follows
    c.on('notification', (m) => {
      if (m.channel !== STATE_CHANNEL || !m.payload) return;
      const cut = m.payload.indexOf(':');
      if (m.payload.slice(0, cut) === feed.instance) return;
      for (const s of subscribers) s.changed(m.payload.slice(cut + 1));
    });
    c.on('end', () => {
      if (client !== c) return;
      client = undefined;
      feed.live = false;
      reset();
      retry();
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${STATE_CHANNEL}`);
    } catch {
      void c.end().catch(() => {});
      retry();
      return;
    }
    if (closed) return void (await c.end().catch(() => {}));
    client = c;
    reset();
    feed.live = true;
  }
  void connect();
  beforeClose(db, async () => {
    closed = true;
    feed.live = false;
    if (timer) clearTimeout(timer);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  });
  return feed;
}
