// A question of the application as a message: plain text for free answers; an Adaptive Card whose buttons carry
// the choice for choice and yes/no questions (typing the number or the label works as well: the text lists them).
import type { Activity } from 'botbuilder';
import type { Lang } from '../../../data/text.ts';
import { am } from '../messages.ts';
import { cardActivity } from '../../cardActivity.ts';
import { adaptiveCard } from '../../cards.ts';

/** What a card submit of the application means (read from `activity.value` by applicationCardValue). */
export type ApplicationCardValue =
  | { arobase: 'answer'; key: string; value?: string }
  | { arobase: 'edit'; key: string }
  | { arobase: 'submit' }
  | { arobase: 'command'; command: 'help' | 'skip' | 'cancel' | 'continue' | 'start' };

export type QuestionView = {
  lang: Lang;
  key: string;
  /** Paragraphs before the question (section heading, error…), the question, then notes (current value…). */
  before?: string[];
  question: string;
  after?: string[];
  options?: { value: string; label: string }[];
  multi?: boolean;
  /** Offered after repeated failures. */
  commands?: ('help' | 'skip' | 'cancel')[];
};

const BUTTONS_MAX = 5; // more options go to a choice list (Teams shows few buttons on a phone)

/**
 * What a button puts in `activity.value`. The question's key travels as `q`, never `key`: the Agents Playground
 * silently drops an Action.Submit whose data has a `key` property (measured: same card, `key` → nothing sent).
 */
export function submitData(v: ApplicationCardValue): Record<string, string> {
  switch (v.arobase) {
    case 'answer': return v.value === undefined ? { arobase: 'answer', q: v.key } : { arobase: 'answer', q: v.key, value: v.value };
    case 'edit': return { arobase: 'edit', q: v.key };
    case 'submit': return { arobase: 'submit' };
    case 'command': return { arobase: 'command', command: v.command };
  }
}

export const submit = (title: string, v: ApplicationCardValue) => ({ type: 'Action.Submit', title, data: submitData(v) });

export function questionActivity(view: QuestionView): Partial<Activity> {
  const { lang, options } = view;
  const paragraphs = [...(view.before ?? []), view.question, ...(view.after ?? [])];
  const numbered = options?.length
    ? [am(lang, view.multi ? 'numberedMulti' : 'numbered'), ...options.map((o, i) => `${i + 1}. ${o.label}`)].join('\n')
    : undefined;
  const text = [...paragraphs, ...(numbered ? [numbered] : [])].join('\n\n');
  const commandButtons = (view.commands ?? []).map((c) => submit(am(lang, c === 'help' ? 'btnHelp' : c === 'skip' ? 'btnSkip' : 'btnCancel'), { arobase: 'command', command: c }));
  if (!options?.length && !commandButtons.length) return { type: 'message', text };

  const body: unknown[] = paragraphs.map((p, i) => ({
    type: 'TextBlock', text: p, wrap: true, ...(p === view.question ? { weight: 'Bolder' } : {}), ...(i > 0 ? { spacing: 'Small' } : {}),
  }));
  // Top-level actions are exactly the numbered options (a text client that numbers buttons, like `npm run chat`,
  // then agrees with the numbers in the text); every other button lives in the body.
  let actions: unknown[] = [];
  if (options?.length && !view.multi && options.length <= BUTTONS_MAX) {
    actions = options.map((o) => submit(o.label, { arobase: 'answer', key: view.key, value: o.value }));
  } else if (options?.length) {
    body.push({
      type: 'Input.ChoiceSet', id: 'value', isMultiSelect: !!view.multi, style: view.multi || options.length <= 8 ? 'expanded' : 'compact',
      choices: options.map((o) => ({ title: o.label, value: o.value })),
    });
    body.push({ type: 'ActionSet', actions: [submit(am(lang, 'btnValidate'), { arobase: 'answer', key: view.key })] });
  }
  if (commandButtons.length) body.push({ type: 'ActionSet', actions: commandButtons });
  return cardActivity(adaptiveCard(body, actions), text);
}

/** Reads a card submit of the application, if this activity is one. */
export function applicationCardValue(value: unknown): ApplicationCardValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const key = typeof v.q === 'string' ? v.q : typeof v.key === 'string' ? v.key : undefined; // `key`: cards sent before
  switch (v.arobase) {
    case 'answer':
      return key !== undefined ? { arobase: 'answer', key, value: typeof v.value === 'string' ? v.value : undefined } : undefined;
    case 'edit': return key !== undefined ? { arobase: 'edit', key } : undefined;
    case 'submit': return { arobase: 'submit' };
    case 'command':
      return v.command === 'help' || v.command === 'skip' || v.command === 'cancel' || v.command === 'continue' || v.command === 'start'
        ? { arobase: 'command', command: v.command } : undefined;
    default: return undefined;
  }
}
