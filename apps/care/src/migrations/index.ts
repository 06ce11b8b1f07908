import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261207033335_init } from './Migration20261207033335_init';
import { Migration20261207040000_promises } from './Migration20261207040000_promises';
import { Migration20261207041000_fire_times } from './Migration20261207041000_fire_times';
import { Migration20261207042000_match_watermark } from './Migration20261207042000_match_watermark';
import { Migration20261207064101_complaints } from './Migration20261207064101_complaints';
import { Migration20261207071000_sweep_due } from './Migration20261207071000_sweep_due';
import { Migration20261207080000_case_import } from './Migration20261207080000_case_import';
import { Migration20261207093317_complaint_agent_indexes } from './Migration20261207093317_complaint_agent_indexes';
import { Migration20261207093755_commitment_reassign } from './Migration20261207093755_commitment_reassign';
import { Migration20261207160000_due_list_replace } from './Migration20261207160000_due_list_replace';
import { Migration20261207161000_outbox_address } from './Migration20261207161000_outbox_address';
import { Migration20261207190250_sweep_keys } from './Migration20261207190250_sweep_keys';

/** Every care migration in order. Generated files are listed here and never edited after landing. */
export const careMigrations: MigrationObject[] = [
  { name: 'Migration20261207033335_init', class: Migration20261207033335_init },
  { name: 'Migration20261207040000_promises', class: Migration20261207040000_promises },
  { name: 'Migration20261207041000_fire_times', class: Migration20261207041000_fire_times },
  { name: 'Migration20261207042000_match_watermark', class: Migration20261207042000_match_watermark },
  { name: 'Migration20261207064101_complaints', class: Migration20261207064101_complaints },
  { name: 'Migration20261207071000_sweep_due', class: Migration20261207071000_sweep_due },
  { name: 'Migration20261207080000_case_import', class: Migration20261207080000_case_import },
  {
    name: 'Migration20261207093317_complaint_agent_indexes',
    class: Migration20261207093317_complaint_agent_indexes,
  },
  { name: 'Migration20261207093755_commitment_reassign', class: Migration20261207093755_commitment_reassign },
  { name: 'Migration20261207160000_due_list_replace', class: Migration20261207160000_due_list_replace },
  { name: 'Migration20261207161000_outbox_address', class: Migration20261207161000_outbox_address },
  { name: 'Migration20261207190250_sweep_keys', class: Migration20261207190250_sweep_keys },
];
