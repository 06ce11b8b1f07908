import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123014741_init } from './Migration20261123014741_init';
import { Migration20261123020213_team_directory } from './Migration20261123020213_team_directory';
import { Migration20261123034547_queue_interval_stat } from './Migration20261123034547_queue_interval_stat';
import { Migration20261123092253_rollup_watermark } from './Migration20261123092253_rollup_watermark';
import { Migration20261207040000_agent_state_interval } from './Migration20261207040000_agent_state_interval';
import { Migration20261207040000_contact_customer_time } from './Migration20261207040000_contact_customer_time';
import { Migration20261207040000_live_state } from './Migration20261207040000_live_state';
import { Migration20261207064038_data_timeliness } from './Migration20261207064038_data_timeliness';
import { Migration20261207064502_contact_outcomes } from './Migration20261207064502_contact_outcomes';
import { Migration20261207070105_alert_rules } from './Migration20261207070105_alert_rules';
import { Migration20261207093433_ingest_batch_origin } from './Migration20261207093433_ingest_batch_origin';
import { Migration20261207093732_interval_stat_agent } from './Migration20261207093732_interval_stat_agent';
import { Migration20261207130000_margin_versions_agent_grade } from './Migration20261207130000_margin_versions_agent_grade';
import { Migration20261207160000_contact_segment } from './Migration20261207160000_contact_segment';
import { Migration20261207161531_rollup_outcome_index } from './Migration20261207161531_rollup_outcome_index';
import { Migration20261207190000_contact_partitions } from './Migration20261207190000_contact_partitions';
import { Migration20261207221000_rollup_outcome_index_compliance } from './Migration20261207221000_rollup_outcome_index_compliance';
import { Migration20261207221021_agent_state_hour } from './Migration20261207221021_agent_state_hour';

/** Every traffic migration in order. Generated files are listed here and never edited after landing. */
export const trafficMigrations: MigrationObject[] = [
  { name: 'Migration20261123014741_init', class: Migration20261123014741_init },
  { name: 'Migration20261123020213_team_directory', class: Migration20261123020213_team_directory },
  { name: 'Migration20261123034547_queue_interval_stat', class: Migration20261123034547_queue_interval_stat },
  { name: 'Migration20261123092253_rollup_watermark', class: Migration20261123092253_rollup_watermark },
  { name: 'Migration20261207040000_live_state', class: Migration20261207040000_live_state },
  {
    name: 'Migration20261207040000_contact_customer_time',
    class: Migration20261207040000_contact_customer_time,
  },
  {
    name: 'Migration20261207040000_agent_state_interval',
    class: Migration20261207040000_agent_state_interval,
  },
  { name: 'Migration20261207064038_data_timeliness', class: Migration20261207064038_data_timeliness },
  { name: 'Migration20261207064502_contact_outcomes', class: Migration20261207064502_contact_outcomes },
  { name: 'Migration20261207070105_alert_rules', class: Migration20261207070105_alert_rules },
  { name: 'Migration20261207093433_ingest_batch_origin', class: Migration20261207093433_ingest_batch_origin },
  { name: 'Migration20261207093732_interval_stat_agent', class: Migration20261207093732_interval_stat_agent },
  {
    name: 'Migration20261207130000_margin_versions_agent_grade',
    class: Migration20261207130000_margin_versions_agent_grade,
  },
  { name: 'Migration20261207160000_contact_segment', class: Migration20261207160000_contact_segment },
  {
    name: 'Migration20261207161531_rollup_outcome_index',
    class: Migration20261207161531_rollup_outcome_index,
  },
  { name: 'Migration20261207190000_contact_partitions', class: Migration20261207190000_contact_partitions },
  {
    name: 'Migration20261207221000_rollup_outcome_index_compliance',
    class: Migration20261207221000_rollup_outcome_index_compliance,
  },
  { name: 'Migration20261207221021_agent_state_hour', class: Migration20261207221021_agent_state_hour },
];
