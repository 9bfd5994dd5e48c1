// RFC 4180 CSV: a reader that remembers the physical line each record starts on (for error messages), and the one
// cell writer every CSV the project produces goes through.
import { neutraliseFormula } from './textFile.ts';

export type CsvRecord = { line: number; fields: string[] };

export class CsvSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

export function parseCsv(text: string): CsvRecord[] {
  return [...csvRecords(text)];
}

/**
 * The records one at a time (a 100,000-row import never holds them all). Fields are slices of the text, not strings
 * built a character at a time: those are rope strings that cost tens of bytes a character until flattened.
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = input.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      if (input[i] === '"') {
        let value = '';
        let start = ++i;
        for (;;) {
          const q = input.indexOf('"', i);
          if (q < 0) throw new CsvSyntaxError(recordLine, 'guillemet ouvert jamais refermé');
          for (let k = i; k < q; k++) if (input.charCodeAt(k) === 10) line++;
          if (input[q + 1] === '"') { value += input.slice(start, q + 1); i = start = q + 2; continue; }
          value += input.slice(start, q);
          i = q + 1;
          break;
        }
        const next = input[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(recordLine, 'guillemet fermant suivi d’un caractère inattendu');
        }
        fields.push(value);
      } else {
        let j = i;
        for (let c = input.charCodeAt(j); j < n && c !== 44 && c !== 10 && c !== 13; c = input.charCodeAt(++j));
        fields.push(input.slice(i, j));
        i = j;
      }
      if (input[i] !== ',') break;
      i++;
    }
    if (input[i] === '\r' || input[i] === '\n') {
      i += input[i] === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line++;
    }
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) yield { line: recordLine, fields };
  }
}

/** One cell as the project writes it: a leading formula character neutralised, quoted when it must be (RFC 4180). */
export function csvCell(raw: string, delimiter: ',' | ';' = ','): string {
  const s = neutraliseFormula(raw);
  return /["\r\n]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}
