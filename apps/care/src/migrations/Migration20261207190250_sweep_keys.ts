import { Migration } from '@mikro-orm/migrations';

/**
 * One index fewer in each of the sweep's two inserts (issue 18's sweep under 1 s):
 * - care_escalation's key becomes (commitment_id, level), which was its unique constraint; its
 *   surrogate id (read by nobody, in no API) goes with its index;
 * - care_notification's (commitment_id, level, recipient) unique constraint goes: the sweeper gives
 *   each new outbox row the digest of that triple as its id, so the primary key (the delivery's look
 *   by id) is the exactly-once constraint as well, and the sweep reads what fired from the levels'
 *   records (a level's outbox rows are written in the transaction of its record), not the outbox.
 *   Rows written before keep their random ids; their levels' records keep them from being sent again.
 */
export class Migration20261207190250_sweep_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "care_escalation" drop constraint "care_escalation_pkey";`);
    this.addSql(`alter table "care_escalation" drop constraint "care_escalation_level_uq";`);
    this.addSql(`alter table "care_escalation" drop column "id";`);
    this.addSql(
      `alter table "care_escalation" add constraint "care_escalation_pkey" primary key ("commitment_id", "level");`,
    );
    this.addSql(`alter table "care_notification" drop constraint "care_notification_once_uq";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "care_notification" add constraint "care_notification_once_uq" unique ("commitment_id", "level", "recipient");`,
    );
    this.addSql(`alter table "care_escalation" drop constraint "care_escalation_pkey";`);
    this.addSql(`alter table "care_escalation" add column "id" uuid not null default gen_random_uuid();`);
    this.addSql(`alter table "care_escalation" alter column "id" drop default;`);
    this.addSql(`alter table "care_escalation" add constraint "care_escalation_pkey" primary key ("id");`);
    this.addSql(
      `alter table "care_escalation" add constraint "care_escalation_level_uq" unique ("commitment_id", "level");`,
    );
  }
}
