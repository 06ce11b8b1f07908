import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207040449_init } from './Migration20261207040449_init';
import { Migration20261207043440_surveys } from './Migration20261207043440_surveys';
import { Migration20261207063939_survey_rollup } from './Migration20261207063939_survey_rollup';
import { Migration20261207070250_feedback } from './Migration20261207070250_feedback';
import { Migration20261207072017_improvement_items } from './Migration20261207072017_improvement_items';
import { Migration20261207094241_feedback_repeat_contact } from './Migration20261207094241_feedback_repeat_contact';
import { Migration20261207094800_service_recovery } from './Migration20261207094800_service_recovery';
import { Migration20261207100021_survey_rollup_agent_month } from './Migration20261207100021_survey_rollup_agent_month';
import { Migration20261207123800_feedback_rule_sets } from './Migration20261207123800_feedback_rule_sets';
import { Migration20261207130000_verbatim_access } from './Migration20261207130000_verbatim_access';
import { Migration20261207155551_survey_response_changes } from './Migration20261207155551_survey_response_changes';

/** Every voc migration in order. Generated files are listed here and never edited after landing. */
export const vocMigrations: MigrationObject[] = [
  { name: 'Migration20261207040449_init', class: Migration20261207040449_init },
  { name: 'Migration20261207043440_surveys', class: Migration20261207043440_surveys },
  { name: 'Migration20261207063939_survey_rollup', class: Migration20261207063939_survey_rollup },
  { name: 'Migration20261207070250_feedback', class: Migration20261207070250_feedback },
  { name: 'Migration20261207072017_improvement_items', class: Migration20261207072017_improvement_items },
  {
    name: 'Migration20261207094241_feedback_repeat_contact',
    class: Migration20261207094241_feedback_repeat_contact,
  },
  { name: 'Migration20261207094800_service_recovery', class: Migration20261207094800_service_recovery },
  {
    name: 'Migration20261207100021_survey_rollup_agent_month',
    class: Migration20261207100021_survey_rollup_agent_month,
  },
  { name: 'Migration20261207123800_feedback_rule_sets', class: Migration20261207123800_feedback_rule_sets },
  { name: 'Migration20261207130000_verbatim_access', class: Migration20261207130000_verbatim_access },
  {
    name: 'Migration20261207155551_survey_response_changes',
    class: Migration20261207155551_survey_response_changes,
  },
];
