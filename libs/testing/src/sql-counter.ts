/** Records the SQL statements an ORM runs, to check that a request's statement count is constant. */
export class SqlCounter {
  readonly statements: string[] = [];
  private recording = false;

  readonly listener = (sql: string): void => {
    if (this.recording) this.statements.push(sql);
  };

  async count<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    this.statements.length = 0;
    this.recording = true;
    try {
      const result = await work();
      return { result, statements: [...this.statements] };
    } finally {
      this.recording = false;
    }
  }
}
