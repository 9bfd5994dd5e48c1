// TEN cards: whether a territory holds the Territoire d'excellence numérique (status), how many 5@ labels it has
// towards the criterion (eligibility), and the criterion itself. Each says only what the data can show.
import type { TenEligibility, TenStatusFact } from '../../data/labelFacts.ts';
import { a, ordinal, yearList } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';

function card(title: string, lines: string[], sources: string[]): Reply {
  const body = [textBlock(title, { weight: 'Bolder', size: 'Medium' }), ...lines.map((l) => textBlock(l)), ...sources.map(sourceBlock)];
  return { text: [title, ...lines, ...sources].join('\n'), card: adaptiveCard(body) };
}

export function tenCard(lang: Lang, name: string, e: TenEligibility): Reply {
  const lines: string[] = [];
  if (e.ten) lines.push(a(lang, e.ten.active ? 'tenAlready' : 'tenHad', { name, since: e.ten.since, until: e.ten.until }));
  lines.push(a(lang, 'tenCount', { count: e.fiveAtCount, years: e.fiveAtYears.length ? ` (${e.fiveAtYears.join(', ')})` : '' }));
  if (e.missing === 0) lines.push(a(lang, 'tenReached'));
  else if (e.complete) lines.push(a(lang, 'tenMissing', { missing: e.missing }));
  else lines.push(a(lang, 'tenPartial'), a(lang, 'tenMissingUnknown'));
  const sources = [a(lang, 'tenSource'), ...(e.ten ? [a(lang, 'source', { source: e.ten.source })] : [])];
  return card(a(lang, 'tenTitle', { name }), lines, sources);
}

/** « Agen : Territoire d'excellence numérique au 22e label (2021), distinction valable 3 ans (2021–2023). » */
export function tenStatusCard(lang: Lang, name: string, f: TenStatusFact): Reply {
  const waves = yearList(lang, f.incompleteWaves.map((e) => e.year));
  const lines: string[] = [];
  if (f.ten) {
    lines.push(a(lang, 'tenStatusYes', { name, ord: ordinal(lang, f.ten.edition), year: f.ten.since, since: f.ten.since, until: f.ten.until }));
    lines.push(f.ten.active ? a(lang, 'tenStatusActive') : a(lang, 'tenStatusExpired', { until: f.ten.until }));
    if (f.incompleteWaves.length) lines.push(a(lang, 'tenWavesIncomplete', { years: waves }));
  } else if (f.incompleteWaves.length) {
    lines.push(a(lang, 'tenStatusUnknown', { name, years: waves }));
  } else {
    lines.push(a(lang, 'tenStatusNo', { name, years: yearList(lang, f.waves.map((e) => e.year)) }));
  }
  const sources = [a(lang, 'tenSource'), ...(f.ten ? [a(lang, 'source', { source: f.ten.source })] : [])];
  return card(a(lang, 'tenTitle', { name }), lines, sources);
}

/** What the distinction is and its criterion (a TEN question about no territory in particular). */
export function tenCriteriaCard(lang: Lang): Reply {
  return card(a(lang, 'tenCriteriaTitle'), [a(lang, 'tenCriteria')], [a(lang, 'tenSource')]);
}
