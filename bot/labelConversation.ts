// The label conversation: turns a recognised intent into answers, with the conversation's memory
// (last territory, edition and question; "my town"). Plain TypeScript: no botbuilder, callable from tests.
import type { PrismaClient } from '../data/generated/prisma/client.ts';
import { codesInArea, resolveArea } from '../data/territories/areas.ts';
import { levelOf, listEditions, newestEditionWithAwards, palmares, tenEligibility, territoryHistory } from '../data/labelFacts.ts';
import { isMention } from '../data/mentions.ts';
import { setMemberTerritory } from '../data/members.ts';
import { toTerritory, type Registry, type Territory } from '../data/territories/registry.ts';
import type { Resolution } from '../data/territories/index.ts';
import type { Reply } from './cards/activity.ts';
import { choiceCard, unknownCard } from './cards/choiceCard.ts';
import { historyCard } from './cards/historyCard.ts';
import { levelCard, mentionLabel } from './cards/levelCard.ts';
import { palmaresCard, type PalmaresQuery } from './cards/palmaresCard.ts';
import { tenCard } from './cards/tenCard.ts';
import { a } from './i18n/answers.ts';
import type { Lang } from './i18n/locale.ts';
import type { Intent } from './intents/types.ts';

type TerritoryQuestion = 'level' | 'history' | 'ten';

/** Kept in the conversation state between turns. */
export type LabelMemory = {
  lastCode?: string;
  lastEdition?: number;
  lastQuestion?: TerritoryQuestion | 'palmares';
  lastPalmares?: PalmaresQuery;
  /** A "my town" question waiting for the member to name their town. */
  awaitingMyTown?: Intent;
};

export type LabelSession = { lang: Lang; memory: LabelMemory; member: { id: string; territoryCode: string | null } | null };

export type LabelDeps = { prisma: PrismaClient; registry: Registry; resolve: (query: string) => Promise<Resolution> };

const EXAMPLES: Record<Lang, string[]> = {
  fr: ['Quel est le niveau de Grenoble ?', 'Historique de Bron', 'Palmarès 2021'],
  en: ['What level is Grenoble?', 'History of Bron', 'Awards 2021'],
};

export function createLabelConversation(deps: LabelDeps) {
  const { prisma, registry } = deps;

  const labelOf = (t: Territory): string => {
    const dep = registry.departementName(t.departement);
    return dep ? `${t.name} (${dep})` : t.name;
  };
  const nameOf = (code: string) => registry.get(code)?.name ?? code;

  async function answerFor(question: TerritoryQuestion, code: string, s: LabelSession, edition?: number): Promise<Reply[]> {
    const entry = registry.get(code);
    if (!entry) return [{ text: a(s.lang, 'noContext') }];
    s.memory.lastCode = code;
    s.memory.lastQuestion = question;
    if (edition !== undefined) s.memory.lastEdition = edition;
    const label = labelOf(entry);
    if (question === 'level') return [levelCard(s.lang, label, await levelOf(prisma, code, edition))];
    if (question === 'history') {
      const [history, editions] = await Promise.all([territoryHistory(prisma, code), listEditions(prisma)]);
      return [historyCard(s.lang, label, history, editions.length > 0 && editions.every((e) => e.complete))];
    }
    return [tenCard(s.lang, label, await tenEligibility(prisma, code))];
  }

  /** Resolves a place, then answers, or asks which homonym, or says what was not found. */
  async function withPlace(intent: Intent, place: string, s: LabelSession, then: (code: string) => Promise<Reply[]>, guessed = false): Promise<Reply[]> {
    const r = await deps.resolve(place);
    if (r.status === 'found') return then(r.territory.code);
    if (r.status === 'ambiguous') return [choiceCard(s.lang, a(s.lang, 'ambiguous', { query: place }), r.candidates, labelOf, intent)];
    if (guessed) return [unknownCard(s.lang, EXAMPLES[s.lang])];
    const message = a(s.lang, 'notFound', { query: place });
    if (r.suggestions.length === 0) return [{ text: message }];
    const hint = a(s.lang, 'suggestions', { list: r.suggestions.map(labelOf).join(' ; ') });
    return [choiceCard(s.lang, message, r.suggestions, labelOf, intent, hint)];
  }

  async function setMyTown(code: string, s: LabelSession): Promise<Reply[]> {
    const entry = registry.get(code);
    if (!entry || !s.member) return [{ text: a(s.lang, 'noContext') }];
    await setMemberTerritory(prisma, s.member.id, code);
    s.member.territoryCode = code;
    const replies: Reply[] = [{ text: a(s.lang, 'myTownSet', { name: labelOf(toTerritory(entry)) }) }];
    const pending = s.memory.awaitingMyTown;
    s.memory.awaitingMyTown = undefined;
    if (pending) replies.push(...(await handle({ ...pending, my: false, code } as Intent, s)));
    return replies;
  }

  async function answerPalmares(q: PalmaresQuery, s: LabelSession, page = 0): Promise<Reply[]> {
    const edition = q.edition;
    let codes: string[] | undefined;
    let areaLabel = '';
    if (q.area) {
      const area = resolveArea(registry, q.area);
      if (!area) return [{ text: a(s.lang, 'unknownArea', { area: q.area }) }];
      codes = codesInArea(registry, area);
      areaLabel = area.name;
    }
    const mention = q.mention && isMention(q.mention) ? q.mention : undefined;
    const result = await palmares(prisma, { edition, level: q.level, mention, codes }, page, nameOf);
    s.memory.lastQuestion = 'palmares';
    s.memory.lastPalmares = q;
    s.memory.lastEdition = edition;
    const filters = [q.level ? `${q.level} @` : '', mention ? mentionLabel(s.lang, mention) : '', areaLabel].filter(Boolean);
    return [palmaresCard(s.lang, q, result, nameOf, filters.length ? ` — ${filters.join(', ')}` : '')];
  }

  async function handle(intent: Intent, s: LabelSession): Promise<Reply[]> {
    // A bare name while we wait for "my town" is the answer to that question.
    if (s.memory.awaitingMyTown && intent.name === 'level' && intent.guessed && intent.place) {
      return withPlace({ name: 'setMyTown', place: intent.place }, intent.place, s, (code) => setMyTown(code, s));
    }
    switch (intent.name) {
      case 'setMyTown':
        return intent.code ? setMyTown(intent.code, s) : withPlace(intent, intent.place, s, (code) => setMyTown(code, s));
      case 'level': case 'history': case 'ten': {
        const edition = intent.name === 'level' ? intent.edition : undefined;
        if (intent.code) return answerFor(intent.name, intent.code, s, edition);
        if (intent.my) {
          // Read afresh: another process may have changed it ("ma commune est …" in another conversation).
          const mine = s.member && (await prisma.member.findUnique({ where: { id: s.member.id }, select: { territoryCode: true } }));
          if (mine?.territoryCode) return answerFor(intent.name, mine.territoryCode, s, edition);
          s.memory.awaitingMyTown = intent;
          return [{ text: a(s.lang, 'askMyTown') }];
        }
        if (intent.place) return withPlace(intent, intent.place, s, (code) => answerFor(intent.name as TerritoryQuestion, code, s, edition), intent.name === 'level' && intent.guessed);
        if (s.memory.lastCode) return answerFor(intent.name, s.memory.lastCode, s, edition);
        return [{ text: a(s.lang, 'noContext') }];
      }
      case 'followUp': {
        const last = s.memory.lastQuestion;
        if (last === 'palmares' && s.memory.lastPalmares && intent.edition && !intent.place) {
          return answerPalmares({ ...s.memory.lastPalmares, edition: intent.edition }, s);
        }
        // "et en 2023 ?" after a history or TEN question asks for a level in that year.
        const question: TerritoryQuestion = intent.edition || !last || last === 'palmares' ? 'level' : last;
        const edition = question === 'level' ? intent.edition ?? (intent.place ? s.memory.lastEdition : undefined) : undefined;
        const next: Intent = question === 'level' ? { name: 'level', ...(edition ? { edition } : {}) } : { name: question };
        if (intent.place) return withPlace(next, intent.place, s, (code) => answerFor(question, code, s, edition));
        if (s.memory.lastCode) return answerFor(question, s.memory.lastCode, s, edition);
        return [{ text: a(s.lang, 'noContext') }];
      }
      case 'palmares': {
        const edition = intent.edition ?? (await newestEditionWithAwards(prisma));
        if (!edition) return [{ text: a(s.lang, 'palmaresNoEdition') }];
        return answerPalmares({ edition, level: intent.level, mention: intent.mention, area: intent.area }, s);
      }
      default:
        return [unknownCard(s.lang, EXAMPLES[s.lang])];
    }
  }

  return { handle, answerPalmares, labelOf };
}

export type LabelConversation = ReturnType<typeof createLabelConversation>;
