import { useQuery } from '@apollo/client/react';
import { useMemo, useState } from 'react';
import { AgentPageDocument } from '../api/generated';
import { PeriodPicker } from '../components/period-picker';
import { QueryState } from '../components/query-state';
import { useI18n } from '../i18n/i18n';
import { lastDays, periodInstants, type Period } from '../period';
import { routeHref } from '../routing';

/** One agent: traffic and QA for a period, their evaluations, training and certifications. */
export function AgentPage({ employeeNo, timeZone }: { employeeNo: string; timeZone: string }) {
  const { t, format: formatIn } = useI18n();
  const [period, setPeriod] = useState<Period>(() => lastDays(30, timeZone));
  const variables = useMemo(
    () => ({ employeeNo, ...periodInstants(period, timeZone) }),
    [employeeNo, period, timeZone],
  );
  const { data, loading, error } = useQuery(AgentPageDocument, { variables });
  const agent = data?.agent;
  const format = formatIn(agent?.center?.timeZone ?? timeZone);
  const yesNo = (value: boolean) => (value ? t('yes') : t('no'));
  return (
    <section aria-labelledby="agent-title" data-employee-no={agent?.employeeNo ?? ''}>
      <h2 id="agent-title">
        {t('agent')}: {agent ? `${agent.displayName} (${agent.employeeNo})` : employeeNo}
      </h2>
      {agent?.team && (
        <p>
          <a href={routeHref({ page: 'team', teamId: agent.team.id })}>{agent.team.name}</a>
        </p>
      )}
      <PeriodPicker period={period} onChange={setPeriod} />
      <QueryState loading={loading} error={error} hasData={!!agent}>
        <dl className="facts">
          <dt>{t('offered')}</dt>
          <dd>{format.number(agent?.trafficSummary.offered)}</dd>
          <dt>{t('serviceLevel')}</dt>
          <dd>{format.percent(agent?.trafficSummary.serviceLevel)}</dd>
          <dt>{t('aht')}</dt>
          <dd>{format.duration(agent?.trafficSummary.ahtSeconds)}</dd>
          <dt>{t('qaScore')}</dt>
          <dd data-testid="agent-qa-score">{format.number(agent?.qaSummary.score, 1)}</dd>
          <dt>{t('evaluations')}</dt>
          <dd>{format.number(agent?.qaSummary.evaluations)}</dd>
          <dt>{t('compliance')}</dt>
          <dd>{agent?.training.complianceStatus ?? '–'}</dd>
        </dl>
        <table className="table">
          <caption>{t('evaluations')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('submittedAt')}</th>
              <th scope="col">{t('scorecard')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col" className="numeric">
                {t('score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(data?.evaluations.nodes ?? []).map((e) => (
              <tr key={e.id}>
                <td>{e.submittedAt ? format.dateTime(e.submittedAt) : '–'}</td>
                <td>{e.scorecard.name}</td>
                <td>{e.status}</td>
                <td className="numeric">{format.number(e.overallScore, 1)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>{t('certifications')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('course')}</th>
              <th scope="col">{t('issuedOn')}</th>
              <th scope="col">{t('expiresOn')}</th>
              <th scope="col">{t('valid')}</th>
            </tr>
          </thead>
          <tbody>
            {(agent?.training.certifications ?? []).map((c) => (
              <tr key={c.id}>
                <td>{c.course.title}</td>
                <td>{c.issuedOn}</td>
                <td>{c.expiresOn ?? '–'}</td>
                <td>{yesNo(c.valid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="table">
          <caption>{t('assignments')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('course')}</th>
              <th scope="col">{t('dueDate')}</th>
              <th scope="col">{t('status')}</th>
            </tr>
          </thead>
          <tbody>
            {(agent?.training.assignments ?? []).map((a) => (
              <tr key={a.id}>
                <td>{a.course.title}</td>
                <td>{a.dueDate}</td>
                <td>{a.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </QueryState>
    </section>
  );
}
