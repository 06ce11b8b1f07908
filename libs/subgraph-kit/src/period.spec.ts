import { GraphQLError } from 'graphql';
import { checkPeriod, MAX_PERIOD_DAYS } from './period';

function refusal(run: () => void): { field: unknown; message: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const fields = (error as GraphQLError).extensions.fields as { field: string; message: string }[];
    return { field: fields[0].field, message: fields[0].message };
  }
}

describe('checkPeriod, the one period check', () => {
  const day = (iso: string) => new Date(iso);

  it('accepts a period of whole intervals', () => {
    expect(
      refusal(() =>
        checkPeriod(day('2026-11-01T00:00:00Z'), day('2026-12-01T00:00:00Z'), { alignMinutes: 15 }),
      ),
    ).toBeUndefined();
  });

  it('names the field that is wrong', () => {
    expect(refusal(() => checkPeriod(day('2026-11-02T00:00:00Z'), day('2026-11-01T00:00:00Z')))).toEqual({
      field: 'to',
      message: 'must be after from',
    });
    expect(
      refusal(() =>
        checkPeriod(day('2026-11-01T00:07:00Z'), day('2026-11-02T00:00:00Z'), {
          alignMinutes: 15,
          fields: { from: 'input.from', to: 'input.to' },
        }),
      ),
    ).toEqual({ field: 'input.from', message: 'must be on a 15-minute boundary' });
    expect(refusal(() => checkPeriod(new Date(Number.NaN), day('2026-11-02T00:00:00Z')))?.field).toBe('from');
  });

  it(`refuses more than ${MAX_PERIOD_DAYS} days, or the limit given`, () => {
    expect(
      refusal(() => checkPeriod(day('2025-01-01T00:00:00Z'), day('2026-12-01T00:00:00Z')))?.message,
    ).toBe(`must be at most ${MAX_PERIOD_DAYS} days after from`);
    expect(
      refusal(() => checkPeriod(day('2026-11-01T00:00:00Z'), day('2026-11-09T00:00:00Z'), { maxDays: 7 }))
        ?.message,
    ).toBe('must be at most 7 days after from');
  });
});
