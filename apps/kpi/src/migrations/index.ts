import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123035419_init } from './Migration20261123035419_init';
import { Migration20261207065000_workforce_kpis } from './Migration20261207065000_workforce_kpis';
import { Migration20261207065500_voice_kpis } from './Migration20261207065500_voice_kpis';
import { Migration20261207070000_care_kpis } from './Migration20261207070000_care_kpis';
import { Migration20261207072500_outcome_kpis } from './Migration20261207072500_outcome_kpis';
import { Migration20261207094000_complaint_kpis } from './Migration20261207094000_complaint_kpis';
import { Migration20261207100000_sales_cost_kpis } from './Migration20261207100000_sales_cost_kpis';
import { Migration20261207235000_kpi_chinese_names } from './Migration20261207235000_kpi_chinese_names';
import { Migration20261207235500_target_segment } from './Migration20261207235500_target_segment';

/** Every kpi migration in order. Generated files are listed here and never edited after landing. */
export const kpiMigrations: MigrationObject[] = [
  { name: 'Migration20261123035419_init', class: Migration20261123035419_init },
  { name: 'Migration20261207065000_workforce_kpis', class: Migration20261207065000_workforce_kpis },
  { name: 'Migration20261207065500_voice_kpis', class: Migration20261207065500_voice_kpis },
  { name: 'Migration20261207070000_care_kpis', class: Migration20261207070000_care_kpis },
  { name: 'Migration20261207072500_outcome_kpis', class: Migration20261207072500_outcome_kpis },
  { name: 'Migration20261207094000_complaint_kpis', class: Migration20261207094000_complaint_kpis },
  { name: 'Migration20261207100000_sales_cost_kpis', class: Migration20261207100000_sales_cost_kpis },
  { name: 'Migration20261207235000_kpi_chinese_names', class: Migration20261207235000_kpi_chinese_names },
  { name: 'Migration20261207235500_target_segment', class: Migration20261207235500_target_segment },
];
