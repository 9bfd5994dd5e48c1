// Text folding shared by the registry, the resolver and the import: "Vandœuvre-lès-Nancy" → "vandoeuvre les nancy".
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’'`´‘ʼ\-‐‑–—_./,;:()«»"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Names are "the same" when they fold to the same text. */
export function sameName(a: string, b: string): boolean {
  return foldText(a) === foldText(b);
}
