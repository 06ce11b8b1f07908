import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207033335_init } from './Migration20261207033335_init';

/** Every care migration in order. Generated files are listed here and never edited after landing. */
export const careMigrations: MigrationObject[] = [
  { name: 'Migration20261207033335_init', class: Migration20261207033335_init },
];
