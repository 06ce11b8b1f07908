import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207034034_init } from './Migration20261207034034_init';

/** Every wfm migration in order. Generated files are listed here and never edited after landing. */
export const wfmMigrations: MigrationObject[] = [
  { name: 'Migration20261207034034_init', class: Migration20261207034034_init },
];
