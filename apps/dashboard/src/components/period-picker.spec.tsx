import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/i18n';
import { presetPeriod } from '../period';
import { PeriodPicker } from './period-picker';

afterEach(cleanup);

const ZONE = 'Asia/Shanghai';
const PERIOD = { fromDay: '2026-11-01', toDay: '2026-11-08' };

describe('PeriodPicker', () => {
  it('shows the period inclusive and applies a preset at once, to exclusive', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <I18nProvider locale="en">
        <PeriodPicker period={PERIOD} onChange={onChange} timeZone={ZONE} />
      </I18nProvider>,
    );
    const [from, to] = screen.getAllByRole('textbox') as HTMLInputElement[];
    expect([from.value, to.value]).toEqual(['2026-11-01', '2026-11-07']);
    await user.click(from);
    await user.click(await screen.findByText('Last month'));
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(presetPeriod('lastMonth', ZONE));
  }, 60_000);

  it('asks nothing while a date is typed, only once a whole range is there', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(
      <I18nProvider locale="en">
        <PeriodPicker period={PERIOD} onChange={onChange} timeZone={ZONE} />
      </I18nProvider>,
    );
    const [from] = screen.getAllByRole('textbox') as HTMLInputElement[];
    await user.click(from);
    // key by key, as a person types: no period is applied on the way
    await user.clear(from);
    for (const key of '2026-10-1') {
      await user.type(from, key);
      expect(onChange).not.toHaveBeenCalled();
    }
    await user.type(from, '1{Enter}');
    expect(onChange).not.toHaveBeenCalled(); // one end is not a range
    const [, to] = screen.getAllByRole('textbox') as HTMLInputElement[];
    await user.clear(to);
    await user.type(to, '2026-10-07');
    expect(onChange).not.toHaveBeenCalled();
    await user.type(to, '{Enter}');
    expect(onChange).toHaveBeenCalledTimes(1);
    // the ends typed backwards (11th, then 7th) are put in order; to is exclusive
    expect(onChange).toHaveBeenCalledWith({ fromDay: '2026-10-07', toDay: '2026-10-12' });
  }, 60_000);

  it('speaks Chinese in zh-CN: its presets and the picker (Ant Design’s zh-CN locale)', async () => {
    const user = userEvent.setup();
    const { default: ConfigProvider } = await import('antd/es/config-provider');
    const { default: zhCN } = await import('antd/es/locale/zh_CN');
    render(
      <ConfigProvider locale={zhCN}>
        <I18nProvider locale="zh-CN">
          <PeriodPicker period={PERIOD} onChange={vi.fn()} timeZone={ZONE} />
        </I18nProvider>
      </ConfigProvider>,
    );
    await user.click(screen.getAllByRole('textbox')[0]);
    for (const label of ['今天', '昨天', '本周', '最近 7 天', '本月', '上月'])
      expect(await screen.findByText(label)).toBeTruthy();
    expect(screen.getByText('期间')).toBeTruthy();
  }, 60_000);
});
