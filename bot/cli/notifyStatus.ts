// npm run notify:status [-- --follow] [-- --id <annonce>] : progress of the latest (or given) announcement — sent,
// failed, throttled, remaining, rate, ETA. --follow refreshes a progress bar every second until it is finished, and
// says once when nothing moves for ~10 s while no sender runs (AROBASE_FOLLOW_HINT_MS changes the delay, for tests).
// The bar shows what was actually sent; the ETA is « — » until a rate is measured (the sending process's
// NOTIFY_RATE is not known here).
// With the embedded PGlite database, run it while the bot is stopped (one process at a time); PostgreSQL: any time.
import { parseArgs } from 'node:util';
import { openConfiguredDatabase } from '../environment.ts';
import {
  deliveredBar, formatDuration, formatProgress, formatRate, latestAnnouncement, loadProgress, senderRunning, type ProgressSummary,
} from '../../data/notifications/index.ts';

let values;
try {
  ({ values } = parseArgs({ options: { follow: { type: 'boolean' }, id: { type: 'string' } } }));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const tty = process.stdout.isTTY;
const hintAfterMs = Number(process.env.AROBASE_FOLLOW_HINT_MS) || 10_000;
const NO_SENDER = 'Aucun envoi en cours : le bot (npm start) ou npm run worker doit tourner.';

function bar(s: ProgressSummary): string {
  return `${deliveredBar(s, { width: 30, full: '█' })} · ${s.sent}/${s.total} · ${formatRate(s.rate)} msg/s` +
    ` · fin estimée ${formatDuration(s.etaSeconds)} · échecs ${s.failed} · annulés ${s.cancelled} · ralentis ${s.throttled}`;
}

/** What changes when a sender works on the announcement. */
const fingerprint = (s: ProgressSummary) => `${s.status}|${s.sent}|${s.failed}|${s.uncertain}|${s.cancelled}|${s.remaining}|${s.throttled}|${s.retrying}`;

const db = await openConfiguredDatabase();
try {
  const id = values.id ?? (await latestAnnouncement(db.prisma))?.id;
  let summary = id ? await loadProgress(db.prisma, id) : null;
  if (!id || !summary) {
    console.error(values.id ? `Annonce introuvable : ${values.id}` : 'Aucune annonce pour l’instant (npm run announce -- --edition <n>).');
    process.exitCode = 1;
  } else {
    let lastPrint = 0;
    let lastChange = Date.now();
    let last = fingerprint(summary);
    let hinted = false;
    while (values.follow && !summary.finished && summary.status !== 'draft') {
      if (tty) process.stdout.write(`\r${bar(summary)}   `);
      else if (Date.now() - lastPrint >= 5_000) {
        console.log(bar(summary));
        lastPrint = Date.now();
      }
      if (!hinted && Date.now() - lastChange >= hintAfterMs && !(await senderRunning(db))) {
        hinted = true;
        if (tty) process.stdout.write('\n');
        console.log(NO_SENDER);
      }
      await new Promise((r) => setTimeout(r, Math.min(1_000, hintAfterMs)));
      summary = (await loadProgress(db.prisma, id))!;
      const now = fingerprint(summary);
      if (now !== last) {
        last = now;
        lastChange = Date.now();
      }
    }
    if (values.follow && tty) process.stdout.write(`\r${bar(summary)}\n`);
    else console.log(bar(summary));
    console.log(`Annonce ${id}`);
    for (const line of formatProgress(summary)) console.log(line);
  }
} finally {
  await db.close();
}
