import { describe, expect, it } from 'vitest';
import { agentOutcomeRows, decimalAmount } from './sales';

describe('sales page figures', () => {
  it('reads the API’s exact decimals', () => {
    expect(decimalAmount('1234.50')).toBe(1234.5);
    expect(decimalAmount('0')).toBe(0);
    expect(decimalAmount('')).toBeNull();
    expect(decimalAmount(null)).toBeNull();
    expect(decimalAmount('n/a')).toBeNull();
  });

  it('lists every member, with or without outcomes, and agents who have left the team since', () => {
    const rows = agentOutcomeRows(
      [
        { employeeNo: 'E1', displayName: 'Li Na' },
        { employeeNo: 'E2', displayName: 'Wang Wei' },
      ],
      [
        { employeeNo: 'E2', sales: 3 },
        { employeeNo: 'E9', sales: 1 },
        { employeeNo: null, sales: 7 },
      ],
    );
    expect(rows.map((r) => [r.employeeNo, r.name, r.outcome?.sales ?? null])).toEqual([
      ['E1', 'Li Na (E1)', null],
      ['E2', 'Wang Wei (E2)', 3],
      ['E9', 'E9', 1],
    ]);
  });
});
