// The palmarès list import for admins in Teams (#17 item 2): a file sent in personal chat → a preview card (counts,
// entries to review with candidate buttons) → picks → Import (all or nothing) or Discard. Everyone else is refused,
// and the refusal logged without names or ids. No botbuilder here: bot/app.ts passes the sender, the files and the
// clicks, and a `download` that fetches a Teams file (bot/fileDownload.ts).
import type { PrismaClient } from '../../data/generated/prisma/client.ts';
import {
  confirmListImport, discardListImport, pickListEntry, readListFile, startListImport, type ListDecision, type ListImportView, type Resolve,
} from '../../data/listImport.ts';
import { isAdmin } from '../../data/members.ts';
import { SKIP } from '../../data/listHeader.ts';
import { entryKey } from '../../data/palmaresLine.ts';
import type { Registry } from '../../data/territories/registry.ts';
import type { Lang } from '../../data/text.ts';
import type { Reply } from '../cards.ts';
import { listImportValue, listPreviewCard } from './cards.ts';
import { lm } from './messages.ts';

/** A file a message carries: its name and where to fetch it (Teams' download URL, or a data: URL). */
export type FileAttachment = { name: string; url: string };
export type ImportSender = { memberId: string; teamsUserId: string; aadObjectId?: string; lang: Lang; conversationType?: string };

export type ListImportDeps = {
  prisma: PrismaClient;
  registry: Registry;
  resolve: Resolve;
  adminIds: readonly string[];
  download: (file: FileAttachment) => Promise<Uint8Array>;
  log: (fields: Record<string, unknown>, message: string) => void;
};

const TEAMS_FILE = 'application/vnd.microsoft.teams.file.download.info';
const TEXT_TYPES = /^(text\/(plain|csv)|application\/(csv|vnd\.ms-excel))$/i;
const LIST_NAME = /\.(txt|csv|tsv)$/i;

/** The files of a message: Teams' file cards, and plain text or CSV attachments with a URL (other clients). */
export function fileAttachmentsOf(attachments: unknown): FileAttachment[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a): FileAttachment[] => {
    if (!a || typeof a !== 'object') return [];
    const { contentType, content, contentUrl, name } = a as Record<string, unknown>;
    const fileName = typeof name === 'string' ? name.slice(0, 200) : 'fichier';
    if (contentType === TEAMS_FILE && content && typeof (content as Record<string, unknown>).downloadUrl === 'string') {
      return [{ name: fileName, url: (content as Record<string, string>).downloadUrl! }];
    }
    if (typeof contentType === 'string' && TEXT_TYPES.test(contentType) && typeof contentUrl === 'string') return [{ name: fileName, url: contentUrl }];
    return [];
  });
}

export function createListImport(deps: ListImportDeps) {
  const { prisma, registry, resolve } = deps;
  const say = (text: string): Reply[] => [{ text }];
  const preview = (lang: Lang, v: ListImportView, converted = false): Reply => ({
    text: lm(lang, 'counts', { total: v.results.length, resolved: v.results.length - v.open.length, open: v.open.length }),
    card: listPreviewCard(lang, v, converted),
  });
  const admitted = (s: ImportSender, what: string): boolean => {
    if (isAdmin(deps.adminIds, { teamsUserId: s.teamsUserId, aadObjectId: s.aadObjectId })) return true;
    deps.log({ action: what }, 'list import refused: not an admin');
    return false;
  };

  function outcome(lang: Lang, d: ListDecision, done: (v: ListImportView) => Reply[]): Reply[] {
    if (d.ok) return done(d.view);
    switch (d.reason) {
      case 'notFound': return say(lm(lang, 'notFound'));
      case 'notPending': return say(lm(lang, 'notPending', { status: lm(lang, `status_${d.view!.status}`) }));
      case 'badPick': return say(lm(lang, 'badPick'));
      case 'edition': return say(lm(lang, 'badEdition', { detail: d.detail ?? '' }));
      case 'source': return say(lm(lang, 'badSource', { detail: d.detail ?? '' }));
      case 'open': return [{ text: lm(lang, 'stillOpen', { count: d.view!.open.length }) }, preview(lang, d.view!)];
      case 'changed': return [{ text: lm(lang, 'changed', { edition: d.detail ?? '' }) }, preview(lang, d.view!)];
    }
  }

  return {
    /** A message with files: for an admin in personal chat, the preview of the first list. */
    async receive(s: ImportSender, files: FileAttachment[]): Promise<Reply[]> {
      if (!admitted(s, 'file')) return say(lm(s.lang, 'adminOnly'));
      if (s.conversationType && s.conversationType !== 'personal') return say(lm(s.lang, 'personalOnly'));
      const file = files.find((f) => LIST_NAME.test(f.name)) ?? files[0]!;
      if (!LIST_NAME.test(file.name) && !file.url.startsWith('data:')) return say(lm(s.lang, 'refused_type', { file: file.name }));
      let bytes: Uint8Array;
      try {
        bytes = await deps.download(file);
      } catch (e) {
        const reason = (e as Error).message || 'erreur';
        deps.log({ action: 'download', reason }, 'list import: download failed');
        return say(lm(s.lang, 'downloadFailed', { reason }));
      }
      const read = readListFile(bytes);
      if ('refused' in read) return say(lm(s.lang, `refused_${read.refused}`, { line: read.line ?? '' }));
      const view = await startListImport(prisma, s.memberId, file.name, read.text, registry, resolve);
      return [preview(s.lang, view, read.converted)];
    },

    /** A click on the preview card (`undefined`: not one of ours). */
    async act(s: ImportSender, value: unknown): Promise<Reply[] | undefined> {
      const v = listImportValue(value);
      if (!v) return undefined;
      if (!admitted(s, v.act)) return say(lm(s.lang, 'adminOnly'));
      if (v.act === 'pick') {
        const d = await pickListEntry(prisma, v.id, s.memberId, entryKey(v), v.code, registry, resolve);
        return outcome(s.lang, d, (view) => [
          { text: v.code === SKIP ? lm(s.lang, 'skipped', { line: entryKey(v) }) : lm(s.lang, 'picked', { line: entryKey(v), name: registry.get(v.code)?.name ?? v.code, code: v.code }) },
          preview(s.lang, view),
        ]);
      }
      if (v.act === 'discard') return outcome(s.lang, await discardListImport(prisma, v.id, s.memberId, registry, resolve), () => say(lm(s.lang, 'discarded')));
      const d = await confirmListImport(prisma, v.id, s.memberId, { edition: v.edition, source: v.source }, registry, resolve);
      return outcome(s.lang, d, (view) => say(lm(s.lang, 'imported', {
        edition: view.edition ?? '', created: view.summary!.created, updated: view.summary!.updated, unchanged: view.summary!.unchanged,
      })));
    },
  };
}

export type ListImportConversation = ReturnType<typeof createListImport>;
