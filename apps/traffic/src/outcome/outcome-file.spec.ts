import { amountProblem, outcomeRowOf } from './outcome-file';

const cells = (overrides: Record<string, string>): Record<string, string> => ({
  source: 'pbx',
  external_id: 'c1',
  seq: '2',
  code: 'SALE',
  recorded_at: '2026-05-04T12:00:00+08:00',
  ...overrides,
});

describe('outcome rows', () => {
  it.each([
    ['1200.50', null],
    ['0', null],
    ['7', null],
    ['999999999999.99', null],
    ['-5.00', 'must not be negative'],
    ['1.005', 'has more than 2 decimals'],
    ['1e3', 'must be a decimal number such as 1200.50'],
    ['12,000.00', 'must be a decimal number such as 1200.50'],
    ['1000000000000', 'must be below 1,000,000,000,000'],
  ])('amount %s: %s', (amount, problem) => {
    expect(amountProblem(amount)).toBe(problem);
  });

  it('keeps the amount as exact text and defaults the currency to CNY', () => {
    expect(outcomeRowOf(2, cells({ amount: '0.10' }))).toMatchObject({
      amount: '0.10',
      currency: 'CNY',
      seq: 2,
    });
    expect(outcomeRowOf(2, cells({ currency: 'usd' }))).toMatchObject({ currency: 'USD' });
  });

  it.each([
    [{ code: '' }, 'code'],
    [{ currency: 'ABC' }, 'currency'],
    [{ currency: 'CNYX' }, 'currency'],
    [{ seq: '0' }, 'seq'],
    [{ seq: '1.5' }, 'seq'],
    [{ offer_made: 'yes please' }, 'offer_made'],
    [{ recorded_at: '2026-05-04 12:00' }, 'recorded_at'],
    [{ external_id: 'x'.repeat(201) }, 'external_id'],
  ])('%o is refused naming %s', (overrides, field) => {
    expect(outcomeRowOf(3, cells(overrides))).toMatchObject({ row: 3, field });
  });
});
