import { useApolloClient, useQuery } from '@apollo/client/react';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { useState } from 'react';
import {
  CustomerPageDocument,
  CustomerTimelineMoreDocument,
  type FollowUpFragment,
  type TimelinePageFragment,
} from '../../api/generated';
import { QueryState } from '../../components/query-state';
import { SortableTable, type Column } from '../../components/sortable-table';
import type { Formatter } from '../../format';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages';
import { routeHref } from '../../routing';
import { isCaseWorker, type Session } from '../../session';

/** Items a page of the timeline holds (keyset: "load more" asks for the next ones after the last). */
export const TIMELINE_PAGE = 10;

type Item = TimelinePageFragment['items'][number];

/** Whether the session may read customers' names and phones (care refuses everyone else). */
export const readsPii = (session: Session) =>
  session.roles.some((r) => r === 'CASE_HANDLER' || r === 'ADMIN');

/** A code's label in the current language, or the code itself when the dashboard has none. */
export function useCodeLabel(): (prefix: string, code: string | null | undefined) => string {
  const { t } = useI18n();
  return (prefix, code) => {
    if (!code) return '–';
    const label = t(`${prefix}${code}` as MessageKey);
    return label ?? code;
  };
}

/** Care: find a customer by key; their details (PII masked unless the role reads it), promises and timeline. */
export function CustomerPage({
  customerKey,
  session,
  timeZone,
}: {
  customerKey: string | null;
  session: Session;
  timeZone: string;
}) {
  const { t } = useI18n();
  const [typed, setTyped] = useState(customerKey ?? '');
  return (
    <section aria-labelledby="customer-title">
      <h2 id="customer-title">{t('customer')}</h2>
      <form
        className="customer-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          if (typed.trim()) window.location.hash = routeHref({ page: 'customer', key: typed.trim() });
        }}
      >
        <label>
          {t('findCustomer')}
          <Input value={typed} onChange={(e) => setTyped(e.target.value)} name="customerKey" />
        </label>
        <Button htmlType="submit" type="primary">
          {t('open')}
        </Button>
      </form>
      {customerKey && (
        <CustomerDetails
          key={customerKey}
          customerKey={customerKey}
          pii={isCaseWorker(session)}
          timeZone={timeZone}
        />
      )}
    </section>
  );
}

function CustomerDetails({
  customerKey,
  pii,
  timeZone,
}: {
  customerKey: string;
  pii: boolean;
  timeZone: string;
}) {
  const { t, format: formatIn } = useI18n();
  const format = formatIn(timeZone);
  const label = useCodeLabel();
  const client = useApolloClient();
  const { data, loading, error } = useQuery(CustomerPageDocument, {
    variables: { key: customerKey, first: TIMELINE_PAGE, pii },
  });
  const [more, setMore] = useState<TimelinePageFragment[]>([]);
  const [fetching, setFetching] = useState(false);
  const customer = data?.customer;
  const pages = customer ? [customer.timeline, ...more] : [];
  const last = pages.at(-1);
  const loadMore = async () => {
    if (!last?.pageInfo.endCursor) return;
    setFetching(true);
    try {
      const next = await client.query({
        query: CustomerTimelineMoreDocument,
        variables: { key: customerKey, first: TIMELINE_PAGE, after: last.pageInfo.endCursor },
      });
      const timeline = next.data?.customer?.timeline;
      if (timeline) setMore((m) => [...m, timeline]);
    } finally {
      setFetching(false);
    }
  };
  return (
    <QueryState loading={loading} error={error} hasData={!!data}>
      {!customer ? (
        <p role="alert">{t('noCustomer')}</p>
      ) : (
        <>
          <dl className="customer-facts" data-customer-key={customer.customerKey}>
            <dt>{t('customerKey')}</dt>
            <dd>{customer.customerKey}</dd>
            <dt>{t('segment')}</dt>
            <dd>{label('segment_', customer.segment)}</dd>
            <dt>{t('customerName')}</dt>
            <dd data-pii="name">{pii ? (customer.name ?? '–') : t('piiMasked')}</dd>
            <dt>{t('phone')}</dt>
            <dd data-pii="phone">{pii ? (customer.phone ?? '–') : t('piiMasked')}</dd>
            {customer.mergedKeys.length > 0 && (
              <>
                <dt>{t('mergedKeys')}</dt>
                <dd>{customer.mergedKeys.join(', ')}</dd>
              </>
            )}
          </dl>
          <PromiseTable promises={data?.commitments ?? []} format={format} />
          <h3>{t('timeline')}</h3>
          <ol className="timeline" aria-label={t('timeline')}>
            {pages
              .flatMap((page) => page.items)
              .map((item, i) => (
                <TimelineEntry key={i} item={item} format={format} />
              ))}
          </ol>
          {last?.pageInfo.hasNextPage ? (
            <Button onClick={() => void loadMore()} loading={fetching}>
              {t('loadMore')}
            </Button>
          ) : (
            <p className="timeline-end">{t('endOfTimeline')}</p>
          )}
        </>
      )}
    </QueryState>
  );
}

function TimelineEntry({ item, format }: { item: Item; format: Formatter }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const agentNo = item.agent?.employeeNo ?? null;
  return (
    <li
      className={`timeline-item ${item.kind === 'CONTACT' ? 'contact' : 'case-event'}`}
      data-kind={item.kind}
      data-channel={item.channel ?? undefined}
      data-agent-no={agentNo ?? undefined}
    >
      <time dateTime={item.at}>{format.dateTime(item.at)}</time> <strong>{label('', item.kind)}</strong>{' '}
      {item.kind === 'CONTACT' ? (
        <span>
          {label('channel_', item.channel)}
          {item.contact && ` · ${item.contact.direction} · ${item.contact.outcome}`}
          {' · '}
          {t('agentNo')}{' '}
          {agentNo ? <a href={routeHref({ page: 'agent', employeeNo: agentNo })}>{agentNo}</a> : '–'}
          {' · '}
          {t('queue')} {item.queueCode ?? '–'}
        </span>
      ) : item.kind === 'COMMITMENT' ? (
        <span>{label('channel_', item.channel)}</span>
      ) : (
        <span>
          {label('event_', item.caseEvent?.kind)} · {item.caseEvent?.actor}
        </span>
      )}
      {item.case && (
        <span className="timeline-case">
          {' · '}
          {t('caseNo')} {item.case.caseNo} ({label('caseStatus_', item.case.status)}): {item.case.title}
        </span>
      )}
    </li>
  );
}

function PromiseTable({ promises, format }: { promises: readonly FollowUpFragment[]; format: Formatter }) {
  const { t } = useI18n();
  const label = useCodeLabel();
  const columns: Column<FollowUpFragment>[] = [
    {
      key: 'kind',
      label: t('kind'),
      sortValue: (p) => label('kind_', p.kind),
      render: (p) => label('kind_', p.kind),
    },
    {
      key: 'channel',
      label: t('channel'),
      sortValue: (p) => label('channel_', p.channel),
      render: (p) => label('channel_', p.channel),
    },
    {
      key: 'promiser',
      label: t('promiser'),
      sortValue: (p) => p.ownerEmployeeNo,
      render: (p) => (
        <a href={routeHref({ page: 'agent', employeeNo: p.ownerEmployeeNo })}>{p.ownerEmployeeNo}</a>
      ),
    },
    {
      key: 'madeAt',
      label: t('madeAt'),
      sortValue: (p) => p.madeAt,
      exportValue: (p) => format.dateTime(p.madeAt),
      render: (p) => format.dateTime(p.madeAt),
    },
    {
      key: 'dueAt',
      label: t('dueAt'),
      sortValue: (p) => p.dueAt,
      exportValue: (p) => format.dateTime(p.dueAt),
      render: (p) => format.dateTime(p.dueAt),
    },
    {
      key: 'status',
      label: t('status'),
      sortValue: (p) => label('', p.status),
      render: (p) => <span data-status={p.status}>{label('', p.status)}</span>,
      filterable: true,
    },
    {
      key: 'level',
      label: t('escalationLevel'),
      sortValue: (p) => p.escalationLevel ?? null,
      render: (p) => p.escalationLevel ?? '–',
      numeric: true,
    },
  ];
  return (
    <SortableTable<FollowUpFragment>
      caption={t('promises')}
      columns={columns}
      rows={promises}
      rowKey={(p) => p.id}
      initialSort={{ key: 'dueAt', direction: 'descending' }}
    />
  );
}
