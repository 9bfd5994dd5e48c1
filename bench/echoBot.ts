// The floor for bench:answer: the same stack (restify + TeamsAdapter + Teams AI Application, local mode) echoing
// each message, with in-memory state and no database. Bundled like the bot (scripts/build.mjs → dist/echoBot.mjs).
// With ECHO_STATE=database it keeps a message count in its conversation state on DATABASE_URL, through the bot's own
// state storage: the floor of a bot that remembers anything, to tell the database's share from arobase's own.
import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { MemoryStorage, type Storage } from 'botbuilder';
import { openDatabase } from '../data/database.ts';
import { sqlOf } from '../data/sql.ts';
import { startStateFeed } from '../data/stateFeed.ts';
import { StateStorage } from '../bot/stateStorage.ts';

const remember = process.env.ECHO_STATE === 'database';
let storage: Storage = new MemoryStorage();
if (remember) {
  const db = await openDatabase();
  storage = new StateStorage(sqlOf(db), { exclusive: db.target.kind === 'pglite', feed: startStateFeed(db) });
}
const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({ storage, adapter, startTypingTimer: false, longRunningMessages: false, removeRecipientMention: true });
app.activity('message', async (context, state) => {
  if (remember) (state.conversation as { count?: number }).count = ((state.conversation as { count?: number }).count ?? 0) + 1;
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
});
const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.get('/healthz', (_req, res, next) => { res.send(200, { status: 'ok' }); return next(); });
server.post('/api/messages', async (req, res) => { await adapter.process(req, res, (context) => app.run(context).then(() => undefined)); });
server.listen(Number(process.env.PORT ?? 3979), () => undefined);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
