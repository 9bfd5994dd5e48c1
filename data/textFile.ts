// Text files people send (a palmarès exported from a spreadsheet): UTF-8 with or without BOM as is; anything that is
// not valid UTF-8 is read as Windows-1252 (Excel's « CSV » on a French Windows, a superset of Latin-1) and said so.
// Never a « � » in what is stored: the decoding is exact or the caller is told.
export type DecodedText = { text: string; encoding: 'utf-8' | 'windows-1252' };

export function decodeText(bytes: Uint8Array): DecodedText {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** C0 controls other than tab, line feed and carriage return (NUL included), and DEL. */
export const CONTROL_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A cell a spreadsheet would run as a formula (CSV injection): =, +, -, @, or a tab/CR before one. */
export const FORMULA_START = /^[\t\r]*[=+\-@]/;

/** What the project writes into a CSV cell: a leading formula character is neutralised with an apostrophe. */
export function neutraliseFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
