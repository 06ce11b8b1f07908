import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';

export interface Column<Row> {
  key: string;
  label: string;
  /** What the column sorts by; null sorts last in both directions. */
  sortValue: (row: Row) => string | number | null;
  render: (row: Row) => ReactNode;
  numeric?: boolean;
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

/** A table whose column headers are buttons that sort it (keyboard and screen-reader usable). */
export function SortableTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; direction: Direction };
}) {
  const { locale, t } = useI18n();
  const [sort, setSort] = useState(
    initialSort ?? { key: columns[0].key, direction: 'ascending' as Direction },
  );
  const column = columns.find((c) => c.key === sort.key) ?? columns[0];
  const sorted = useMemo(
    () => sortRows(rows, column, sort.direction, locale),
    [rows, column, sort.direction, locale],
  );
  const toggle = (key: string) =>
    setSort((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: 'ascending' },
    );
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              scope="col"
              aria-sort={c.key === sort.key ? sort.direction : 'none'}
              className={c.numeric ? 'numeric' : undefined}
            >
              <button type="button" onClick={() => toggle(c.key)} title={`${t('sortBy')} ${c.label}`}>
                {c.label}
                {c.key === sort.key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.key} className={c.numeric ? 'numeric' : undefined}>
                {c.render(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
