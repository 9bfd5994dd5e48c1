// The names a sentence of an article holds, by their capitals: « la ville d'Épernay conserve ses » → Épernay.
// Reading only, as palmaresLine's: the resolver decides which of them are places.

// (Not « et »: « Pont-Audemer et Longchamps » are two names; a commune's « et » has hyphens.)
// (« & » joins one name's words: « Lamballe Terre & Mer », « Erdre & Gesvres ».)
const PARTICLES = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'lès', 'lez', 'sur', 'sous', 'en', "d'", "l'", 'aux', 'au', '&']);
/** Label words around a name (« Argentan Ville Internet », « Sèvres label »), a bulletin's (« Ouistreham Infos »): never part of it. */
const LABEL_WORDS = /^(?:ville|villes|village|villages|internet|label|labels|territoire|territoires|infos?|mag|magazine|actus?|hebdo|bulletin)$/i;
/** Words a sentence starts with that start no place name (« Pour Castanet-Tolosan, c'est… »). */
const SENTENCE_WORDS = new Set(['À', 'A', 'Pour', 'Avec', 'Dans', 'Chez', 'Après', 'Depuis', 'Selon', 'Comme', 'Pendant', 'Ce', 'Cette', 'Il',
  'Elle', 'Ils', 'Elles', 'On', 'Et', 'Mais', 'Ainsi', 'Enfin', 'Aussi', 'Seul', 'Seule', 'Côté', 'Bravo', 'Félicitations', 'Quant',
  'Désormais', 'Cette année', 'Cet', 'En', 'Par', 'Pourtant', 'Déjà', 'Encore', 'Une', 'Un', 'Deux', 'Trois', 'Quatre', 'Cinq',
  // « Notre commune », « Mairie de Corbie », « Facebook de la commune »: no place of their own.
  'Notre', 'Nos', 'Mairie', 'Facebook', 'Commune',
  // « Près de 300 collectivités », « Plus de la moitié », « Parmi elles », « Nous avons compilé »: counts and pronouns.
  'Près', 'Plus', 'Moins', 'Environ', 'Parmi', 'Outre', 'Entre', 'Quelque', 'Quelques', 'Nous', 'Vous', 'Voici', 'Voilà',
  // « Douze communes ont obtenu … » (not La Douze, 24).
  'Six', 'Sept', 'Huit', 'Neuf', 'Dix', 'Onze', 'Douze', 'Treize', 'Quatorze', 'Quinze', 'Seize', 'Vingt', 'Trente', 'Quarante', 'Cinquante', 'Cent',
  // « [Coudray] Nouvelle labellisée… », « Première arobase pour … »: news-item words.
  'Nouvelle', 'Nouvelles', 'Nouveau', 'Nouveaux', 'Première', 'Premier', 'Numérique', 'Palmarès',
  // « Ensuite Bastia, ma ville, passe à trois arobases »: a speaker's linking words.
  'Ensuite', 'Puis', 'Alors', 'Sinon', 'Bref', 'Bon', 'Oui', 'Non', 'Voilà']);
const capitalised = (t: string) => /^\p{Lu}/u.test(t);

/**
 * The names a sentence holds: runs of capitalised words (with « de », « sur », « d' »… between them), label words
 * at their end dropped. « la ville d'Épernay conserve ses » → Épernay; « Agen, ville aux » → Agen.
 */
export function nameSpans(text: string): string[] {
  const tokens = text.replace(/[«»"“”(),;:!?[\]]|\.{3}|…/g, ' | ').replace(/’/g, "'").split(/\s+/).filter(Boolean)
    .flatMap((t) => { const m = /^((?:[dl]|qu|jusqu|lorsqu|puisqu)')(\p{Lu}.*)$/iu.exec(t); return m ? [m[1]!.toLowerCase(), m[2]!] : [t]; });
  const spans: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!capitalised(tokens[i]!) || SENTENCE_WORDS.has(tokens[i]!)) continue;
    let j = i + 1;
    for (;;) {
      if (j < tokens.length && capitalised(tokens[j]!)) j++;
      else if (PARTICLES.has(tokens[j]?.toLowerCase() ?? '') && j + 1 < tokens.length && capitalised(tokens[j + 1]!)) j += 2;
      else break;
    }
    // (« Sète agglopôle », « Chambéry métropole »: an intercommunalité's word the press writes in lower case.)
    if (j < tokens.length && /^(?:agglo|agglop[ôo]le|agglom[ée]ration|m[ée]tropole)$/u.test(tokens[j]!)) j++;
    let end = j;
    while (end > i && LABEL_WORDS.test(tokens[end - 1]!)) end--;
    // « à la Ville de Crolles »: the label word and its « de » before the name go too.
    let start = i;
    while (start < end && LABEL_WORDS.test(tokens[start]!)) start += PARTICLES.has(tokens[start + 1]?.toLowerCase() ?? '') ? 2 : 1;
    // « Sète agglopôle Méditerranée »: a lower-case word between capitalised ones glues them into one longer name,
    // of which « Sète » alone is not the place meant.
    // (« Seignosse labellisée Ville Internet »: the label's own words glue nothing.)
    const glued = j === end && j + 1 < tokens.length && /^\p{Ll}/u.test(tokens[j]!) && !/^(?:et|ou|and)$/.test(tokens[j]!) && capitalised(tokens[j + 1]!)
      && !LABEL_WORDS.test(tokens[j + 1]!);
    if (end > start && !glued) spans.push(tokens.slice(start, end).join(' ').replace(/([dl]') /gi, '$1'));
    i = j - 1;
  }
  return [...new Set(spans)];
}
