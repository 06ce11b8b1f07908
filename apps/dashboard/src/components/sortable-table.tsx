import Input from 'antd/es/input';
import Table from 'antd/es/table';
import type { ColumnType, SorterResult } from 'antd/es/table/interface';
import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { ExportButtons } from './export-buttons';
import type { TableData } from './table-export';

export interface Column<Row> {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last in both directions. */
  sortValue: (row: Row) => string | number | null;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The plain value exported to CSV and Excel and matched by the filter box (the sort value unless given). */
  exportValue?: (row: Row) => string | number | null;
  /** Offer a filter by the column's distinct values (courses, teams, statuses). */
  filterable?: boolean;
}

type Direction = 'ascending' | 'descending';

/** Rows sorted by a column: null last, numbers numerically, text by the locale's collation. */
export function sortRows<Row>(
  rows: readonly Row[],
  column: Column<Row>,
  direction: Direction,
  locale: string,
): Row[] {
  const collator = new Intl.Collator(locale, { numeric: true });
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.sortValue(a);
    const y = column.sortValue(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return sign * (x - y);
    return sign * collator.compare(String(x), String(y));
  });
}

const exported = <Row,>(column: Column<Row>, row: Row) => (column.exportValue ?? column.sortValue)(row);

/** Rows whose exported text holds the filter text (any column, case-insensitive) and that each column filter keeps. */
export function filterRows<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  text: string,
  chosen: Readonly<Record<string, readonly string[] | null>>,
): Row[] {
  const needle = text.trim().toLocaleLowerCase();
  return rows.filter(
    (row) =>
      (!needle ||
        columns.some((c) =>
          String(exported(c, row) ?? '')
            .toLocaleLowerCase()
            .includes(needle),
        )) &&
      columns.every((c) => {
        const values = chosen[c.key];
        return !values || values.length === 0 || values.includes(String(exported(c, row) ?? ''));
      }),
  );
}

/** What an export holds: every row the filters keep, in the order shown, all pages. */
export function tableData<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): TableData {
  return {
    header: columns.map((c) => c.label),
    rows: rows.map((row) => columns.map((c) => exported(c, row))),
  };
}

/**
 * A table (Ant Design's) sortable by any column header (keyboard and screen-reader usable), filtered
 * by a box and by columns' values, paged, and exported as shown to CSV or Excel.
 */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
  pageSize = 50,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; direction: Direction };
  pageSize?: number;
}) {
  const { locale, t } = useI18n();
  const [sort, setSort] = useState(
    initialSort ?? { key: columns[0].key, direction: 'ascending' as Direction },
  );
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Record<string, string[] | null>>({});
  const [page, setPage] = useState({ current: 1, size: pageSize });
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const shown = useMemo(
    () => sortRows(filterRows(rows, columns, text, chosen), column, sort.direction, locale),
    [rows, columns, text, chosen, column, sort.direction, locale],
  );
  const antColumns: ColumnType<Row>[] = columns.map((c) => ({
    key: c.key,
    title: c.label,
    render: (_: unknown, row: Row) => c.render(row),
    align: c.numeric ? 'right' : undefined,
    className: c.numeric ? 'numeric' : undefined,
    sorter: true,
    sortDirections: ['ascend', 'descend', 'ascend'],
    sortOrder: c.key === sort.key ? (sort.direction === 'ascending' ? 'ascend' : 'descend') : null,
    showSorterTooltip: { title: `${t('sortBy')} ${c.label}` },
    ...(c.filterable
      ? {
          filters: [...new Set(rows.map((row) => String(exported(c, row) ?? '')))]
            .sort((a, b) => a.localeCompare(b, locale))
            .map((value) => ({ text: value || '–', value })),
          filteredValue: chosen[c.key] ?? null,
          filterSearch: true,
        }
      : {}),
  }));
  return (
    <div className="table-block">
      <div className="table-tools">
        <Input.Search
          allowClear
          size="small"
          placeholder={t('filterRows')}
          aria-label={`${t('filterRows')}: ${caption}`}
          onChange={(e) => {
            setText(e.target.value);
            setPage((p) => ({ ...p, current: 1 }));
          }}
          style={{ maxWidth: 240 }}
        />
        <ExportButtons caption={caption} data={() => tableData(columns, shown)} />
      </div>
      <Table<Row>
        className="table"
        caption={caption}
        size="small"
        columns={antColumns}
        dataSource={shown as Row[]}
        rowKey={rowKey}
        // Ant Design's empty picture and its pale text fail WCAG contrast: plain words instead
        locale={{ emptyText: <span className="table-empty">{t('noData')}</span> }}
        pagination={{
          current: page.current,
          pageSize: page.size,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200, 500],
          hideOnSinglePage: shown.length <= 20,
          showTotal: (total, [from, to]) => `${from}–${to} / ${total} ${t('rowsShown')}`,
        }}
        onChange={(pagination, filters, sorter, extra) => {
          if (extra.action === 'sort') {
            const s = sorter as SorterResult<Row>;
            const key = String(s.columnKey ?? sort.key);
            setSort({ key, direction: s.order === 'descend' ? 'descending' : 'ascending' });
          }
          if (extra.action === 'filter') {
            setChosen(
              Object.fromEntries(
                Object.entries(filters).map(([key, values]) => [key, values ? values.map(String) : null]),
              ),
            );
            setPage((p) => ({ ...p, current: 1 }));
          }
          if (extra.action === 'paginate')
            setPage({ current: pagination.current ?? 1, size: pagination.pageSize ?? page.size });
        }}
      />
    </div>
  );
}
