// What a page holds besides its palmarès, line by line: furniture (links, addresses, e-mails, a total), the parts after
// the list (an agenda, « À lire aussi », comments), a table's header, a paragraph of prose; how a line's clauses part.

/** A line of a web page's furniture: an address, a total; links split by « | » or « · » (when no level is said). */
// (A mail's header, « De : … <y.legoff@mairie-x.bzh> », « Objet : », too: its « @ » is an address's, no level.)
export const WEB_FURNITURE = /\bwww\.|https?:\/\/|[\w.-]+@[\w-]+\.[a-z]{2,6}\b|^\s*total\b|^\s*(?:de|à|a|cc|objet|date|envoy[ée]|from|to|subject|sent)\s*:/i;
export const LETTER = /^[-–•*·\s]*\p{Lu}(?:\s*[-–/]\s*\p{Lu})?\s*$/u;
/** A postal address: a street or a box, and a postcode. */
export const ADDRESS = /(?=.*(?<!\d)\d{5}\s+\p{Lu})(?=.*\b(?:rue|boulevard|bd|avenue|av\.|place|all[ée]e|esplanade|quai|chemin|route|impasse|cours|immeuble|h[ôo]tel d[eu]|cs|bp|cedex|t[ée]l\.?)\b)|(?<![\d@])\b\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|boulevard|bd|avenue|av\.|place|all[ée]e|esplanade|quai|chemin|route|impasse|cours)\s+\p{L}/iu;
export const LINKS = /(?:\s[|·]\s.*){2}/;
/** A site's footer or share links (a town « Plan » does not make « Plan du site » a place). */
export const FOOTER = /\b(?:mentions l[ée]gales|plan du site|contact|accessibilit[ée]|donn[ée]es personnelles|cookies|partager|facebook|linkedin|twitter|mastodon|newsletter|lettre d['’]information|imprimer|haut de page|flux rss|cr[ée]dits)\b/i;

/** A paragraph: fifteen words or more, ending as a sentence ends. */
export const PARAGRAPH = /^(?:\S+\s+){14,}.*[.!?…»"]\s*$/u;

export const KIND_LABEL = /^\s*(?:intercommunalit[ée]s?|communes?|villes?|villages?|epci|collectivit[ée]s?)\s*:\s*(?=\S)/i;
/** Where a line's clauses part: after a sentence or « ; », before « tandis que », « alors que », « mais ». */
export const CLAUSE = /(?<=[.;!?…])\s+|,\s*(?=(?:tandis|alors)\s+qu|mais\b)/u;

/** A page's part after the palmarès: its heading. */
export const SECTION = /^[\s=*#_~|-]*(?:(?:vos|nos|les|\d+)\s+(?=commentaires?|r[ée]actions?))?(?:agenda|(?:[àa]\s+)?lire aussi|(?:[àa]\s+)?voir aussi|sur le m[êe]me sujet|prochains?\s+(?:rendez-vous|[ée]v[ée]nements?)|[àa] noter|en savoir plus|partager|contacts?|commentaires?|r[ée]actions?|mentions?\s+sp[ée]ciales?|prix\s+sp[ée]ciaux|coups?\s+de\s+c(?:œ|oe)ur|(?:(?:le|composition\s+du|les\s+membres\s+du)\s+)?jury(?:\s+r[ée]gional|\s+national)?(?=\s*(?:\d{4}\s*)?:?\s*$))\b(?:[^@\d]|\d{4}|\(\d{1,4}\)){0,40}$/iu;
/**
 * A social network's post ends: « 27 commentaires · 6 partages », « J'aime · Commenter · Partager »; a thread's next
 * post begins, « Ville de Lorient @VilleDeLorient · 7 févr. », « En réponse à @VillesInternet ».
 */
export const THREAD = /@[\w.]+\s*·\s*\d{1,2}\s*\p{L}{3,}\.?\s*$|^\s*en\s+r[ée]ponse\s+[àa]\s+@|^\s*(?:(?:voir|afficher)\s+(?:les\s+)?)?(?:\d[\d\s,.]*k?\s+(?:commentaires?|partages?|r[ée]actions?|r[ée]ponses?)\b|(?:j['’]aime|like)\s*·\s*(?:commenter|r[ée]pondre|comment|reply)\b)/iu;
/** An agenda's line: « - 3 avril : journée régionale … ». */
export const AGENDA_DATE = /^[-–•*·\s]*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{1,2}(?:er)?\s+(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\b(?:\s+\d{4})?\s*[:–—-]/iu;

/** The capitalised words a line opens with (after a bullet, an article): a sentence's subject, if a place. */
export const OPENING_NAME = /^[\s\-–•*·]*((?:(?:la|le|les|l['’])\s*)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|les|sur|sous|en|lès|lez|et)\s+|d['’]|l['’])*\p{Lu}[\p{L}'’-]*)*)/iu;

/** A table's header words only (folded). */
export const COLUMNS = /^(?:(?:collectivites?|communes?|villes?|noms?|territoires?|dep|dept|dpt|departements?|regions?|population|pop|habitants|niveau|niveaux|label|labels|arobases?|nb|evolution|evol|code|insee|cp|type|rang|n°|no|annee|@)\s*){2,}$/;

/** « Rezé – 3 », « Orvault – 3 (je crois) », « Pornic – 2 idem l'an dernier »: a name, a dash, its level, a remark. */
export const DASH_LEVEL = /^(\P{N}*\p{L}\P{N}*?)\s+[–—-]\s+([1-5])(\s*\([^()]*\))?(\s+\p{Ll}[\p{L}'’ ]*)?\s*$/u;
