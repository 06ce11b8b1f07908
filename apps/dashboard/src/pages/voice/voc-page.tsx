import { useQuery } from '@apollo/client/react';
import { useMemo } from 'react';
import { VocPageDocument, type VocPageQuery } from '../../api/generated';
import { Chart } from '../../components/chart';
import { keptData } from '../../components/kept-query';
import { PeriodPicker } from '../../components/period-picker';
import { QueryState } from '../../components/query-state';
import { SortableTable, type Column } from '../../components/sortable-table';
import { useI18n } from '../../i18n/i18n';
import { lastDays, periodInstants } from '../../period';
import { useUrlPeriod } from '../../url-state';
import { changeText, sampledText, vocCategoryChart } from './voc';

type Category = VocPageQuery['vocView']['categories'][number] & { name: string };
type SurveyRow = VocPageQuery['surveyStats'][number];
type Item = VocPageQuery['improvementItems'][number];

/**
 * What customers said in a period: the top feedback categories with their counts, the change against
 * the period before and CSAT/NPS per category; the surveys' figures with n and interval; the
 * improvement items other departments owe.
 */
export function VocPage({ centerId, timeZone }: { centerId: string | null; timeZone: string }) {
  const { t, locale, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  const [period, setPeriod] = useUrlPeriod(() => lastDays(30, timeZone));
  const variables = useMemo(
    () => ({ centerId, ...periodInstants(period, timeZone) }),
    [centerId, period, timeZone],
  );
  const result = useQuery(VocPageDocument, { variables });
  const { loading, error } = result;
  const { data, updating } = keptData(result);
  const categories: Category[] = (data?.vocView.categories ?? []).map((c) => ({
    ...c,
    name: locale === 'zh-CN' ? c.nameZh : c.nameEn,
  }));
  const surveys = (data?.surveyStats ?? []).filter((s) => !centerId || s.centerId === centerId);
  const percent = (v: number | null | undefined) => format.percent(v);
  const points = (v: number | null | undefined) => format.number(v, 1);
  const categoryColumns: Column<Category>[] = [
    { key: 'name', label: t('category'), sortValue: (c) => c.name, render: (c) => c.name },
    {
      key: 'feedback',
      label: t('feedback'),
      sortValue: (c) => c.feedback,
      render: (c) => <span data-feedback={c.feedback}>{format.number(c.feedback)}</span>,
      numeric: true,
    },
    {
      key: 'previous',
      label: t('previousFeedback'),
      sortValue: (c) => c.previousFeedback,
      render: (c) => format.number(c.previousFeedback),
      numeric: true,
    },
    {
      key: 'change',
      label: t('change'),
      sortValue: (c) => c.change,
      exportValue: (c) => changeText(c.change, c.changeRate, percent),
      render: (c) => changeText(c.change, c.changeRate, percent),
      numeric: true,
    },
    {
      key: 'csat',
      label: t('csat'),
      sortValue: (c) => c.csat.value ?? null,
      exportValue: (c) => sampledText(c.csat, percent),
      render: (c) => sampledText(c.csat, percent),
      numeric: true,
    },
    {
      key: 'nps',
      label: t('nps'),
      sortValue: (c) => c.nps.value ?? null,
      exportValue: (c) => sampledText(c.nps, points),
      render: (c) => sampledText(c.nps, points),
      numeric: true,
    },
  ];
  const surveyColumns: Column<SurveyRow>[] = [
    {
      key: 'csat',
      label: t('csat'),
      sortValue: (s) => s.csat.value ?? null,
      exportValue: (s) => sampledText(s.csat, percent),
      render: (s) => <span data-csat-n={s.csat.n}>{sampledText(s.csat, percent)}</span>,
    },
    {
      key: 'nps',
      label: t('nps'),
      sortValue: (s) => s.nps.value ?? null,
      exportValue: (s) => sampledText(s.nps, points),
      render: (s) => sampledText(s.nps, points),
    },
    {
      key: 'ces',
      label: t('ces'),
      sortValue: (s) => s.ces.value ?? null,
      exportValue: (s) => sampledText(s.ces, (v) => format.number(v, 2)),
      render: (s) => sampledText(s.ces, (v) => format.number(v, 2)),
    },
    {
      key: 'responseRate',
      label: t('responseRate'),
      sortValue: (s) => s.responseRate.value ?? null,
      exportValue: (s) => sampledText(s.responseRate, percent),
      render: (s) => sampledText(s.responseRate, percent),
    },
    {
      key: 'optedOut',
      label: t('optedOut'),
      sortValue: (s) => s.optedOut,
      render: (s) => s.optedOut,
      numeric: true,
    },
  ];
  const itemColumns: Column<Item>[] = [
    { key: 'dueDate', label: t('dueDate'), sortValue: (i) => i.dueDate, render: (i) => i.dueDate },
    { key: 'title', label: t('itemTitle'), sortValue: (i) => i.title, render: (i) => i.title },
    {
      key: 'owner',
      label: t('ownerDepartment'),
      sortValue: (i) => i.ownerDepartment,
      render: (i) => i.ownerDepartment,
      filterable: true,
    },
    {
      key: 'status',
      label: t('status'),
      sortValue: (i) => i.status,
      exportValue: (i) => t(`improvement_${i.status}`),
      render: (i) => t(`improvement_${i.status}`),
      filterable: true,
    },
    {
      key: 'evidence',
      label: t('evidence'),
      sortValue: (i) => i.feedbackIds.length,
      render: (i) => i.feedbackIds.length,
      numeric: true,
    },
  ];
  return (
    <section
      aria-labelledby="voc-title"
      data-voc-categories={categories.map((c) => `${c.category}:${c.feedback}`).join(' ')}
    >
      <h2 id="voc-title">{t('voc')}</h2>
      <PeriodPicker period={period} onChange={setPeriod} timeZone={timeZone} />
      <QueryState loading={loading} error={error} hasData={!!data} updating={updating}>
        <h3>{t('vocCategories')}</h3>
        {categories.length === 0 ? (
          <p>{t('noFeedback')}</p>
        ) : (
          <Chart
            label={t('vocCategoryChart')}
            height={Math.max(200, 60 + categories.length * 36)}
            option={vocCategoryChart(categories, {
              feedback: t('feedback'),
              previousFeedback: t('previousFeedback'),
            })}
          />
        )}
        <SortableTable<Category>
          caption={t('vocCategories')}
          columns={categoryColumns}
          rows={categories}
          rowKey={(c) => c.category}
          initialSort={{ key: 'feedback', direction: 'descending' }}
        />
        <SortableTable<SurveyRow>
          caption={t('surveyResults')}
          columns={surveyColumns}
          rows={surveys}
          rowKey={(s) => s.centerId ?? 'all'}
        />
        <SortableTable<Item>
          caption={t('improvementItems')}
          columns={itemColumns}
          rows={data?.improvementItems ?? []}
          rowKey={(i) => i.id}
          initialSort={{ key: 'dueDate', direction: 'ascending' }}
        />
      </QueryState>
    </section>
  );
}
