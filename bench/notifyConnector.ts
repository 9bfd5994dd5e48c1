// Child process of `npm run bench:notify`: the fake Bot Connector alone (a small heap, so its own pauses stay short
// and do not bunch the arrivals it timestamps). Talks to the bench over IPC: ready → progress… → report.
import { setPriority } from 'node:os';
import { startFakeTeams } from './lib/fakeTeams.ts';
import { permanentFailures } from './lib/notifyPlan.ts';

// Teams' servers are not slowed down by a busy bench machine: favour the stand-in when allowed.
try { setPriority(-10); } catch { /* unprivileged: measured as is */ }
const [cap, members, seed] = process.argv.slice(2).map(Number) as [number, number, number];
const fake = await startFakeTeams({ cap, permanent: permanentFailures(members), seed, capture: /^a:bench-admin/ });
const total = () => [...fake.accepted.values()].reduce((s, n) => s + n, 0);
const timer = setInterval(() => process.send!({ type: 'progress', accepted: total(), open: fake.open }), 10);

process.on('message', async (m: { type: string }) => {
  if (m.type === 'captured') process.send!({ type: 'captured', captured: fake.captured });
  else if (m.type === 'report') {
    const { url: _url, close: _close, accepted, ...rest } = fake;
    process.send!({ type: 'report', ...rest, accepted: [...accepted] });
  } else if (m.type === 'close') {
    clearInterval(timer);
    await fake.close();
    process.disconnect();
  }
});
process.send!({ type: 'ready', url: fake.url });
