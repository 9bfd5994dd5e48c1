// Progress of an announcement for the admin card and `npm run notify:status`: counts from the outbox, then a pure
// summary (rate over the last 30 s, ETA) and its French/English lines.
import type { Announcement, PrismaClient } from '../generated/prisma/client.ts';
import { fill, ordinal, type NotifyLang } from './texts.ts';

export type ProgressCounts = {
  total: number; pending: number; sending: number; sent: number; failed: number; uncertain: number; cancelled: number;
  /** Re-sent automatically after a crash while on the wire (NOTIFY_ON_UNCERTAIN=resend): possibly received twice. */
  resentAfterCrash: number;
  /** Pending after a 429: waiting for the channel's Retry-After. */
  throttled: number;
  /** Pending after a failed attempt. */
  retrying: number;
  /** Sent within the last `windowMs`. */
  recentSent: number;
  windowMs: number;
  firstSentAt: Date | null;
  lastSentAt: Date | null;
  /** Failed deliveries by last HTTP status ('network' when none). */
  failedByCode: Record<string, number>;
  /** Of these, the team channels chosen by the admin (one message each). */
  channels?: { total: number; sent: number };
};

export type ProgressSummary = {
  announcementId: string;
  edition: number;
  status: Announcement['status'];
  total: number; sent: number; failed: number; uncertain: number; cancelled: number; throttled: number; retrying: number;
  resentAfterCrash: number;
  /** Still to send: pending + in flight. */
  remaining: number;
  /** Share of deliveries settled (sent, failed, uncertain, cancelled), 0–1. */
  progress: number;
  /** Share of deliveries actually sent (confirmed by the channel), 0–1: what the progress bars show. */
  delivered: number;
  /** Messages per second: recent while sending, average once finished. */
  rate: number;
  /**
   * Seconds to finish at the measured rate; null when nothing remains, or before a rate is measured (no nominal
   * rate given: the sending process's NOTIFY_RATE is not known here).
   */
  etaSeconds: number | null;
  failedByCode: Record<string, number>;
  channels: { total: number; sent: number };
  finished: boolean;
};

/** Pure: the summary the admin card shows. */
export function summarizeProgress(
  announcement: Pick<Announcement, 'id' | 'editionNumber' | 'status'>, c: ProgressCounts, options: { nominalRate?: number; now?: Date } = {},
): ProgressSummary {
  const now = options.now ?? new Date();
  const remaining = c.pending + c.sending;
  const settled = c.sent + c.failed + c.uncertain + c.cancelled;
  // Cancelled is not finished while a send in flight has not settled: the card and --follow would keep stale counts.
  const finished = remaining === 0 && (announcement.status === 'done' || announcement.status === 'cancelled' || c.total > 0);
  let rate = 0;
  if (finished && c.firstSentAt && c.lastSentAt) {
    const span = (c.lastSentAt.getTime() - c.firstSentAt.getTime()) / 1000;
    rate = span > 0 ? (c.sent - 1) / span : 0;
  } else if (c.firstSentAt) {
    const span = Math.min(c.windowMs, now.getTime() - c.firstSentAt.getTime()) / 1000;
    rate = span > 0 ? c.recentSent / span : 0;
  }
  const pace = rate > 0 ? rate : options.nominalRate ?? 0;
  const live = announcement.status === 'queued' || announcement.status === 'sending';
  return {
    announcementId: announcement.id, edition: announcement.editionNumber, status: announcement.status,
    total: c.total, sent: c.sent, failed: c.failed, uncertain: c.uncertain, cancelled: c.cancelled,
    throttled: c.throttled, retrying: c.retrying, resentAfterCrash: c.resentAfterCrash, remaining,
    progress: c.total ? settled / c.total : 1,
    delivered: c.total ? c.sent / c.total : 0,
    rate: Math.round(rate * 10) / 10,
    etaSeconds: live && remaining > 0 && pace > 0 ? Math.ceil(remaining / pace) : null,
    failedByCode: c.failedByCode, channels: c.channels ?? { total: 0, sent: 0 }, finished,
  };
}

type CountRow = {
  total: number; pending: number; sending: number; sent: number; failed: number; uncertain: number; cancelled: number;
  throttled: number; retrying: number; recent: number; resent: number; first_sent: Date | null; last_sent: Date | null;
};

export async function loadProgressCounts(prisma: PrismaClient, announcementId: string, windowMs = 30_000): Promise<ProgressCounts> {
  const [row] = await prisma.$queryRaw<CountRow[]>`
    SELECT count(*)::int AS total,
      count(*) FILTER (WHERE status = 'pending')::int AS pending,
      count(*) FILTER (WHERE status IN ('claimed', 'sending'))::int AS sending,
      count(*) FILTER (WHERE "resentAfterCrash")::int AS resent,
      count(*) FILTER (WHERE status = 'sent')::int AS sent,
      count(*) FILTER (WHERE status = 'failed')::int AS failed,
      count(*) FILTER (WHERE status = 'uncertain')::int AS uncertain,
      count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
      count(*) FILTER (WHERE status = 'pending' AND "lastStatusCode" = 429)::int AS throttled,
      count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
      count(*) FILTER (WHERE status = 'sent' AND "sentAt" > (now() AT TIME ZONE 'UTC') - ${windowMs} * interval '1 millisecond')::int AS recent,
      min("sentAt") AS first_sent, max("sentAt") AS last_sent
    FROM "Delivery" WHERE "announcementId" = ${announcementId}`;
  const codes = await prisma.$queryRaw<{ code: number | null; n: number }[]>`
    SELECT "lastStatusCode" AS code, count(*)::int AS n FROM "Delivery"
    WHERE "announcementId" = ${announcementId} AND status = 'failed' GROUP BY 1 ORDER BY 1`;
  const [channels] = await prisma.$queryRaw<{ total: number; sent: number }[]>`
    SELECT count(*)::int AS total, count(*) FILTER (WHERE d.status = 'sent')::int AS sent
    FROM "Delivery" d JOIN "Member" m ON m.id = d."memberId"
    WHERE d."announcementId" = ${announcementId} AND m.kind = 'channel'`;
  const r = row!;
  return {
    channels: channels ?? { total: 0, sent: 0 },
    total: r.total, pending: r.pending, sending: r.sending, sent: r.sent, failed: r.failed, uncertain: r.uncertain,
    cancelled: r.cancelled, throttled: r.throttled, retrying: r.retrying, resentAfterCrash: r.resent, recentSent: r.recent, windowMs,
    firstSentAt: r.first_sent, lastSentAt: r.last_sent,
    failedByCode: Object.fromEntries(codes.map((c) => [c.code === null ? 'network' : String(c.code), c.n])),
  };
}

export async function loadProgress(prisma: PrismaClient, announcementId: string, options: { nominalRate?: number } = {}): Promise<ProgressSummary | null> {
  const announcement = await prisma.announcement.findUnique({ where: { id: announcementId } });
  if (!announcement) return null;
  return summarizeProgress(announcement, await loadProgressCounts(prisma, announcementId), options);
}

const STATUS = {
  fr: { draft: 'brouillon', queued: 'en file d’attente', sending: 'envoi en cours', done: 'terminée', cancelled: 'annulée' },
  en: { draft: 'draft', queued: 'queued', sending: 'sending', done: 'done', cancelled: 'cancelled' },
} as const;

const LINES = {
  fr: {
    head: 'Annonce du {ord} label — {status}',
    counts: 'Envoyés : {sent} / {total} · échecs : {failed} · incertains : {uncertain} · annulés : {cancelled}',
    cancelledCounts: 'Envoi annulé : {sent} message(s) envoyé(s) sur {total} · {cancelled} annulé(s), jamais partis · {failed} échec(s) · {uncertain} incertain(s)',
    bar: '{pct} % envoyés',
    flow: 'Restants : {remaining} (dont {retrying} en nouvel essai, {throttled} ralentis par Teams) · débit : {rate} msg/s · fin estimée : {eta}',
    failures: 'Échecs par cause : {list}',
    uncertain: 'Incertains : envoi interrompu par un arrêt brutal ; « renvoyer » les inclut (doublon possible).',
    resent: 'Renvoyés automatiquement après un arrêt brutal : {count} (leur requête était partie : doublon possible).',
    channels: 'Dont canaux d’équipe : {sent} / {total} envoyés (un message par canal)',
  },
  en: {
    head: 'Announcement of the {ord} label — {status}',
    counts: 'Sent: {sent} / {total} · failed: {failed} · uncertain: {uncertain} · cancelled: {cancelled}',
    cancelledCounts: 'Sending cancelled: {sent} of {total} message(s) sent · {cancelled} cancelled, never sent · {failed} failed · {uncertain} uncertain',
    bar: '{pct} % sent',
    flow: 'Remaining: {remaining} ({retrying} retrying, {throttled} throttled by Teams) · rate: {rate} msg/s · ETA: {eta}',
    failures: 'Failures by cause: {list}',
    uncertain: 'Uncertain: sending was cut by a crash; “re-send” includes them (a duplicate is possible).',
    resent: 'Re-sent automatically after a crash: {count} (their request had left: a duplicate is possible).',
    channels: 'Of which team channels: {sent} / {total} sent (one message per channel)',
  },
} as const;

const CAUSES: Record<NotifyLang, Record<string, string>> = {
  fr: { '403': 'bloqué / application retirée (403)', '404': 'conversation disparue (404)', network: 'réseau' },
  en: { '403': 'blocked / app removed (403)', '404': 'conversation gone (404)', network: 'network' },
};

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return '—';
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return m ? `${m} min ${String(s).padStart(2, '0')} s` : `${s} s`;
}

/** Messages per second with the language's decimal separator: "4,8" in French, "4.8" in English. */
export function formatRate(rate: number, lang: NotifyLang = 'fr'): string {
  return lang === 'fr' ? String(rate).replace('.', ',') : String(rate);
}

/**
 * A text progress bar of what was actually sent (not of what is settled: a cancelled send is not "100 %"), floored
 * so that 299 of 300 never reads 100 %; then « 33 % envoyés » / "33 % sent".
 */
export function deliveredBar(s: ProgressSummary, options: { width?: number; full?: string; empty?: string; lang?: NotifyLang } = {}): string {
  const width = options.width ?? 20;
  const filled = Math.min(width, Math.floor(s.delivered * width));
  const pct = Math.floor(s.delivered * 100);
  return `${(options.full ?? '▓').repeat(filled)}${(options.empty ?? '░').repeat(width - filled)} ${fill(LINES[options.lang ?? 'fr'].bar, { pct })}`;
}

/** Lines for the admin card and the CLI. */
export function formatProgress(s: ProgressSummary, lang: NotifyLang = 'fr'): string[] {
  const t = LINES[lang];
  const lines = [
    fill(t.head, { ord: ordinal(lang, s.edition), status: STATUS[lang][s.status] }),
    fill(s.status === 'cancelled' ? t.cancelledCounts : t.counts, { sent: s.sent, total: s.total, failed: s.failed, uncertain: s.uncertain, cancelled: s.cancelled }),
  ];
  if (s.channels.total) lines.push(fill(t.channels, s.channels));
  if (!s.finished) lines.push(fill(t.flow, { remaining: s.remaining, retrying: s.retrying, throttled: s.throttled, rate: formatRate(s.rate, lang), eta: formatDuration(s.etaSeconds) }));
  const causes = Object.entries(s.failedByCode).map(([code, n]) => `${CAUSES[lang][code] ?? code} ${n}`);
  if (causes.length) lines.push(fill(t.failures, { list: causes.join(', ') }));
  if (s.uncertain) lines.push(t.uncertain);
  if (s.resentAfterCrash) lines.push(fill(t.resent, { count: s.resentAfterCrash }));
  return lines;
}
