import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { useMemo, useState } from 'react';
import {
  AssignableAgentsDocument,
  CaseVersionDocument,
  FollowUpsDocument,
  ReassignCaseDocument,
  ReassignFollowUpDocument,
  type FollowUpFragment,
} from '../../api/generated';
import { QueryState } from '../../components/query-state';
import { SortableTable, type Column } from '../../components/sortable-table';
import { useI18n } from '../../i18n/i18n';
import { routeHref } from '../../routing';
import { useCodeLabel } from './customer-page';
import {
  assignableFor,
  followUpBucket,
  followUpsByAgent,
  mayReassignFollowUps,
  type AgentFollowUps,
  type AssignableAgent,
  type FollowUpBucket,
} from './follow-ups';

/** The unkept promises asked for in one list (care's page-size limit); the page says so when it is full. */
export const FOLLOW_UPS_LIMIT = 500;

type Row = FollowUpFragment & { bucket: FollowUpBucket };

/**
 * Follow-ups for leads, managers and case handlers: every unkept promise they see, overdue first,
 * then due today, then later; counts by agent; the escalation level fired. A team lead or center
 * manager (and ADMIN) hands a follow-up to another agent in one click (reassignCommitment, the
 * promise's version as the lock), picking from the agents staff lets them see in the promise's
 * center (a lead their team, a manager their center); those care lets change cases (CASE_HANDLER,
 * ADMIN) can also hand the promise's case to another agent (changeCase).
 */
export function FollowUpsPage({
  timeZone,
  canReassign,
  roles = [],
}: {
  timeZone: string;
  canReassign: boolean;
  roles?: readonly string[];
}) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  const label = useCodeLabel();
  const { data, loading, error } = useQuery(FollowUpsDocument, {
    variables: { first: FOLLOW_UPS_LIMIT },
  });
  const rows = useMemo(() => {
    const now = new Date();
    return (data?.commitments ?? []).flatMap((c): Row[] => {
      const bucket = followUpBucket(c, timeZone, now);
      return bucket ? [{ ...c, bucket }] : [];
    });
  }, [data, timeZone]);
  const byAgent = useMemo(() => followUpsByAgent(rows, timeZone), [rows, timeZone]);
  const canReassignFollowUps = mayReassignFollowUps(roles);
  const assignable = useQuery(AssignableAgentsDocument, { skip: !canReassignFollowUps });
  const agents = assignable.data?.agents.nodes ?? [];
  const columns: Column<Row>[] = [
    {
      key: 'bucket',
      label: t('status'),
      sortValue: (r) => ['overdueNow', 'dueToday', 'openLater'].indexOf(r.bucket),
      exportValue: (r) => t(r.bucket),
      render: (r) => <span className={`bucket ${r.bucket}`}>{t(r.bucket)}</span>,
      filterable: true,
    },
    {
      key: 'dueAt',
      label: t('dueAt'),
      sortValue: (r) => r.dueAt,
      exportValue: (r) => format.dateTime(r.dueAt),
      render: (r) => format.dateTime(r.dueAt),
    },
    {
      key: 'owner',
      label: t('promiser'),
      sortValue: (r) => r.ownerEmployeeNo,
      render: (r) => (
        <a href={routeHref({ page: 'agent', employeeNo: r.ownerEmployeeNo })}>{r.ownerEmployeeNo}</a>
      ),
      filterable: true,
    },
    {
      key: 'customer',
      label: t('customer'),
      sortValue: (r) => r.customerKey,
      render: (r) => <a href={routeHref({ page: 'customer', key: r.customerKey })}>{r.customerKey}</a>,
    },
    {
      key: 'kind',
      label: t('kind'),
      sortValue: (r) => label('kind_', r.kind),
      render: (r) => label('kind_', r.kind),
    },
    {
      key: 'level',
      label: t('escalationLevel'),
      sortValue: (r) => r.escalationLevel ?? null,
      exportValue: (r) => (r.escalationLevel == null ? '' : String(r.escalationLevel)),
      render: (r) => (
        <>
          {r.escalationLevel ?? '–'}
          {r.complaintRisk && <span className="risk"> · {t('complaintRisk')}</span>}
        </>
      ),
      filterable: true,
    },
  ];
  // a lead or manager gives the follow-up itself to an agent in reach; nobody else is offered it
  if (canReassignFollowUps)
    columns.push({
      key: 'reassignFollowUp',
      label: t('reassignFollowUp'),
      sortValue: (r) => r.ownerEmployeeNo,
      exportValue: () => '',
      render: (r) => (
        <ReassignFollowUp
          promise={r}
          describe={`${r.customerKey}, ${r.ownerEmployeeNo}, ${format.dateTime(r.dueAt)}`}
          agents={assignableFor(agents, r)}
          loading={assignable.loading}
          error={assignable.error?.message ?? null}
        />
      ),
    });
  // care lets case handlers (and ADMIN) change a case; others are not offered what they would be refused
  if (canReassign)
    columns.push({
      key: 'reassign',
      label: t('reassign'),
      sortValue: (r) => r.caseId,
      exportValue: () => '',
      render: (r) => (r.caseId ? <ReassignCase caseId={r.caseId} /> : t('noCase')),
    });
  const agentColumns: Column<AgentFollowUps>[] = [
    {
      key: 'employeeNo',
      label: t('agentNo'),
      sortValue: (a) => a.employeeNo,
      render: (a) => <a href={routeHref({ page: 'agent', employeeNo: a.employeeNo })}>{a.employeeNo}</a>,
    },
    ...(['overdueNow', 'dueToday', 'openLater'] as const).map(
      (bucket): Column<AgentFollowUps> => ({
        key: bucket,
        label: t(bucket),
        sortValue: (a) => a[bucket],
        render: (a) => a[bucket],
        numeric: true,
      }),
    ),
    {
      key: 'highestLevel',
      label: t('escalationLevel'),
      sortValue: (a) => a.highestLevel,
      render: (a) => a.highestLevel ?? '–',
      numeric: true,
    },
  ];
  const count = (bucket: FollowUpBucket) => rows.filter((r) => r.bucket === bucket).length;
  return (
    <section aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t('followUps')}</h2>
      <QueryState loading={loading} error={error} hasData={!!data}>
        <div className="tiles">
          {(['overdueNow', 'dueToday', 'openLater'] as const).map((bucket) => (
            <div
              key={bucket}
              className={`tile ${bucket === 'overdueNow' ? 'status-RED' : bucket === 'dueToday' ? 'status-AMBER' : ''}`}
              data-bucket={bucket}
            >
              <h3>{t(bucket)}</h3>
              <p className="tile-value">{count(bucket)}</p>
            </div>
          ))}
        </div>
        {(data?.commitments.length ?? 0) >= FOLLOW_UPS_LIMIT && (
          <p role="note" className="notice partial">
            {t('followUpsCapped')} {FOLLOW_UPS_LIMIT}
          </p>
        )}
        <SortableTable<Row>
          caption={t('followUps')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.id}
          initialSort={{ key: 'bucket', direction: 'ascending' }}
        />
        <SortableTable<AgentFollowUps>
          caption={t('byAgent')}
          columns={agentColumns}
          rows={byAgent}
          rowKey={(a) => a.employeeNo}
          initialSort={{ key: 'overdueNow', direction: 'descending' }}
        />
      </QueryState>
    </section>
  );
}

/**
 * Hands a follow-up to another agent: the agents in reach (name next to number), then
 * reassignCommitment at the version the list was read at; care's error is shown beside the control
 * (a stale version: CONFLICT; an agent out of reach: FORBIDDEN), and the list's row follows the answer.
 */
function ReassignFollowUp({
  promise,
  describe,
  agents,
  loading: agentsLoading,
  error,
}: {
  promise: Row;
  /** Which follow-up, for the control's accessible name (customer, owner, due) */
  describe: string;
  agents: AssignableAgent[];
  loading: boolean;
  error: string | null;
}) {
  const { t } = useI18n();
  const [reassign, { loading }] = useMutation(ReassignFollowUpDocument);
  const [owner, setOwner] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    setOutcome(null);
    try {
      const done = await reassign({
        variables: {
          input: { id: promise.id, ownerEmployeeNo: owner, expectedVersion: promise.version },
        },
      });
      const moved = done.data?.reassignCommitment.ownerEmployeeNo ?? owner;
      setOwner('');
      setOutcome({ ok: true, text: `${t('followUpReassigned')} ${moved}` });
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  const message = error ?? (!agentsLoading && !agents.length ? t('noAssignableAgent') : null);
  return (
    <form
      className="reassign reassign-follow-up"
      onSubmit={(e) => {
        e.preventDefault();
        if (owner) void submit();
      }}
    >
      <select
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        aria-label={`${t('reassignFollowUpTo')} (${describe})`}
        disabled={!agents.length}
      >
        <option value="">{t('reassignFollowUpTo')}</option>
        {agents.map((a) => (
          <option key={a.employeeNo} value={a.employeeNo}>
            {a.employeeNo} · {a.displayName}
          </option>
        ))}
      </select>
      <Button size="small" htmlType="submit" loading={loading} disabled={!owner}>
        {t('reassignFollowUp')}
      </Button>
      {message && !outcome && <span className="note">{message}</span>}
      {outcome && (
        <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </span>
      )}
    </form>
  );
}

/** Hands the promise's case to another agent: the case's current version, then changeCase with it. */
function ReassignCase({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const client = useApolloClient();
  const [reassign, { loading }] = useMutation(ReassignCaseDocument);
  const [owner, setOwner] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = async () => {
    setOutcome(null);
    try {
      const current = await client.query({
        query: CaseVersionDocument,
        variables: { id: caseId },
        fetchPolicy: 'network-only',
      });
      const version = current.data?.case?.version;
      if (version == null) throw new Error(t('noCase'));
      const done = await reassign({
        variables: { caseId, expectedVersion: version, ownerAgentNo: owner.trim() },
      });
      setOutcome({ ok: true, text: `${t('reassigned')} ${done.data?.changeCase.ownerAgentNo ?? owner}` });
    } catch (e) {
      setOutcome({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };
  return (
    <form
      className="reassign"
      onSubmit={(e) => {
        e.preventDefault();
        if (owner.trim()) void submit();
      }}
    >
      <Input
        size="small"
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        aria-label={`${t('reassignTo')} (${caseId})`}
        placeholder={t('reassignTo')}
        style={{ width: 150 }}
      />
      <Button size="small" htmlType="submit" loading={loading}>
        {t('reassign')}
      </Button>
      {outcome && (
        <span role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'ok' : 'error'}>
          {outcome.text}
        </span>
      )}
    </form>
  );
}
