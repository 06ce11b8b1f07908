import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KpiValueFieldsFragment } from '../api/generated';
import { formatter } from '../format';
import { I18nProvider } from '../i18n/i18n';
import { KpiTile } from './kpi-tile';

const serviceLevel: KpiValueFieldsFragment = {
  code: 'SERVICE_LEVEL',
  value: 0.8267,
  target: 0.88,
  status: 'RED',
  asOf: null,
  stale: false,
  kpi: {
    code: 'SERVICE_LEVEL',
    name: 'Service level',
    nameZh: '服务水平',
    unit: 'RATIO',
    direction: 'HIGHER_IS_BETTER',
  },
};

afterEach(cleanup);

describe('KpiTile', () => {
  it('shows value, target and status in words, in the chosen language', () => {
    render(
      <I18nProvider locale="zh-CN">
        <KpiTile kpi={serviceLevel} format={formatter('zh-CN', 'Asia/Shanghai')} />
      </I18nProvider>,
    );
    const tile = screen.getByRole('article', { name: '服务水平' });
    expect(tile.querySelector('h3')?.textContent).toBe('服务水平');
    expect(tile.textContent).toContain('82.7%');
    expect(tile.textContent).toContain('目标: 88.0%');
    expect(tile.textContent).toContain('未达标');
    expect(tile.getAttribute('data-value')).toBe('0.8267');
  });

  it('names a KPI in English as the API does, and one the catalog names only in English by that name', () => {
    const custom: KpiValueFieldsFragment = {
      ...serviceLevel,
      code: 'LOYALTY_INDEX',
      kpi: { ...serviceLevel.kpi, code: 'LOYALTY_INDEX', name: 'Loyalty index', nameZh: null },
    };
    render(
      <>
        <I18nProvider locale="en">
          <KpiTile kpi={serviceLevel} format={formatter('en', 'UTC')} />
        </I18nProvider>
        <I18nProvider locale="zh-CN">
          <KpiTile kpi={custom} format={formatter('zh-CN', 'UTC')} />
        </I18nProvider>
      </>,
    );
    expect(screen.getByRole('article', { name: 'Service level' })).toBeTruthy();
    expect(screen.getByRole('article', { name: 'Loyalty index' }).textContent).toContain('未达标');
  });

  it('says when there is nothing to measure', () => {
    render(
      <I18nProvider locale="en">
        <KpiTile kpi={{ ...serviceLevel, value: null, status: null }} format={formatter('en', 'UTC')} />
      </I18nProvider>,
    );
    expect(screen.getByRole('article').textContent).toContain('No data');
  });

  it('says when the value is stale, and as of when, in the chosen language', () => {
    render(
      <>
        <I18nProvider locale="en">
          <KpiTile
            kpi={{ ...serviceLevel, stale: true, asOf: '2026-03-02T01:00:00.000Z' }}
            format={formatter('en', 'UTC')}
          />
        </I18nProvider>
        <I18nProvider locale="zh-CN">
          <KpiTile
            kpi={{ ...serviceLevel, code: 'ASA', stale: true, asOf: null }}
            format={formatter('zh-CN', 'UTC')}
          />
        </I18nProvider>
      </>,
    );
    const [en, zh] = screen.getAllByRole('note');
    expect(en.textContent).toContain('Data late');
    expect(en.textContent).toContain('as of');
    expect(zh.textContent).toBe('数据延迟：数据源已超过预警时限');
    expect(screen.getAllByRole('article')[0].getAttribute('data-stale')).toBe('true');
  });

  it('says nothing of freshness when the value is fresh', () => {
    render(
      <I18nProvider locale="en">
        <KpiTile kpi={serviceLevel} format={formatter('en', 'UTC')} />
      </I18nProvider>,
    );
    expect(screen.queryByRole('note')).toBeNull();
  });
});
