// The admin's preview before confirming: what is new in the edition and how many members will get a message.
import { contentStats } from './content.ts';
import { fill, mentionLabel, ordinal, type NotifyLang } from './texts.ts';
import type { AnnouncementContent } from './types.ts';

const T = {
  fr: {
    head: 'Annonce du {ord} label (palmarès {year})',
    against: 'Nouveautés par rapport au {prevOrd} label :',
    ten: '{n} Territoire(s) d’excellence numérique',
    first: '{n} territoire(s) labellisé(s) pour la première fois',
    moves: '{up} territoire(s) gagnent des @, {down} en perdent, {same} inchangé(s)',
    mentions: 'Mentions obtenues : {list}',
    unknown: '{n} territoire(s) sans comparaison possible : le palmarès du {prevOrd} label n’est pas entièrement importé',
    nothing: 'Aucune nouveauté : le message annoncera seulement la publication du palmarès.',
    recipients: 'Destinataires : {n} membre(s) abonné(s) et actif(s) (filtres départements/régions appliqués).',
    already: 'Déjà prévenus : {n} membre(s) ont déjà reçu une annonce de l’édition {edition} (ou sont en train de la recevoir). Ils ne la recevront pas une seconde fois : un seul message par membre et par édition.',
    again: 'Renvoi demandé : {n} membre(s) qui ont déjà reçu une annonce de l’édition {edition} la recevront une seconde fois.',
  },
  en: {
    head: 'Announcement of the {ord} label ({year} awards)',
    against: 'New since the {prevOrd} label:',
    ten: '{n} Territoire(s) d’excellence numérique',
    first: '{n} labelled for the first time',
    moves: '{up} moving up, {down} moving down, {same} unchanged',
    mentions: 'Mentions obtained: {list}',
    unknown: '{n} without comparison: the {prevOrd} label awards are not fully imported',
    nothing: 'Nothing new: the message will only announce the publication of the awards.',
    recipients: 'Recipients: {n} subscribed, active member(s) (département/région filters applied).',
    already: 'Already told: {n} member(s) have already received an announcement of edition {edition} (or are receiving it). They will not receive it a second time: one message per member and per edition.',
    again: 'Sending again as requested: {n} member(s) who already received an announcement of edition {edition} will receive it a second time.',
  },
} as const;

/**
 * The preview: what is new, how many members get it, and how many are skipped because they already received an
 * announcement of this edition (`alreadyReceived`; `again`: they are sent it anyway).
 */
export function previewLines(
  content: AnnouncementContent, recipients: number, lang: NotifyLang = 'fr', options: { alreadyReceived?: number; again?: boolean } = {},
): string[] {
  const t = T[lang];
  const s = contentStats(content);
  const n = (x: number) => x.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const prevOrd = ordinal(lang, content.previousEdition);
  const lines = [fill(t.head, { ord: ordinal(lang, content.edition), year: content.year }), fill(t.against, { prevOrd })];
  const items: string[] = [];
  if (s.ten) items.push(fill(t.ten, { n: n(s.ten) }));
  if (s.firstLabels) items.push(fill(t.first, { n: n(s.firstLabels) }));
  if (s.up || s.down || s.same) items.push(fill(t.moves, { up: n(s.up), down: n(s.down), same: n(s.same) }));
  const mentions = Object.entries(s.mentions).map(([m, k]) => `${mentionLabel(lang, m)} ${n(k)}`);
  if (mentions.length) items.push(fill(t.mentions, { list: mentions.join(', ') }));
  if (s.unknown) items.push(fill(t.unknown, { n: n(s.unknown), prevOrd }));
  lines.push(...(items.length ? items.map((i) => `- ${i}`) : [t.nothing]));
  lines.push(fill(t.recipients, { n: n(recipients) }));
  if (options.alreadyReceived) lines.push(fill(options.again ? t.again : t.already, { n: n(options.alreadyReceived), edition: content.edition }));
  return lines;
}
