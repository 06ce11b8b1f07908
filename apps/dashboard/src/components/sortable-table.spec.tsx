import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { filterRows, SortableTable, sortRows, tableData, type Column } from './sortable-table';

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
  const bodyRows = () => screen.getAllByRole('row').filter((row) => row.closest('tbody'));
  const names = () => bodyRows().map((row) => within(row).getAllByRole('cell')[0].textContent);

  it('sorts by a header clicked or pressed with the keyboard, and says so to screen readers', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider locale="en">
        <SortableTable caption="Agents" columns={columns} rows={rows} rowKey={(r) => r.name} />
      </I18nProvider>,
    );
    expect(screen.getByRole('table', { name: 'Agents' })).toBeTruthy();
    expect(names()).toEqual(['Agent 2', 'Agent 9', 'Agent 10']);
    const score = screen.getByRole('columnheader', { name: /Score/ });
    await user.click(score);
    expect(names()).toEqual(['Agent 10', 'Agent 2', 'Agent 9']);
    expect(score.getAttribute('aria-sort')).toBe('ascending');
    // Enter on the focused header (what a browser sends: keyCode 13)
    score.focus();
    fireEvent.keyDown(score, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(names()).toEqual(['Agent 2', 'Agent 10', 'Agent 9']);
    expect(score.getAttribute('aria-sort')).toBe('descending');
    // a third press sorts ascending again, never back to unsorted
    await user.click(score);
    expect(score.getAttribute('aria-sort')).toBe('ascending');
  }, 60_000);

  it('pages beyond the first page and filters rows by text, counting what the filter keeps', async () => {
    const user = userEvent.setup();
    const many: Row[] = Array.from({ length: 250 }, (_, i) => ({ name: `Agent ${i + 1}`, score: i }));
    render(
      <I18nProvider locale="en">
        <SortableTable caption="Many" columns={columns} rows={many} rowKey={(r) => r.name} pageSize={20} />
      </I18nProvider>,
    );
    expect(bodyRows()).toHaveLength(20);
    expect(screen.getByText('1–20 / 250 rows')).toBeTruthy();
    await user.click(screen.getByTitle('13'));
    expect(bodyRows()).toHaveLength(10);
    expect(names().at(-1)).toBe('Agent 250');
    expect(screen.getByText('241–250 / 250 rows')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Filter rows: Many' }), {
      target: { value: 'Agent 24' },
    });
    // Agent 24 and Agent 240..249
    expect(names()).toEqual(['Agent 24', ...Array.from({ length: 10 }, (_, i) => `Agent ${240 + i}`)]);
  }, 60_000);
});

describe('filterRows and tableData', () => {
  it('keeps rows whose exported text holds the filter, and those a column filter chooses', () => {
    expect(filterRows(rows, columns, 'agent 1', {}).map((r) => r.name)).toEqual(['Agent 10']);
    expect(filterRows(rows, columns, '', { score: ['1.1', ''] }).map((r) => r.name)).toEqual([
      'Agent 9',
      'Agent 2',
    ]);
    expect(filterRows(rows, columns, '  ', { score: null })).toHaveLength(3);
  });
  it('exports labels and plain values, not what the cells render', () => {
    const withExport: Column<Row>[] = [
      { ...columns[0], render: () => 'link', exportValue: (r) => r.name.toUpperCase() },
      columns[1],
    ];
    expect(tableData(withExport, rows.slice(0, 2))).toEqual({
      header: ['Name', 'Score'],
      rows: [
        ['AGENT 10', 0.9],
        ['AGENT 9', null],
      ],
    });
  });
});
