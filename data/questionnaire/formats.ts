// Parsers for the formats people type in France: dates, phone numbers, e-mails, web addresses, numbers.
// Each returns the normalized stored form, or undefined when the input is not of that format.

const MONTHS: Record<string, number> = {
  janvier: 1, janv: 1, january: 1, jan: 1, fevrier: 2, fevr: 2, fev: 2, february: 2, feb: 2, mars: 3, march: 3, mar: 3,
  avril: 4, avr: 4, april: 4, apr: 4, mai: 5, may: 5, juin: 6, june: 6, jun: 6, juillet: 7, juil: 7, july: 7, jul: 7,
  aout: 8, august: 8, aug: 8, septembre: 9, sept: 9, september: 9, sep: 9, octobre: 10, oct: 10, october: 10,
  novembre: 11, nov: 11, november: 11, decembre: 12, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  // 31/02 rolls over to March: refuse it.
  if (date.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const year = (y: string) => (y.length === 2 ? 2000 + Number(y) : Number(y));

/** JJ/MM/AAAA (also with - or .), AAAA-MM-JJ, MM/AAAA, « 15 mars 2025 », « mars 2025 » → AAAA-MM-JJ. */
export function parseDate(input: string): string | undefined {
  const s = input.trim().toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) return iso(year(m[3]!), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) return iso(Number(m[2]), Number(m[1]), 1);
  m = /^(?:(\d{1,2})(?:er)? )?([a-z]+)\.? (\d{4})$/.exec(s);
  const month = m ? MONTHS[m[2]!] : undefined;
  if (m && month) return iso(Number(m[3]), month, m[1] ? Number(m[1]) : 1);
  return undefined;
}

/** Today in France (the association's calendar), as AAAA-MM-JJ. */
export function todayIso(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A date bound of the definition (ISO, « today », « -2y », « +30d », « -6m ») → AAAA-MM-JJ. */
export function parseDateBound(bound: string, now: Date): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(bound)) return bound;
  const [y, m, d] = todayIso(now).split('-').map(Number) as [number, number, number];
  const rel = /^([+-]\d+)([dmy])$/.exec(bound);
  if (!rel) return todayIso(now);
  const n = Number(rel[1]);
  const date = new Date(Date.UTC(y + (rel[2] === 'y' ? n : 0), m - 1 + (rel[2] === 'm' ? n : 0), d + (rel[2] === 'd' ? n : 0)));
  return date.toISOString().slice(0, 10);
}

/** French numbers: 0X XX XX XX XX, +33 X…, 0033…, +33 (0)X…; overseas +262/+590/+594/+596. → E.164 (+33…). */
export function parsePhone(input: string): string | undefined {
  const s = input.trim().replace(/\(0\)/g, '').replace(/[\s.\-()/]/g, '');
  let m = /^0([1-9]\d{8})$/.exec(s);
  if (m) return `+33${m[1]}`;
  m = /^(?:\+|00)33(?:0)?([1-9]\d{8})$/.exec(s);
  if (m) return `+33${m[1]}`;
  m = /^(?:\+|00)(262|590|594|596)(\d{9})$/.exec(s);
  if (m) return `+${m[1]}${m[2]}`;
  m = /^(?:\+|00)(508|681|687|689)(\d{6,8})$/.exec(s);
  if (m) return `+${m[1]}${m[2]}`;
  return undefined;
}

/** +33612345678 → 06 12 34 56 78 (national form for mainland numbers). */
export function formatPhone(e164: string): string {
  const m = /^\+33(\d{9})$/.exec(e164);
  if (m) return `0${m[1]}`.replace(/(\d{2})(?=\d)/g, '$1 ');
  return e164.replace(/^(\+\d{3})(\d+)$/, (_, cc: string, rest: string) => `${cc} ${rest.replace(/(\d{3})(?=\d)/, '$1 ')}`);
}

export function parseEmail(input: string): string | undefined {
  const s = input.trim().replace(/^mailto:/i, '').toLowerCase();
  return /^[^\s@<>(),;:"]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$/.test(s) ? s : undefined;
}

/** https://… or http://…; « www.ville.fr » or « ville.fr/page » get https://. */
export function parseUrl(input: string): string | undefined {
  let s = input.trim().replace(/^<(.*)>$/, '$1');
  if (/\s/.test(s) || !s) return undefined;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) {
    if (!/^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#].*)?$/u.test(s)) return undefined;
    s = `https://${s}`;
  }
  try {
    const url = new URL(s);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    if (!/\.[a-z\p{L}]{2,}$/u.test(url.hostname) && url.hostname !== 'localhost') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/**
 * « 1 200 », « 1 200,5 », « 12,5 € », « 2.5 »: a comma is the decimal mark in French; in English « 1,200 »
 * (groups of three) is a thousands separator.
 */
export function parseNumber(input: string, lang: 'fr' | 'en'): number | undefined {
  let s = input.trim().toLowerCase().replace(/\s*(€|euros?|eur|%|etp|fte)$/u, '').replace(/[\s\u00a0\u202f']/g, '');
  if (lang === 'en' && /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
