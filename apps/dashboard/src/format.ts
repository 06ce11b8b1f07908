import type { KpiUnit } from './api/generated';
import type { Locale } from './i18n/messages';

const DASH = '–';

/** Numbers, percentages, durations and instants for one locale, in one time zone. */
export interface Formatter {
  number: (value: number | null | undefined, digits?: number) => string;
  percent: (ratio: number | null | undefined) => string;
  duration: (seconds: number | null | undefined) => string;
  kpi: (value: number | null | undefined, unit: KpiUnit) => string;
  time: (iso: string) => string;
  date: (iso: string) => string;
  dateTime: (iso: string) => string;
}

export function formatter(locale: Locale, timeZone: string): Formatter {
  const numbers = new Map<number, Intl.NumberFormat>();
  const numberOf = (digits: number) => {
    let format = numbers.get(digits);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
      numbers.set(digits, format);
    }
    return format;
  };
  // money to the cent, always two decimals (16.50, not 16.5)
  const money = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const date = new Intl.DateTimeFormat(locale, { timeZone, year: 'numeric', month: 'short', day: 'numeric' });
  const dateTime = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'medium', timeStyle: 'short' });
  const missing = (value: number | null | undefined): value is null | undefined =>
    value === null || value === undefined || !Number.isFinite(value);
  const duration = (seconds: number | null | undefined): string => {
    if (missing(seconds)) return DASH;
    const whole = Math.round(seconds);
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    if (locale === 'zh-CN')
      return minutes > 0 ? `${minutes}分${String(rest).padStart(2, '0')}秒` : `${rest}秒`;
    return minutes > 0 ? `${minutes} min ${String(rest).padStart(2, '0')} s` : `${rest} s`;
  };
  const api = {
    number: (value: number | null | undefined, digits = 0) =>
      missing(value) ? DASH : numberOf(digits).format(value),
    percent: (ratio: number | null | undefined) => (missing(ratio) ? DASH : percent.format(ratio)),
    duration,
    time: (iso: string) => time.format(new Date(iso)),
    date: (iso: string) => date.format(new Date(iso)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
  };
  return {
    ...api,
    kpi: (value, unit) => {
      if (unit === 'RATIO') return api.percent(value);
      if (unit === 'SECONDS') return api.duration(value);
      if (unit === 'PERCENT_POINTS') return api.number(value, 1);
      if (unit === 'COUNT') return api.number(value, 0);
      if (unit === 'MONEY') return missing(value) ? DASH : money.format(value);
      return api.number(value, 2);
    },
  };
}
