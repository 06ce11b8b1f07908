import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';

const FLUSH_CHARS = 1 << 20;

/**
 * A file written in ~1 MB pieces, waiting for 'drain' whenever the stream's buffer is full, so the
 * generator never runs ahead of the disk (10 million contacts pass through a few MB of memory).
 */
export class FileSink {
  private readonly stream: WriteStream;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }

  /** Adds text; resolves at once unless a piece went out and the stream asked to wait. */
  async write(text: string): Promise<void> {
    if (text === '') return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= FLUSH_CHARS) await this.flush();
  }

  async writeAll(lines: Iterable<string>): Promise<void> {
    for (const line of lines) await this.write(line);
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private async flush(): Promise<void> {
    const text = this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }
}
