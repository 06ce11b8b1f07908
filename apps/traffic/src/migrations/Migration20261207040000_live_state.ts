import { Migration } from '@mikro-orm/migrations';

// Written by hand (the live tables are plain SQL, used by the live path through pg, not the ORM).
// live_event: every accepted live event, in arrival order, with its natural key so a resent event is
// applied once; the live state can be recomputed from it. live_contact: contacts waiting in a queue or
// on an agent, until they end (then they become contact records). live_agent: each agent's state now.

export class Migration20261207040000_live_state extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "live_event" (
      "id" bigserial primary key,
      "received_at" timestamptz not null default now(),
      "source" text not null,
      "type" text not null,
      "subject" text not null,
      "at" timestamptz not null,
      "body" jsonb not null,
      constraint "live_event_natural_key" unique ("source", "type", "subject", "at"));`);
    this.addSql(`create index "live_event_at_idx" on "live_event" ("at");`);
    this.addSql(`create table "live_contact" (
      "source" text not null,
      "external_id" text not null,
      "queue_id" uuid not null,
      "channel" channel not null,
      "direction" direction not null default 'INBOUND',
      "customer_key" text null,
      "arrived_at" timestamptz not null,
      "answered_at" timestamptz null,
      "agent" text null,
      constraint "live_contact_pkey" primary key ("source", "external_id"));`);
    this.addSql(`create index "live_contact_queue_idx" on "live_contact" ("queue_id", "arrived_at");`);
    this.addSql(`create table "live_agent" (
      "source" text not null,
      "agent" text not null,
      "state" agent_state not null,
      "reason" text null,
      "queue_id" uuid null,
      "since" timestamptz not null,
      constraint "live_agent_pkey" primary key ("source", "agent"));`);
    this.addSql(`create index "live_agent_queue_idx" on "live_agent" ("queue_id");`);
    // today so far per queue, read by liveQueues every push
    this.addSql(`create index "contact_queue_arrived_idx" on "contact" ("queue_id", "arrived_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contact_queue_arrived_idx";`);
    this.addSql(`drop table if exists "live_agent" cascade;`);
    this.addSql(`drop table if exists "live_contact" cascade;`);
    this.addSql(`drop table if exists "live_event" cascade;`);
  }
}
