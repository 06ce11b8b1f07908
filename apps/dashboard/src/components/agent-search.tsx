import { useQuery } from '@apollo/client/react';
import Input from 'antd/es/input';
import { useState } from 'react';
import { AgentSearchDocument, type AgentHitFragment } from '../api/generated';
import { useI18n } from '../i18n/i18n';
import { routeHref } from '../routing';

/** The hits of a search: an exact employee number first, then names, each agent once. */
export function searchHits(
  byNumber: readonly AgentHitFragment[],
  byName: readonly AgentHitFragment[],
): AgentHitFragment[] {
  const seen = new Set<string>();
  return [...byNumber, ...byName].filter((a) => !seen.has(a.id) && seen.add(a.id));
}

/** Find an agent by (part of) the name or by employee number (within what the caller may see). */
export function AgentSearch() {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const { data, loading } = useQuery(AgentSearchDocument, {
    variables: { text, employeeNos: [text.toUpperCase()] },
    skip: text === '',
  });
  const hits = data ? searchHits(data.byNumber.nodes, data.byName.nodes) : [];
  return (
    <div role="search" className="agent-search">
      <Input.Search
        allowClear
        placeholder={t('searchAgents')}
        aria-label={t('searchAgents')}
        loading={loading}
        onSearch={(value) => setText(value.trim())}
        style={{ maxWidth: 320 }}
      />
      {text !== '' && data && (
        <ul aria-label={t('searchHits')} className="search-hits">
          {hits.length === 0 && <li>{t('noAgentFound')}</li>}
          {hits.map((agent) => (
            <li key={agent.id}>
              <a
                href={routeHref({ page: 'agent', employeeNo: agent.employeeNo })}
                onClick={() => setText('')}
              >
                {agent.displayName} ({agent.employeeNo})
              </a>
              {agent.team ? ` · ${agent.team.name}` : ''}
            </li>
          ))}
          {data.byName.totalCount > data.byName.nodes.length && <li>…</li>}
        </ul>
      )}
    </div>
  );
}
