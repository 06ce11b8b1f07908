import type { ReactNode } from 'react';
import type { RecordFieldsFragment } from '../api/generated';
import type { Formatter } from '../format';
import { useI18n } from '../i18n/i18n';
import { SortableTable, type Column } from './sortable-table';

export interface NamedRecord {
  id: string;
  name: string;
  link: ReactNode;
  rank: number | null;
  record: RecordFieldsFragment;
}

/** Traffic, QA and training side by side, one row per team or agent, sortable by any column. */
export function RecordTable({
  caption,
  rows,
  format,
}: {
  caption: string;
  rows: NamedRecord[];
  format: Formatter;
}) {
  const { t } = useI18n();
  const num = (
    key: string,
    label: string,
    value: (r: RecordFieldsFragment) => number | null | undefined,
    show: (v: number | null | undefined) => string,
  ): Column<NamedRecord> => ({
    key,
    label,
    numeric: true,
    sortValue: (row) => value(row.record) ?? null,
    render: (row) => show(value(row.record)),
  });
  const columns: Column<NamedRecord>[] = [
    { key: 'name', label: t('name'), sortValue: (row) => row.name, render: (row) => row.link },
    ...(rows.some((r) => r.rank !== null)
      ? [
          {
            key: 'rank',
            label: t('rank'),
            numeric: true,
            sortValue: (r: NamedRecord) => r.rank,
            render: (r: NamedRecord) => r.rank ?? '–',
          },
        ]
      : []),
    num(
      'score',
      t('score'),
      (r) => r.score,
      (v) => format.number(v, 2),
    ),
    num(
      'offered',
      t('offered'),
      (r) => r.traffic?.offered,
      (v) => format.number(v),
    ),
    num('serviceLevel', t('serviceLevel'), (r) => r.traffic?.serviceLevel, format.percent),
    num('aht', t('aht'), (r) => r.traffic?.ahtSeconds, format.duration),
    num(
      'qaScore',
      t('qaScore'),
      (r) => r.qa?.qaScore,
      (v) => format.number(v, 1),
    ),
    num(
      'evaluations',
      t('evaluations'),
      (r) => r.qa?.evaluations,
      (v) => format.number(v),
    ),
    num('completion', t('trainingCompletion'), (r) => r.training?.completionRate, format.percent),
    num('coverage', t('certificationCoverage'), (r) => r.training?.certificationCoverage, format.percent),
    num(
      'overdue',
      t('overdue'),
      (r) => r.training?.overdue,
      (v) => format.number(v),
    ),
  ];
  return (
    <SortableTable
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      initialSort={rows.some((r) => r.rank !== null) ? { key: 'rank', direction: 'ascending' } : undefined}
    />
  );
}
