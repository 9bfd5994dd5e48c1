// The fake connector in its own process (bench/notifyConnector.ts), seen from the bench as a FakeTeams.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FakeTeams } from './fakeTeams.ts';

export type RemoteFakeTeams = {
  url: string;
  /** Messages accepted so far, and requests held unanswered (pushed every 10 ms). */
  accepted(): number;
  open(): number;
  /** The admin chat's activities, whole. */
  captured(): Promise<Record<string, unknown>[]>;
  /** Everything the connector recorded, as a FakeTeams. */
  report(): Promise<FakeTeams>;
  close(): Promise<void>;
};

type Report = Omit<FakeTeams, 'accepted' | 'url' | 'close'> & { accepted: [string, number][] };

export async function startFakeTeamsProcess(cap: number, members: number, seed: number): Promise<RemoteFakeTeams> {
  const entry = fileURLToPath(new URL('../notifyConnector.ts', import.meta.url));
  const child = fork(entry, [String(cap), String(members), String(seed)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  let accepted = 0;
  let open = 0;
  let onReport: ((r: Report) => void) | undefined;
  let onCaptured: ((c: Record<string, unknown>[]) => void) | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake connector exited (${code})`)));
    child.on('message', (m: { type: string; url?: string; accepted?: number; open?: number }) => {
      if (m.type === 'ready') resolve(m.url!);
      else if (m.type === 'progress') { accepted = m.accepted!; open = m.open!; }
      else if (m.type === 'report') onReport?.(m as unknown as Report);
      else if (m.type === 'captured') onCaptured?.((m as unknown as { captured: Record<string, unknown>[] }).captured);
    });
  });
  return {
    url,
    accepted: () => accepted,
    open: () => open,
    captured: () => new Promise((resolve) => {
      onCaptured = resolve;
      child.send({ type: 'captured' });
    }),
    report: () => new Promise<FakeTeams>((resolve) => {
      onReport = (r) => resolve({ ...r, url, accepted: new Map(r.accepted), close: async () => {} });
      child.send({ type: 'report' });
    }),
    close: () => new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.send({ type: 'close' });
    }),
  };
}
