/** Progress on stderr: a bar redrawn in place on a terminal, a line every 10% otherwise. */
export class ProgressBar {
  private readonly started = Date.now();
  private lastDrawn = 0;
  private lastTenth = -1;

  constructor(
    private readonly total: number,
    private readonly unit: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number): void {
    const share = this.total > 0 ? Math.min(1, done / this.total) : 1;
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const text = `${done.toLocaleString('en-US')} / ${this.total.toLocaleString('en-US')} ${this.unit} (${rate.toLocaleString('en-US')}/s)`;
    if (this.stream.isTTY) {
      if (Date.now() - this.lastDrawn < 100 && done < this.total) return;
      this.lastDrawn = Date.now();
      const width = 30;
      const filled = Math.round(share * width);
      this.stream.write(
        `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${text}\x1b[K`,
      );
    } else {
      const tenth = Math.floor(share * 10);
      if (tenth === this.lastTenth) return;
      this.lastTenth = tenth;
      this.stream.write(`${(share * 100).toFixed(0)}% ${text}\n`);
    }
  }

  done(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
