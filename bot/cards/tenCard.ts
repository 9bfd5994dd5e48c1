// TEN card: whether a territory holds the Territoire d'excellence numérique, and how many 5@ labels it has.
import type { TenEligibility } from '../../data/labelFacts.ts';
import { a } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from './activity.ts';

export function tenCard(lang: Lang, name: string, e: TenEligibility): Reply {
  const lines: string[] = [];
  if (e.ten) lines.push(a(lang, e.ten.active ? 'tenHas' : 'tenHad', { name, since: e.ten.since, until: e.ten.until }));
  lines.push(a(lang, 'tenCount', { count: e.fiveAtCount, years: e.fiveAtYears.length ? ` (${e.fiveAtYears.join(', ')})` : '' }));
  lines.push(e.missing > 0 ? a(lang, 'tenMissing', { missing: e.missing }) : a(lang, 'tenReached'));
  if (!e.complete) lines.push(a(lang, 'tenPartial'));
  const sources = [a(lang, 'tenSource'), ...(e.ten ? [a(lang, 'source', { source: e.ten.source })] : [])];
  const title = a(lang, 'tenTitle', { name });
  const card = adaptiveCard([textBlock(title, { weight: 'Bolder', size: 'Medium' }), ...lines.map((l) => textBlock(l)), ...sources.map(sourceBlock)]);
  return { text: [title, ...lines, ...sources].join('\n'), card };
}
