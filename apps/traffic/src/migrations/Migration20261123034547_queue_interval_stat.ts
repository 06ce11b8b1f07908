import { Migration } from '@mikro-orm/migrations';

// Generated; the generator also re-created two unchanged check constraints (it misreads PostgreSQL's
// double-precision literals): those lines were removed. The backfill from interval_stat was added.

export class Migration20261123034547_queue_interval_stat extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "queue_interval_stat" ("interval_start" timestamptz not null, "queue_key" text not null, "channel" "channel" not null, "answered" int not null, "abandoned" int not null, "short_abandoned" int not null, "answered_within_threshold" int not null, "abandoned_within_threshold" int not null, "transferred" int not null, "ivr" int not null, "callback" int not null, "overflow" int not null, "outbound" int not null, "wait_seconds_answered" double precision not null, "handle_seconds" double precision not null, "talk_seconds" double precision not null, "hold_seconds" double precision not null, "acw_seconds" double precision not null, "max_wait_seconds" double precision null, constraint "queue_interval_stat_pkey" primary key ("interval_start", "queue_key", "channel"));`);

    this.addSql(`insert into "queue_interval_stat" select interval_start, queue_key, channel, sum(answered), sum(abandoned), sum(short_abandoned), sum(answered_within_threshold), sum(abandoned_within_threshold), sum(transferred), sum(ivr), sum(callback), sum(overflow), sum(outbound), sum(wait_seconds_answered), sum(handle_seconds), sum(talk_seconds), sum(hold_seconds), sum(acw_seconds), max(max_wait_seconds) from "interval_stat" group by interval_start, queue_key, channel;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "queue_interval_stat" cascade;`);
  }

}
