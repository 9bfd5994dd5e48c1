// A list as pasted, line by line as a reader sees it: a page's source (HTML), a mail's quotes, Markdown bold, a scan's
// « 1 » for « l », a box's frame, a post's bullets, a transcript's time and speaker, a brief's dateline, two columns side
// by side, a level said as last year's and a change. Line numbers are the file's.
import { joinColumnBreaks } from './brokenLines.ts';
import { htmlLineText, isPastedHtml } from './pastedHtml.ts';
import type { Registry } from './territories/registry.ts';
import { escapeRegExp, foldText } from './text.ts';

const COUNT: Record<string, number> = { un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
/**
 * « Souillac, qui en avait trois, en perd une », « Talence, qui en comptait deux l'an passé, en gagne une »: the level
 * reached, said as last year's and a change, is written as such (« passe à 2 arobases »); the line otherwise.
 */
function settledChange(line: string): string {
  return line.replace(/,?\s*qui\s+en\s+(?:avait|comptait|affichait|d[ée]tenait|totalisait)\s+(une?|deux|trois|quatre|cinq|[1-5])(?:\s+l['’]an\s+(?:dernier|pass[ée]))?\s*,?\s+en\s+(perd|gagne)\s+(une?|deux|[12])(?![\p{L}\d])/giu,
    (all, before: string, change: string, by: string) => {
      const level = COUNT[before.toLowerCase()]! + (change.toLowerCase() === 'perd' ? -1 : 1) * COUNT[by.toLowerCase()]!;
      return level >= 1 && level <= 5 ? ` passe à ${level} arobases` : all;
    });
}

/**
 * The file's lines as shown (untrimmed: a table's blank first cell is a cell) and as read (trimmed, cleaned; blank lines
 * and « # » lines left out).
 */
export function pastedLines(text: string, registry: Registry): { shown: string[]; lines: { line: number; raw: string }[] } {
  // « @ @ @ »: a PDF copy spaces the signs of one level (one space: columns, « @      @@ », are two levels); « ➡️ »,
  // « ✅ »: a post's bullets.
  // (« > »: a mail's quoted lines; « **Grand Pontarlier** »: a Markdown export's bold.)
  const source = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const departementNamed = (text: string) => registry.allDepartements().some((d) => foldText(d.name) === foldText(text));
  // (A page's source pasted: read as the page shows it.)
  // (« Quimper1é », « P1abennec »: a scan read an « l » as « 1 »; no place's name holds a digit.)
  // (Two columns side by side, a name cut at the right one's line end: joined up.)
  const html = joinColumnBreaks(isPastedHtml(source) ? source.map(htmlLineText) : source);
  // (« Légende : chaque 🌟 = une @ », « ⭐ = une arobase »: that sign, counted, is a level; other pictographs are
  // decoration, « Cesson-Sévigné 🌊 ».)
  const sign = html.map((l) => /(\p{Extended_Pictographic})\uFE0F?\s*=\s*(?:une?|1)\s*(?:@|arr?obase)/u.exec(l)?.[1]).find(Boolean);
  const signs = sign ? new RegExp(`(?:${escapeRegExp(sign)}\\uFE0F?){1,5}`, 'gu') : undefined;
  const shown = html
    .map((r) => (!signs ? r : /=\s*(?:une?|1)\s*(?:@|arr?obase)/u.test(r) ? '' : r.replace(signs, (m) => '@'.repeat([...m.replace(/\uFE0F/g, '')].length))))
    .map((r) => r.replace(/^(?:\s*>)+/, '').replace(/\*\*(?=\S)([^*]*\S)\*\*/g, '$1').replace(/(?<=\p{L})1(?=\p{L})/gu, 'l')
      // (« … et Rillieux-la-Pape 👏 Une régularité impressionnante ! »: before a capital, a sentence ends.)
      .replace(/(?<=[\p{L}.!?)]\s*)[\p{Extended_Pictographic}\uFE0F\u200D]+\s+(?=\p{Lu}\p{Ll})/gu, ' · ').replace(/(?<=\S\s*)[\p{Extended_Pictographic}\uFE0F\u200D]+/gu, ' '));
  // (« Quimper1é ..... 3 @        Guidel ..... 3 @ »: a page's two columns side by side, a clause each; so are
  // « lorient 4@ / agglo de lorient 2@ », « … 2@ + … 5@ ».)
  const lines = shown.map((r, i) => ({ line: i + 1, raw: r.trim().replace(/@(?: @){1,4}(?! ?@)/g, (m) => m.replace(/ /g, ''))
    .replace(/^(?:[\p{Extended_Pictographic}\u2190-\u21FF\u25A0-\u25FF\u2605\u2606\u2794-\u27BF\uFE0F\u200D]\s*)+/u, '')
    // (« │  • Brest Métropole (29)   │ »: a box's frame; « @@@@ — Caen (14), Lisieux (14) »: a level, then its names.)
    .replace(/[\u2500-\u257F]+/g, ' ').trim()
    // (« Ville Internet 2014 : 4 arobases -> Annecy, Chambery »: an arrow after a level says « : ».)
    .replace(/(@|arobases?)\s*(?:->|→|=>)\s*/giu, '$1 : ')
    // (« Souillac, qui en avait trois, en perd une »: two.)
    .replace(/^.*$/s, settledChange).replace(/^(@{1,5}|[1-5]\s*@)\s+[—–-]\s+(?=\p{L})/u, '$1 : ')
    .replace(/(?<=@|\barobases?)(?:\s{3,}|\s+[/+–-]\s+)(?=\S)/giu, ' ; ')
    // (« [00:02:40] PAUL-ANTOINE : Ensuite Bastia … »: a transcript's time and speaker.)
    .replace(/^\[\d{1,2}:\d{2}(?::\d{2})?\]\s*(?:\p{Lu}[\p{Lu}'’ .-]{1,30}\s*:\s*)?/u, '')
    // (« Trois arobases : #Pontivy #Séné #SaintMalo »: a post's hashtags, names in a list; a line of tags alone,
    // « #VillesInternet #Occitanie #Montpellier », names no award.)
    .replace(/^(?:#[\p{L}\d_]+\s*)+$/u, (m) => (m.trim().split(/\s+/).length >= 2 ? '' : m))
    .replace(/#(\p{Lu}[\p{L}\d]*)(?=(\s+#\p{Lu})?)/gu, (_, tag: string, next?: string) => `${tag.replace(/(?<=\p{Ll})(?=\p{Lu})/gu, ' ')}${next ? ',' : ''}`)
    // (« 🧵 2/7 … »: a thread's count.)
    .replace(/^\d{1,2}\/\d{1,2}\s+(?=\S)/u, '')
    // (« LAMBALLE. Lamballe : deux @ … »: a news brief's dateline, its town named again; « SAINT-QUENTIN. La Ville garde
    // ses quatre @ »: the town is the subject; « AIN. Bourg passe … » says where.)
    .replace(/^(\p{Lu}[\p{Lu}'’ -]{2,})\.\s+(?=\p{Lu}\p{Ll})/u, (all, dateline: string, at: number, line: string) => (departementNamed(dateline) ? all
      : foldText(line.slice(all.length)).startsWith(foldText(dateline)) ? '' : `${dateline} : `)) }))
    .filter((e) => e.raw && !e.raw.startsWith('#'));
  return { shown, lines };
}
