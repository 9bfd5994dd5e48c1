// The intent of a message, from its cues, its slots and its place: an explicit decision list, most specific first.
// A message that names a territory and nothing else asks for its level; a message with content words the bot does
// not know and nothing of the label ("météo à Grenoble", "résultat du match") is not understood, and its likeliest
// reading is offered as a button.
import type { Area } from '../territories/areas.ts';
import type { Mention } from '../mentions.ts';
import type { CueHit, CueSet } from './cues.ts';
import { MIN_TYPO_PRIOR, type PlaceSpan } from './placeSpans.ts';
import type { Slots } from './slots.ts';
import { nationalFigure } from './figures.ts';
import type { Intent, NotificationCommand, TerritoryIntent, TerritoryQuestion } from './types.ts';

export type Reading = {
  cues: CueSet;
  slots: Slots;
  /** The place named, if any. */
  place?: PlaceSpan;
  /** A département or région named outside the place (« dans l'Eure », « du 62 »). */
  area?: { area: Area; text: string };
  mention?: Mention;
  /** Content words nothing explains (neither vocabulary, nor slot, nor place). */
  leftover: number;
  /** The message starts with « et » / « and » / « what about ». */
  followUp: boolean;
  /** Words of the message besides filler: 1 for « merci » alone. */
  meaningful: number;
  /** The same, outside the place and the area. */
  meaningfulOutside: number;
  /** The folded words. */
  norms: readonly string[];
};

const SAYING_IS = new Set(['est', 'c', 'is', 's', 'ca']);

export function classify(r: Reading): Intent {
  const { cues: c, slots, place } = r;
  const areaText = r.area?.text ?? (place?.area ? place.text : undefined);
  const label = c.has('labelName', 'arobase', 'labelled', 'palmares', 'ten', 'editionWord', 'level', 'mentionWord') || r.mention !== undefined;
  // Something of the label besides generic question words: without it, unknown words mean another subject.
  const evidence = label || slots.edition !== undefined || slots.level !== undefined || !!r.area || (!!place && !place.typo);
  const my = ownTerritory(r);
  // A list: its words (but « qui a eu » is no list when the member asks about themselves, « notre niveau »), or
  // filters alone (« les 5@ en 2024 », « dans l'Eure »).
  const listEvidence = label || slots.level !== undefined || !!r.area || !!r.mention || (!!place && !place.typo);
  const listy = ((c.has('palmares', 'listWord') || (c.has('whoList') && !my)) && (listEvidence || r.leftover === 0))
    || (!place && !c.has('my') && (slots.level !== undefined || r.area !== undefined)) || (!!place?.area && slots.level !== undefined);
  const question = (name: TerritoryQuestion, extra: Partial<TerritoryIntent> = {}): TerritoryIntent =>
    place ? { name, place: place.text, ...extra } : my ? { name, my: true, ...extra } : { name, ...extra };
  const strongCues = c.has('level', 'arobase', 'labelled', 'history', 'ten', 'palmares', 'whoList', 'apply', 'about', 'notif', 'help', 'count');
  const unrelated = r.leftover > 0 && !evidence;

  // Small talk alone.
  if (!place && !strongCues && r.leftover === 0 && slots.edition === undefined && slots.page === undefined) {
    if (c.has('thanks')) return { name: 'thanks' };
    if (c.has('greeting')) return { name: 'greeting' };
  }
  if (c.has('thanks') && !place && r.leftover === 0 && !c.has('level', 'arobase', 'history', 'ten', 'palmares', 'whoList', 'apply', 'notif', 'about', 'why', 'meaning', 'labelName', 'how') && slots.edition === undefined) {
    return { name: 'thanks' }; // « merci pour votre aide »
  }
  if (c.has('help') && !place && !c.has('ten', 'apply', 'palmares', 'notif') && r.leftover === 0) return { name: 'help' };
  // « candidature » alone, as the walkthrough reads it.
  if (c.has('candidature') && r.meaningful === 1 && !place && r.leftover === 0 && !c.has('how', 'when', 'about', 'question', 'meaning')) {
    return { name: 'application', command: 'start' };
  }

  // The member's own application: « je veux candidater », « reprendre notre dossier ».
  if (c.has('appStart') && (c.has('possessiveApp') || c.has('apply')) && !c.has('how', 'when', 'about') && (!place || place.typo) && !c.has('notif')) {
    return { name: 'application', command: 'start' };
  }

  // Notification settings.
  const notification = notificationCommand(r, areaText);
  if (notification) return { name: 'notifications', command: notification };

  // A national figure: « combien de collectivités labellisées en 2011 ? », « how many 5@ in 2009? ».
  const figure = nationalFigure(r, my);
  if (figure) return figure;

  // « On n'apparaît pas dans le palmarès 2025 ? », « Pourquoi Chavagne n'apparaît nulle part ? »: its level.
  if (c.has('absent') && (place || c.has('my', 'we', 'ours')) && !c.has('notif')) {
    return { name: 'level', ...(place ? { place: place.text } : { my: true }), ...(slots.edition !== undefined ? { edition: slots.edition } : {}) };
  }

  // Why take part, what a level or a mention means: « quel est l'intérêt d'être labellisé », « 5 arobases ça veut dire quoi ».
  if (!place && c.has('why') && c.has('apply') && slots.edition === undefined) return { name: 'aboutLabel' }; // « why should our town take part? »
  if (!place && !c.has('my') && slots.edition === undefined && !r.area && !c.has('whoList', 'palmares', 'listWord')) {
    if (c.has('why') && (label || c.has('apply') || r.leftover === 0)) return { name: 'aboutLabel' };
    if (c.has('meaning') && (c.has('arobase', 'mentionWord', 'labelName', 'labelled') || slots.level !== undefined || r.mention) && !c.has('ten', 'apply')) return { name: 'aboutLabel' };
  }

  // How to apply (information, not the form): before a declared town, « je suis DGS, comment participer ? ».
  const levelFirst = place && (c.first('level') ?? c.first('arobase')) && ((c.first('level') ?? c.first('arobase'))!.start < (c.first('apply')?.start ?? Infinity));
  const applyQuestion = !levelFirst && (c.has('apply') || (c.has('applyInfo') && (label || r.leftover === 0)));
  const listFilters = slots.edition !== undefined || slots.level !== undefined || !!r.area;
  if (applyQuestion && !c.has('history', 'ten') && !(c.has('palmares', 'whoList', 'listWord') && (listFilters || !(c.has('how', 'when') || (c.has('apply') && c.has('question')))))
    && (c.has('how', 'when', 'about', 'question', 'count') || !place) && !(c.has('labelled') && place && !c.has('how'))) {
    if (!(place && !c.has('how', 'when') && c.has('level', 'arobase'))) return { name: 'howToApply' };
  }

  // « ma commune est Sèvres », « je suis maire de Boé », « ma collectivité = Charenton » (and maybe a question).
  if (place && declares(c.hits, place, r.norms) && !c.has('compare')) {
    const then = territoryQuestion(r, true);
    return { name: 'setMyTown', place: place.text, ...(then ? { then } : {}) };
  }

  // Territoire d'excellence numérique: holds it (status) or can become it (eligibility), or the list.
  const fiveAtCount = slots.level === 5 && c.has('count', 'times', 'tenElig') && (place || my || c.has('we'));
  if (c.has('ten') || r.mention === 'excellence' || fiveAtCount) {
    const list = !place && !my && (c.has('tenList', 'palmares', 'whoList', 'listWord') || slots.edition !== undefined) && !c.has('tenElig');
    if (list) return palmares(r, areaText, 'excellence');
    const eligibility = c.has('tenElig') || fiveAtCount || (c.has('how', 'about') && !place);
    const ours = my || (c.has('we') && !c.has('how'));
    if (place || (ours && !c.has('about'))) return question(eligibility ? 'ten' : 'tenStatus', place ? {} : { my: true });
    if (eligibility) return { name: 'ten' };
    if (listy || slots.edition !== undefined || c.has('palmares', 'whoList', 'listWord', 'tenList')) return palmares(r, areaText, 'excellence');
    if (!c.has('history')) return { name: 'tenStatus' }; // « c'est un TEN ? »: about the territory in the conversation
  }

  // « elle pourrait le devenir ? », "could it become one?" after a TEN question: about the territory in the conversation.
  if (c.has('becomeIt') && !place && r.leftover === 0 && !strongCues) return { name: 'ten' };
  if (r.followUp && c.has('tenElig') && (my || c.has('we')) && !place && r.leftover === 0 && !strongCues) return { name: 'ten', my: true };

  // What the label is (no place): « c'est quoi le label », « que veulent dire les arobases ».
  if (!place && !c.has('my') && !listy && slots.edition === undefined) {
    if (c.has('about') && !c.has('level', 'history', 'ours', 'we') && ((label || r.leftover === 0) && !c.has('count') || (c.has('count') && label))) return { name: 'aboutLabel' };
    if (c.has('labelName') && !c.has('level', 'history') && r.leftover === 0 && !c.has('count')) return { name: 'aboutLabel' };
    if (c.has('labelName') && c.has('history') && !my) return { name: 'aboutLabel' }; // « l'association existe depuis quand ? »
    if (c.has('labelName') && c.has('count') && !c.has('level', 'arobase')) return { name: 'aboutLabel' }; // « le réseau, c'est combien d'élus ? »
  }

  // History: « historique », « depuis quand », « combien de fois », « a-t-elle déjà été labellisée ».
  if (c.has('history') || c.has('times') || (c.has('ever') && (c.has('labelled', 'level', 'arobase') || (c.has('apply') && !!place)))) {
    if (place || my || (!listy && !unrelated)) return question('history');
  }

  // « non, celle de Charente »: the territory of the conversation's name, in another département.
  if (c.has('thatOne') && !place && r.area && r.leftover === 0) return { name: 'followUp', area: r.area.text };

  // Lists: palmarès, « qui a eu 5 arobases », « les labellisés du Pas-de-Calais ».
  if (listy && (!place || place.area)) return palmares(r, areaText, r.mention);
  if (r.mention && !place && !c.has('my')) return palmares(r, areaText, r.mention);

  // Paging the last list.
  if (slots.page !== undefined && !place && !c.has('level', 'arobase', 'history') && r.leftover === 0) return { name: 'page', page: slots.page };

  // « et Nancy pourrait le devenir ? »: the eligibility of the other territory.
  if (r.followUp && place && c.has('becomeIt', 'tenElig') && !strongCues) return { name: 'ten', place: place.text };

  // Follow-ups: « et Bron ? », « et en 2023 ? », « et maintenant ? ».
  const shift = slots.editionShift !== undefined ? { editionShift: slots.editionShift } : {};
  if ((r.followUp || slots.editionShift !== undefined) && !strongCues && (place || slots.edition !== undefined || slots.latest || slots.editionShift !== undefined)) {
    return { name: 'followUp', ...(place ? { place: place.text } : {}), ...(slots.edition !== undefined ? { edition: slots.edition } : {}), ...shift };
  }

  // The level: a cue, or a place named and nothing else.
  const level = territoryQuestion(r, false);
  if (level) return level;
  const edition = slots.edition !== undefined ? { edition: slots.edition } : {};
  if (!place && !my && slots.edition !== undefined && r.leftover === 0) return { name: 'followUp', ...edition };
  // Readings only for a name people could well mean (not a misspelling, a town of some size or labelled).
  if (place && !place.weak && !place.typo && place.prior >= MIN_TYPO_PRIOR) {
    return { name: 'unknown', readings: [{ name: 'level', place: place.text, ...edition }, { name: 'history', place: place.text }] };
  }
  if (!place && slots.edition !== undefined && !unrelated) return { name: 'unknown', readings: [{ name: 'palmares', ...edition }] };
  return { name: 'unknown' };
}

/**
 * A declaration before the place: « je suis maire de », « ma commune » right before it (« ma ville c'est X »), or
 * « je suis / I am » then a role (« I am deputy mayor of Sèvres », « je suis chargée de com à Beauvais »).
 */
function declares(hits: readonly CueHit[], place: PlaceSpan, norms: readonly string[]): boolean {
  const lead = hits.find((h) => h.cue === 'declareLead' && h.end <= place.start);
  const role = lead && hits.some((h) => h.cue === 'role' && h.start >= lead.end && h.end <= place.start && h.start - lead.end <= 4);
  const linking = new Set(['prep', 'placeWord', 'epci', 'yearWord']);
  const between = lead && lead.start <= 1 && place.start - lead.end <= 4
    && Array.from({ length: place.start - lead.end }, (_, k) => lead.end + k)
      .every((k) => ['la', 'le', 'l', 'les'].includes(norms[k] ?? '') || hits.some((h) => linking.has(h.cue) && h.start <= k && h.end > k));
  if (between) return true;
  // (the role opens the message, or follows a greeting: not « le maire de Bron, c'est qui ? »)
  const opening = hits.find((h) => h.cue === 'role' && (h.start === 0 || (h.start === 1 && hits.some((g) => g.cue === 'greeting' && g.start === 0))));
  if (opening && place.start > opening.end && place.start - opening.end <= 3) return true;
  return !!role || hits.some((h) => (h.cue === 'declare' && (h.end <= place.start || (h.start >= place.end && h.start - place.end <= 1)))
    // « ma ville c'est X », and « Ma commune de résidence est Moncontour » (« est » / "is" right before the place).
    || (h.cue === 'my' && h.end <= place.start && h.end - h.start >= 2 && (place.start - h.end <= 2 || place.saidIs === true)));
}

/** The question is about the member's own territory: « ma commune », or « nous », « notre » with no place named. */
function ownTerritory(r: Reading): boolean {
  return r.cues.has('my') || (!r.place && r.cues.has('we', 'ours'));
}

/** A level question (or, with `then`, whatever question comes with a declared town). */
function territoryQuestion(r: Reading, then: boolean): TerritoryIntent | undefined {
  const { cues: c, slots, place } = r;
  const edition = slots.edition !== undefined ? { edition: slots.edition } : {};
  const noYear = slots.yearWithoutEdition !== undefined ? { yearWithoutEdition: slots.yearWithoutEdition } : {};
  const my = ownTerritory(r);
  if (then) {
    // Only a question about the declared territory: « je suis maire de Boé, quel est notre niveau ? ».
    if (c.has('history') || (c.has('ever') && c.has('apply', 'labelled', 'level'))) return { name: 'history', my: true };
    if (c.has('ten')) return { name: c.has('tenElig') ? 'ten' : 'tenStatus', my: true };
    if (c.has('level', 'arobase', 'labelled') || slots.edition !== undefined) return { name: 'level', my: true, ...edition, ...noYear };
    return undefined;
  }
  const cue = c.has('level', 'arobase', 'labelled') || (!!place && c.has('editionWord', 'labelName'));
  const dated = slots.edition !== undefined || slots.yearWithoutEdition !== undefined || !!slots.latest;
  const asked = cue || (dated && r.leftover === 0);
  if (place && !place.weak && (asked || r.leftover === 0)) {
    const guessed = !asked && r.meaningful <= place.end - place.start ? { guessed: true } : {};
    return { name: 'level', place: place.text, ...edition, ...noYear, ...guessed };
  }
  if (!place && my && (asked || r.leftover === 0)) return { name: 'level', my: true, ...edition, ...noYear };
  if (!place && c.has('level', 'arobase', 'labelled') && r.leftover === 0) return { name: 'level', ...edition, ...noYear };
  return undefined;
}

function palmares(r: Reading, areaText: string | undefined, mention: Mention | undefined): Intent {
  const { slots } = r;
  return {
    name: 'palmares',
    ...(slots.edition !== undefined ? { edition: slots.edition } : {}),
    ...(slots.yearWithoutEdition !== undefined ? { yearWithoutEdition: slots.yearWithoutEdition } : {}),
    ...(slots.level !== undefined ? { level: slots.level } : {}),
    ...(mention ? { mention } : {}),
    ...(areaText ? { area: areaText } : {}),
    ...(r.followUp ? { followUp: true } : {}),
    ...(slots.editionShift !== undefined ? { editionShift: slots.editionShift, followUp: true } : {}),
  };
}

function notificationCommand(r: Reading, areaText: string | undefined): NotificationCommand | undefined {
  const c = r.cues;
  const setting = c.has('notifStop', 'notifStart', 'notifShow', 'notifOnly', 'notifAll');
  // « Pour la newsletter : niveau d'Issy ? » asks a level; the notification word is only context.
  if (!setting && (r.place || c.has('level', 'arobase', 'history', 'ten', 'apply'))) return undefined;
  const explicit = c.has('notif', 'notifShow', 'notifAll');
  if (!explicit) {
    // « STOP » alone, « seulement l'Isère » (a filter without the word notification), « recevoir seulement la Dordogne ».
    if (c.has('notifStop') && r.meaningful <= 1 && !r.place) return { name: 'unsubscribe' };
    const onlyFilter = c.has('notifOnly') && !c.has('palmares', 'whoList', 'listWord', 'level', 'arobase') && r.slots.edition === undefined;
    if (onlyFilter && areaText && (r.meaningfulOutside <= 3 || c.has('notifStart'))) return { name: 'onlyArea', area: areaText, implicit: true };
    return undefined;
  }
  if (c.has('palmares', 'whoList', 'listWord') && !c.has('notifStop', 'notifStart', 'notifShow', 'notifOnly', 'notifAll')) return undefined;
  // « toute la France, pas juste la Savoie » / « seulement la Savoie, pas toute la France »: the first one said.
  const all = c.first('notifAll');
  const only = c.first('notifOnly');
  // « je ne veux plus être limité au Rhône : … toute la France »: a negated filter is the whole network.
  const negated = only && c.hits.some((h) => h.cue === 'notifStop' && h.end <= only.start && only.start - h.end <= 2);
  if (only && areaText && !negated && (!all || only.start < all.start)) return { name: 'onlyArea', area: areaText };
  if (all) return { name: 'allAreas' };
  if (c.has('notifShow')) return { name: 'mySettings' };
  if (c.has('notifStop')) return { name: 'unsubscribe' };
  if (c.has('notifStart')) return { name: 'subscribe' };
  if (areaText) return { name: 'onlyArea', area: areaText };
  return { name: 'mySettings' };
}
