// Public API of the notification outbox (announcements, worker, progress). No botbuilder: see bot/notifications/.
export { createAnnouncement, queueAnnouncement, cancelAnnouncement, resendAnnouncement, latestAnnouncement, selectRecipients, parseContent, AnnouncementError } from './announcements.ts';
export type { Draft, QueueResult, ResendStatus } from './announcements.ts';
export { buildAnnouncementContent, contentStats, concerns, isHighlight } from './content.ts';
export type { ContentStats } from './content.ts';
export { previewLines } from './preview.ts';
export { renderAnnouncement, renderMessage, toMessage, toPlainText } from './render.ts';
export { summarizeProgress, loadProgress, loadProgressCounts, formatProgress, formatDuration, formatRate } from './progress.ts';
export type { ProgressSummary, ProgressCounts } from './progress.ts';
export { startNotificationWorker, notifySettings } from './service.ts';
export type { NotificationWorkerOptions, NotificationWorkerHandle } from './service.ts';
export { SendError, PaceAborted, parseRetryAfter } from './types.ts';
export type { Sender, SendOptions, Recipient, NotificationMessage, AnnouncementContent, NotifyLogger } from './types.ts';
