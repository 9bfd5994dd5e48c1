// The notification CLIs as separate processes on the embedded database: notify:status after a cancelled send (what
// was sent, not 100 %), announce --dry-run after a partial send (who already has the edition), notify:status --follow
// with no sender running (no invented ETA, one hint).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../data/database.ts';
import { projectRoot } from '../data/migrations.ts';
import { getRegistry } from '../data/territories/registry.ts';
import { createAnnouncement, queueAnnouncement } from '../data/notifications/index.ts';
import { registerChannel } from '../data/channels.ts';
import { seedEditions, seedMembers } from '../bench/lib/notifyFixtures.ts';

const dir = mkdtempSync(join(tmpdir(), 'arobase-notify-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');

describe('npm run notify:status and announce after a cancelled send', () => {
  it('shows what was sent (not 100 %), no invented ETA, who already has the edition, and hints when no sender runs', async () => {
    const url = `pglite:${join(dir, 'status-db')}`;
    const env = { ...process.env, DATABASE_URL: url, NOTIFY_RATE: '50', AROBASE_FOLLOW_HINT_MS: '1500' };
    const run = (args: string[]) => spawnSync(tsx, args, { cwd: projectRoot, env, encoding: 'utf8' });
    const db = await openDatabase({ url });
    try {
      await seedEditions(db.prisma);
      const ids = await seedMembers(db.prisma, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
      const { announcement } = await createAnnouncement(db.prisma, { edition: 22, createdBy: 'test', registry: getRegistry() });
      await queueAnnouncement(db.prisma, announcement.id);
      await db.prisma.delivery.updateMany({ where: { memberId: ids.get('a')! }, data: { status: 'sent', sentAt: new Date() } });
      await db.prisma.announcement.update({ where: { id: announcement.id }, data: { status: 'cancelled' } });
      await db.prisma.delivery.updateMany({ where: { status: 'pending' }, data: { status: 'cancelled' } });
    } finally {
      await db.close();
    }
    const status = run(['bot/cli/notifyStatus.ts']);
    expect(status.status, status.stderr).toBe(0);
    expect(status.stdout).toContain('33 % envoyés · 1/3 ·');
    expect(status.stdout).not.toContain('100 %');
    expect(status.stdout).toContain('Envoi annulé : 1 message(s) envoyé(s) sur 3 · 2 annulé(s), jamais partis · 0 échec(s)');

    const dry = run(['bot/cli/announce.ts', '--edition', '22', '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('Destinataires : 2 membre(s)');
    expect(dry.stdout).toContain('Déjà prévenus : 1 membre(s) ont déjà reçu une annonce de l’édition 22');
    expect(dry.stdout).toContain('--again');

    // Queued again (2 messages), no worker: the ETA is not invented, and --follow says why nothing moves.
    const queued = run(['bot/cli/announce.ts', '--edition', '22']);
    expect(queued.stdout).toContain('mise en file : 2 message(s) à envoyer.');
    expect(queued.stdout).toContain('1 membre(s) l’avaient déjà reçue');
    const follow = spawn(tsx, ['bot/cli/notifyStatus.ts', '--follow'], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    follow.stdout.on('data', (d) => (out += d));
    follow.stderr.on('data', (d) => (out += d));
    const exited = new Promise((resolve) => follow.on('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!out.includes('Aucun envoi en cours') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    follow.kill('SIGTERM');
    await exited;
    expect(out).toContain('0 % envoyés · 0/2 · 0 msg/s · fin estimée — ·');
    expect(out.match(/Aucun envoi en cours : le bot \(npm start\) ou npm run worker doit tourner\./g)).toHaveLength(1);
  }, 90_000);

  it('announce --channels: team channels chosen by name, each queued once per edition; an unknown name changes nothing', async () => {
    const url = `pglite:${join(dir, 'channels-db')}`;
    const run = (args: string[]) => spawnSync(tsx, args, { cwd: projectRoot, env: { ...process.env, DATABASE_URL: url }, encoding: 'utf8' });
    const db = await openDatabase({ url });
    try {
      await seedEditions(db.prisma);
      await seedMembers(db.prisma, [{ key: 'a' }]);
      for (const [id, name] of [['19:c1@thread.tacv2', 'Mairie de Bron › Numérique'], ['19:c2@thread.tacv2', 'Réseau › Annonces']] as const) {
        await registerChannel(db.prisma, { channelId: id, teamId: '19:team', name, reference: { serviceUrl: 'http://127.0.0.1:1', conversation: { id } } });
      }
    } finally {
      await db.close();
    }
    const dry = run(['bot/cli/announce.ts', '--edition', '22', '--dry-run']);
    expect(dry.stdout).toContain('Canaux d’équipe connus : 2 (--channels all');
    const unknown = run(['bot/cli/announce.ts', '--edition', '22', '--channels', 'Atlantide']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Aucun canal d’équipe ne correspond à « Atlantide »');
    const one = run(['bot/cli/announce.ts', '--edition', '22', '--channels', 'numerique']);
    expect(one.stdout).toContain('Canaux d’équipe inclus (1) : Mairie de Bron › Numérique');
    expect(one.stdout).toContain('mise en file : 2 message(s) à envoyer.');
    const again = run(['bot/cli/announce.ts', '--edition', '22', '--channels', 'all']);
    expect(again.stdout).toContain('mise en file : 1 message(s) à envoyer.'); // « Annonces » only: the rest have it
    const check = await openDatabase({ url });
    try {
      const channelDeliveries = await check.prisma.delivery.findMany({ where: { member: { kind: 'channel' } }, select: { memberId: true } });
      expect(channelDeliveries).toHaveLength(2);
      expect(new Set(channelDeliveries.map((d) => d.memberId)).size).toBe(2);
    } finally {
      await check.close();
    }
  }, 90_000);
});
