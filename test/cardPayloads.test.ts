// What the card buttons send, pinned. In Teams an Action.Submit comes back as a message activity whose `value` is the
// button's `data` (no text); the Agents Playground sends the same, but silently drops a submit whose data has a `key`
// property (found with a fake bot: same card, six payloads, the three with `key` never left the browser). Every
// button of every card must therefore carry data without `key` that its handler reads back.
import { describe, expect, it } from 'vitest';
import { questionActivity, applicationCardValue, submitData } from '../dialogs/application/cards/question.ts';
import { reviewActivities } from '../dialogs/application/cards/review.ts';
import { claimCard, membersCard, membershipCardValue } from '../dialogs/membership/cards.ts';
import { helpCard } from '../bot/cards/helpCard.ts';
import { unknownCard, readingsCard } from '../bot/cards/choiceCard.ts';
import { applyCard } from '../bot/cards/infoCards.ts';
import { parseIntent } from '../data/understanding/intentSchema.ts';

type Submit = { title: string; data: Record<string, unknown> };
function submits(node: unknown, out: Submit[] = []): Submit[] {
  if (Array.isArray(node)) node.forEach((n) => submits(n, out));
  else if (node && typeof node === 'object') {
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit') out.push({ title: String(n.title), data: n.data as Record<string, unknown> });
    Object.values(n).forEach((v) => submits(v, out));
  }
  return out;
}
const contentOf = (a: { attachments?: { content?: unknown }[] }) => a.attachments?.[0]?.content;
// The verbs bot/app.ts routes with app.adaptiveCards.actionSubmit.
const VERBS = ['pickTerritory', 'ask', 'palmaresPage', 'say', 'announceConfirm', 'announceDiscard', 'announceCancel'];

/** What the bot makes of a click, as Teams delivers it: `activity.value` = the button's data. */
function handlerOf(value: Record<string, unknown>): string | undefined {
  if (applicationCardValue(value)) return `application:${applicationCardValue(value)!.arobase}`;
  if (membershipCardValue(value)) return `membership:${membershipCardValue(value)!.decision}`;
  if (typeof value.verb === 'string' && VERBS.includes(value.verb)) return `verb:${value.verb}`;
  return undefined;
}

const CARDS: [string, unknown][] = [
  ['question with buttons', contentOf(questionActivity({ lang: 'fr', key: 'contact_role', question: 'Rôle ?', options: [{ value: 'elu', label: 'Élu' }, { value: 'agent', label: 'Agent' }], commands: ['help', 'skip', 'cancel'] }))],
  ['question with a choice list', contentOf(questionActivity({ lang: 'en', key: 'democratie[2].enjeu', question: 'Issue?', multi: true, options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }))],
  ['summary, incomplete', reviewActivities({ lang: 'fr', title: 'R', editable: true, missing: ['E-mail'], sections: [{ title: 'S', rows: [{ n: 1, key: 'contact_name', label: 'Nom', value: 'Ada' }] }] }).map(contentOf)],
  ['summary, complete', reviewActivities({ lang: 'en', title: 'R', editable: true, missing: [], sections: [{ title: 'S', rows: [{ n: 1, key: 'democratie[1].title', label: 'Title', value: 'X' }] }] }).map(contentOf)],
  ['claim', claimCard('fr', { id: '7d3c2a9e-0000-4000-8000-000000000001', name: 'Ada', tenantId: 't', territory: 'Grenoble (38185)', claimedAt: '7 décembre 2026', canBind: true })],
  ['members', membersCard('en', 'Grenoble', [{ id: 'm1', name: 'Ada', since: 'today', removable: true }], [])],
  ['help', helpCard('fr')],
  ['not understood', unknownCard('en', ['What level is Grenoble?']).card],
  ['readings', readingsCard('fr', [{ name: 'level', place: 'Valence' } as never, { name: 'history', place: 'Valence' } as never], () => 'x').card],
  ['apply', applyCard('fr').card],
];

describe('every card button sends data Teams and the Playground deliver, and the bot reads back', () => {
  it.each(CARDS)('%s', (_name, card) => {
    const buttons = submits(card);
    expect(buttons.length).toBeGreaterThan(0);
    for (const b of buttons) {
      expect(b.data, b.title).toBeTypeOf('object');
      expect(Object.keys(b.data), b.title).not.toContain('key');
      expect(JSON.stringify(b.data).length, b.title).toBeLessThan(1024);
      expect(handlerOf(b.data), `${b.title}: ${JSON.stringify(b.data)}`).toBeDefined();
    }
  });

  it('answer and edit buttons name their question as q; cards sent before (with key) are still read', () => {
    expect(submitData({ arobase: 'answer', key: 'democratie[1].status', value: 'terminee' })).toEqual({ arobase: 'answer', q: 'democratie[1].status', value: 'terminee' });
    expect(submitData({ arobase: 'edit', key: 'contact_name' })).toEqual({ arobase: 'edit', q: 'contact_name' });
    expect(applicationCardValue({ arobase: 'edit', key: 'contact_name' })).toEqual({ arobase: 'edit', key: 'contact_name' });
    // A choice list's « Valider » merges the input into the data: { arobase, q, value: "a,b" }.
    expect(applicationCardValue({ arobase: 'answer', q: 'x', value: 'a,b' })).toEqual({ arobase: 'answer', key: 'x', value: 'a,b' });
  });

  it('forged or damaged payloads are not read as ours', () => {
    for (const v of [null, 'text', [], {}, { arobase: 'answer' }, { arobase: 'edit', q: 3 }, { arobase: 'command', command: 'rm -rf' },
      { arobase: 'membership', decision: 'approve' }, { arobase: 'membership', decision: 'promote', id: 'x' }, { arobase: 'membership', decision: 'approve', id: 'x'.repeat(65) }]) {
      expect(applicationCardValue(v) ?? membershipCardValue(v)).toBeUndefined();
    }
    expect(parseIntent({ name: 'level', place: 'x'.repeat(10_000) }) ?? undefined).toBeUndefined();
  });
});
