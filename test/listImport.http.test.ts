// #17 item 2, through POST /api/messages: an admin sends a published list as a Teams file, gets the preview card,
// settles the entries to review with the candidate buttons, imports (all or nothing, once). Non-admins are refused
// and logged; hostile files and download URLs change nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostAllowed } from '../bot/fileDownload.ts';
import { cardSubmitActivity, messageActivity, replyTexts } from './helpers/activities.ts';
import { startTestBot, type TestBot } from './helpers/testBot.ts';

const ADMIN = '29:admin-import';
const SECOND_ADMIN = '29:admin-two';
const files = new Map<string, Buffer | 'hang'>();
let server: Server;
let fileBase = '';
let t: TestBot;
const logs: string[] = [];
let n = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (body === 'hang') return; // never answers
    res.statusCode = body ? 200 : 404;
    res.setHeader('content-type', 'application/octet-stream');
    res.end(body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fileBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  t = await startTestBot({ ADMIN_IDS: `${ADMIN},${SECOND_ADMIN}`, FILE_DOWNLOAD_TIMEOUT_MS: '1000' }, { logs });
});
afterAll(async () => {
  await t?.close();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
});

type Sent = Record<string, unknown>;
const who = (userId: string, conversationType = 'personal', locale?: string) => ({ userId, conversationId: `a:import-${++n}`, conversationType, ...(locale ? { locale } : {}) });

/** A file message as Teams posts it when someone sends a file in personal chat. */
function fileMessage(name: string, url: string, o: { userId: string; conversationId: string; conversationType: string; locale?: string }) {
  const m = messageActivity('', t.opts(o)) as Record<string, unknown> & { conversation: Record<string, unknown> };
  m.conversation = { ...m.conversation, conversationType: o.conversationType };
  // In a group chat, Teams hands the bot a file message only with « @arobase » in it.
  if (o.conversationType !== 'personal') {
    m.text = '<at>arobase</at>';
    m.entities = [{ type: 'mention', text: '<at>arobase</at>', mentioned: { id: '28:arobase-bot', name: 'arobase' } }];
  }
  m.attachments = [{ contentType: 'application/vnd.microsoft.teams.file.download.info', contentUrl: `https://contoso.sharepoint.com/${name}`, name,
    content: { downloadUrl: url, uniqueId: 'x', fileType: name.split('.').pop() } }];
  return m;
}
async function post(activity: unknown): Promise<Sent[]> {
  const before = t.connector.received.length;
  const res = await t.post(activity);
  expect(res.status).toBeLessThan(300);
  return t.connector.received.slice(before).map((c) => c.body as Sent);
}
async function sendFile(name: string, content: Buffer | string | 'hang', o = who(ADMIN)) {
  files.set(`/${name}`, typeof content === 'string' && content !== 'hang' ? Buffer.from(content) : content as Buffer | 'hang');
  return post(fileMessage(name, `${fileBase}/${name}`, o));
}
const click = (value: Record<string, unknown>, o = who(ADMIN)) => post(cardSubmitActivity(value, t.opts(o)));
type Card = { body: Record<string, unknown>[]; actions: { title: string; data: Record<string, unknown> }[] };
const cardOf = (replies: Sent[]): Card => (replies.find((r) => r.attachments)!.attachments as { content: Card }[])[0]!.content;
const buttons = (card: Card) => [
  ...card.body.flatMap((b) => (b.type === 'ActionSet' ? (b.actions as Card['actions']) : [])), ...card.actions,
];
const awards = (edition: number) => t.db.prisma.award.count({ where: { editionNumber: edition } });

const LIST = [
  '# edition: 10',
  '# source: Banque des Territoires, « Palmarès des dixièmes labels Villes Internet », 24 novembre 2008 : https://banquedesterritoires.fr/palmares-des-dixiemes-labels-villes-internet',
  'Agen 5 arobases',
  'Blanquefort 5 arobases',
  'Mérignac 5 arobases',
  'Vannes 5 arobases',
].join('\n');

describe('an admin imports a published list from Teams', () => {
  it('preview → Import refused while entries are open → picks → Import → once only', async () => {
    const preview = await sendFile('palmares-2008.txt', LIST);
    expect(replyTexts(preview)).toContain('4 entrée(s) : 2 reconnue(s), 2 à revoir.');
    const card = cardOf(preview);
    expect(JSON.stringify(card)).toContain('Ligne 4 « Blanquefort 5 arobases »');
    const picks = buttons(card).filter((b) => b.data.act === 'pick');
    expect(picks.map((b) => b.title)).toEqual(expect.arrayContaining(['Blanquefort (33)', 'Blanquefort (32)', 'Mérignac (33)']));
    // Buttons carry no `key` (the Agents Playground drops such submits) and name the import.
    for (const b of buttons(card)) expect(Object.keys(b.data)).not.toContain('key');
    const id = String(picks[0]!.data.id);
    // Inputs prefilled from the file's own lines.
    expect(card.body.find((b) => b.id === 'edition')?.value).toBe('10');

    const early = await click({ verb: 'listImport', act: 'confirm', id, edition: '10', source: 'BdT : https://banquedesterritoires.fr/x' });
    expect(replyTexts(early)).toContain('Il reste 2 entrée(s) à revoir');
    expect(await awards(10)).toBe(0);

    const gironde = (title: string) => picks.find((b) => b.title === title)!.data;
    expect(replyTexts(await click(gironde('Blanquefort (33)')))).toContain('Ligne 4 → Blanquefort (33056).');
    const second = await click(gironde('Mérignac (33)'));
    expect(replyTexts(second)).toContain('4 entrée(s) : 4 reconnue(s), 0 à revoir.');

    const done = await click({ verb: 'listImport', act: 'confirm', id, edition: '10', source: 'BdT, 24 novembre 2008 : https://banquedesterritoires.fr/palmares-des-dixiemes-labels-villes-internet' });
    expect(replyTexts(done)).toContain('Palmarès importé (édition 10) : 4 créée(s)');
    const rows = await t.db.prisma.award.findMany({ where: { editionNumber: 10 }, select: { territoryCode: true, level: true, source: true } });
    expect(rows.map((r) => r.territoryCode).sort()).toEqual(['33056', '33281', '47001', '56260']);
    expect(rows.every((r) => r.level === 5 && r.source.includes('banquedesterritoires.fr'))).toBe(true);

    const again = await click({ verb: 'listImport', act: 'confirm', id, edition: '10', source: 'autre : https://x.fr' });
    expect(replyTexts(again)).toContain('déjà importé : rien n’est fait deux fois');
    expect(replyTexts(await click(gironde('Blanquefort (32)')))).toContain('déjà importé');
    expect(await awards(10)).toBe(4);
  });

  it('a line that is no award (a page\'s footer) is skipped by a button, then the rest imports', async () => {
    const preview = await sendFile('page.txt', '# edition: 20\n@@@\nArras (62)\nVilles Internet — association loi 1901\n');
    expect(replyTexts(preview)).toContain('2 entrée(s) : 1 reconnue(s), 1 à revoir.');
    const skip = buttons(cardOf(preview)).find((b) => b.data.act === 'pick' && b.data.code === '-')!;
    expect(skip).toMatchObject({ title: 'Ignorer (pas une distinction)', data: { line: 4 } });
    const skipped = await click(skip.data);
    expect(replyTexts(skipped)).toContain('Ligne 4 ignorée : ce n’est pas une distinction.');
    expect(replyTexts(skipped)).toContain('1 entrée(s) : 1 reconnue(s), 0 à revoir.');
    // A skip names an open entry only: line 3 (Arras, resolved) cannot be skipped.
    expect(replyTexts(await click({ ...skip.data, line: 3 }))).toContain('ne correspond à aucune entrée');
    const done = await click({ verb: 'listImport', act: 'confirm', id: skip.data.id, source: 'Villes Internet, palmarès 2019 : https://www.villes-internet.net/' });
    expect(replyTexts(done)).toContain('Palmarès importé (édition 20) : 1 créée(s)');
    expect(await awards(20)).toBe(1);
  });

  it('an export of several years: the edition typed at confirmation shows its rows again before anything is imported', async () => {
    const preview = await sendFile('export.csv', 'insee_dep;nom;label;annee\n51;Reims;4;2024\n51;Reims;5;2025\n10;Troyes;2;2024\n');
    // No edition known yet: each territory's latest row (Reims 2025, Troyes 2024).
    expect(replyTexts(preview)).toContain('2 entrée(s) : 2 reconnue(s), 0 à revoir.');
    const id = String(cardOf(preview).actions[0]!.data.id);
    const source = 'Export du label, 2025 : https://www.villes-internet.net/';
    const changed = await click({ verb: 'listImport', act: 'confirm', id, edition: '26', source });
    expect(replyTexts(changed)).toContain('Pour l’édition 26, le fichier se lit autrement');
    expect(replyTexts(changed)).toContain('1 entrée(s) : 1 reconnue(s), 0 à revoir.');
    expect(JSON.stringify(cardOf(changed))).toContain('2 ligne(s) d’une autre année que le palmarès importé, laissée(s) de côté : ligne 2 « 51;Reims;4;2024 » ; ligne 4 « 10;Troyes;2;2024 »');
    expect(await awards(26)).toBe(0);
    const done = await click({ verb: 'listImport', act: 'confirm', id, edition: '26', source });
    expect(replyTexts(done)).toContain('Palmarès importé (édition 26) : 1 créée(s)');
    const rows = await t.db.prisma.award.findMany({ where: { editionNumber: 26 }, select: { territoryCode: true, level: true } });
    expect(rows).toEqual([{ territoryCode: '51454', level: 5 }]);
  });

  it('a bad edition or a formula as source changes nothing; Discard saves nothing', async () => {
    const card = cardOf(await sendFile('liste.csv', 'nom;département;niveau\nArgentan;61;@@@@@\n'));
    const id = String(card.actions[0]!.data.id);
    expect(replyTexts(await click({ verb: 'listImport', act: 'confirm', id, edition: '2010', source: 'x : https://a.fr' }))).toContain('Édition invalide « 2010 »');
    expect(replyTexts(await click({ verb: 'listImport', act: 'confirm', id, edition: '11', source: '=HYPERLINK("http://evil")' }))).toContain('Source invalide');
    expect(replyTexts(await click({ verb: 'listImport', act: 'discard', id }))).toContain('Import abandonné');
    expect(replyTexts(await click({ verb: 'listImport', act: 'confirm', id, edition: '11', source: 'x : https://a.fr' }))).toContain('déjà abandonné');
    expect(await awards(11)).toBe(0);
  });

  it('a paragraph as printed: an entry per name, a button settles one name of the line', async () => {
    const gazette = "# edition: 8\nPalmarès 2006 des Villes Internet\nL'association Villes Internet a distingué en 2006 dix communes en leur attribuant cinq arobases, la plus haute distinction : Blanquefort, Bromont, Faches Thumesnil, Gluiras, Ivry sur Seine, Le Havre, Lormont, Metz, Parthenay et Vandoeuvre\n";
    const preview = await sendFile('gazette-2006.txt', gazette);
    expect(replyTexts(preview)).toContain('10 entrée(s) : 9 reconnue(s), 1 à revoir.');
    const card = cardOf(preview);
    expect(JSON.stringify(card)).toContain('Ligne 3.2 « Bromont »');
    // The page's title is no entry, and the admin is told so.
    expect(JSON.stringify(card)).toContain('1 ligne(s) lue(s) comme titres ou intertitres, sans entrée : ligne 2 « Palmarès 2006 des Villes Internet »');
    const pick = buttons(card).find((b) => b.data.act === 'pick')!;
    expect(pick.data).toMatchObject({ line: 3, part: 2, code: '63055' });
    // A forged part names no open entry: refused, nothing picked.
    expect(replyTexts(await click({ ...pick.data, part: 3 }))).toContain('ne correspond à aucune entrée');
    const picked = await click(pick.data);
    expect(replyTexts(picked)).toContain('Ligne 3.2 → Bromont-Lamothe (63055).');
    expect(replyTexts(picked)).toContain('10 entrée(s) : 10 reconnue(s), 0 à revoir.');
  });

  it('an article as printed: names read subject by subject, a town named again at one level imported once', async () => {
    const article = "# edition: 24\nDans l'Yonne, Sens et Joigny conservent leurs trois arobases, tandis qu'Avallon et Tonnerre en décrochent deux.\n- Sens : @@@\n";
    const preview = await sendFile('yonne-2023.txt', article);
    expect(replyTexts(preview)).toContain('5 entrée(s) : 5 reconnue(s), 0 à revoir.');
    const id = String(buttons(cardOf(preview)).find((b) => b.data.act === 'confirm')!.data.id);
    const done = await click({ verb: 'listImport', act: 'confirm', id, edition: '24', source: "L'Yonne républicaine, 2023 : https://www.lyonne.fr/" });
    expect(replyTexts(done)).toContain('Palmarès importé (édition 24) : 4 créée(s)');
    const rows = await t.db.prisma.award.findMany({ where: { editionNumber: 24 }, select: { territoryCode: true, level: true } });
    expect(rows.map((r) => `${r.territoryCode} ${r.level}`).sort()).toEqual(['89025 2', '89206 3', '89387 3', '89418 2']);
  });

  it('an English-speaking admin reads why each entry is open in English', async () => {
    const card = JSON.stringify(cardOf(await sendFile('awards.txt', 'Agen 5 arobases\nBlanquefort 5 arobases\nBromont @@@@@\nHazebrouk (59) @\nAnnecy-le-Vieux (74) @@@@\n', who(ADMIN, 'personal', 'en-US'))));
    expect(card).toContain('1 recognised, 4 to review');
    for (const why of ['several local authorities bear this name', 'shortened name: to confirm', 'only a similar name: to confirm', 'former commune, merged into Annecy (74010): to confirm']) {
      expect(card).toContain(why);
    }
    expect(card).not.toMatch(/plusieurs|approchant|fusionnée|abrégé/);
  });

  it('a tab-separated file (.tsv) is read as a list', async () => {
    const preview = await sendFile('palmares.tsv', 'Collectivité\tDépartement\tNiveau\nArgentan\tOrne\tcinq\nVannes\t56\t4\n');
    expect(replyTexts(preview)).toContain('2 entrée(s) : 2 reconnue(s), 0 à revoir.');
  });

  it('a Windows-1252 file is converted, never stored with « � »', async () => {
    const latin1 = Buffer.from('Besançon (25) @@@@@\nÉpinal (88) @@@@@\n', 'latin1');
    const replies = await sendFile('excel.csv', latin1);
    expect(replyTexts(replies)).toContain('2 entrée(s) : 2 reconnue(s), 0 à revoir.');
    expect(JSON.stringify(cardOf(replies))).toContain('converti');
    expect(JSON.stringify(cardOf(replies))).toContain('Besançon (25056)');
  });
});

describe('refusals', () => {
  it('a non-admin sending a file, or clicking an admin’s card, is refused and logged; nothing is stored', async () => {
    const before = await t.db.prisma.listImport.count();
    const refused = await sendFile('mine.txt', LIST, who('29:not-admin'));
    expect(replyTexts(refused)).toContain('réservé aux administrateurs');
    expect(await t.db.prisma.listImport.count()).toBe(before);
    const card = cardOf(await sendFile('admins.txt', 'Agen 5@\n'));
    const id = String(card.actions[0]!.data.id);
    expect(replyTexts(await click({ verb: 'listImport', act: 'confirm', id, edition: '12', source: 's : https://a.fr' }, who('29:not-admin')))).toContain('réservé aux administrateurs');
    expect(await awards(12)).toBe(0);
    expect(logs.filter((l) => /list import refused/.test(l)).length).toBeGreaterThanOrEqual(2);
    expect(logs.filter((l) => /list import refused/.test(l)).join('\n')).not.toContain('not-admin');
  });

  it('another admin cannot act on an import they did not send', async () => {
    const card = cardOf(await sendFile('a.txt', 'Agen 5@\n'));
    const id = String(card.actions[0]!.data.id);
    const other = await click({ verb: 'listImport', act: 'confirm', id, edition: '12', source: 's : https://a.fr' }, who(SECOND_ADMIN));
    expect(replyTexts(other)).toContain('Je ne trouve pas cet import');
    expect(await awards(12)).toBe(0);
  });

  it.each([
    ['a NUL byte', 'nul.txt', Buffer.from('Agen 5@\nBl\u0000anquefort 5@\n'), 'Ligne 2 : caractère de contrôle'],
    ['a file beyond 512 KB', 'big.txt', Buffer.alloc(600 * 1024, 'Agen 5@\n'), 'trop gros'],
    ['no entry at all', 'empty.txt', Buffer.from('# rien\n\n'), 'aucune entrée'],
    ['a spreadsheet', 'liste.xlsx', Buffer.from('PK…'), 'n’en est pas une'],
    ['a download that never answers', 'hang.txt', 'hang' as const, 'délai dépassé'],
  ])('%s → a clear message, nothing stored', async (_what, name, content, message) => {
    const before = await t.db.prisma.listImport.count();
    const started = Date.now();
    expect(replyTexts(await sendFile(name, content as Buffer))).toContain(message);
    expect(await t.db.prisma.listImport.count()).toBe(before);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a download URL to another host is never fetched', async () => {
    const replies = await post(fileMessage('x.txt', 'http://169.254.169.254/latest/meta-data', who(ADMIN)));
    expect(replyTexts(replies)).toContain('adresse non autorisée');
  });

  it('in a group chat the admin is sent to the personal chat', async () => {
    expect(replyTexts(await sendFile('g.txt', 'Agen 5@\n', who(ADMIN, 'groupChat')))).toContain('conversation privée');
  });

  it('production hosts: https SharePoint only; no loopback, no http, no credentials', () => {
    const policy = { hosts: ['*.sharepoint.com'], localMode: false };
    expect(hostAllowed(new URL('https://contoso-my.sharepoint.com/personal/a/download.aspx'), policy)).toBe(true);
    for (const url of ['http://contoso.sharepoint.com/a', 'https://sharepoint.com.evil.fr/a', 'https://127.0.0.1/a', 'https://u:p@contoso.sharepoint.com/a', 'https://evilsharepoint.com/a']) {
      expect(hostAllowed(new URL(url), policy), url).toBe(false);
    }
    expect(hostAllowed(new URL('http://127.0.0.1:3000/a'), { ...policy, localMode: true })).toBe(true);
  });
});
