// One member's message: their own territory first when it is concerned, then the highlights nearest to them
// (or only those in their selected départements/régions), in their locale.
import type { Registry } from '../territories/registry.ts';
import { inArea, isHighlight } from './content.ts';
import { mentionLabel, notifyLang, nt, ordinal, type NotifyLang } from './texts.ts';
import type { AnnouncementContent, AnnouncementEntry, Audience, NotificationMessage } from './types.ts';

export type AreaLookup = Partial<Pick<Registry, 'get' | 'departementName' | 'regionName'>>;

export type Line = { kind: 'title' | 'own' | 'source' | 'scope' | 'category' | 'note' | 'footer'; text: string };
export type Rendered = { lang: NotifyLang; title: string; lines: Line[] };

const MAX_NAMES = 6;

function personal(lang: NotifyLang, e: AnnouncementEntry, content: AnnouncementContent): string[] {
  const who = nt(lang, e.kind === 'epci' ? 'who_epci' : 'who_commune', { name: e.name });
  const vars = { who, level: e.level, previous: e.previousLevel ?? '', prevOrd: ordinal(lang, content.previousEdition) };
  const ten = e.newMentions.includes('excellence');
  const lines = [nt(lang, ten ? 'own_ten' : `own_${e.change}`, vars)];
  const others = e.newMentions.filter((m) => m !== 'excellence');
  if (others.length) lines.push(nt(lang, 'own_mentions', { list: others.map((m) => mentionLabel(lang, m)).join(', ') }));
  return lines;
}

function names(lang: NotifyLang, list: AnnouncementEntry[], label: (e: AnnouncementEntry) => string = (e) => e.name): string {
  const shown = list.slice(0, MAX_NAMES).map(label).join(', ');
  return list.length > MAX_NAMES ? shown + nt(lang, 'more', { count: list.length - MAX_NAMES }) : shown;
}

export function renderAnnouncement(content: AnnouncementContent, audience: Audience, lookup: AreaLookup = {}): Rendered {
  const lang = notifyLang(audience.locale);
  const title = nt(lang, 'title', { ord: ordinal(lang, content.edition), year: content.year });
  const lines: Line[] = [];
  const own = audience.territoryCode ? content.entries.find((e) => e.code === audience.territoryCode) : undefined;
  if (own) {
    for (const text of personal(lang, own, content)) lines.push({ kind: 'own', text });
    lines.push({ kind: 'source', text: nt(lang, 'source', { source: own.source }) });
  }

  const filtered = audience.filterDepartements.length > 0 || audience.filterRegions.length > 0;
  if (filtered) {
    const areas = [
      ...audience.filterDepartements.map((d) => lookup.departementName?.(d) ?? d),
      ...audience.filterRegions.map((r) => lookup.regionName?.(r) ?? r),
    ];
    lines.push({ kind: 'scope', text: nt(lang, 'scope', { areas: areas.join(', ') }) });
  }
  // Nearest first: the member's département, then région, then the highest levels.
  const home = audience.territoryCode ? lookup.get?.(audience.territoryCode) : undefined;
  const rank = (e: AnnouncementEntry) => (home?.departement && e.departement === home.departement ? 0 : home?.region && e.region === home.region ? 1 : 2);
  const highlights = content.entries
    .filter((e) => e !== own && isHighlight(e) && (!filtered || inArea(e, audience)))
    .sort((a, b) => rank(a) - rank(b) || b.level - a.level || a.name.localeCompare(b.name, 'fr'));

  const ten = highlights.filter((e) => e.newMentions.includes('excellence'));
  const rest = highlights.filter((e) => !ten.includes(e));
  const categories: string[] = [];
  if (ten.length) categories.push(nt(lang, 'cat_ten', { count: ten.length, names: names(lang, ten) }));
  const first = rest.filter((e) => e.change === 'new');
  if (first.length) categories.push(nt(lang, 'cat_new', { count: first.length, names: names(lang, first) }));
  const up = rest.filter((e) => e.change === 'up');
  if (up.length) categories.push(nt(lang, 'cat_up', { count: up.length, names: names(lang, up, (e) => `${e.name} (${e.previousLevel} → ${e.level} @)`) }));
  const mentions = [...new Set(highlights.flatMap((e) => e.newMentions))].filter((m) => m !== 'excellence').sort();
  for (const m of mentions) {
    const holders = highlights.filter((e) => e.newMentions.includes(m));
    categories.push(nt(lang, 'cat_mention', { mention: mentionLabel(lang, m), count: holders.length, names: names(lang, holders) }));
  }
  for (const text of categories) lines.push({ kind: 'category', text });
  if (!categories.length && filtered) lines.push({ kind: 'note', text: nt(lang, 'nothingNew') });
  if (content.editionComplete && !filtered) lines.push({ kind: 'note', text: nt(lang, 'total', { count: content.entries.length }) });
  lines.push({ kind: 'footer', text: nt(lang, audience.channel ? 'footerChannel' : 'footer', { year: content.year }) });
  return { lang, title, lines };
}

/** Plain text (CLI preview, channels without cards): the title then one paragraph per line. */
export function toPlainText(r: Rendered): string {
  return [r.title, ...r.lines.map((l) => (l.kind === 'category' ? `- ${l.text}` : l.text))].join('\n\n');
}

/** The Teams message: an Adaptive Card; the summary is the notification preview (own line, else the title). */
export function toMessage(r: Rendered): NotificationMessage {
  const block = (text: string, extra: Record<string, unknown> = {}) => ({ type: 'TextBlock', text, wrap: true, ...extra });
  const body = [block(r.title, { weight: 'Bolder', size: 'Medium' })];
  for (const l of r.lines) {
    if (l.kind === 'own') body.push(block(l.text, { weight: 'Bolder', color: 'Good' }));
    else if (l.kind === 'source' || l.kind === 'footer') body.push(block(l.text, { isSubtle: true, size: 'Small' }));
    else if (l.kind === 'category') body.push(block(`• ${l.text}`, { spacing: 'Small' }));
    else body.push(block(l.text));
  }
  const card = { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body };
  return { summary: r.lines.find((l) => l.kind === 'own')?.text ?? r.title, card };
}

export function renderMessage(content: AnnouncementContent, audience: Audience, lookup?: AreaLookup): NotificationMessage {
  return toMessage(renderAnnouncement(content, audience, lookup));
}
