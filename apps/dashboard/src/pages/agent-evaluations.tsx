import { useApolloClient, useMutation } from '@apollo/client/react';
import { useEffect, useState } from 'react';
import {
  AcknowledgeEvaluationDocument,
  AgentEvaluationsMoreDocument,
  DisputeEvaluationDocument,
  type AgentEvaluationFieldsFragment,
} from '../api/generated';
import { SortableTable, type Column } from '../components/sortable-table';
import type { Formatter } from '../format';
import { useI18n } from '../i18n/i18n';
import { formErrors } from './qa-scoring';
import { useEvaluationLabels } from './qa-work';

type Evaluation = AgentEvaluationFieldsFragment;

/**
 * The evaluations an agent's QA summary counts (submitted in the period, calibration scorings apart),
 * every page of them, so the list and the count agree. On their own page the agent acknowledges a
 * score or disputes it with a reason; the QA page's disputes panel then shows it to a resolver.
 */
export function AgentEvaluations({
  employeeNo,
  first,
  awaiting,
  period,
  own,
  format,
  onChanged,
}: {
  employeeNo: string;
  first: { nodes: Evaluation[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } } | null;
  /** Scores not yet acknowledged or disputed, whatever their date (a score of today is outside a period of whole days). */
  awaiting: Evaluation[];
  period: { from: string; to: string };
  /** The signed-in agent is the evaluated one: acknowledge and dispute are offered. */
  own: boolean;
  format: Formatter;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const labels = useEvaluationLabels();
  const client = useApolloClient();
  const [more, setMore] = useState<{ nodes: Evaluation[]; endCursor: string | null; hasNextPage: boolean }>({
    nodes: [],
    endCursor: null,
    hasNextPage: false,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [disputing, setDisputing] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [acknowledge, ack] = useMutation(AcknowledgeEvaluationDocument);
  const [dispute, disp] = useMutation(DisputeEvaluationDocument);
  // a new first page (another period, or after an action) starts the list again
  useEffect(() => {
    setMore({ nodes: [], endCursor: null, hasNextPage: false });
  }, [first]);
  const cursor = more.endCursor ?? first?.pageInfo.endCursor ?? null;
  const hasNext = more.endCursor ? more.hasNextPage : (first?.pageInfo.hasNextPage ?? false);
  const rows = [...(first?.nodes ?? []), ...more.nodes];

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const { data } = await client.query({
        query: AgentEvaluationsMoreDocument,
        variables: { employeeNo, ...period, after: cursor },
        fetchPolicy: 'network-only',
      });
      const page = data?.evaluations;
      if (page)
        setMore({
          nodes: [...more.nodes, ...page.nodes],
          endCursor: page.pageInfo.endCursor ?? null,
          hasNextPage: page.pageInfo.hasNextPage,
        });
    } finally {
      setLoadingMore(false);
    }
  };
  const act = async (run: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await run();
      setDisputing(null);
      setReason('');
      onChanged();
    } catch (error) {
      setProblem(Object.values(formErrors(error)).flat().join('; '));
    }
  };
  const busy = ack.loading || disp.loading;

  const columns: Column<Evaluation>[] = [
    {
      key: 'submittedAt',
      label: t('submittedAt'),
      sortValue: (e) => e.submittedAt ?? null,
      render: (e) => (e.submittedAt ? format.dateTime(e.submittedAt) : '–'),
    },
    {
      key: 'scorecard',
      label: t('scorecard'),
      sortValue: (e) => e.scorecard.name,
      render: (e) => e.scorecard.name,
    },
    {
      key: 'evaluator',
      label: t('evaluatorNo'),
      sortValue: (e) => e.evaluatorEmployeeNo,
      render: (e) => e.evaluatorEmployeeNo,
    },
    {
      key: 'status',
      label: t('status'),
      sortValue: (e) => e.status,
      exportValue: (e) => labels.status(e.status),
      filterable: true,
      render: (e) =>
        e.resolution
          ? `${labels.status(e.status)} · ${labels.resolution(e.resolution)}`
          : labels.status(e.status),
    },
    {
      key: 'score',
      label: t('score'),
      numeric: true,
      sortValue: (e) => e.overallScore ?? null,
      render: (e) => format.number(e.overallScore, 1),
    },
    {
      key: 'comment',
      label: t('overallComment'),
      sortValue: (e) => e.comment ?? null,
      render: (e) => e.comment ?? e.disputeReason ?? '–',
    },
  ];
  const actions: Column<Evaluation> = {
    key: 'act',
    label: t('acknowledge'),
    sortValue: () => null,
    exportValue: () => null,
    render: (e: Evaluation) =>
      e.status !== 'SUBMITTED' ? (
        '–'
      ) : disputing === e.id ? (
        <span className="inline-form">
          <input
            aria-label={t('disputeWhy')}
            value={reason}
            maxLength={4000}
            onChange={(event) => setReason(event.target.value)}
          />
          <button
            type="button"
            disabled={busy || !reason.trim()}
            onClick={() =>
              void act(() => dispute({ variables: { id: e.id, employeeNo, reason: reason.trim() } }))
            }
          >
            {t('sendDispute')}
          </button>
          <button type="button" onClick={() => setDisputing(null)}>
            {t('cancel')}
          </button>
        </span>
      ) : (
        <span className="inline-form">
          <button
            type="button"
            disabled={busy}
            onClick={() => void act(() => acknowledge({ variables: { id: e.id, employeeNo } }))}
          >
            {t('acknowledge')}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setDisputing(e.id);
              setReason('');
            }}
          >
            {t('dispute')}
          </button>
        </span>
      ),
  };

  return (
    <>
      {awaiting.length > 0 && (
        <div data-testid="agent-awaiting">
          <SortableTable<Evaluation>
            caption={t('awaitingResponse')}
            rows={awaiting}
            rowKey={(e) => e.id}
            initialSort={{ key: 'submittedAt', direction: 'descending' }}
            columns={own ? [...columns, actions] : columns}
          />
          {problem && (
            <div role="alert" className="notice error">
              {problem}
            </div>
          )}
        </div>
      )}
      <div
        data-testid="agent-evaluations"
        data-count={rows.length}
        data-complete={hasNext ? 'false' : 'true'}
      >
        <SortableTable<Evaluation>
          caption={t('evaluations')}
          rows={rows}
          rowKey={(e) => e.id}
          initialSort={{ key: 'submittedAt', direction: 'descending' }}
          columns={columns}
        />

        {hasNext && (
          <button
            type="button"
            onClick={() => void loadMore()}
            disabled={loadingMore}
            aria-busy={loadingMore}
          >
            {t('moreEvaluations')}
          </button>
        )}
      </div>
    </>
  );
}
