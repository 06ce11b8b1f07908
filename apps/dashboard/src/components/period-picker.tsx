import { useI18n } from '../i18n/i18n';
import { isDay, type Period } from '../period';

/** From (inclusive) and to (exclusive) days; an impossible range is not applied. */
export function PeriodPicker({ period, onChange }: { period: Period; onChange: (period: Period) => void }) {
  const { t } = useI18n();
  const set = (next: Period) => {
    if (isDay(next.fromDay) && isDay(next.toDay) && next.fromDay < next.toDay) onChange(next);
  };
  return (
    <fieldset className="period">
      <label>
        {t('from')}
        <input
          type="date"
          value={period.fromDay}
          onChange={(e) => set({ ...period, fromDay: e.target.value })}
        />
      </label>
      <label>
        {t('to')}
        <input type="date" value={period.toDay} onChange={(e) => set({ ...period, toDay: e.target.value })} />
      </label>
    </fieldset>
  );
}
