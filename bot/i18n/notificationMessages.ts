// Texts of the notification commands (subscription, publishing), in French and English.
import { translator, type Lang } from './locale.ts';

const fr = {
  unsubscribed: 'C’est noté : vous ne recevrez plus les annonces des nouvelles distinctions. Tapez « reprendre les notifications » pour les recevoir à nouveau.',
  subscribed: 'C’est noté : vous recevrez les annonces des nouvelles distinctions{areas}. Tapez « arrêter les notifications » pour ne plus les recevoir.',
  onlyArea: 'C’est noté : vous ne recevrez que les annonces concernant {area}. Tapez « toutes les notifications » pour tout le réseau.',
  allAreas: 'C’est noté : vous recevrez les annonces pour tout le réseau.',
  settings: 'Vos notifications : {state}{areas}.',
  stateOn: 'activées',
  stateOff: 'arrêtées',
  areasSome: ' (seulement : {list})',
  unknownArea: 'Je ne reconnais pas « {area} » : donnez un département (« seulement l’Isère », « seulement le 38 ») ou une région (« seulement la Bretagne »).',
  notMember: 'Je ne vous retrouve pas parmi les membres : écrivez-moi d’abord depuis votre conversation personnelle avec arobase.',
  adminOnly: 'Cette commande est réservée aux administrateurs du réseau Villes Internet.',
  previewTitle: 'Aperçu de l’annonce',
  confirm: 'Envoyer à {n} membre(s)',
  discard: 'Abandonner',
  queued: 'Annonce mise en file : {n} message(s) à envoyer. Je mets à jour l’avancement ci-dessous ; bouton « Arrêter l’envoi », ou tapez « annuler l’annonce » pour arrêter l’envoi.',
  alreadyQueued: 'Cette annonce était déjà en file : rien n’est envoyé deux fois.',
  discarded: 'Annonce abandonnée : rien n’a été envoyé.',
  noAnnouncement: 'Aucune annonce pour l’instant.',
  cancelled: 'Annonce annulée : {n} message(s) non encore envoyé(s) ne partiront pas.',
  resent: '{n} destinataire(s) en échec ou incertain(s) remis en file.',
  skipped: ' {n} membre(s) l’avaient déjà reçue : ils ne la recevront pas une seconde fois.',
  statusTitle: 'Envoi de l’annonce',
  statusTitleCancelled: 'Envoi de l’annonce annulé',
  stopSending: 'Arrêter l’envoi',
};

type Texts = typeof fr;

const en: Texts = {
  unsubscribed: 'Noted: you will no longer receive announcements of new distinctions. Type “resume notifications” to get them again.',
  subscribed: 'Noted: you will receive announcements of new distinctions{areas}. Type “stop notifications” to stop them.',
  onlyArea: 'Noted: you will only receive announcements about {area}. Type “all notifications” for the whole network.',
  allAreas: 'Noted: you will receive announcements for the whole network.',
  settings: 'Your notifications: {state}{areas}.',
  stateOn: 'on',
  stateOff: 'off',
  areasSome: ' (only: {list})',
  unknownArea: 'I do not recognise “{area}”: give a département (“only Isère”, “only 38”) or a région (“only Bretagne”).',
  notMember: 'I cannot find you among the members: write to me first from your personal chat with arobase.',
  adminOnly: 'This command is reserved for the administrators of the Villes Internet network.',
  previewTitle: 'Announcement preview',
  confirm: 'Send to {n} member(s)',
  discard: 'Discard',
  queued: 'Announcement queued: {n} message(s) to send. I update the progress below; the “Stop sending” button, or type “cancel the announcement” to stop it.',
  alreadyQueued: 'This announcement was already queued: nothing is sent twice.',
  discarded: 'Announcement discarded: nothing was sent.',
  noAnnouncement: 'No announcement yet.',
  cancelled: 'Announcement cancelled: {n} message(s) not yet sent will not go out.',
  resent: '{n} failed or uncertain recipient(s) queued again.',
  skipped: ' {n} member(s) had already received it: they will not receive it a second time.',
  statusTitle: 'Announcement sending',
  statusTitleCancelled: 'Announcement sending cancelled',
  stopSending: 'Stop sending',
};

export const notificationCatalogs: Record<Lang, Texts> = { fr, en };
export const nm = translator(notificationCatalogs);
