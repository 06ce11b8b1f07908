import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207040449_init } from './Migration20261207040449_init';

/** Every voc migration in order. Generated files are listed here and never edited after landing. */
export const vocMigrations: MigrationObject[] = [
  { name: 'Migration20261207040449_init', class: Migration20261207040449_init },
];
