import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { HrComplianceDocument, type HrComplianceQuery } from '../api/generated';
import { keptData } from '../components/kept-query';
import { PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { SortableTable, type Column } from '../components/sortable-table';
import { useI18n } from '../i18n/i18n';
import { lastDays } from '../period';
import { routeHref } from '../routing';
import { useUrlPeriod } from '../url-state';
import { OverdueActions, RemindAll } from './hr-follow-up';

const EXPIRING_WITHIN_DAYS = 60;
/**
 * The most overdue assignments the API returns in one list (its limit, `first` 1-5000): asked for in
 * full and paged here; were there more, the page says so rather than cutting the list silently.
 */
export const OVERDUE_LIMIT = 5000;

type TeamRow = HrComplianceQuery['teams'][number];
type CourseRow = HrComplianceQuery['passRatesByCourse'][number];
type Expiring = HrComplianceQuery['expiringCertifications'][number];
type Overdue = HrComplianceQuery['overdueAssignments'][number];
interface Person {
  employeeNo: string;
  agent?: { displayName: string; team?: { name: string } | null } | null;
  course: { title: string };
}

/** HR: training compliance by team, overdue assignments, certifications expiring soon, pass rates by course. */
export function HrPage({ center }: { center: { id: string; name: string; timeZone: string } }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(center.timeZone);
  const [period, setPeriod] = useUrlPeriod(() => lastDays(90, center.timeZone));
  const variables = useMemo(
    () => ({ centerId: center.id, ...period, withinDays: EXPIRING_WITHIN_DAYS, overdueLimit: OVERDUE_LIMIT }),
    [center.id, period],
  );
  const result = useQuery(HrComplianceDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const overdue = data?.overdueAssignments ?? [];
  const today = new Date().toISOString().slice(0, 10);
  // who each row is: number, name and team side by side (staff's, through the gateway)
  const personAndCourse: Column<Person>[] = [
    {
      key: 'employeeNo',
      label: t('employeeNo'),
      sortValue: (r) => r.employeeNo,
      render: (r) => <a href={routeHref({ page: 'agent', employeeNo: r.employeeNo })}>{r.employeeNo}</a>,
    },
    {
      key: 'agentName',
      label: t('name'),
      sortValue: (r) => r.agent?.displayName ?? null,
      render: (r) => r.agent?.displayName ?? '–',
    },
    {
      key: 'team',
      label: t('team'),
      sortValue: (r) => r.agent?.team?.name ?? null,
      render: (r) => r.agent?.team?.name ?? '–',
      filterable: true,
    },
    {
      key: 'course',
      label: t('course'),
      sortValue: (r) => r.course.title,
      render: (r) => r.course.title,
      filterable: true,
    },
  ];
  return (
    <section aria-labelledby="hr-title">
      <h2 id="hr-title">
        {t('hr')}: {center.name}
      </h2>
      <PeriodPicker period={period} onChange={setPeriod} timeZone={center.timeZone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <SortableTable<TeamRow>
          caption={t('teams')}
          rows={data?.teams ?? []}
          rowKey={(r) => r.id}
          columns={[
            { key: 'name', label: t('name'), sortValue: (r) => r.name, render: (r) => r.name },
            {
              key: 'completion',
              label: t('trainingCompletion'),
              numeric: true,
              sortValue: (r) => r.trainingSummary.completionRate,
              render: (r) => format.percent(r.trainingSummary.completionRate),
            },
            {
              key: 'passRate',
              label: t('passRate'),
              numeric: true,
              sortValue: (r) => r.trainingSummary.passRate,
              render: (r) => format.percent(r.trainingSummary.passRate),
            },
            {
              key: 'coverage',
              label: t('certificationCoverage'),
              numeric: true,
              sortValue: (r) => r.trainingSummary.certificationCoverage,
              render: (r) => format.percent(r.trainingSummary.certificationCoverage),
            },
            {
              key: 'overdue',
              label: t('overdue'),
              numeric: true,
              sortValue: (r) => r.trainingSummary.overdue,
              render: (r) => format.number(r.trainingSummary.overdue),
            },
          ]}
        />
        <SortableTable<CourseRow>
          caption={t('passRatesByCourse')}
          rows={data?.passRatesByCourse ?? []}
          rowKey={(r) => r.course.code}
          columns={[
            {
              key: 'course',
              label: t('course'),
              sortValue: (r) => r.course.title,
              render: (r) => r.course.title,
            },
            {
              key: 'attempts',
              label: t('attempts'),
              numeric: true,
              sortValue: (r) => r.attempts,
              render: (r) => format.number(r.attempts),
            },
            {
              key: 'passRate',
              label: t('passRate'),
              numeric: true,
              sortValue: (r) => r.passRate,
              render: (r) => format.percent(r.passRate),
            },
            {
              key: 'first',
              label: t('firstAttemptPassRate'),
              numeric: true,
              sortValue: (r) => r.firstAttemptPassRate,
              render: (r) => format.percent(r.firstAttemptPassRate),
            },
          ]}
        />
        <SortableTable<Expiring>
          caption={`${t('expiringCertifications')} (${EXPIRING_WITHIN_DAYS})`}
          rows={data?.expiringCertifications ?? []}
          rowKey={(c) => c.id}
          initialSort={{ key: 'expiresOn', direction: 'ascending' }}
          columns={[
            ...personAndCourse,
            {
              key: 'expiresOn',
              label: t('expiresOn'),
              sortValue: (c) => c.expiresOn,
              render: (c) => c.expiresOn ?? '–',
            },
          ]}
        />
        {overdue.length >= OVERDUE_LIMIT && (
          <p role="note" className="notice partial">
            {t('listCapped')} {format.number(OVERDUE_LIMIT)}
          </p>
        )}
        <RemindAll ids={overdue.map((a) => a.id)} />
        <SortableTable<Overdue>
          caption={t('overdueAssignments')}
          rows={overdue}
          rowKey={(a) => a.id}
          initialSort={{ key: 'dueDate', direction: 'ascending' }}
          columns={[
            ...personAndCourse,
            { key: 'dueDate', label: t('dueDate'), sortValue: (a) => a.dueDate, render: (a) => a.dueDate },
            {
              key: 'lastReminded',
              label: t('lastReminded'),
              sortValue: (a) => a.lastRemindedAt ?? null,
              render: (a) =>
                a.lastRemindedAt
                  ? `${format.dateTime(a.lastRemindedAt)} (${format.number(a.reminders)})`
                  : '–',
            },
            {
              key: 'followUp',
              label: t('followUp'),
              sortValue: () => null,
              exportValue: () => null,
              render: (a) => <OverdueActions id={a.id} today={today} />,
            },
          ]}
        />
      </QueryState>
    </section>
  );
}
