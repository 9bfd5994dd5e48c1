// Texts of the surfaces beyond the personal chat (#19): the compose-box search, the level card's actions, the
// announcement to channels and the status card others see, in French and English.
import { translator, type Lang } from './locale.ts';

const fr = {
  searchNotLabelled: 'Pas au palmarès {year} ({ord} label)',
  searchUnknown: 'Aucun label dans mes données (incomplètes)',
  searchUnpublished: 'Palmarès {year} pas encore publié',
  searchGone: 'Ce territoire n’est plus dans mes données : relancez la recherche.',
  btnHistory: 'Historique',
  btnPalmares: 'Palmarès {year}',
  btnBack: 'Retour au niveau',
  statusReadOnly: 'Suivi réservé aux administrateurs du réseau : voici l’état au {at}.',
  channelsLabel: 'Canaux d’équipe à prévenir aussi (un message par canal) :',
  channelsNone: 'Aucun canal d’équipe connu : ajoutez arobase à une équipe pour pouvoir y annoncer.',
  personalOnlySettings: 'Votre commune, vos notifications et les commandes d’administration se règlent en conversation privée avec moi. Continuons en privé :',
  confirmWithChannels: 'Envoyer ({n} membre(s) et les canaux cochés)',
  nothingToSend: 'Rien à envoyer : les destinataires choisis ont déjà reçu une annonce de cette édition.',
  editionUnknown: 'Je ne trouve pas ce palmarès.',
};
type Texts = { [K in keyof typeof fr]: string };

const en: Texts = {
  searchNotLabelled: 'Not in the {year} awards ({ord} label)',
  searchUnknown: 'No label in my data (incomplete)',
  searchUnpublished: '{year} awards not yet published',
  searchGone: 'This territory is no longer in my data: search again.',
  btnHistory: 'History',
  btnPalmares: '{year} awards',
  btnBack: 'Back to the level',
  statusReadOnly: 'Progress is for the network’s administrators: here is the state at {at}.',
  channelsLabel: 'Team channels to tell as well (one message per channel):',
  channelsNone: 'No team channel known: add arobase to a team to announce there.',
  personalOnlySettings: 'Your town, your notifications and admin commands are handled in a private chat with me. Let’s continue privately:',
  confirmWithChannels: 'Send ({n} member(s) and the ticked channels)',
  nothingToSend: 'Nothing to send: the chosen recipients have already received an announcement of this edition.',
  editionUnknown: 'I cannot find this palmarès.',
};

export const surfaceCatalogs: Record<Lang, Texts> = { fr, en };
export const sm = translator(surfaceCatalogs);
