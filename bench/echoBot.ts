// The floor for bench:answer: the same stack (restify + TeamsAdapter + Teams AI Application, local mode) echoing
// each message, with in-memory state and no database. Bundled like the bot (scripts/build.mjs → dist/echoBot.mjs).
import restify from 'restify';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { MemoryStorage } from 'botbuilder';

const adapter = new TeamsAdapter({});
const app = new Application<TurnState>({ storage: new MemoryStorage(), adapter, startTypingTimer: false, longRunningMessages: false, removeRecipientMention: true });
app.activity('message', async (context) => {
  await context.sendActivity(`echo: ${context.activity.text ?? ''}`);
});
const server = restify.createServer({ name: 'echo' });
server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024, mapParams: false }));
server.get('/healthz', (_req, res, next) => { res.send(200, { status: 'ok' }); return next(); });
server.post('/api/messages', async (req, res) => { await adapter.process(req, res, (context) => app.run(context).then(() => undefined)); });
server.listen(Number(process.env.PORT ?? 3979), () => undefined);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
