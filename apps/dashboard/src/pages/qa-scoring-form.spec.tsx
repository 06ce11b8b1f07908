import { MockedProvider } from '@apollo/client/testing/react';
import { GraphQLError } from 'graphql';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CreateEvaluationDocument, SubmitEvaluationDocument } from '../api/generated';
import { I18nProvider } from '../i18n/i18n';
import { ScoringForm } from './qa-scoring-form';
import type { Scorecard } from './qa-scoring';

const scorecard: Scorecard = {
  id: 'card-1',
  code: 'VOICE',
  version: 2,
  name: 'Voice',
  sections: [
    {
      key: 'greet',
      title: 'Greeting',
      weight: 1,
      criteria: [
        {
          key: 'hello',
          label: 'Says hello',
          type: 'YES_NO',
          points: 10,
          scaleMax: 1,
          allowNa: false,
          critical: 'NONE',
          category: 'SOFT',
        },
      ],
    },
  ],
};

const input = (evaluator: string) => ({
  scorecardId: 'card-1',
  agentEmployeeNo: 'E10003',
  evaluatorEmployeeNo: evaluator,
  contact: { source: 'acd', externalId: 'c-1' },
  answers: [{ criterionKey: 'hello', value: 1, na: false }],
});

function renderForm(mocks: MockedProviderProps['mocks']) {
  render(
    <MockedProvider mocks={mocks}>
      <I18nProvider locale="en">
        <ScoringForm scorecards={[scorecard]} evaluatorEmployeeNo="E10002" canSubmit />
      </I18nProvider>
    </MockedProvider>,
  );
  fireEvent.change(screen.getByLabelText('Agent evaluated (employee no.)'), { target: { value: 'E10003' } });
  fireEvent.change(screen.getByLabelText('Contact source'), { target: { value: 'acd' } });
  fireEvent.change(screen.getByLabelText('Contact ID'), { target: { value: 'c-1' } });
  const submit = screen.getByRole('button', { name: 'Submit evaluation' }) as HTMLButtonElement;
  expect(submit.disabled).toBe(true); // not every criterion answered yet
  fireEvent.change(screen.getByLabelText('Says hello'), { target: { value: '1' } });
  expect(submit.disabled).toBe(false);
  return submit;
}
type MockedProviderProps = React.ComponentProps<typeof MockedProvider>;

afterEach(cleanup);

describe('ScoringForm saving', () => {
  it('creates and submits once however often it is clicked, then shows the stored score', async () => {
    const created = vi.fn(() => ({ data: { createEvaluation: { id: 'ev-1', status: 'DRAFT' } } }));
    const submitted = vi.fn(() => ({
      data: {
        submitEvaluation: {
          id: 'ev-1',
          status: 'SUBMITTED',
          overallScore: 100,
          autoFailed: false,
          submittedAt: '2026-11-23T09:00:00.000Z',
        },
      },
    }));
    const submit = renderForm([
      {
        request: { query: CreateEvaluationDocument, variables: { input: input('E10002') } },
        result: created,
        delay: 30,
        maxUsageCount: 3, // a second save would be answered (and counted), not refused by the mock
      },
      {
        request: { query: SubmitEvaluationDocument, variables: { id: 'ev-1' } },
        result: submitted,
        maxUsageCount: 3,
      },
    ]);
    fireEvent.click(submit);
    fireEvent.click(submit);
    fireEvent.submit(submit.form as HTMLFormElement);
    await waitFor(() =>
      expect(screen.getByTestId('submitted').textContent).toBe('Evaluation submitted; score stored: 100'),
    );
    expect(created).toHaveBeenCalledTimes(1);
    expect(submitted).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('live-score').textContent).toBe('Score: – · 0/1'); // ready for the next one
  });

  it('shows the API’s BAD_USER_INPUT beside the input it names, and other errors above the button', async () => {
    const refused = {
      errors: [
        new GraphQLError('input.evaluatorEmployeeNo: must not be the evaluated agent', {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'input.evaluatorEmployeeNo', message: 'must not be the evaluated agent' }],
          },
        }),
      ],
    };
    const submit = renderForm([
      {
        request: { query: CreateEvaluationDocument, variables: { input: input('E10003') } },
        result: refused,
      },
      {
        request: { query: CreateEvaluationDocument, variables: { input: input('E10009') } },
        result: {
          errors: [
            new GraphQLError('createEvaluation: outside your access', { extensions: { code: 'FORBIDDEN' } }),
          ],
        },
      },
    ]);
    const evaluator = screen.getByLabelText('Evaluator') as HTMLInputElement;
    expect(evaluator.value).toBe('E10002'); // from the token
    fireEvent.change(evaluator, { target: { value: 'E10003' } });
    fireEvent.click(submit);
    const error = await screen.findByText('input.evaluatorEmployeeNo: must not be the evaluated agent');
    expect(evaluator.getAttribute('aria-invalid')).toBe('true');
    expect(evaluator.getAttribute('aria-describedby')).toBe(error.id);
    expect(screen.queryByTestId('submitted')).toBeNull();

    fireEvent.change(evaluator, { target: { value: 'E10009' } });
    expect(screen.queryByText(/must not be the evaluated agent/)).toBeNull(); // cleared on edit
    fireEvent.click(submit);
    expect(
      (await screen.findByText('createEvaluation: outside your access')).closest('.form-actions'),
    ).not.toBeNull();
    expect(evaluator.getAttribute('aria-invalid')).toBeNull();
  });
});
