// What a typed message asks: understood once per activity (data/understanding). What the understanding does not
// get may go to the language model, which can only pick a read-only label question (bot/llm/tools.ts); its own text
// is never shown. No model, or no pick: the « pas compris » reading stands.
import type { Understanding } from '../data/understanding/types.ts';
import type { ModelRouter } from './llm/router.ts';

type Typed = { text?: string };

export function createUnderstood(understand: (text: string) => Promise<Understanding>, model: ModelRouter | null) {
  // A turn asks more than once (routes, then the answer): one understanding per activity.
  const understandings = new WeakMap<object, Promise<Understanding>>();
  return async function understood(activity: Typed): Promise<Understanding> {
    let pending = understandings.get(activity);
    if (!pending) understandings.set(activity, (pending = understand(activity.text ?? '')));
    const u = await pending;
    if (u.intent.name !== 'unknown' || !model) return u;
    const intent = await model.route(activity.text ?? '');
    return intent ? { intent } : u;
  };
}
