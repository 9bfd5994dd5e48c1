// Why the outbox refuses an action, as a code with its details, and the sentence an elected official reads, in
// French and English. The chat picks the admin's language (text(lang)); the CLIs print `message` (French).
import { fill, type Lang } from '../text.ts';

export type AnnouncementErrorCode =
  /** No Award row for the edition: nothing to announce. */
  | 'noAwards'
  /** No announcement with this id. */
  | 'notFound'
  /** Confirming the send of a cancelled (or discarded) announcement. */
  | 'queueCancelled'
  /** Cancelling an announcement already sent to everyone. */
  | 'cancelDone'
  /** Cancelling an announcement already cancelled. */
  | 'cancelCancelled'
  /** Discarding a preview whose announcement is already queued or sending. */
  | 'discardQueued'
  /** Re-sending an announcement never confirmed. */
  | 'resendDraft'
  /** Re-sending a cancelled announcement. */
  | 'resendCancelled';

export type AnnouncementErrorDetails = { edition?: number; id?: string };

const TEXTS: Record<Lang, Record<AnnouncementErrorCode, string>> = {
  fr: {
    noAwards: 'Je ne peux pas annoncer l’édition {edition} : son palmarès n’a pas encore été importé.',
    notFound: 'Je ne retrouve pas cette annonce (identifiant {id}).',
    queueCancelled: 'Cette annonce a été annulée et ne peut plus être envoyée. Pour annoncer l’édition {edition}, tapez « publier l’édition {edition} » : je vous montrerai un nouvel aperçu avant tout envoi.',
    cancelDone: 'Il n’y a plus rien à annuler : cette annonce a déjà été envoyée à tous ses destinataires.',
    cancelCancelled: 'Cette annonce est déjà annulée. Aucun autre message ne partira.',
    discardQueued: 'Cette annonce est déjà en cours d’envoi, je ne peux plus l’abandonner. Pour arrêter l’envoi, tapez « annuler l’annonce ».',
    resendDraft: 'Cette annonce n’a encore été envoyée à personne : il n’y a rien à renvoyer.',
    resendCancelled: 'Cette annonce a été annulée : je ne renvoie pas ses messages. Pour annoncer l’édition {edition}, tapez « publier l’édition {edition} ».',
  },
  en: {
    noAwards: 'I cannot announce edition {edition}: its awards have not been imported yet.',
    notFound: 'I cannot find this announcement (id {id}).',
    queueCancelled: 'This announcement was cancelled and can no longer be sent. To announce edition {edition}, type “publish edition {edition}”: I will show you a new preview before anything is sent.',
    cancelDone: 'There is nothing left to cancel: this announcement has already been sent to all its recipients.',
    cancelCancelled: 'This announcement is already cancelled. No further message will go out.',
    discardQueued: 'This announcement is already being sent, so it can no longer be discarded. To stop the sending, type “cancel the announcement”.',
    resendDraft: 'This announcement has not been sent to anyone yet: there is nothing to re-send.',
    resendCancelled: 'This announcement was cancelled: I do not re-send its messages. To announce edition {edition}, type “publish edition {edition}”.',
  },
};

/** A refusal of the outbox. `message` is the French sentence (CLIs, logs); errorText() gives it in a language. */
export class AnnouncementError extends Error {
  readonly code: AnnouncementErrorCode;
  readonly details: AnnouncementErrorDetails;

  constructor(code: AnnouncementErrorCode, details: AnnouncementErrorDetails = {}) {
    super(announcementErrorText(code, details, 'fr'));
    this.name = 'AnnouncementError';
    this.code = code;
    this.details = details;
  }

  text(lang: Lang): string {
    return announcementErrorText(this.code, this.details, lang);
  }
}

export function announcementErrorText(code: AnnouncementErrorCode, details: AnnouncementErrorDetails, lang: Lang): string {
  return fill(TEXTS[lang][code], { edition: details.edition ?? '', id: details.id ?? '' });
}

export const ANNOUNCEMENT_ERROR_CODES = Object.keys(TEXTS.fr) as AnnouncementErrorCode[];
