// The PostgreSQL driver, loaded only by a process that talks to PostgreSQL. On Node 20, loading `pg` also loads
// Node's fetch implementation (undici: pg probes `new Response()` to detect Cloudflare Workers), ~40 ms of start-up
// that a bot on its embedded PGlite database never needs.
import type pg from 'pg';

let driver: Promise<typeof pg> | undefined;

export function loadPg(): Promise<typeof pg> {
  driver ??= import('pg').then((m) => m.default);
  return driver;
}
