import DatePicker from 'antd/es/date-picker';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n';
import { isPeriod, PERIOD_PRESETS, presetPeriod, shiftDay, type Period } from '../period';

const DAY = 'YYYY-MM-DD';

/**
 * A period of whole days: presets (today, yesterday, this week, last 7 days, this month, last month,
 * read in the center's time zone) or a range picked or typed; a range applies once both ends are
 * whole days (typing does not ask the API per keystroke). Shown inclusive, kept with `toDay` exclusive.
 */
export function PeriodPicker({
  period,
  onChange,
  timeZone,
}: {
  period: Period;
  onChange: (period: Period) => void;
  timeZone: string;
}) {
  const { t } = useI18n();
  const value: [Dayjs, Dayjs] = [dayjs(period.fromDay), dayjs(shiftDay(period.toDay, -1))];
  return (
    <fieldset className="period">
      <legend>{t('period')}</legend>
      <DatePicker.RangePicker
        value={value}
        format={DAY}
        allowClear={false}
        aria-label={t('period')}
        presets={PERIOD_PRESETS.map((preset) => {
          const p = presetPeriod(preset, timeZone);
          return { label: t(preset), value: [dayjs(p.fromDay), dayjs(shiftDay(p.toDay, -1))] };
        })}
        onChange={(dates) => {
          if (!dates?.[0] || !dates[1]) return;
          const next = { fromDay: dates[0].format(DAY), toDay: shiftDay(dates[1].format(DAY), 1) };
          if (isPeriod(next) && (next.fromDay !== period.fromDay || next.toDay !== period.toDay))
            onChange(next);
        }}
      />
    </fieldset>
  );
}

/** One day (the intervals' and the staffing plan's), picked or typed; applied once it is a whole day. */
export function DayPicker({
  day,
  onChange,
  label,
}: {
  day: string;
  onChange: (day: string) => void;
  label: string;
}) {
  return (
    <DatePicker
      value={dayjs(day)}
      format={DAY}
      allowClear={false}
      aria-label={label}
      onChange={(date) => {
        if (date && date.format(DAY) !== day) onChange(date.format(DAY));
      }}
    />
  );
}
