// Scoring a phrasing set (bench/data/understand-*.json): each message or dialogue turn is understood, put in its
// conversation's context, and what the bot would answer is compared with what the writer meant.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide, remember, type Decision, type LabelMemory } from '../../data/understanding/context.ts';
import type { Understander } from '../../data/understanding/index.ts';
import { resolveArea } from '../../data/territories/areas.ts';
import type { Registry } from '../../data/territories/registry.ts';
import { parseCsv } from '../../data/csv.ts';

export type Expect = {
  intent: string; territory?: string | null; edition?: number | null; level?: number | null; mention?: string | null;
  area?: { departement?: string; region?: string } | null; page?: string | number; command?: string;
};
export type Turn = { says: string; expect: Expect };
export type Item = { id: string; lang: string; category: string; says?: string; expect?: Expect; turns?: Turn[] };
export type Observed = Omit<Expect, 'area'> & { area?: { departement?: string; region?: string } | null };

/** The set's reference day: « l'an dernier » in it means 2025. */
export const SET_NOW = new Date('2026-06-15T12:00:00Z');

export function loadSet(file: string): Item[] {
  return JSON.parse(readFileSync(file, 'utf8')) as Item[];
}

/** Codes present in the sourced samples (the palmarès the bot starts with). */
export function sampleCodes(): ReadonlySet<string> {
  const dir = fileURLToPath(new URL('../../data/samples/', import.meta.url));
  const codes = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.csv'))) {
    const [header, ...rows] = parseCsv(readFileSync(join(dir, f), 'utf8'));
    const at = header!.fields.indexOf('code');
    for (const r of rows) codes.add((r.fields[at] as string).trim().toUpperCase());
  }
  return codes;
}

const intentName = (q: string) => (q === 'ten' ? 'tenEligibility' : q);

/** What the bot would answer, in the set's terms. */
export function observe(d: Decision, registry: Registry): Observed {
  const areaOf = (text: string | undefined) => {
    const a = text ? resolveArea(registry, text) : null;
    return a ? (a.kind === 'departement' ? { departement: a.code } : { region: a.code }) : null;
  };
  switch (d.do) {
    case 'answer': return { intent: intentName(d.question), territory: d.code, edition: d.edition ?? null };
    case 'choose': return { intent: d.intent.name === 'setMyTown' ? 'setMyTown' : intentName(d.intent.name), territory: d.candidates[0]?.code ?? null, edition: 'edition' in d.intent ? d.intent.edition ?? null : null };
    case 'notFound': return { intent: d.intent.name === 'setMyTown' ? 'setMyTown' : intentName(d.intent.name), territory: null, edition: null };
    case 'askMyTown': return { intent: intentName(d.pending.name), territory: 'my', edition: d.pending.edition ?? null };
    case 'noContext': return { intent: intentName(d.question), territory: null, edition: null };
    case 'noList': return { intent: 'page', territory: null, edition: null, page: d.paged };
    case 'palmares': return d.paged !== undefined
      ? { intent: 'page', territory: null, edition: null, page: d.paged }
      : { intent: 'palmares', territory: null, edition: d.query.edition ?? null, level: d.query.level ?? null, mention: d.query.mention ?? null, area: areaOf(d.query.area) };
    // A town declared with a question about it (« je suis DGS à Beauvais, combien d'arobases ? »): the question.
    case 'setMyTown': return d.then
      ? { intent: intentName(d.then.name), territory: d.code, edition: d.then.edition ?? null }
      : { intent: 'setMyTown', territory: d.code, edition: null };
    case 'say': {
      const i = d.intent;
      if (i.name === 'notifications') {
        const area = i.command.name === 'onlyArea' ? { area: areaOf(i.command.area) } : {};
        return { intent: 'notifications', territory: null, edition: null, command: i.command.name, ...area };
      }
      if (i.name === 'application') return { intent: 'application', territory: null, edition: null, command: i.command };
      return { intent: i.name, territory: null, edition: null };
    }
  }
}

/** Differences between what was meant and what was understood ([] when right). */
export function mismatches(e: Expect, o: Observed, myTown: string | null): string[] {
  const out: string[] = [];
  if (e.intent !== o.intent) out.push(`intent ${o.intent} ≠ ${e.intent}`);
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  // Applying is always for one's own territory: writers put "my" or null there, both mean the same.
  const territorySlot = !['application', 'howToApply'].includes(e.intent);
  if ('territory' in e && territorySlot) {
    const ok = e.territory === 'my' ? o.territory === 'my' || (myTown !== null && o.territory === myTown) : same(e.territory, o.territory);
    if (!ok) out.push(`territory ${o.territory ?? '—'} ≠ ${e.territory ?? '—'}`);
  }
  for (const k of ['edition', 'level', 'mention', 'area', 'page', 'command'] as const) {
    if (k in e && !same(e[k], o[k])) out.push(`${k} ${JSON.stringify(o[k] ?? null)} ≠ ${JSON.stringify(e[k] ?? null)}`);
  }
  return out;
}

export type Outcome = { id: string; category: string; lang: string; says: string; ok: boolean; why: string[]; micros: number };

/** Runs every message of the set (dialogues in order, each with its own memory). */
export function runSet(items: Item[], u: Understander, registry: Registry, labelled: ReadonlySet<string>, now = SET_NOW, intentOnly = false): Outcome[] {
  const out: Outcome[] = [];
  for (const item of items) {
    const turns: Turn[] = item.turns ?? [{ says: item.says!, expect: item.expect! }];
    let memory: LabelMemory = {};
    let myTown: string | null = null;
    for (const turn of turns) {
      const t0 = process.hrtime.bigint();
      const understanding = u.understand(turn.says, { now, labelled, remember: false });
      const decision = decide({ understanding, memory, myTown, resolve: (p) => u.resolvePlace(p, labelled), nameOf: (c) => registry.get(c)?.name });
      const micros = Number(process.hrtime.bigint() - t0) / 1000;
      const townBefore = myTown;
      memory = remember(memory, decision);
      if (decision.do === 'setMyTown') myTown = decision.code;
      const why = mismatches(intentOnly ? { intent: turn.expect.intent } : turn.expect, observe(decision, registry), myTown ?? townBefore);
      out.push({ id: item.id, category: item.category, lang: item.lang, says: turn.says, ok: why.length === 0, why, micros });
    }
  }
  return out;
}
