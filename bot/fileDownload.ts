// Fetches a file a user sent (Teams' download URL, or a data: URL): only from the configured hosts over https (in
// local mode also a loopback address), redirects checked hop by hop, a size cap and a deadline. A URL in an activity
// is client input: without this check a message could make the bot fetch an internal address.
import type { FileAttachment } from '../dialogs/listImport/index.ts';

export type DownloadPolicy = { hosts: readonly string[]; localMode: boolean; timeoutMs: number; maxBytes: number };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const MAX_REDIRECTS = 3;

export function hostAllowed(url: URL, policy: Pick<DownloadPolicy, 'hosts' | 'localMode'>): boolean {
  if (policy.localMode && LOOPBACK.has(url.hostname) && (url.protocol === 'http:' || url.protocol === 'https:')) return true;
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return policy.hosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) && host.length > h.length - 1 : host === h));
}

/** A file carried in the activity itself (already within the request's size limit): its bytes, the caller judges them. */
function fromDataUrl(url: string): Uint8Array {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (!m) throw new Error('adresse data: illisible');
  try {
    return new Uint8Array(m[2] ? Buffer.from(m[3]!, 'base64') : Buffer.from(decodeURIComponent(m[3]!), 'utf8'));
  } catch {
    throw new Error('adresse data: illisible');
  }
}

export function createFileDownload(policy: DownloadPolicy) {
  return async function download(file: FileAttachment): Promise<Uint8Array> {
    if (file.url.startsWith('data:')) return fromDataUrl(file.url);
    const signal = AbortSignal.timeout(policy.timeoutMs);
    let url: URL;
    try { url = new URL(file.url); } catch { throw new Error('adresse illisible'); }
    for (let hop = 0; ; hop++) {
      if (!hostAllowed(url, policy)) throw new Error('adresse non autorisée');
      let res: Response;
      try {
        res = await fetch(url, { redirect: 'manual', signal });
      } catch (e) {
        throw new Error(signal.aborted ? 'délai dépassé' : `réseau : ${(e as Error).message}`);
      }
      if (res.status >= 300 && res.status < 400 && res.headers.get('location') && hop < MAX_REDIRECTS) {
        await res.body?.cancel();
        url = new URL(res.headers.get('location')!, url);
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new Error(`réponse HTTP ${res.status}`);
      }
      if (Number(res.headers.get('content-length') ?? 0) > policy.maxBytes) {
        await res.body?.cancel();
        throw new Error('fichier trop gros');
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      try {
        for await (const chunk of res.body ?? []) {
          size += chunk.byteLength;
          // One byte over the cap is enough to refuse: readListFile says « trop gros » in the user's language.
          if (size > policy.maxBytes) { chunks.push(chunk); break; }
          chunks.push(chunk);
        }
      } catch {
        throw new Error(signal.aborted ? 'délai dépassé' : 'transfert interrompu');
      }
      return new Uint8Array(Buffer.concat(chunks));
    }
  };
}
