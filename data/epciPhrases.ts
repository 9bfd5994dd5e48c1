// How an intercommunalité is written in a list or an article: its type words (« communauté de communes », « agglo »,
// « CC »), before or after its name, or named after its town (« l'agglo de Saint-Malo »).

export const EPCI_WORDS = /\b(?:communaute|metropole|eurometropole|agglomeration|agglo|agglopole|intercommunalite|interco|com com|comcom|ca|cc|cu)\b/; // on folded text

/** « un territoire, la communauté d'agglomération du pays Ajaccien ... »: an intercommunalité named inside a sentence. */
export const EPCI_SPAN = /(?:communaut[ée]\s+(?:de\s+communes|d['’]\s*agglom[ée]ration|urbaine)|m[ée]tropole|agglom[ée]ration|agglo|interco|com['’]?\s*com['’]?|(?<![\p{L}])(?:CC|CA|CU)(?![\p{L}]))\s+(?:d[eu]s?\s+|de\s+la\s+|d['’]\s*)?[^,;:.()…«»"[\]]+/giu;
/** The same, its name only (« la communauté de communes du Grand Langres obtient … » → … du Grand Langres). */
export const EPCI_NAME = /(?:[Cc]ommunaut[ée]\s+(?:de\s+communes|d['’]\s*agglom[ée]ration|urbaine)|[Mm][ée]tropole|[Aa]gglom[ée]ration|[Aa]gglo|(?<![\p{L}])(?:CC|CA|CU)(?![\p{L}]))\s+(?:d[eu]s?\s+|de\s+la\s+|de\s+l['’]\s*|d['’]\s*)?(?:\p{Lu}|pays\b|val\b|vall[ée]es?\b|bassin\b|plaine\b|c(?:œ|oe)ur\b|grand\b)[\p{L}'’-]*(?:\s+(?:(?:de|du|des|la|le|les|et|en|sur|aux?)\s+|d['’]|l['’])*(?=\p{Lu}|pays\b|val\b)[\p{L}'’-]+)*/gu;
/** « l'agglo de Saint-Malo »: an intercommunalité named by its town. */
export const EPCI_OF_TOWN = /(?:agglo(?:m[ée]ration)?|interco(?:mmunalit[ée])?|com['’]?\s*com['’]?|communaut[ée]\s+(?:de\s+communes|d['’]\s*agglo(?:m[ée]ration)?|urbaine)|m[ée]tropole)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’]\s*)(\p{Lu}[\p{L}'’ -]*)/u;
/** « Brest métropole reste au sommet »: the type after the name. */
export const EPCI_AFTER = /\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s+(?:m[ée]tropole|agglom[ée]ration|agglo|communaut[ée])(?![\p{L}])/gu;
