// « Combien de collectivités labellisées en 2011 ? », « how many 5@ in 2009? »: a national figure of a palmarès, not
// a territory's level nor a list in an area (those lists give their own count).
import type { TotalMeasure } from '../editionTotals.ts';
import type { Mention } from '../mentions.ts';
import type { CueSet } from './cues.ts';
import type { Slots } from './slots.ts';
import type { TotalsIntent } from './types.ts';

/** What of a message's reading (intent.ts) a figure question is told from. */
type FigureReading = { cues: CueSet; slots: Slots; place?: unknown; area?: unknown; mention?: Mention; norms: readonly string[] };

/** « combien », « how many », « nombre de » opening a phrase of any cue (« combien de collectivités » is a whoList phrase). */
const COUNTING = /^(?:combien|kombien|cb|cmb|cbn|nombre|number|how many)\b/;
/** Entrants rather than labelled territories. */
const TAKING_PART = /\b(?:participe\w*|participant\w*|participation|candidat\w*|candidature\w*|inscrit\w*|took part|taken part|take part|entered|entrants?|applied|applicants?)\b/;

export function nationalFigure(r: FigureReading, my: boolean): TotalsIntent | undefined {
  const { cues: c, slots } = r;
  const words = (h: { start: number; end: number }) => r.norms.slice(h.start, h.end).join(' ');
  const counting = c.has('count') || c.hits.some((h) => (h.cue === 'whoList' || h.cue === 'tenElig') && COUNTING.test(words(h)));
  // « il faut combien de 5@ pour être TEN » asks the criterion; « combien de 5@ en 2009 » only counts.
  const criterion = c.hits.some((h) => h.cue === 'tenElig' && !COUNTING.test(words(h)));
  if (!counting || criterion || r.place || r.area || my) return undefined;
  if (c.has('we', 'ours', 'times', 'meaning', 'why', 'applyInfo', 'notif')) return undefined;
  if (r.mention && r.mention !== 'excellence') return undefined; // « combien d'arobases vertes » : the list
  const entrants = TAKING_PART.test(r.norms.join(' ')) && !c.has('labelled');
  const dated = slots.edition !== undefined || slots.yearWithoutEdition !== undefined;
  const territories = c.has('labelled', 'whoList', 'palmares', 'ten') || r.mention === 'excellence';
  // « combien d'arobases ? » alone asks a level (of the territory in the conversation), not a figure.
  if (!(territories || (dated && (slots.level !== undefined || entrants)))) return undefined;
  const measure: TotalMeasure = slots.level !== undefined ? `level${slots.level}` as TotalMeasure
    : c.has('ten') || r.mention === 'excellence' ? 'excellence' : entrants ? 'participants' : 'labelled';
  return {
    name: 'totals', measure,
    ...(slots.edition !== undefined ? { edition: slots.edition } : {}),
    ...(slots.yearWithoutEdition !== undefined ? { yearWithoutEdition: slots.yearWithoutEdition } : {}),
  };
}
