// The label conversation: what the domain understood (data/understanding), decided in the conversation's context
// (decide/remember), answered as cards from the database. Plain TypeScript: no botbuilder, callable from tests.
import type { PrismaClient } from '../data/generated/prisma/client.ts';
import { codesInArea, resolveArea } from '../data/territories/areas.ts';
import {
  labelledCodes, levelOf, listEditions, newestEditionWithAwards, palmares, tenEligibility, tenStatusOf, territoryHistory,
} from '../data/labelFacts.ts';
import { ceremonyDate, editionYear, isPublished, latestPublished } from '../data/editions.ts';
import { editionTotals, newestEditionWithTotals, totalsOf } from '../data/editionTotals.ts';
import { setMemberTerritory } from '../data/members.ts';
import { toTerritory, type Registry, type Territory } from '../data/territories/registry.ts';
import { decide, remember, type Decision, type LabelMemory, type PalmaresQuery } from '../data/understanding/context.ts';
import type { Understander } from '../data/understanding/index.ts';
import type { Intent, TerritoryQuestion, TotalsIntent, Understanding } from '../data/understanding/types.ts';
import type { Reply } from '../dialogs/cards.ts';
import { alternativesBlock, choiceCard, readingsCard, unknownCard } from './cards/choiceCard.ts';
import { historyCard } from './cards/historyCard.ts';
import { aboutCard, applyCard } from './cards/infoCards.ts';
import { levelCard, mentionLabel } from './cards/levelCard.ts';
import { palmaresCard } from './cards/palmaresCard.ts';
import { tenCard, tenCriteriaCard, tenStatusCard } from './cards/tenCard.ts';
import { totalsCard } from './cards/totalsCard.ts';
import { a, ordinal } from './i18n/answers.ts';
import type { Lang } from './i18n/locale.ts';

export type { LabelMemory } from '../data/understanding/context.ts';

export type LabelSession = { lang: Lang; memory: LabelMemory; member: { id: string; territoryCode: string | null } | null };

export type LabelDeps = {
  prisma: PrismaClient; registry: Registry; understander: Understander; now: () => Date;
  /** « ma commune est X » also claims X (dialogs/membership): what to add to the answer. */
  claim?: (memberId: string, code: string, lang: Lang) => Promise<string>;
};

const EXAMPLES: Record<Lang, string[]> = {
  fr: ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021'],
  en: ['What level is Grenoble?', 'History of Bron', 'Awards 2021'],
};

export function createLabelConversation(deps: LabelDeps) {
  const { prisma, registry, understander } = deps;

  const labelOf = (t: Territory): string => {
    const dep = registry.departementName(t.departement);
    return dep ? `${t.name} (${dep})` : t.name;
  };
  const nameOf = (code: string) => registry.get(code)?.name ?? code;
  const territoryName = (code: string) => {
    const entry = registry.get(code);
    return entry ? labelOf(toTerritory(entry)) : code;
  };

  /** The message as understood, its place ranked with the territories present in the palmarès first. */
  async function understand(text: string): Promise<Understanding> {
    return understander.understand(text, { now: deps.now(), labelled: await labelledCodes(prisma) });
  }

  async function answerFor(question: TerritoryQuestion, code: string, s: LabelSession, edition: number | undefined, yearWithoutEdition?: number): Promise<Reply[]> {
    if (!registry.get(code)) return [{ text: a(s.lang, 'noContext') }];
    const label = territoryName(code);
    const now = deps.now();
    if (yearWithoutEdition !== undefined) return [{ text: a(s.lang, yearWithoutEdition === 2010 ? 'noCeremony' : 'beforeLabel', { year: yearWithoutEdition }) }];
    if (question === 'level') return [levelCard(s.lang, label, await levelOf(prisma, code, edition, now), code)];
    if (question === 'history') {
      const [history, editions] = await Promise.all([territoryHistory(prisma, code), listEditions(prisma)]);
      const published = history.filter((f) => isPublished(f.edition, now));
      return [historyCard(s.lang, label, published, editions.length > 0 && editions.every((e) => e.complete))];
    }
    if (question === 'tenStatus') return [tenStatusCard(s.lang, label, await tenStatusOf(prisma, code, now))];
    return [tenCard(s.lang, label, await tenEligibility(prisma, code, now))];
  }

  async function setMyTown(code: string, s: LabelSession): Promise<Reply[]> {
    const entry = registry.get(code);
    if (!entry || !s.member) return [{ text: a(s.lang, 'noContext') }];
    await setMemberTerritory(prisma, s.member.id, code);
    s.member.territoryCode = code;
    const claimed = deps.claim ? await deps.claim(s.member.id, code, s.lang) : '';
    return [{ text: [a(s.lang, 'myTownSet', { name: labelOf(toTerritory(entry)) }), claimed].filter(Boolean).join('\n\n') }];
  }

  /** One page of a palmarès; the newest published edition with data when none is asked. */
  async function answerPalmares(q: PalmaresQuery, s: LabelSession, page = 0): Promise<{ replies: Reply[]; shown?: { edition: number; page: number } }> {
    const now = deps.now();
    const edition = q.edition ?? (await newestEditionWithAwards(prisma, now));
    if (edition === null) return { replies: [{ text: a(s.lang, 'palmaresNoEdition') }] };
    if (!isPublished(edition, now)) return { replies: [{ text: a(s.lang, 'unpublished', { year: editionYear(edition), ord: ordinal(s.lang, edition) }) }] };
    let codes: string[] | undefined;
    let areaLabel = '';
    if (q.area) {
      const area = resolveArea(registry, q.area);
      if (!area) return { replies: [{ text: a(s.lang, 'unknownArea', { area: q.area }) }] };
      codes = codesInArea(registry, area);
      areaLabel = area.name;
    }
    const result = await palmares(prisma, { edition, level: q.level, mention: q.mention, codes }, page, nameOf);
    const filters = [q.level ? `${q.level} @` : '', q.mention ? mentionLabel(s.lang, q.mention) : '', areaLabel].filter(Boolean);
    return {
      replies: [palmaresCard(s.lang, { ...q, edition }, result, nameOf, filters.length ? ` — ${filters.join(', ')}` : '')],
      shown: { edition, page: result.page },
    };
  }

  async function execute(d: Decision, s: LabelSession): Promise<{ replies: Reply[]; shown?: { edition: number; page: number } }> {
    switch (d.do) {
      case 'answer': {
        const replies = await answerFor(d.question, d.code, s, d.edition, d.yearWithoutEdition);
        const others = d.alternatives.filter((t) => t.code !== d.code).slice(0, 3);
        if (others.length && replies[0]?.card) replies[0] = alternativesBlock(s.lang, replies[0], others, labelOf, { name: d.question, ...(d.edition ? { edition: d.edition } : {}) });
        return { replies };
      }
      case 'choose': {
        const question = a(s.lang, /^\d{5}$/.test(d.query.trim()) ? 'ambiguousPostcode' : 'ambiguous', { query: d.query.trim() });
        return { replies: [choiceCard(s.lang, question, d.candidates, labelOf, buttonIntent(d.intent))] };
      }
      case 'notFound': {
        if (d.guessed) return { replies: [unknownCard(s.lang, EXAMPLES[s.lang])] };
        const message = a(s.lang, 'notFound', { query: d.query });
        if (!d.suggestions.length) return { replies: [{ text: message }] };
        const hint = a(s.lang, 'suggestions', { list: d.suggestions.map(labelOf).join(' ; ') });
        return { replies: [choiceCard(s.lang, message, d.suggestions, labelOf, buttonIntent(d.intent), hint)] };
      }
      case 'askMyTown': return { replies: [{ text: a(s.lang, 'askMyTown') }] };
      case 'noContext': return { replies: [d.question === 'ten' || d.question === 'tenStatus' ? tenCriteriaCard(s.lang) : { text: a(s.lang, 'noContext') }] };
      case 'noList': return { replies: [{ text: a(s.lang, 'noList') }] };
      case 'palmares':
        if (d.yearWithoutEdition !== undefined) return { replies: [{ text: a(s.lang, d.yearWithoutEdition === 2010 ? 'noCeremony' : 'beforeLabel', { year: d.yearWithoutEdition }) }] };
        return answerPalmares(d.query, s, d.page);
      case 'setMyTown': {
        const replies = await setMyTown(d.code, s);
        if (d.then) replies.push(...(await answerFor(d.then.name, d.code, s, d.then.edition)));
        return { replies };
      }
      case 'say':
        if (d.intent.name === 'totals') return { replies: [answerTotals(d.intent, s.lang)] };
        return { replies: say(d.intent, s.lang) };
    }
  }

  /** A national figure of a palmarès (the newest published one with figures when no year is said). */
  function answerTotals(i: TotalsIntent, lang: Lang): Reply {
    if (i.yearWithoutEdition !== undefined) return { text: a(lang, i.yearWithoutEdition === 2010 ? 'noCeremony' : 'beforeLabel', { year: i.yearWithoutEdition }) };
    const now = deps.now();
    const edition = i.edition ?? newestEditionWithTotals(latestPublished(now));
    if (edition === undefined) return { text: a(lang, 'palmaresNoEdition') };
    if (!isPublished(edition, now)) return { text: a(lang, 'unpublished', { year: editionYear(edition), ord: ordinal(lang, edition) }) };
    const editionsWithFigures = [...new Set(editionTotals().map((t) => editionYear(t.edition)))];
    return totalsCard(lang, { edition, year: editionYear(edition), ceremony: ceremonyDate(edition), measure: i.measure, totals: totalsOf(edition), editionsWithFigures });
  }

  function say(intent: Intent, lang: Lang): Reply[] {
    switch (intent.name) {
      case 'aboutLabel': return [aboutCard(lang)];
      case 'howToApply': return [applyCard(lang)];
      case 'thanks': return [{ text: a(lang, 'thanksReply') }];
      case 'unknown':
        if (intent.readings?.length) return [readingsCard(lang, intent.readings, readingLabel(lang))];
        return [unknownCard(lang, EXAMPLES[lang])];
      default: return [unknownCard(lang, EXAMPLES[lang])];
    }
  }

  const readingLabel = (lang: Lang) => (i: Intent): string => {
    if (i.name === 'palmares') return a(lang, 'readingPalmares', { year: i.edition ? editionYear(i.edition) : '' }).trim();
    const place = 'place' in i && i.place ? i.place : '';
    return a(lang, i.name === 'history' ? 'readingHistory' : 'readingLevel', { name: place });
  };

  /** Answers an understood message (or a button's intent) and updates the conversation's memory. */
  async function handle(input: Understanding | Intent, s: LabelSession): Promise<Reply[]> {
    const understanding: Understanding = 'intent' in input ? input : { intent: input };
    const labelled = await labelledCodes(prisma);
    const myTown = await myTownOf(understanding.intent, s);
    const d = decide({ understanding, memory: s.memory, myTown, resolve: (p) => understander.resolvePlace(p, labelled), nameOf: (c) => registry.get(c)?.name });
    const { replies, shown } = await execute(d, s);
    updateMemory(s.memory, remember(s.memory, d, shown));
    return replies;
  }

  /** The member's own territory, read afresh when the question is about it (changed in another conversation). */
  async function myTownOf(intent: Intent, s: LabelSession): Promise<string | null> {
    if (!s.member) return null;
    const mine = ('my' in intent && intent.my) || (intent.name === 'setMyTown' && intent.then?.my);
    if (!mine) return s.member.territoryCode;
    const row = await prisma.member.findUnique({ where: { id: s.member.id }, select: { territoryCode: true } });
    return row?.territoryCode ?? null;
  }

  return { understand, handle, answerPalmares: async (q: PalmaresQuery, s: LabelSession, page = 0) => {
    const d: Decision = { do: 'palmares', query: q, page };
    const { replies, shown } = await answerPalmares(q, s, page);
    updateMemory(s.memory, remember(s.memory, d, shown));
    return replies;
  }, labelOf };
}

/**
 * The memory changed in place, key by key, only where a value differs: an unchanged memory stays byte for byte the
 * same, so the turn writes no state row (Teams AI compares the scope with what it loaded).
 */
function updateMemory(memory: LabelMemory, next: LabelMemory): void {
  const target = memory as Record<string, unknown>;
  for (const k of Object.keys(target)) if ((next as Record<string, unknown>)[k] === undefined) delete target[k];
  for (const [k, v] of Object.entries(next)) {
    if (v !== undefined && JSON.stringify(target[k]) !== JSON.stringify(v)) target[k] = v;
  }
}

/** What a button carries back: the question and its slots, never the typed text's resolution. */
function buttonIntent(intent: Intent): Intent {
  if (intent.name === 'setMyTown') return { name: 'setMyTown', place: intent.place };
  if (intent.name === 'level' || intent.name === 'history' || intent.name === 'ten' || intent.name === 'tenStatus') {
    return { name: intent.name, ...(intent.edition ? { edition: intent.edition } : {}) };
  }
  return intent;
}

export type LabelConversation = ReturnType<typeof createLabelConversation>;
