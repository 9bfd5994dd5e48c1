// npm run chat [-- --lang en] : a terminal conversation with the real bot (same HTTP endpoint, same application),
// in-process, on the configured database. Replies are shown as their text fallback; card buttons are numbered.
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import pino from 'pino';
import { loadEnvironment } from '../environment.ts';
import { startBot } from '../main.ts';
import { startFakeConnector, type Captured } from '../dev/localConnector.ts';

const lang = process.argv.includes('--lang') ? process.argv[process.argv.indexOf('--lang') + 1] : 'fr';
const locale = lang === 'en' ? 'en-US' : 'fr-FR';
const config = { ...loadEnvironment(), PORT: 0, MicrosoftAppId: undefined, localMode: true };
const connector = await startFakeConnector();
const bot = await startBot({ config, logger: pino({ level: process.env.LOG_LEVEL ?? 'error' }), startTypingTimer: false });
const conversationId = `chat-${process.env.USER ?? 'local'}`;
const from = { id: `29:chat-${process.env.USER ?? 'local'}`, name: 'Utilisateur local', aadObjectId: 'local-aad' };
type Button = { type?: string; title: string; verb?: string; data: unknown };
type Card = { body?: unknown[]; actions?: Button[] };
let buttons: Button[] = [];

function show(c: Captured) {
  const card = (c.body.attachments as { content?: Card }[] | undefined)?.[0]?.content;
  showText(String(c.body.text ?? c.body.summary ?? ''), card);
}

function showText(text: string, card: Card | undefined) {
  console.log(`\n\x1b[36marobase>\x1b[0m ${text.replace(/\n/g, '\n         ')}`);
  for (const action of card?.actions ?? []) {
    buttons.push(action);
    console.log(`         [${buttons.length}] ${action.title}`);
  }
}

/** A card's words in reading order: text blocks, facts, and what columns and containers hold. */
function cardLines(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(cardLines);
  if (!node || typeof node !== 'object') return [];
  const n = node as { text?: string; title?: string; value?: string; facts?: unknown[]; items?: unknown[]; columns?: unknown[] };
  if (n.facts) return (n.facts as { title?: string; value?: string }[]).map((f) => `${f.title ?? ''} ${f.value ?? ''}`.trim());
  if (n.items || n.columns) {
    const parts = [...cardLines(n.columns ?? []), ...cardLines(n.items ?? [])];
    return n.columns ? [parts.join(' ')] : parts;
  }
  return typeof n.text === 'string' ? [n.text] : [];
}

async function post(activity: Record<string, unknown>) {
  const before = connector.received.length;
  buttons = [];
  const res = await fetch(`http://127.0.0.1:${bot.port}/api/messages`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: randomUUID(), channelId: 'msteams', serviceUrl: connector.url, locale, from, timestamp: new Date().toISOString(),
      recipient: { id: '28:arobase', name: 'arobase' }, conversation: { id: conversationId, conversationType: 'personal' }, ...activity,
    }),
  });
  connector.received.slice(before).forEach(show);
  // An Action.Execute answers in its HTTP response: the card that replaces the clicked one, or a message.
  if (activity.type === 'invoke') {
    const body = (await res.json().catch(() => ({}))) as { value?: unknown };
    const card = typeof body.value === 'object' ? (body.value as Card) : undefined;
    showText(card ? cardLines(card.body).join('\n') : String(body.value ?? ''), card);
  }
}

console.log(lang === 'en' ? 'arobase chat — type a question, a button number, or "quit".' : 'arobase — posez une question, tapez le numéro d’un bouton, ou « quitter ».');
await post({ type: 'conversationUpdate', membersAdded: [from] });
const rl = createInterface({ input: process.stdin, output: process.stdout });
for await (const line of rl) {
  const text = line.trim();
  if (/^(quit|quitter|exit|sortir)$/i.test(text)) break;
  const button = /^\d+$/.test(text) ? buttons[Number(text) - 1] : undefined;
  const imBack = (button?.data as { msteams?: { type?: string; value?: string } } | undefined)?.msteams;
  if (imBack?.type === 'imBack' && imBack.value) await post({ type: 'message', text: imBack.value });
  else if (button?.type === 'Action.Execute') await post({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' } });
  else if (button) await post({ type: 'message', value: button.data });
  else if (text) await post({ type: 'message', text });
  process.stdout.write('\n> ');
}
rl.close();
await bot.stop();
await connector.close();
