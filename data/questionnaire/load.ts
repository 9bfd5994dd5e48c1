// Loads a questionnaire definition: zod shape checks, then cross-references, with messages naming the culprit
// (« sections[1] « territoire » › items[2] « budget » › max : … ») so whoever edits the data knows what to fix.
import { z } from 'zod/v4';
import { definitionSchema, type Condition, type Definition, type Group, type Question } from './schema.ts';
import { parseDateBound } from './formats.ts';

export class DefinitionError extends Error {
  constructor(readonly problems: string[]) {
    super(`Questionnaire invalide :\n${problems.map((p) => `- ${p}`).join('\n')}`);
    this.name = 'DefinitionError';
  }
}

type Path = readonly PropertyKey[];
type Issue = { path: Path; message: string };

/** Validates a raw definition; throws a DefinitionError listing every problem. */
export function loadDefinition(raw: unknown): Definition {
  const parsed = definitionSchema.safeParse(raw, { error: frenchIssue });
  const issues: Issue[] = parsed.success ? crossCheck(parsed.data) : parsed.error.issues;
  if (issues.length) throw new DefinitionError(issues.map((i) => `${describePath(raw, i.path)} : ${i.message}`));
  return parsed.data!;
}

/** Zod's generic issues in French (the schema's own messages take precedence). */
function frenchIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type': return issue.input === undefined ? 'champ obligatoire manquant' : `type attendu : ${issue.expected}`;
    case 'unrecognized_keys': return `clé inconnue : ${issue.keys.map((k) => `« ${k} »`).join(', ')}`;
    case 'too_small': return `trop petit (minimum ${String(issue.minimum)})`;
    case 'too_big': return `trop grand (maximum ${String(issue.maximum)})`;
    case 'invalid_value': return `valeur attendue : ${issue.values.map((v) => JSON.stringify(v)).join(' ou ')}`;
    default: return undefined;
  }
}

/** sections[1] « territoire » › items[2] « budget » › max */
export function describePath(raw: unknown, path: Path): string {
  const parts: string[] = [];
  let node: unknown = raw;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'number') {
      if (!parts.length) parts.push('');
      const id = node && typeof node === 'object' ? (node as { id?: unknown; value?: unknown }).id ?? (node as { value?: unknown }).value : undefined;
      parts[parts.length - 1] += `[${key}]${typeof id === 'string' ? ` « ${id} »` : ''}`;
    } else parts.push(String(key));
  }
  return parts.length ? parts.join(' › ') : '(racine)';
}

/** Unique ids, conditions on earlier questions with compatible values, coherent bounds. */
function crossCheck(def: Definition): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Path, message: string) => issues.push({ path, message });
  const seenSections = new Set<string>();
  const earlier = new Map<string, Question | Group>(); // top-level ids asked so far
  def.sections.forEach((section, s) => {
    if (seenSections.has(section.id)) add(['sections', s, 'id'], `section « ${section.id} » déjà définie`);
    seenSections.add(section.id);
    section.items.forEach((item, i) => {
      const path = ['sections', s, 'items', i];
      if (earlier.has(item.id)) add([...path, 'id'], `identifiant « ${item.id} » déjà utilisé`);
      if (item.when) checkCondition(item.when, earlier, new Map(), [...path, 'when'], add);
      if (item.type === 'group') {
        if (item.minCount > item.maxCount) add([...path, 'minCount'], `minCount (${item.minCount}) dépasse maxCount (${item.maxCount})`);
        if (item.minCount === 0 && !item.ask) add([...path, 'ask'], 'un groupe qui peut rester vide (minCount 0) a besoin de la question « ask »');
        const siblings = new Map<string, Question>();
        item.items.forEach((q, j) => {
          const qPath = [...path, 'items', j];
          if (siblings.has(q.id) || q.id === 'any' || q.id === 'more') add([...qPath, 'id'], `identifiant « ${q.id} » déjà utilisé dans le groupe`);
          if (q.when) checkCondition(q.when, earlier, siblings, [...qPath, 'when'], add);
          checkQuestion(q, qPath, add);
          checkNotBefore(q, siblings.get(q.type === 'date' ? q.notBefore?.question ?? '' : '') ?? earlier.get(q.type === 'date' ? q.notBefore?.question ?? '' : ''), qPath, add);
          siblings.set(q.id, q);
        });
      } else {
        checkQuestion(item, path, add);
        checkNotBefore(item, earlier.get(item.type === 'date' ? item.notBefore?.question ?? '' : ''), path, add);
      }
      earlier.set(item.id, item);
    });
  });
  def.atLeastOneOf?.groups.forEach((g, k) => {
    if (earlier.get(g)?.type !== 'group') add(['atLeastOneOf', 'groups', k], `« ${g} » n'est pas un groupe du questionnaire`);
  });
  return issues;
}

function checkQuestion(q: Question, path: Path, add: (p: Path, m: string) => void) {
  if (q.type === 'choice' || q.type === 'multichoice') {
    const values = q.options.map((o) => o.value);
    const dup = values.find((v, k) => values.indexOf(v) !== k);
    if (dup) add([...path, 'options'], `option « ${dup} » en double`);
  }
  if (q.type === 'multichoice' && q.maxSelected !== undefined) {
    if (q.minSelected > q.maxSelected) add([...path, 'minSelected'], `minSelected (${q.minSelected}) dépasse maxSelected (${q.maxSelected})`);
    if (q.maxSelected > q.options.length) add([...path, 'maxSelected'], `maxSelected (${q.maxSelected}) dépasse le nombre d'options (${q.options.length})`);
  }
  if (q.type === 'number' && q.min > q.max) add([...path, 'min'], `min (${q.min}) dépasse max (${q.max})`);
  if (q.type === 'longtext' && q.minLength > q.maxLength) add([...path, 'minLength'], `minLength (${q.minLength}) dépasse maxLength (${q.maxLength})`);
  if (q.type === 'date' && q.min && q.max) {
    const now = new Date();
    if (parseDateBound(q.min, now) > parseDateBound(q.max, now)) add([...path, 'min'], `min (${q.min}) est après max (${q.max})`);
  }
}

/** `notBefore` names a date question asked earlier (in the same group instance, or at the top level). */
function checkNotBefore(q: Question, target: Question | Group | undefined, path: Path, add: (p: Path, m: string) => void) {
  if (q.type !== 'date' || !q.notBefore) return;
  if (target?.type !== 'date') add([...path, 'notBefore', 'question'], `notBefore vise « ${q.notBefore.question} », qui n'est pas une question de date posée avant`);
}

function checkCondition(
  c: Condition, earlier: Map<string, Question | Group>, siblings: Map<string, Question>, path: Path,
  add: (p: Path, m: string) => void,
) {
  const target = siblings.get(c.question) ?? earlier.get(c.question);
  if (!target) return add([...path, 'question'], `la condition porte sur « ${c.question} », qui n'est pas une question posée avant`);
  if (target.type === 'group') return add([...path, 'question'], `la condition porte sur le groupe « ${c.question} » : elle doit viser une question`);
  const values = [c.equals, c.notEquals, ...(c.in ?? [])].filter((v) => v !== undefined);
  const valid = (v: unknown): boolean => {
    switch (target.type) {
      case 'yesno': return typeof v === 'boolean';
      case 'number': return typeof v === 'number';
      case 'choice': return target.options.some((o) => o.value === v);
      case 'multichoice': return false; // use « includes »
      default: return typeof v === 'string';
    }
  };
  for (const v of values) {
    if (!valid(v)) add(path, `valeur ${JSON.stringify(v)} impossible pour la question « ${c.question} » (${target.type})`);
  }
  if (c.includes !== undefined) {
    if (target.type !== 'multichoice') add([...path, 'includes'], `« includes » ne s'applique qu'à une question à choix multiples (« ${c.question} » est ${target.type})`);
    else if (!target.options.some((o) => o.value === c.includes)) add([...path, 'includes'], `« ${c.includes} » n'est pas une option de « ${c.question} »`);
  }
}
