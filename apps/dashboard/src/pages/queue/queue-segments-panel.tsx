import { useQuery } from '@apollo/client/react';
import { QueueSegmentsDocument } from '../../api/generated';
import { SortableTable, type Column } from '../../components/sortable-table';
import type { Formatter } from '../../format';
import { useI18n } from '../../i18n/i18n';
import {
  SEGMENT_ORDER,
  segmentRows,
  type SegmentCell,
  type SegmentKpiCode,
  type SegmentRow,
} from './queue-segments';

/**
 * The queue's service per customer segment for the period (issue 20): service level, ASA and abandon
 * rate of VIP, sensitive, vulnerable and standard customers (traffic's segmentStats: whoever sees the
 * queue), each with its segment's target and status in words where kpi gives the queue's record (a
 * manager is not given it: figures only). A query of its own: the rest of the page never waits on it.
 */
export function QueueSegmentsPanel({
  queueId,
  from,
  to,
  timeZone,
  format,
}: {
  queueId: string;
  from: string;
  to: string;
  timeZone: string;
  format: Formatter;
}) {
  const { t } = useI18n();
  const { data } = useQuery(QueueSegmentsDocument, { variables: { queueId, from, to, timeZone } });
  const rows = segmentRows(data?.segmentStats ?? [], data?.performance?.segmentKpis ?? []);
  if (!rows.length) return null;
  const cell = (code: SegmentKpiCode, show: (value: number | null) => string): Column<SegmentRow> => ({
    key: code,
    label: t(code === 'SERVICE_LEVEL' ? 'serviceLevel' : code === 'ASA' ? 'asa' : 'abandonRate'),
    numeric: true,
    sortValue: (row) => row.kpis[code]?.value ?? null,
    render: (row) => describe(row.kpis[code], show),
  });
  const describe = (kpi: SegmentCell | undefined, show: (value: number | null) => string): string =>
    !kpi
      ? '–'
      : `${show(kpi.value)}${kpi.target === null ? '' : ` / ${show(kpi.target)}`}${kpi.status ? ` · ${t(kpi.status)}` : ''}`;
  const columns: Column<SegmentRow>[] = [
    {
      key: 'segment',
      label: t('customerSegment'),
      sortValue: (row) => SEGMENT_ORDER[row.segment],
      exportValue: (row) => t(`segment_${row.segment}`),
      render: (row) => t(`segment_${row.segment}`),
    },
    {
      key: 'offered',
      label: t('offered'),
      numeric: true,
      sortValue: (row) => row.offered,
      render: (row) => format.number(row.offered),
    },
    cell('SERVICE_LEVEL', format.percent),
    cell('ASA', format.duration),
    cell('ABANDON_RATE', format.percent),
  ];
  return (
    <div className="panel" data-queue-segments>
      <h3>{t('byCustomerSegment')}</h3>
      <p>{t('segmentTargetNote')}</p>
      <SortableTable<SegmentRow>
        caption={t('byCustomerSegment')}
        columns={columns}
        rows={rows}
        rowKey={(row) => row.segment}
        initialSort={{ key: 'segment', direction: 'ascending' }}
      />
    </div>
  );
}
