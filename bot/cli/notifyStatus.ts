// npm run notify:status [-- --follow] [-- --id <annonce>] : progress of the latest (or given) announcement — sent,
// failed, throttled, remaining, rate, ETA. --follow refreshes a progress bar every second until it is finished.
// With the embedded PGlite database, run it while the bot is stopped (one process at a time); PostgreSQL: any time.
import { parseArgs } from 'node:util';
import { openDatabase } from '../../data/database.ts';
import { formatDuration, formatProgress, formatRate, latestAnnouncement, loadProgress, notifySettings, type ProgressSummary } from '../../data/notifications/index.ts';

const { values } = parseArgs({ options: { follow: { type: 'boolean' }, id: { type: 'string' } } });
const { rate } = notifySettings();
const tty = process.stdout.isTTY;

function bar(s: ProgressSummary): string {
  const width = 30;
  const filled = Math.round(s.progress * width);
  const pct = Math.floor(s.progress * 100);
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${s.total - s.remaining}/${s.total} (${pct} %) · ${formatRate(s.rate)} msg/s` +
    ` · fin estimée ${formatDuration(s.etaSeconds)} · échecs ${s.failed} · ralentis ${s.throttled}`;
}

const db = await openDatabase();
try {
  const id = values.id ?? (await latestAnnouncement(db.prisma))?.id;
  let summary = id ? await loadProgress(db.prisma, id, { nominalRate: rate }) : null;
  if (!id || !summary) {
    console.error(values.id ? `Annonce introuvable : ${values.id}` : 'Aucune annonce pour l’instant (npm run announce -- --edition <n>).');
    process.exitCode = 1;
  } else {
    let lastPrint = 0;
    while (values.follow && !summary.finished && summary.status !== 'draft') {
      if (tty) process.stdout.write(`\r${bar(summary)}   `);
      else if (Date.now() - lastPrint >= 5_000) {
        console.log(bar(summary));
        lastPrint = Date.now();
      }
      await new Promise((r) => setTimeout(r, 1_000));
      summary = (await loadProgress(db.prisma, id, { nominalRate: rate }))!;
    }
    if (values.follow && tty) process.stdout.write(`\r${bar(summary)}\n`);
    console.log(`Annonce ${id}`);
    for (const line of formatProgress(summary)) console.log(line);
  }
} finally {
  await db.close();
}
