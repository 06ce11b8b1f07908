import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { QueryState, failedServices } from './query-state';

const partial = new CombinedGraphQLErrors({
  data: { performance: {} },
  errors: [
    { message: 'qa is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'qa' } },
    { message: 'qa again', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'qa' } },
    { message: 'training is down', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'training' } },
  ],
});

afterEach(cleanup);

describe('QueryState', () => {
  it('shows what arrived with a notice naming each service that did not answer', () => {
    expect(failedServices(partial)).toEqual(['qa', 'training']);
    render(
      <I18nProvider locale="en">
        <QueryState loading={false} error={partial} hasData>
          <p>tiles</p>
        </QueryState>
      </I18nProvider>,
    );
    expect(screen.getByText('tiles')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      'Some services did not answer; what is shown is what still works: qa, training',
    );
  });

  it('says linked records are hidden, not that a service failed, for NOT_FOUND fields (issue 17)', () => {
    const hidden = new CombinedGraphQLErrors({
      data: { evaluations: { nodes: [{ id: 'e1', evaluator: null }] } },
      errors: [
        {
          message: 'Agent: not found, or not visible to you',
          path: ['evaluations', 'nodes', 0, 'evaluator'],
          extensions: { code: 'NOT_FOUND', serviceName: 'staff' },
        },
      ],
    });
    expect(failedServices(hidden)).toEqual([]);
    render(
      <I18nProvider locale="en">
        <QueryState loading={false} error={hidden} hasData>
          <p>rows</p>
        </QueryState>
      </I18nProvider>,
    );
    expect(screen.getByText('rows')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(
      'Some linked records are not shown: they do not exist or are outside your access.',
    );
  });

  it('says the view failed when nothing arrived, and is loading before that', () => {
    const { rerender } = render(
      <I18nProvider locale="en">
        <QueryState loading error={undefined} hasData={false}>
          <p>tiles</p>
        </QueryState>
      </I18nProvider>,
    );
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    rerender(
      <I18nProvider locale="en">
        <QueryState loading={false} error={partial} hasData={false}>
          <p>tiles</p>
        </QueryState>
      </I18nProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Could not load this view');
    expect(screen.queryByText('tiles')).toBeNull();
  });
});
