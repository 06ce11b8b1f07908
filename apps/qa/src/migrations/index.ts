import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123035447_init } from './Migration20261123035447_init';

/** Every QA migration in order. Generated files are listed here and never edited after landing. */
export const qaMigrations: MigrationObject[] = [
  { name: 'Migration20261123035447_init', class: Migration20261123035447_init },
];
