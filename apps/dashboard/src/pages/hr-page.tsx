import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { HrComplianceDocument, type HrComplianceQuery } from '../api/generated';
import { PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { SortableTable, type Column } from '../components/sortable-table';
import { useI18n } from '../i18n/i18n';
import { lastDays, type Period } from '../period';

const EXPIRING_WITHIN_DAYS = 60;

type TeamRow = HrComplianceQuery['teams'][number];
type CourseRow = HrComplianceQuery['passRatesByCourse'][number];
type Expiring = HrComplianceQuery['expiringCertifications'][number];
type Overdue = HrComplianceQuery['overdueAssignments'][number];

/** HR: training compliance by team, overdue assignments, certifications expiring soon, pass rates by course. */
export function HrPage({ center }: { center: { id: string; name: string; timeZone: string } }) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(center.timeZone);
  const [period, setPeriod] = useState<Period>(() => lastDays(90, center.timeZone));
  const variables = useMemo(
    () => ({ centerId: center.id, ...period, withinDays: EXPIRING_WITHIN_DAYS }),
    [center.id, period],
  );
  const { data, loading, error } = useQuery(HrComplianceDocument, { variables });
  const personAndCourse: Column<{ employeeNo: string; course: { title: string } }>[] = [
    {
      key: 'employeeNo',
      label: t('employeeNo'),
      sortValue: (r) => r.employeeNo,
      render: (r) => r.employeeNo,
    },
    { key: 'course', label: t('course'), sortValue: (r) => r.course.title, render: (r) => r.course.title },
  ];
  return (
    <section aria-labelledby="hr-title">
      <h2 id="hr-title">
        {t('hr')}: {center.name}
      </h2>
      <PeriodPicker period={period} onChange={setPeriod} />
      <QueryState loading={loading} error={error} hasData={!!data}>
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
        <SortableTable<Overdue>
          caption={t('overdueAssignments')}
          rows={data?.overdueAssignments ?? []}
          rowKey={(a) => a.id}
          initialSort={{ key: 'dueDate', direction: 'ascending' }}
          columns={[
            ...personAndCourse,
            { key: 'dueDate', label: t('dueDate'), sortValue: (a) => a.dueDate, render: (a) => a.dueDate },
          ]}
        />
      </QueryState>
    </section>
  );
}
