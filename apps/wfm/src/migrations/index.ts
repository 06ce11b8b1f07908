import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207034034_init } from './Migration20261207034034_init';
import { Migration20261207080000_external_forecast } from './Migration20261207080000_external_forecast';

/** Every wfm migration in order. Generated files are listed here and never edited after landing. */
export const wfmMigrations: MigrationObject[] = [
  { name: 'Migration20261207034034_init', class: Migration20261207034034_init },
  { name: 'Migration20261207080000_external_forecast', class: Migration20261207080000_external_forecast },
];
