// Child process of `npm run bench:notify`: the real worker (Teams sender through botbuilder's TeamsAdapter in local
// mode) on DATABASE_URL, until nothing is pending. The bench kills it with SIGKILL mid-send in the crash run.
import { TeamsAdapter } from '@microsoft/teams-ai';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { openDatabase } from '../data/database.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { startNotificationWorker, type Sender } from '../data/notifications/index.ts';
import { createTeamsSender } from '../bot/notifications/teamsSender.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' }, pino.destination(2));
const db = await openDatabase();
const teams = createTeamsSender(new TeamsAdapter({}), '', { timeoutMs: Number(process.env.BENCH_TIMEOUT_MS ?? 1_000) });
// BENCH_GRANTS=<file>: record when each request passed the rate limit (epoch ms), to compare with the connector.
const grants: number[] = [];
const wires: number[] = [];
const sender: Sender = !process.env.BENCH_GRANTS ? teams : {
  pacesItself: true,
  send: (r, m, o) => teams.send(r, m, {
    pace: async () => {
      const written = await o.pace();
      grants.push(performance.timeOrigin + performance.now());
      let once = false;
      return () => { if (!once) { once = true; wires.push(performance.timeOrigin + performance.now()); } written(); };
    },
  }),
};
const started = performance.now();
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
const handle = startNotificationWorker({ db, sender, lookup: getRegistry(), untilIdle: true, logger });
process.send?.({ type: 'ready' });
await handle.finished;
await db.close();
if (process.env.BENCH_GRANTS) (await import('node:fs')).appendFileSync(process.env.BENCH_GRANTS, JSON.stringify({ grants, wires }) + '\n');
lag.disable();
const ms = (ns: number) => Math.round(ns / 1e5) / 10;
const loopDelay = { p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) };
process.stdout.write(JSON.stringify({ ...handle.stats, seconds: (performance.now() - started) / 1000, loopDelay }) + '\n');
