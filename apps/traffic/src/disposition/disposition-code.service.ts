import type { EntityManager } from '@mikro-orm/postgresql';
import { OUTCOME_CLASSES } from '@switchboard/metrics';
import { badUserInput, conflict, type FieldProblem } from '@switchboard/server';
import { isCalendarDate } from '@switchboard/subgraph-kit';
import type { DispositionCodeInput } from './disposition-code.input';

const CODE = /^[A-Za-z0-9_.\-/]{1,64}$/;
const CONTROL = /[\u0000-\u001f\u007f]/;

const nameProblem = (field: string, value: string): FieldProblem | null =>
  value.trim().length === 0 || value.length > 200 || CONTROL.test(value)
    ? { field, message: 'must be 1 to 200 characters, without control characters' }
    : null;

/** Every problem of the input's own values, each naming its field. */
export function dispositionCodeProblems(input: DispositionCodeInput): FieldProblem[] {
  const problems = [
    CODE.test(input.code)
      ? null
      : { field: 'input.code', message: 'must be 1 to 64 letters, digits, _ . - /' },
    input.parentCode == null || CODE.test(input.parentCode)
      ? null
      : { field: 'input.parentCode', message: 'must be 1 to 64 letters, digits, _ . - /' },
    input.parentCode === input.code
      ? { field: 'input.parentCode', message: 'a code cannot be its own parent' }
      : null,
    nameProblem('input.nameZh', input.nameZh),
    nameProblem('input.nameEn', input.nameEn),
    (OUTCOME_CLASSES as readonly string[]).includes(input.outcomeClass)
      ? null
      : { field: 'input.outcomeClass', message: `must be one of ${OUTCOME_CLASSES.join(', ')}` },
    isCalendarDate(input.validFrom)
      ? null
      : { field: 'input.validFrom', message: 'must be a date YYYY-MM-DD' },
  ];
  return problems.filter((p): p is FieldProblem => p !== null);
}

/**
 * A new version of a code from `validFrom` on: the version in force until then ends that day, the new
 * one is open-ended. Outcomes keep the version valid on their contact's arrival, so figures already
 * counted do not move. One transaction; nothing written when refused.
 */
export async function saveDispositionCode(
  em: EntityManager,
  input: DispositionCodeInput,
): Promise<{ code: string; version: number }> {
  const problems = dispositionCodeProblems(input);
  if (problems.length) throw badUserInput(problems);
  return em.transactional(async (tx) => {
    // one writer of a code at a time: versions are numbered and chained
    await tx.execute('select pg_advisory_xact_lock(hashtext(?))', [`disposition_code:${input.code}`]);
    const [latest] = await tx.execute<{ version: number; valid_from: string; valid_to: string | null }[]>(
      `select version, valid_from::text, valid_to::text from disposition_code where code = ? order by version desc limit 1`,
      [input.code],
    );
    if (latest && input.validFrom <= latest.valid_from)
      throw conflict(
        `must be after ${latest.valid_from}, the first day of version ${latest.version}`,
        'input.validFrom',
      );
    if (input.parentCode) {
      const [parent] = await tx.execute<{ n: number }[]>(
        `select count(*)::int as n from disposition_code where code = ? and valid_from <= ?::date
           and (valid_to is null or valid_to > ?::date)`,
        [input.parentCode, input.validFrom, input.validFrom],
      );
      if (parent.n === 0)
        throw badUserInput({
          field: 'input.parentCode',
          message: `no code "${input.parentCode}" is valid on ${input.validFrom}`,
        });
    }
    const version = (latest?.version ?? 0) + 1;
    if (latest && (latest.valid_to === null || latest.valid_to > input.validFrom))
      await tx.execute(`update disposition_code set valid_to = ?::date where code = ? and version = ?`, [
        input.validFrom,
        input.code,
        latest.version,
      ]);
    await tx.execute(
      `insert into disposition_code (code, version, parent_code, name_zh, name_en, outcome_class, requires_amount,
         requires_product, valid_from, valid_to)
       values (?, ?, ?, ?, ?, ?::outcome_class, ?, ?, ?::date, null)`,
      [
        input.code,
        version,
        input.parentCode ?? null,
        input.nameZh.trim(),
        input.nameEn.trim(),
        input.outcomeClass,
        input.requiresAmount,
        input.requiresProduct,
        input.validFrom,
      ],
    );
    return { code: input.code, version };
  });
}
