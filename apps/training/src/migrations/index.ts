import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123035139_init } from './Migration20261123035139_init';
import { Migration20261207100000_assignment_follow_up } from './Migration20261207100000_assignment_follow_up';

/** Every training migration in order. Generated files are listed here and never edited after landing. */
export const trainingMigrations: MigrationObject[] = [
  { name: 'Migration20261123035139_init', class: Migration20261123035139_init },
  {
    name: 'Migration20261207100000_assignment_follow_up',
    class: Migration20261207100000_assignment_follow_up,
  },
];
