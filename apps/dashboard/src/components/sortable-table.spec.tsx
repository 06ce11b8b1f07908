import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { SortableTable, sortRows, type Column } from './sortable-table';

interface Row {
  name: string;
  score: number | null;
}

const columns: Column<Row>[] = [
  { key: 'name', label: 'Name', sortValue: (r) => r.name, render: (r) => r.name },
  {
    key: 'score',
    label: 'Score',
    numeric: true,
    sortValue: (r) => r.score,
    render: (r) => String(r.score ?? '–'),
  },
];
const rows: Row[] = [
  { name: 'Agent 10', score: 0.9 },
  { name: 'Agent 9', score: null },
  { name: 'Agent 2', score: 1.1 },
];

afterEach(cleanup);

describe('sortRows', () => {
  it('sorts numbers numerically and text naturally, nulls last either way', () => {
    expect(sortRows(rows, columns[1], 'ascending', 'en').map((r) => r.name)).toEqual([
      'Agent 10',
      'Agent 2',
      'Agent 9',
    ]);
    expect(sortRows(rows, columns[1], 'descending', 'en').map((r) => r.name)).toEqual([
      'Agent 2',
      'Agent 10',
      'Agent 9',
    ]);
    expect(sortRows(rows, columns[0], 'ascending', 'en').map((r) => r.name)).toEqual([
      'Agent 2',
      'Agent 9',
      'Agent 10',
    ]);
  });
});

describe('SortableTable', () => {
  it('sorts by a header clicked or pressed with the keyboard, and says so to screen readers', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider locale="en">
        <SortableTable caption="Agents" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </I18nProvider>,
    );
    const names = () =>
      screen
        .getAllByRole('row')
        .slice(1)
        .map((row) => within(row).getAllByRole('cell')[0].textContent);
    expect(names()).toEqual(['Agent 2', 'Agent 9', 'Agent 10']);
    const score = screen.getByRole('button', { name: /Score/ });
    await user.click(score);
    expect(names()).toEqual(['Agent 10', 'Agent 2', 'Agent 9']);
    expect(score.closest('th')?.getAttribute('aria-sort')).toBe('ascending');
    score.focus();
    await user.keyboard('{Enter}');
    expect(names()).toEqual(['Agent 2', 'Agent 10', 'Agent 9']);
    expect(score.closest('th')?.getAttribute('aria-sort')).toBe('descending');
  });
});
