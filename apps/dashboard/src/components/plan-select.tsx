import { useI18n } from '../i18n/i18n';

/** A sampling plan as the pickers list it. */
export interface PlanOption {
  id: string;
  name: string;
}

/**
 * The QA sampling plan picker (the workload and the sample to score ask the same question): the
 * plans by name, the chosen one's id out.
 */
export function PlanSelect({
  plans,
  value,
  onChange,
}: {
  plans: readonly PlanOption[];
  value: string;
  onChange: (planId: string) => void;
}) {
  const { t } = useI18n();
  return (
    <label>
      {t('samplingPlan')}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {plans.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
