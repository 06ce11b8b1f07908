import { Migration } from '@mikro-orm/migrations';

// Issue 20 item 5: the segment a contact's customer had in care when the contact arrived, stamped at
// ingest (null: not looked up, a contact without a customer key or stored while care did not answer;
// counted as STANDARD), and a small 15-minute rollup per queue, channel and segment holding only the
// contacts of other segments than STANDARD (STANDARD = the queue rollup's total − these), so the
// existing rollups do not grow. Its measures are the contact measures (not the outcome ones, which
// outcomes arriving later change). `add column` without a default is a catalog change only (no
// table rewrite), on a plain table as on a partitioned one; the rollup starts from the contacts
// stored so far (all null: nothing to backfill).

export class Migration20261207160000_contact_segment extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "contact" add column "customer_segment" text null, add constraint contact_customer_segment_known check (customer_segment in ('STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE')) not valid;`,
    );
    this.addSql(
      `create table "queue_segment_interval_stat" ("interval_start" timestamptz not null, "queue_key" text not null, "channel" "channel" not null, "segment" text not null, "answered" int not null, "abandoned" int not null, "short_abandoned" int not null, "answered_within_threshold" int not null, "abandoned_within_threshold" int not null, "transferred" int not null, "ivr" int not null, "callback" int not null, "overflow" int not null, "outbound" int not null, "wait_seconds_answered" double precision not null, "handle_seconds" double precision not null, "talk_seconds" double precision not null, "hold_seconds" double precision not null, "acw_seconds" double precision not null, "max_wait_seconds" double precision null, constraint "queue_segment_interval_stat_pkey" primary key ("interval_start", "queue_key", "channel", "segment"), constraint queue_segment_interval_stat_not_standard check (segment in ('VIP', 'SENSITIVE', 'VULNERABLE')));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "queue_segment_interval_stat";`);
    this.addSql(`alter table "contact" drop constraint contact_customer_segment_known, drop column "customer_segment";`);
  }
}
