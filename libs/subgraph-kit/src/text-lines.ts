import { isUtf8 } from 'node:buffer';

/**
 * One physical line of an imported file (1-based `line`, without its LF or CRLF): its text, or why
 * it cannot be read as text. Every line of a file comes out exactly once, so an import can account
 * for each: stored, a duplicate, blank, or rejected with its reason.
 */
export type TextLine = { line: number; text: string } | { line: number; unreadable: string };

export const NOT_UTF8 = 'is not UTF-8 text (save or export the file as UTF-8)';
export const HOLDS_NUL = 'holds a NUL byte (a binary file, or a broken export)';

/** A line longer than this is rejected unread: it bounds the memory one line can take. */
export const MAX_LINE_BYTES = 1024 * 1024;
const TOO_LONG = `is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB`;

const LF = 10;

/**
 * Splits a file fed in chunks (bytes, or text already decoded) into physical lines: LF or CRLF
 * ends a line, a last line without a line break still counts, a BOM before line 1 is dropped. Each
 * line is checked on its own: a line that is not UTF-8 or holds a NUL is `unreadable` (never decoded
 * to U+FFFD), and the lines around it are read as usual. Clean chunks take a fast path (one check,
 * one decode, one split).
 */
export class TextLineSplitter {
  private pending: Buffer | string = '';
  /** The current line passed MAX_LINE_BYTES: it is reported once and skipped to its end. */
  private skipping = false;
  private next = 1;

  /** Physical lines so far. */
  get lines(): number {
    return this.next - 1;
  }

  push(chunk: Buffer | string): TextLine[] {
    const out: TextLine[] = [];
    if (typeof chunk === 'string') this.pushText(chunk, out);
    else this.pushBytes(chunk, out);
    return out;
  }

  /** The input ended: the last line if it had no line break. */
  end(): TextLine[] {
    const rest = this.pending;
    this.pending = '';
    const out: TextLine[] = [];
    if (this.skipping) {
      this.skipping = false;
      this.next += 1;
    } else if (rest.length > 0) {
      if (typeof rest === 'string') this.emitText(rest, out);
      else this.emitBytes(rest, out);
    }
    return out;
  }

  private pushBytes(chunk: Buffer, out: TextLine[]): void {
    const data =
      typeof this.pending === 'string' || this.pending.length === 0
        ? chunk
        : Buffer.concat([this.pending, chunk]);
    const last = data.lastIndexOf(LF);
    if (last === -1) return this.hold(data, out);
    let start = 0;
    if (this.skipping) {
      start = data.indexOf(LF) + 1;
      this.skipping = false;
      this.next += 1;
    }
    const whole = data.subarray(start, last);
    if (start <= last && whole.indexOf(0) === -1 && isUtf8(whole)) {
      for (const text of whole.toString('utf8').split('\n')) this.emitText(text, out);
    } else {
      for (let from = start; from <= last; ) {
        const end = data.indexOf(LF, from);
        this.emitBytes(data.subarray(from, end), out);
        from = end + 1;
      }
    }
    this.hold(data.subarray(last + 1), out);
  }

  private pushText(chunk: string, out: TextLine[]): void {
    const data = typeof this.pending === 'string' ? this.pending + chunk : this.pending.toString() + chunk;
    const last = data.lastIndexOf('\n');
    if (last === -1) return this.hold(data, out);
    let start = 0;
    if (this.skipping) {
      start = data.indexOf('\n') + 1;
      this.skipping = false;
      this.next += 1;
    }
    if (start <= last) for (const text of data.slice(start, last).split('\n')) this.emitText(text, out);
    this.hold(data.slice(last + 1), out);
  }

  /** Keeps the start of an unfinished line, unless it is already too long to be a line of data. */
  private hold(rest: Buffer | string, out: TextLine[]): void {
    if (this.skipping) return;
    if (rest.length > MAX_LINE_BYTES) {
      out.push({ line: this.next, unreadable: TOO_LONG });
      this.skipping = true;
      this.pending = '';
      return;
    }
    this.pending = rest;
  }

  private emitBytes(bytes: Buffer, out: TextLine[]): void {
    if (bytes.length > MAX_LINE_BYTES) out.push({ line: this.next++, unreadable: TOO_LONG });
    else if (bytes.indexOf(0) !== -1) out.push({ line: this.next++, unreadable: HOLDS_NUL });
    else if (!isUtf8(bytes)) out.push({ line: this.next++, unreadable: NOT_UTF8 });
    else this.emitText(bytes.toString('utf8'), out);
  }

  private emitText(raw: string, out: TextLine[]): void {
    if (raw.length > MAX_LINE_BYTES) return void out.push({ line: this.next++, unreadable: TOO_LONG });
    let text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (this.next === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\u0000')) out.push({ line: this.next++, unreadable: HOLDS_NUL });
    else out.push({ line: this.next++, text });
  }
}

/** The lines of a stream (a request body, a file), a chunk's lines at a time. */
export async function* textLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<TextLine[]> {
  const splitter = new TextLineSplitter();
  for await (const chunk of input) {
    const lines = splitter.push(chunk);
    if (lines.length) yield lines;
  }
  const rest = splitter.end();
  if (rest.length) yield rest;
}
