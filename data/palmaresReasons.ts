// Why an entry of a published list is left to review, in the reviewer's language: the CLI prints French, the Teams
// preview card speaks the admin's language.
import { translator, type Lang } from './text.ts';

const fr = {
  noName: 'aucun nom de collectivité',
  noLevel: 'niveau introuvable (@@@, 3@, « trois arobases »)',
  levelUnclear: 'niveau incertain (deux niveaux, ou un niveau visé ou perdu) : corrigez la ligne',
  unknownName: 'aucune collectivité de ce nom',
  homonyms: 'plusieurs collectivités portent ce nom',
  shortForm: 'nom abrégé : à confirmer',
  shortOrExact: 'commune de ce nom, ou nom abrégé d’une plus grande : à confirmer',
  formerName: 'ancien nom ou nom abrégé : à confirmer',
  near: 'nom approchant seulement : à confirmer',
  merged: 'ancienne commune, fusionnée dans {name} ({code}) : à confirmer',
  epciOfTown: 'l’intercommunalité de {town} aujourd’hui : à confirmer',
  duplicate: '{name} a un autre niveau ligne {line} : ignorez celle des deux lignes qui se trompe',
};

const en: typeof fr = {
  noName: 'no local authority named',
  noLevel: 'no level found (@@@, 3@, “three arobases”)',
  levelUnclear: 'unclear level (two levels, or one aimed at or lost): fix the line',
  unknownName: 'no local authority of that name',
  homonyms: 'several local authorities bear this name',
  shortForm: 'shortened name: to confirm',
  shortOrExact: 'a commune of that very name, or a larger one’s short name: to confirm',
  formerName: 'former or shortened name: to confirm',
  near: 'only a similar name: to confirm',
  merged: 'former commune, merged into {name} ({code}): to confirm',
  epciOfTown: 'today’s intercommunalité of {town}: to confirm',
  duplicate: '{name} has another level on line {line}: skip whichever of the two lines is wrong',
};

export type Reason = keyof typeof fr;
export type ReasonVars = Record<string, string | number>;

const t = translator({ fr, en });

export function reasonText(lang: Lang, r: { reason: Reason; reasonVars?: ReasonVars }): string {
  return t(lang, r.reason, r.reasonVars);
}
