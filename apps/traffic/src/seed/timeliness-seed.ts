import type { EntityManager } from '@mikro-orm/postgresql';
import { DAY_MS, demoCenterId, demoRoster, seededRandom } from '@switchboard/demo';
import { DATA_SOURCE_KINDS, DEFAULT_RULES, type DataSourceKind } from '../timeliness/data-source';
import { SERVICE_INGEST_KINDS } from '../access/service-ingest';
import { inPgTransaction } from '../ingest/pg-client';
import { recordIngestBatches, type IngestBatch } from '../timeliness/ingest-batch';

const DEMO_CENTERS = ['SHA-01', 'CTU-T1'];
const HOUR_MS = 3_600_000;
/** Shanghai is UTC+8: a local hour h of day d is d + (h − 8) hours in UTC. */
const SHANGHAI_OFFSET_HOURS = 8;

/**
 * When each other subgraph's source delivers in the demo (local Shanghai hours) and about how many
 * rows per center: roster and schedules before the day, LMS and QA in the morning, surveys and
 * outcomes at night, cases every business hour, the outside forecast on Mondays.
 */
const DELIVERIES: Record<
  Exclude<DataSourceKind, 'ACD_CONTACTS' | 'AGENT_STATES'>,
  { hours: number[]; rows: number; weekly?: boolean }
> = {
  ROSTER: { hours: [6], rows: 0 },
  SCHEDULES: { hours: [5], rows: 120 },
  LMS: { hours: [7], rows: 40 },
  QA: { hours: [8], rows: 25 },
  SURVEYS: { hours: [22], rows: 180 },
  CRM_OUTCOMES: { hours: [23], rows: 900 },
  CASES: { hours: [10, 11, 12, 13, 14, 15, 16, 17, 18], rows: 12 },
  FORECASTS: { hours: [4], rows: 672, weekly: true },
};

/** The service that reports a kind (its batches' origin). */
function originOf(kind: DataSourceKind): string | null {
  return Object.entries(SERVICE_INGEST_KINDS).find(([, kinds]) => kinds.includes(kind))?.[0] ?? null;
}

/**
 * The demo's data timeliness: every source registered for each demo center (its default cadence and
 * ages), traffic's own contact and agent-state deliveries every 15 minutes measured from the seeded
 * contacts, and a month of the other subgraphs' batches as their imports report them (a few rows
 * rejected now and then), so dataFreshness shows real lags, rates and completeness from the start.
 */
export async function seedTimelinessDemo(
  em: EntityManager,
  window: { from: Date; days: number },
  now = new Date(),
): Promise<void> {
  const rules = DEMO_CENTERS.flatMap((code) =>
    DATA_SOURCE_KINDS.map((kind) => ({ kind, centerKey: demoCenterId(code), ...DEFAULT_RULES[kind] })),
  );
  await inPgTransaction(em, (client) =>
    client.query(
      `insert into data_source (kind, center_key, cadence_minutes, warn_after_minutes, error_after_minutes)
       select * from unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[]) on conflict do nothing`,
      [
        rules.map((r) => r.kind),
        rules.map((r) => r.centerKey),
        rules.map((r) => r.cadenceMinutes),
        rules.map((r) => r.warnAfterMinutes),
        rules.map((r) => r.errorAfterMinutes),
      ],
    ),
  );

  // traffic's own: one delivery per 15 minutes of what was seeded, received 5 minutes after it closed
  for (const [kind, table, at] of [
    ['ACD_CONTACTS', 'contact', 'ended_at'],
    ['AGENT_STATES', 'agent_state_event', 'at'],
  ] as const) {
    await em.execute(
      `insert into ingest_batch (kind, source, center_id, batch_key, rows_read, rows_inserted, rows_rejected,
         latest_event_at, received_at)
       select ?, 'demo', null, null, count(*), count(*), 0, max(${at}),
         date_bin('15 minutes', ${at}, timestamptz '2000-01-01') + interval '20 minutes'
       from ${table} group by date_bin('15 minutes', ${at}, timestamptz '2000-01-01')`,
      [kind],
    );
  }
  const random = seededRandom(22);
  const roster = demoRoster();
  const centerOfTeam = new Map(roster.teams.map((t) => [t.code, t.centerCode]));
  const agentsByCenter = new Map<string, number>();
  for (const agent of roster.agents) {
    const center = centerOfTeam.get(agent.teams.at(-1)?.teamCode ?? '');
    if (center) agentsByCenter.set(center, (agentsByCenter.get(center) ?? 0) + 1);
  }
  const batches: IngestBatch[] = [];
  const firstDay = window.from.getTime();
  for (let day = firstDay; day <= now.getTime(); day += DAY_MS) {
    const weekday = new Date(day + SHANGHAI_OFFSET_HOURS * HOUR_MS).getUTCDay();
    for (const [kind, delivery] of Object.entries(DELIVERIES) as [
      DataSourceKind,
      (typeof DELIVERIES)['QA'],
    ][]) {
      if (delivery.weekly && weekday !== 1) continue;
      for (const hour of delivery.hours) {
        const receivedAt = new Date(day + hour * HOUR_MS);
        if (receivedAt.getTime() > now.getTime()) continue;
        for (const code of DEMO_CENTERS) {
          const rowsRead =
            kind === 'ROSTER'
              ? (agentsByCenter.get(code) ?? 0)
              : Math.round(delivery.rows * (0.7 + random() * 0.6));
          const rowsRejected = random() < 0.2 ? Math.min(rowsRead, 1 + Math.floor(random() * 3)) : 0;
          batches.push({
            kind,
            source: kind === 'CRM_OUTCOMES' ? 'crm' : kind.toLowerCase(),
            centerId: demoCenterId(code),
            batchKey: `demo:${kind}:${code}:${receivedAt.toISOString()}`,
            rowsRead,
            rowsInserted: rowsRead - rowsRejected,
            rowsRejected,
            latestEventAt: new Date(receivedAt.getTime() - 30 * 60_000),
            receivedAt,
            origin: originOf(kind),
          });
        }
      }
    }
  }
  await recordIngestBatches(em, batches);
}
