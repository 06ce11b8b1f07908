import { Migration } from '@mikro-orm/migrations';

/**
 * Issue 23: `contact` partitioned by month of `arrived_at` (UTC), the natural key moved to
 * `contact_key`, partitions made by `contact_months_ready`, old ones dropped by
 * `contact_retention_apply` (docs/DESIGN.md, "Contacts partitioned by month"). An existing table's
 * rows are moved into the partitions of their months in this migration's transaction; ids and the
 * sequence are kept, so the rollup watermark stays right.
 */
export class Migration20261207190000_contact_partitions extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "contact_key" ("source" text not null, "external_id" text not null, "contact_id" bigint not null, "arrived_at" timestamptz not null, constraint "contact_key_pkey" primary key ("source", "external_id"));`,
    );
    this.addSql(
      `create table "contact_retention" ("id" smallint not null default 1, "horizon" timestamptz not null, constraint "contact_retention_pkey" primary key ("id"), constraint contact_retention_one_row check (id = 1));`,
    );

    // The old table keeps its name space free: its indexes go (they would clash, and the copy is faster without them).
    this.addSql(`alter table "contact" rename to "contact_unpartitioned";`);
    this.addSql(`alter table "contact_unpartitioned" drop constraint "contact_natural_key";`);
    this.addSql(`alter table "contact_unpartitioned" rename constraint "contact_pkey" to "contact_unpartitioned_pkey";`);
    for (const index of [
      'contact_agent_arrived_idx',
      'contact_customer_arrived_idx',
      'contact_arrived_at_idx',
      'contact_customer_time_idx',
      'contact_queue_arrived_idx',
    ])
      this.addSql(`drop index if exists "${index}";`);

    this.addSql(`create table "contact" ("id" bigint not null default nextval('contact_id_seq'), "source" text not null, "external_id" text not null, "channel" "channel" not null, "direction" "direction" not null, "queue_id" uuid null, "agent" text null, "customer_key" text null, "arrived_at" timestamptz not null, "answered_at" timestamptz null, "ended_at" timestamptz not null, "hold_seconds" double precision not null default 0, "acw_seconds" double precision not null default 0, "outcome" "outcome" not null, "transferred" boolean not null default false, "wrapup_code" text null, "customer_segment" text null,
      constraint "contact_pkey" primary key ("id", "arrived_at"),
      constraint contact_answered_has_answer_time check ((outcome = 'ANSWERED') = (answered_at is not null)),
      constraint contact_durations_not_negative check (hold_seconds >= 0 and acw_seconds >= 0),
      constraint contact_end_after_start check (ended_at >= coalesce(answered_at, arrived_at)),
      constraint contact_answer_after_arrival check (answered_at is null or answered_at >= arrived_at),
      constraint contact_customer_segment_known check (customer_segment in ('STANDARD', 'VIP', 'SENSITIVE', 'VULNERABLE'))
    ) partition by range ("arrived_at");`);
    this.addSql(`create table "contact_default" partition of "contact" default;`);

    this.addSql(`create function contact_months_ready(months date[]) returns timestamptz
language plpgsql security definer set search_path = public as $$
-- Creates the partitions of the given months (any day of each) that are missing, except months
-- before the retention horizon; rows of such a month already in the default partition move into
-- it. Returns the horizon (null: no retention). Under the contact writers' lock.
declare
  horizon timestamptz;
  month date;
  lo timestamp;
  part text;
  bounds text;
begin
  perform pg_advisory_xact_lock(1668244596);
  select r.horizon into horizon from contact_retention r where r.id = 1;
  foreach month in array coalesce(months, '{}') loop
    lo := date_trunc('month', month);
    continue when horizon is not null and (lo at time zone 'UTC') < horizon;
    part := 'contact_p' || to_char(lo, 'YYYY_MM');
    continue when to_regclass(part) is not null;
    bounds := format('for values from (%L) to (%L)', to_char(lo, 'YYYY-MM-DD') || ' 00:00:00+00',
                     to_char(lo + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
    if exists (select 1 from contact_default
               where arrived_at >= (lo at time zone 'UTC') and arrived_at < ((lo + interval '1 month') at time zone 'UTC')) then
      execute format('create table %I (like contact including defaults including constraints)', part);
      execute format('with moved as (delete from contact_default where arrived_at >= $1 and arrived_at < $2 returning *) insert into %I select * from moved', part)
        using lo at time zone 'UTC', (lo + interval '1 month') at time zone 'UTC';
      execute format('alter table contact attach partition %I %s', part, bounds);
    else
      execute format('create table %I partition of contact %s', part, bounds);
    end if;
  end loop;
  return horizon;
end $$;`);

    this.addSql(`create function contact_retention_apply(keep_months integer, today date default current_date) returns integer
language plpgsql security definer set search_path = public as $$
-- Keeps keep_months months of contacts counting today's: drops the partitions before the horizon,
-- deletes the default partition's rows, the natural keys and the outcomes of contacts before it,
-- and records the horizon (never moved back). Returns the number of partitions dropped.
declare
  horizon timestamptz;
  part record;
  dropped integer := 0;
begin
  if keep_months is null or keep_months < 1 then
    raise exception 'keep_months must be at least 1, got %', keep_months using errcode = '22023';
  end if;
  perform pg_advisory_xact_lock(1668244596);
  insert into contact_retention (id, horizon)
  values (1, (date_trunc('month', today) - make_interval(months => keep_months - 1)) at time zone 'UTC')
  on conflict (id) do update set horizon = greatest(contact_retention.horizon, excluded.horizon)
  returning contact_retention.horizon into horizon;
  for part in
    select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'contact'::regclass and c.relname ~ '^contact_p[0-9]{4}_[0-9]{2}$'
      and ((to_date(substr(c.relname, 10), 'YYYY_MM') + interval '1 month') at time zone 'UTC') <= horizon
    order by c.relname
  loop
    execute format('drop table %I', part.relname);
    dropped := dropped + 1;
  end loop;
  delete from contact_default where arrived_at < horizon;
  with gone as (delete from contact_key where arrived_at < horizon returning source, external_id)
  delete from contact_outcome o using gone g where o.source = g.source and o.external_id = g.external_id;
  return dropped;
end $$;`);

    // The months of the existing rows, then the rows, their keys, the indexes built once over them.
    this.addSql(
      `select contact_months_ready(array(select distinct date_trunc('month', arrived_at at time zone 'UTC')::date from contact_unpartitioned));`,
    );
    this.addSql(`insert into "contact" ("id", "source", "external_id", "channel", "direction", "queue_id", "agent", "customer_key", "arrived_at", "answered_at", "ended_at", "hold_seconds", "acw_seconds", "outcome", "transferred", "wrapup_code", "customer_segment")
      select "id", "source", "external_id", "channel", "direction", "queue_id", "agent", "customer_key", "arrived_at", "answered_at", "ended_at", "hold_seconds", "acw_seconds", "outcome", "transferred", "wrapup_code", "customer_segment" from "contact_unpartitioned";`);
    this.addSql(
      `insert into "contact_key" ("source", "external_id", "contact_id", "arrived_at") select "source", "external_id", "id", "arrived_at" from "contact_unpartitioned";`,
    );
    this.addSql(`alter sequence "contact_id_seq" owned by "contact"."id";`);
    this.addSql(`drop table "contact_unpartitioned";`);
    this.addSql(`create index "contact_agent_arrived_idx" on "contact" ("agent", "arrived_at");`);
    this.addSql(`create index "contact_customer_arrived_idx" on "contact" ("customer_key", "arrived_at");`);
    this.addSql(`create index "contact_arrived_at_idx" on "contact" ("arrived_at");`);
    this.addSql(
      `create index "contact_customer_time_idx" on "contact" ("customer_key", "arrived_at" desc, "source" collate "C" desc, "external_id" collate "C" desc) where customer_key is not null;`,
    );
    this.addSql(`create index "contact_queue_arrived_idx" on "contact" ("queue_id", "arrived_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "contact" rename to "contact_partitioned";`);
    this.addSql(`alter table "contact_partitioned" rename constraint "contact_pkey" to "contact_partitioned_pkey";`);
    for (const index of [
      'contact_agent_arrived_idx',
      'contact_customer_arrived_idx',
      'contact_arrived_at_idx',
      'contact_customer_time_idx',
      'contact_queue_arrived_idx',
    ])
      this.addSql(`drop index if exists "${index}";`);
    this.addSql(`create table "contact" (like "contact_partitioned" including defaults including constraints);`);
    this.addSql(`alter table "contact" add constraint "contact_pkey" primary key ("id");`);
    this.addSql(`insert into "contact" select * from "contact_partitioned";`);
    this.addSql(`alter sequence "contact_id_seq" owned by "contact"."id";`);
    this.addSql(`drop table "contact_partitioned";`);
    this.addSql(`alter table "contact" add constraint "contact_natural_key" unique ("source", "external_id");`);
    this.addSql(`create index "contact_agent_arrived_idx" on "contact" ("agent", "arrived_at");`);
    this.addSql(`create index "contact_customer_arrived_idx" on "contact" ("customer_key", "arrived_at");`);
    this.addSql(`create index "contact_arrived_at_idx" on "contact" ("arrived_at");`);
    this.addSql(
      `create index "contact_customer_time_idx" on "contact" ("customer_key", "arrived_at" desc, "source" collate "C" desc, "external_id" collate "C" desc) where customer_key is not null;`,
    );
    this.addSql(`create index "contact_queue_arrived_idx" on "contact" ("queue_id", "arrived_at");`);
    this.addSql(`drop function contact_retention_apply(integer, date);`);
    this.addSql(`drop function contact_months_ready(date[]);`);
    this.addSql(`drop table "contact_retention";`);
    this.addSql(`drop table "contact_key";`);
  }
}
