/**
 * Input problems found by the formula library's validators. Each names its field (`periods[1].end`,
 * `dueAt`), the same shape the servers' `badUserInput` turns into a BAD_USER_INPUT error.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Thrown by a formula given input its validator rejects; `problems` lists every one found. */
export class InvalidInputError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join('; '));
    this.name = 'InvalidInputError';
  }
}

/** Throws InvalidInputError when there are problems. */
export function assertNoProblems(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new InvalidInputError(problems);
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A Date holding an actual instant (not Invalid Date). */
export function isInstant(value: unknown): value is Date {
  return value instanceof Date && Number.isFinite(value.getTime());
}
