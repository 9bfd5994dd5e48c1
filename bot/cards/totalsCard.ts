// National figures of one palmarès (« combien de collectivités labellisées en 2011 ? »): the figure asked, the others
// the pages give for that edition, each page cited. Pure: figures in, Adaptive Card JSON out.
import type { EditionTotal, TotalMeasure } from '../../data/editionTotals.ts';
import { formatDay } from '../../data/text.ts';
import { adaptiveCard, sourceBlock, textBlock, type Reply } from '../../dialogs/cards.ts';
import { a, ordinal } from '../i18n/answers.ts';
import type { Lang } from '../i18n/locale.ts';

export type TotalsView = { edition: number; year: number; ceremony?: string; measure: TotalMeasure; totals: EditionTotal[]; editionsWithFigures: number[] };

const levelOf = (m: TotalMeasure) => (/^level(\d)$/.exec(m)?.[1]);

function sentence(lang: Lang, t: EditionTotal, year: number): string {
  const level = levelOf(t.measure);
  if (level) return a(lang, 'total_level', { value: t.value, level, year });
  return a(lang, t.measure === 'participants' ? 'total_participants' : t.measure === 'labelled' ? 'total_labelled' : 'total_excellence', { value: t.value, year });
}

function factTitle(lang: Lang, m: TotalMeasure): string {
  const level = levelOf(m);
  if (level) return a(lang, 'fact_level', { level });
  return a(lang, m === 'participants' ? 'fact_participants' : m === 'labelled' ? 'fact_labelled' : 'fact_excellence');
}

export function totalsCard(lang: Lang, v: TotalsView): Reply {
  const ceremony = v.ceremony ? a(lang, 'ceremonyOn', { date: formatDay(lang, v.ceremony) }) : '';
  const title = a(lang, 'totalsTitle', { year: v.year, ord: ordinal(lang, v.edition), ceremony });
  if (!v.totals.length) {
    const text = a(lang, 'totalsNone', { year: v.year, years: v.editionsWithFigures.join(', ') });
    return { text: `${title}\n${text}`, card: adaptiveCard([textBlock(title, { weight: 'Bolder', size: 'Medium' }), textBlock(text)]) };
  }
  const asked = v.totals.find((t) => t.measure === v.measure);
  const lead = asked ? sentence(lang, asked, v.year) : a(lang, 'totalMissing', { year: v.year });
  const others = v.totals.filter((t) => t !== asked);
  const cited = [...new Set((asked ? [asked, ...others] : others).map((t) => t.source))];
  const facts = others.map((t) => ({ title: factTitle(lang, t.measure), value: String(t.value) }));
  const sources = cited.map((s) => a(lang, 'source', { source: s }));
  const card = adaptiveCard([
    textBlock(title, { weight: 'Bolder', size: 'Medium' }),
    textBlock(lead, asked ? { weight: 'Bolder' } : {}),
    ...(facts.length ? [{ type: 'FactSet', facts }] : []),
    ...sources.map(sourceBlock),
  ]);
  const colon = lang === 'fr' ? ' : ' : ': ';
  return { text: [title, lead, ...facts.map((f) => `${f.title}${colon}${f.value}`), ...sources].join('\n'), card };
}
