import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { ComplaintBoardDocument, type ComplaintBoardQuery } from '../../api/generated';
import { keptData } from '../../components/kept-query';
import { PeriodPicker } from '../../components/period-picker';
import { QueryState } from '../../components/query-state';
import { SortableTable, type Column } from '../../components/sortable-table';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { lastDays, periodInstants } from '../../period';
import { routeHref } from '../../routing';
import { useUrlPeriod } from '../../url-state';
import {
  axisCounts,
  COMPLAINT_COLUMNS,
  complaintBoard,
  type AxisCount,
  type ComplaintColumn,
} from './complaint-board';

/** The open complaints asked for in one list (care's page-size limit); the page says so when it is full. */
export const COMPLAINTS_LIMIT = 500;

type Complaint = ComplaintBoardQuery['complaints'][number];
type BoardRow = Complaint & { daysLeft: number; column: ComplaintColumn };

const COLUMN_STATUS: Record<ComplaintColumn, string> = {
  overdue: 'status-RED',
  dueSoon: 'status-AMBER',
  extended: '',
  onClock: '',
};

/**
 * A case handler's (and a manager's) day: open complaints by where they stand on the regulatory
 * clock (overdue, due soon, extended, on the clock) with the days left, every one in a table, and
 * the period's complaints counted per code axis (channel, business, reason).
 */
export function ComplaintsPage({ centerId, timeZone }: { centerId: string | null; timeZone: string }) {
  const { t, locale, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  const [period, setPeriod] = useUrlPeriod(() => lastDays(30, timeZone));
  const variables = useMemo(
    () => ({
      first: COMPLAINTS_LIMIT,
      centerIds: centerId ? [centerId] : null,
      ...periodInstants(period, timeZone),
    }),
    [centerId, period, timeZone],
  );
  const result = useQuery(ComplaintBoardDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const board = useMemo(() => complaintBoard(data?.complaints ?? [], new Date()), [data]);
  const codeName = useMemo(() => {
    const names = new Map((data?.complaintCodes ?? []).map((c) => [`${c.axis}:${c.code}`, c]));
    return (axis: string, code: string) => {
      const known = names.get(`${axis}:${code}`);
      return known ? `${code} ${locale === 'zh-CN' ? known.nameZh : known.nameEn}` : code;
    };
  }, [data, locale]);
  const daysText = (days: number) =>
    days < 0 ? `${-days} ${t('daysOverdue')}` : days === 0 ? t('lastDay') : `${days} ${t('daysLeftCount')}`;
  const rows: BoardRow[] = COMPLAINT_COLUMNS.flatMap((column) =>
    board[column].map((c) => ({ ...c, column })),
  );
  const columns: Column<BoardRow>[] = [
    {
      key: 'column',
      label: t('status'),
      sortValue: (r) => COMPLAINT_COLUMNS.indexOf(r.column),
      exportValue: (r) => t(`complaintColumn_${r.column}`),
      render: (r) => t(`complaintColumn_${r.column}`),
      filterable: true,
    },
    {
      key: 'daysLeft',
      label: t('daysLeft'),
      sortValue: (r) => r.daysLeft,
      render: (r) => <span data-days-left={r.daysLeft}>{r.daysLeft}</span>,
      numeric: true,
    },
    {
      key: 'deadline',
      label: t('deadline'),
      sortValue: (r) => r.deadlineAt,
      exportValue: (r) => r.deadlineDate,
      render: (r) => r.deadlineDate,
    },
    {
      key: 'basis',
      label: t('basis'),
      sortValue: (r) => r.deadlineBasis,
      exportValue: (r) => t(`basis_${r.deadlineBasis}` as MessageKey),
      render: (r) => t(`basis_${r.deadlineBasis}` as MessageKey),
      filterable: true,
    },
    {
      key: 'received',
      label: t('receivedAt'),
      sortValue: (r) => r.receivedAt,
      exportValue: (r) => format.dateTime(r.receivedAt),
      render: (r) => format.dateTime(r.receivedAt),
    },
    {
      key: 'reason',
      label: t('axis_REASON'),
      sortValue: (r) => r.reasonCode,
      exportValue: (r) => codeName('REASON', r.reasonCode),
      render: (r) => codeName('REASON', r.reasonCode),
      filterable: true,
    },
    {
      key: 'severity',
      label: t('severity'),
      sortValue: (r) => r.severity,
      exportValue: (r) => t(`severity_${r.severity}` as MessageKey),
      render: (r) => t(`severity_${r.severity}` as MessageKey),
      filterable: true,
    },
    {
      key: 'handler',
      label: t('handler'),
      sortValue: (r) => r.handlerAgentNo,
      render: (r) => (
        <a href={routeHref({ page: 'agent', employeeNo: r.handlerAgentNo })}>{r.handlerAgentNo}</a>
      ),
      filterable: true,
    },
    {
      key: 'customer',
      label: t('customer'),
      sortValue: (r) => r.customerKey,
      exportValue: (r) => r.customerKey,
      // the drill-down of a case handler's day: the complaint's customer, their cases and promises
      render: (r) => <a href={routeHref({ page: 'customer', key: r.customerKey })}>{r.customerKey}</a>,
    },
  ];
  const axisColumns = (axis: 'CHANNEL' | 'BUSINESS' | 'REASON'): Column<AxisCount>[] => [
    {
      key: 'code',
      label: t('code'),
      sortValue: (r) => r.code,
      exportValue: (r) => codeName(axis, r.code),
      render: (r) => codeName(axis, r.code),
    },
    {
      key: 'received',
      label: t('received'),
      sortValue: (r) => r.received,
      render: (r) => r.received,
      numeric: true,
    },
    { key: 'closed', label: t('closed'), sortValue: (r) => r.closed, render: (r) => r.closed, numeric: true },
    {
      key: 'overdueOpen',
      label: t('overdueOpen'),
      sortValue: (r) => r.overdueOpen,
      render: (r) => r.overdueOpen,
      numeric: true,
    },
    {
      key: 'timely',
      label: t('timelyRate'),
      sortValue: (r) => r.complaintTimelyRate,
      render: (r) => format.percent(r.complaintTimelyRate),
      numeric: true,
    },
  ];
  const axes = [
    { axis: 'CHANNEL' as const, rows: data?.byChannel ?? [] },
    { axis: 'BUSINESS' as const, rows: data?.byBusiness ?? [] },
    { axis: 'REASON' as const, rows: data?.byReason ?? [] },
  ];
  return (
    <section aria-labelledby="complaints-title" data-complaint-board>
      <h2 id="complaints-title">{t('complaintBoard')}</h2>
      <p>{t('complaintBoardNote')}</p>
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        {(data?.complaints.length ?? 0) >= COMPLAINTS_LIMIT && (
          <p role="note" className="notice partial">
            {t('complaintsCapped')} {COMPLAINTS_LIMIT}
          </p>
        )}
        <div className="board">
          {COMPLAINT_COLUMNS.map((column) => (
            <div
              key={column}
              className={`board-column ${COLUMN_STATUS[column]}`}
              data-column={column}
              data-count={board[column].length}
            >
              <h3>
                {t(`complaintColumn_${column}`)} <span className="board-count">{board[column].length}</span>
              </h3>
              {board[column].length === 0 ? (
                <p>{t('noComplaints')}</p>
              ) : (
                <ol aria-label={t(`complaintColumn_${column}`)}>
                  {board[column].slice(0, 20).map((c) => (
                    <li key={c.id} data-complaint={c.id} data-days-left={c.daysLeft}>
                      <span className="days-left">{daysText(c.daysLeft)}</span> · {c.deadlineDate}
                      <br />
                      {codeName('REASON', c.reasonCode)} · {t(`basis_${c.deadlineBasis}` as MessageKey)} ·{' '}
                      {t('handler')}{' '}
                      <a href={routeHref({ page: 'agent', employeeNo: c.handlerAgentNo })}>
                        {c.handlerAgentNo}
                      </a>
                      {c.extensionReason && (
                        <>
                          <br />
                          {t('extensionReason')}: {c.extensionReason}
                        </>
                      )}
                    </li>
                  ))}
                </ol>
              )}
            </div>
          ))}
        </div>
        <SortableTable<BoardRow>
          caption={t('openComplaints')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          initialSort={{ key: 'daysLeft', direction: 'ascending' }}
        />
        <h3>{t('codeAxes')}</h3>
        <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
        {axes.map(({ axis, rows: axisRows }) => {
          const counts = axisCounts(axisRows, axis);
          return (
            <div
              key={axis}
              data-axis={axis}
              data-axis-counts={counts.map((c) => `${c.code}:${c.received}`).join(' ')}
            >
              <SortableTable<AxisCount>
                caption={t(`axis_${axis}`)}
                columns={axisColumns(axis)}
                rows={counts}
                rowKey={(r) => r.code}
                initialSort={{ key: 'received', direction: 'descending' }}
              />
            </div>
          );
        })}
      </QueryState>
    </section>
  );
}
