// What people type to steer the walkthrough. Anchored on the whole (folded) message, never substrings:
// « aide » is a command, « une aide à domicile » is an answer.
import { fold } from '../../data/questionnaire/text.ts';

export type Command = 'help' | 'back' | 'skip' | 'cancel' | 'progress' | 'review' | 'submit' | 'start' | 'continue';

const COMMANDS: [Command, RegExp][] = [
  ['help', /^(aide|help|a l aide|au secours|je ne comprends pas|i don t understand)$/],
  ['back', /^(retour|revenir|precedent|precedente|question precedente|back|go back|previous)$/],
  ['skip', /^(passer|je passe|passe|ignorer|skip|pass)$/],
  ['cancel', /^(annuler|arreter|stop|quitter|pause|plus tard|cancel|quit|later)$/],
  ['progress', /^(ou en suis je|ou en est on|ou en sommes nous|progression|avancement|where am i|progress)$/],
  ['review', /^(recapitulatif|recap|relire|voir le recapitulatif|summary|review)$/],
  ['continue', /^(continuer|on continue|continuons|poursuivre|la suite|suite|question suivante|continue|go on|next question|carry on)$/],
  ['submit', /^(envoyer|soumettre|deposer|envoyer (la|ma|notre) candidature|submit|send|submit (the|my|our) application)$/],
  ['start', /^((reprendre|continuer|commencer|demarrer|remplir|ouvrir)( (ma|la|notre))? candidature|(ma |notre )?candidature|candidater|je veux candidater|(resume|continue|start|open)( (my|our|the))? application|(my |our )?application|apply)$/],
];

export function commandOf(text: string | undefined): Command | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === '?') return 'help';
  const folded = fold(text);
  return COMMANDS.find(([, re]) => re.test(folded))?.[0];
}

/** « modifier 3 » / « edit 3 »: the number of an answer in the summary. */
export function editNumberOf(text: string | undefined): number | undefined {
  const m = text === undefined ? null : /^(modifier|changer|corriger|edit|change)( la reponse| reponse| answer)? (\d{1,3})$/.exec(fold(text));
  return m ? Number(m[3]) : undefined;
}

export type AdminCommand =
  | { kind: 'export'; edition?: number; format: 'csv' | 'json'; includeEmpty: boolean }
  | { kind: 'reopen'; reference: string }
  | { kind: 'view'; code: string };

/** Commands about applications other than one's own draft (export and reopen: admins only). */
export function adminCommandOf(text: string | undefined): AdminCommand | undefined {
  if (text === undefined) return undefined;
  const folded = fold(text);
  let m = /^(exporter|export|exporte) (les )?(candidatures|applications)( (\d{1,2})e?)?( (csv|json))?( (avec|y compris) (les )?brouillons vides| including empty( drafts)?| with empty( drafts)?)?$/.exec(folded);
  if (m) return { kind: 'export', edition: m[5] ? Number(m[5]) : undefined, format: m[7] === 'json' ? 'json' : 'csv', includeEmpty: !!m[8] };
  // fold() turns « VI-2027-38185-1 » into « vi 2027 38185 1 ».
  m = /^(rouvrir|reouvrir|reopen)( la)?( candidature| application)? vi (\d{4}) ([0-9a-z]{5}|\d{9}) (\d{1,6})$/.exec(folded);
  if (m) return { kind: 'reopen', reference: `VI-${m[4]}-${m[5]!.toUpperCase()}-${m[6]}` };
  m = /^(voir|view|afficher|show)( la)? (candidature|application) (de |of )?([0-9][0-9ab][0-9]{3}|\d{9})$/.exec(folded);
  if (m) return { kind: 'view', code: m[5]!.toUpperCase() };
  return undefined;
}
