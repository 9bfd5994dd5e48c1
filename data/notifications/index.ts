// Public API of the notification outbox (announcements, worker, progress). No botbuilder: see bot/notifications/.
export { createAnnouncement, queueAnnouncement, cancelAnnouncement, resendAnnouncement, latestAnnouncement, selectRecipients, planRecipients, membersWithEdition, parseContent } from './announcements.ts';
export type { Draft, QueueResult, ResendStatus, RecipientPlan } from './announcements.ts';
export { AnnouncementError, announcementErrorText, ANNOUNCEMENT_ERROR_CODES } from './errors.ts';
export type { AnnouncementErrorCode, AnnouncementErrorDetails } from './errors.ts';
export { buildAnnouncementContent, contentStats, concerns, isHighlight } from './content.ts';
export type { ContentStats } from './content.ts';
export { previewLines } from './preview.ts';
export { renderAnnouncement, renderMessage, toMessage, toPlainText } from './render.ts';
export { summarizeProgress, loadProgress, loadProgressCounts, formatProgress, formatDuration, formatRate, deliveredBar } from './progress.ts';
export type { ProgressSummary, ProgressCounts } from './progress.ts';
export { startNotificationWorker, notifySettings } from './service.ts';
export { senderRunning } from './leader.ts';
export type { NotificationWorkerOptions, NotificationWorkerHandle } from './service.ts';
export { SendError, PaceAborted, parseRetryAfter } from './types.ts';
export type { Sender, SendOptions, Recipient, NotificationMessage, AnnouncementContent, NotifyLogger } from './types.ts';
