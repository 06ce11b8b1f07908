import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { PlanSelect } from './plan-select';

afterEach(cleanup);

const PLANS = [
  { id: 'p-1', name: 'Cards weekly' },
  { id: 'p-2', name: 'Loans monthly' },
];

describe('PlanSelect', () => {
  it('lists the plans by name under its label, the chosen one selected', () => {
    render(
      <I18nProvider locale="en">
        <PlanSelect plans={PLANS} value="p-2" onChange={() => undefined} />
      </I18nProvider>,
    );
    const select = screen.getByLabelText('Sampling plan') as HTMLSelectElement;
    expect([...select.options].map((o) => [o.value, o.text])).toEqual([
      ['p-1', 'Cards weekly'],
      ['p-2', 'Loans monthly'],
    ]);
    expect(select.value).toBe('p-2');
  });

  it('hands on the id of the plan picked, once', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <I18nProvider locale="en">
        <PlanSelect plans={PLANS} value="p-1" onChange={onChange} />
      </I18nProvider>,
    );
    await user.selectOptions(screen.getByLabelText('Sampling plan'), 'Loans monthly');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith('p-2');
  });

  it('speaks Chinese in the Chinese dashboard', () => {
    render(
      <I18nProvider locale="zh-CN">
        <PlanSelect plans={PLANS} value="p-1" onChange={() => undefined} />
      </I18nProvider>,
    );
    expect(screen.getByLabelText('抽样计划')).toBeTruthy();
  });
});
