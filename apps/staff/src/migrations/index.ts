import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261123010933_init } from './Migration20261123010933_init';
import { Migration20261123035918_pii_access } from './Migration20261123035918_pii_access';
import { Migration20261207070000_team_lead_history } from './Migration20261207070000_team_lead_history';
import { Migration20261207095000_roster_version } from './Migration20261207095000_roster_version';

/** Every staff migration in order. Generated files are listed here and never edited after landing. */
export const staffMigrations: MigrationObject[] = [
  { name: 'Migration20261123010933_init', class: Migration20261123010933_init },
  { name: 'Migration20261123035918_pii_access', class: Migration20261123035918_pii_access },
  { name: 'Migration20261207070000_team_lead_history', class: Migration20261207070000_team_lead_history },
  { name: 'Migration20261207095000_roster_version', class: Migration20261207095000_roster_version },
];
