/** One CSV record: its fields, or why its text is not CSV; `line` is the 1-based line it starts on. */
export type CsvRow = { line: number; fields: string[] } | { line: number; malformed: string };

/**
 * Splits CSV text (RFC 4180: comma-separated, fields optionally in double quotes with "" for a quote,
 * quoted fields may hold commas and line breaks; LF or CRLF line ends) into records, fed in pieces
 * as they arrive. Empty lines are skipped. Unquoted lines take a fast path (one split). A record that
 * is not valid CSV (a quote inside an unquoted field, text after a closing quote, a quote never
 * closed) becomes a `malformed` row: reported and skipped, never fatal to the file.
 */
export class CsvSplitter {
  private buffer = '';
  /** Line number of the first line in `buffer`. */
  private line = 1;
  private started = false;

  push(text: string): CsvRow[] {
    const rows: CsvRow[] = [];
    let data = this.buffer + text;
    if (!this.started && data.length > 0) {
      this.started = true;
      if (data.charCodeAt(0) === 0xfeff) data = data.slice(1);
    }
    let pos = 0;
    const length = data.length;
    while (pos < length) {
      const newline = data.indexOf('\n', pos);
      if (newline === -1) break; // the last line may be incomplete: wait for more
      const quote = data.indexOf('"', pos);
      if (quote === -1 || quote > newline) {
        const end = newline > pos && data.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        if (end > pos) rows.push({ line: this.line, fields: data.slice(pos, end).split(',') });
        this.line += 1;
        pos = newline + 1;
        continue;
      }
      const parsed = this.quoted(data, pos, false);
      if (parsed === null) break;
      rows.push(parsed.row);
      pos = parsed.next;
    }
    this.buffer = data.slice(pos);
    return rows;
  }

  /** The rest after the input ended: a last line without a line break, or an unclosed quote. */
  end(): CsvRow[] {
    const data = this.buffer;
    this.buffer = '';
    if (data === '' || data === '\r') return [];
    if (!data.includes('"')) {
      const text = data.endsWith('\r') ? data.slice(0, -1) : data;
      return [{ line: this.line, fields: text.split(',') }];
    }
    const parsed = this.quoted(data, 0, true);
    return parsed ? [parsed.row] : [];
  }

  /**
   * One record starting at `start` that has quotes: fields, or malformed up to its line end. Null
   * when the data ends inside the record and more may come (`final` false).
   */
  private quoted(data: string, start: number, final: boolean): { row: CsvRow; next: number } | null {
    const fields: string[] = [];
    const first = this.line;
    let lines = 0;
    let pos = start;
    const length = data.length;
    const malformed = (reason: string): { row: CsvRow; next: number } | null => {
      // skip to the end of the physical line where the problem is
      const newline = data.indexOf('\n', pos);
      if (newline === -1 && !final) return null;
      this.line = first + lines + 1;
      return { row: { line: first, malformed: reason }, next: newline === -1 ? length : newline + 1 };
    };
    for (;;) {
      if (pos < length && data.charCodeAt(pos) === 34) {
        // quoted field
        let value = '';
        let from = pos + 1;
        for (;;) {
          const close = data.indexOf('"', from);
          if (close === -1) {
            if (!final) return null;
            return malformed('a quoted field is not closed');
          }
          value += data.slice(from, close);
          if (data.charCodeAt(close + 1) === 34) {
            value += '"';
            from = close + 2;
            continue;
          }
          if (close + 1 >= length && !final) return null;
          pos = close + 1;
          break;
        }
        for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) lines += 1;
        fields.push(value);
        const next = data.charCodeAt(pos);
        if (next === 44) {
          pos += 1;
          continue;
        }
        if (pos >= length || next === 10 || (next === 13 && data.charCodeAt(pos + 1) === 10)) {
          pos = pos >= length ? length : pos + (next === 13 ? 2 : 1);
          break;
        }
        if (next === 13 && pos + 1 >= length) {
          if (!final) return null;
          pos = length;
          break;
        }
        return malformed('text after a closing quote');
      }
      // unquoted field: up to the next comma or line end
      let end = pos;
      while (end < length) {
        const c = data.charCodeAt(end);
        if (c === 44 || c === 10) break;
        if (c === 34) return malformed('a quote inside an unquoted field');
        end += 1;
      }
      if (end >= length && !final) return null;
      const lineEnd = end >= length || data.charCodeAt(end) === 10;
      const fieldEnd = lineEnd && end > pos && data.charCodeAt(end - 1) === 13 ? end - 1 : end;
      fields.push(data.slice(pos, fieldEnd));
      pos = end + 1;
      if (lineEnd) break;
    }
    this.line = first + lines + 1;
    return { row: { line: first, fields }, next: Math.min(pos, length) };
  }
}
