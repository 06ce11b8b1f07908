import type { TextLine } from './text-lines';

/**
 * What one or more physical lines of a CSV file are: a record (its fields; `line` is where it
 * starts, `lastLine` where it ends), a blank line, or a line rejected with the reason.
 */
export type CsvRow =
  | { line: number; lastLine: number; fields: string[] }
  | { line: number; blank: true }
  | { line: number; rejected: string };

/** A quoted field may span this many lines; a quote still open after them is taken as never closed. */
export const MAX_RECORD_LINES = 100;

const QUOTE = 34;
const NOT_CLOSED = 'a quoted field is not closed';
const COMMA = 44;

const countQuotes = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n += 1;
  return n;
};

/** Fields of one complete record (its lines joined by LF), or why it is not CSV. */
export function splitRecord(text: string): string[] | string {
  const fields: string[] = [];
  let pos = 0;
  const length = text.length;
  for (;;) {
    if (text.charCodeAt(pos) === QUOTE) {
      let value = '';
      let from = pos + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) return NOT_CLOSED;
        value += text.slice(from, close);
        if (text.charCodeAt(close + 1) === QUOTE) {
          value += '"';
          from = close + 2;
          continue;
        }
        pos = close + 1;
        break;
      }
      fields.push(value);
      if (pos >= length) return fields;
      if (text.charCodeAt(pos) !== COMMA) return 'text after a closing quote';
      pos += 1;
      continue;
    }
    let end = text.indexOf(',', pos);
    if (end === -1) end = length;
    const field = text.slice(pos, end);
    if (field.includes('"')) return 'a quote inside an unquoted field';
    fields.push(field);
    if (end >= length) return fields;
    pos = end + 1;
  }
}

/**
 * RFC 4180 records from physical lines (comma-separated, fields optionally in double quotes with ""
 * for a quote; a quoted field may hold commas and line breaks). Unquoted lines take a fast path.
 * A record that is not CSV never swallows the rest of the file: its first line is rejected with
 * the reason and reading starts again on the line after it, so a quote that is never closed costs
 * one line, and the valid rows after it are read as rows.
 */
export class CsvRowSplitter {
  /** Lines of a record whose quoted field is still open, and their count of quote characters. */
  private open: { line: number; text: string }[] = [];
  private quotes = 0;

  push(lines: readonly TextLine[]): CsvRow[] {
    const out: CsvRow[] = [];
    for (const line of lines) this.take(line, out);
    return out;
  }

  /** The input ended: a record still open had a quote never closed. */
  end(): CsvRow[] {
    const out: CsvRow[] = [];
    while (this.open.length) this.resync(NOT_CLOSED, out);
    return out;
  }

  private take(line: TextLine, out: CsvRow[]): void {
    if ('unreadable' in line) {
      // An unreadable line cannot be part of a field: a record open before it was never closed.
      while (this.open.length) this.resync(NOT_CLOSED, out);
      out.push({ line: line.line, rejected: line.unreadable });
      return;
    }
    const { text } = line;
    if (this.open.length === 0) {
      if (text === '') return void out.push({ line: line.line, blank: true });
      if (!text.includes('"')) {
        out.push({ line: line.line, lastLine: line.line, fields: text.split(',') });
        return;
      }
      const fields = splitRecord(text);
      if (typeof fields !== 'string') {
        out.push({ line: line.line, lastLine: line.line, fields });
        return;
      }
      // A quote left open may close on a later line (a field holding a line break); any other
      // problem is this line's.
      if (fields !== NOT_CLOSED)
        return void out.push({ line: line.line, rejected: `is not valid CSV: ${fields}` });
    }
    this.open.push({ line: line.line, text });
    this.quotes += countQuotes(text);
    if (this.quotes % 2 === 1) {
      if (this.open.length >= MAX_RECORD_LINES) this.resync(NOT_CLOSED, out);
      return;
    }
    const lines = this.open;
    const fields = splitRecord(lines.map((l) => l.text).join('\n'));
    if (typeof fields === 'string') return this.resync(fields, out);
    this.open = [];
    this.quotes = 0;
    out.push({ line: lines[0].line, lastLine: lines[lines.length - 1].line, fields });
  }

  /** Rejects the first open line and reads the lines after it again. */
  private resync(reason: string, out: CsvRow[]): void {
    const [first, ...rest] = this.open;
    this.open = [];
    this.quotes = 0;
    out.push({ line: first.line, rejected: `is not valid CSV: ${reason}` });
    for (const line of rest) this.take(line, out);
  }
}
