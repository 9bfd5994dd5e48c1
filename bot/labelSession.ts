// A label conversation's session for one turn: the user's language, the conversation's follow-up memory, the member.
import type { Member } from '../data/generated/prisma/client.ts';
import type { Lang } from './i18n/locale.ts';
import type { LabelMemory, LabelSession } from './labelConversation.ts';

type Scopes = { label: unknown; conversation: unknown };

export function labelSession(state: Scopes, member: Member | null, lang: Lang): LabelSession {
  const memory = state.label as LabelMemory;
  // Kept inside the conversation row by earlier versions: moved to its own row, once.
  const conversation = state.conversation as { label?: LabelMemory };
  if (conversation.label) {
    if (!Object.keys(memory).length) Object.assign(memory, conversation.label);
    delete conversation.label;
  }
  return { lang, memory, member: member && { id: member.id, territoryCode: member.territoryCode } };
}
