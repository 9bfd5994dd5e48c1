// Notification commands as admins and members type them (anchored patterns over the whole folded message):
// subscription for every member, publishing and follow-up for admins. Looser phrasings (« je ne veux plus recevoir
// d'alertes ») are read by the intent classifier (intent.ts), which ends in the same commands.
import { yearEdition } from '../editions.ts';
import { foldText } from '../text.ts';
import type { NotificationCommand } from './types.ts';

export type { NotificationCommand } from './types.ts';

/** Lowercase, no accents, no punctuation. */
const normalize = (text: string) => foldText(text.slice(0, 300)).replace(/[?!¿¡…*]/g, ' ').replace(/\s+/g, ' ').trim();

/** The words of the original message that fold to `folded` ("l'Isère" → "Isère"). */
function originalWords(text: string, folded: string): string {
  const words = text.split(/\s+|(?<=['’])/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (let j = i + 1; j <= words.length; j++) {
      const window = words.slice(i, j).join(' ').replace(/(['’]) /g, '$1');
      if (normalize(window) === folded) return window.replace(/^[«"“\s]+|[»"”?!.,;:\s]+$/g, '');
    }
  }
  return folded;
}

const N = '(?:les |mes |the |my )?notifications?';
const ROUTES: [NotificationCommand['name'], RegExp][] = [
  ['unsubscribe', new RegExp(`^(?:arreter|stopper|couper|desactiver|suspendre|ne plus recevoir) ${N}$|^(?:stop|disable|pause) ${N}$|^(?:se )?desabonner$|^unsubscribe$`)],
  ['subscribe', new RegExp(`^(?:reprendre|reactiver|activer|relancer|recevoir) ${N}$|^(?:resume|start|enable|restart) ${N}$|^(?:s )?abonner$|^subscribe$`)],
  ['allAreas', new RegExp(`^(?:toutes les notifications|tout le reseau|toute la france|all notifications|the whole network|whole network|all areas)$`)],
  ['mySettings', new RegExp(`^(?:mes (?:notifications|abonnements?)|my notifications|notification settings|reglages? des notifications)$`)],
  ['status', new RegExp(`^(?:etat|statut|suivi|avancement) (?:de l |des |de la )?(?:notifications?|envoi|annonce)$|^(?:notification|announcement|sending) (?:status|progress)$`)],
  ['cancel', new RegExp(`^annuler (?:l |cette )?(?:annonce|envoi)$|^cancel (?:the )?(?:announcement|sending)$`)],
  ['resend', new RegExp(`^renvoyer (?:aux|les) (?:echecs|erreurs)$|^resend (?:to )?(?:the )?failed$|^retry failed$`)],
];

export function recognizeNotificationCommand(text: string): NotificationCommand | null {
  const norm = normalize(text);
  if (!norm || norm.length > 120) return null;
  for (const [name, re] of ROUTES) if (re.test(norm)) return { name } as NotificationCommand;
  const publish = /^(?:publier|annoncer|publish|announce) (?:l |le |la |the )?(?:edition|palmares|label|awards)? ?(?:n )?(\d{1,2}|20\d\d)(?: ?(?:e|eme|th|nd|rd|st))?(?: (?:edition|label))?$/.exec(norm);
  if (publish) {
    const n = Number(publish[1]);
    const edition = n >= 2000 ? yearEdition(n) : n;
    return edition === undefined ? null : { name: 'publish', edition };
  }
  const only = /^(?:seulement|uniquement|only|juste|just)(?: (?:pour|for|les notifications (?:de|du|des|pour)|notifications (?:for|from)))? (?:(?:le |la |les |l |the )?(?:departement|region|département|région|dep) (?:de |du |d )?)?(.+)$/.exec(norm);
  if (only) return { name: 'onlyArea', area: originalWords(text, only[1]!.replace(/^(?:la |le |les |l |the )/, '')) };
  return null;
}
