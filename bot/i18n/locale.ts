// French first: every text exists in French and English; anything but English gets French.
export type Lang = 'fr' | 'en';

export function langOf(locale: string | undefined | null): Lang {
  return /^en\b/i.test(locale ?? '') ? 'en' : 'fr';
}

/** Replaces {name} placeholders. */
export function fill(template: string, vars: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
