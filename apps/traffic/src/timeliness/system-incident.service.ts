import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@switchboard/server';
import { systemAvailability, type Availability } from '@switchboard/metrics';
import { inPgTransaction } from '../ingest/pg-client';
import { asDate } from './data-freshness.query';

export interface SystemIncident {
  id: string;
  system: string;
  channels: string[];
  centerId: string | null;
  startedAt: Date;
  endedAt: Date | null;
  severity: string;
  cause: string | null;
}

interface IncidentRow {
  id: string;
  system: string;
  channels: string[];
  center_id: string | null;
  started_at: Date;
  ended_at: Date | null;
  severity: string;
  cause: string | null;
}

const COLUMNS = 'id::text, system, channels, center_id::text, started_at, ended_at, severity, cause';

const toIncident = (r: IncidentRow): SystemIncident => ({
  id: r.id,
  system: r.system,
  channels: r.channels,
  centerId: r.center_id,
  startedAt: asDate(r.started_at) as Date,
  endedAt: asDate(r.ended_at),
  severity: r.severity,
  cause: r.cause,
});

export async function recordIncident(
  em: EntityManager,
  input: Omit<SystemIncident, 'id'>,
): Promise<SystemIncident> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<IncidentRow>(
      `insert into system_incident (id, system, channels, center_id, started_at, ended_at, severity, cause)
       values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLUMNS}`,
      [
        randomUUID(),
        input.system,
        input.channels,
        input.centerId,
        input.startedAt,
        input.endedAt,
        input.severity,
        input.cause,
      ],
    ),
  );
  return toIncident(rows[0]);
}

/** The incident, for its center's scope check before it is changed; NOT_FOUND when there is none. */
export async function incidentById(em: EntityManager, id: string): Promise<SystemIncident> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<IncidentRow>(`select ${COLUMNS} from system_incident where id = $1`, [id]),
  );
  if (!rows[0]) throw notFound('system incident', 'id', id);
  return toIncident(rows[0]);
}

export async function endIncident(em: EntityManager, id: string, endedAt: Date): Promise<SystemIncident> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<IncidentRow>(`update system_incident set ended_at = $2 where id = $1 returning ${COLUMNS}`, [
      id,
      endedAt,
    ]),
  );
  return toIncident(rows[0]);
}

export interface AvailabilityAnswer extends Availability {
  incidents: SystemIncident[];
}

/**
 * Availability of a center (its incidents and those of every center) or of everything (null) over
 * service windows, optionally for one channel (an incident naming no channel touches them all) and
 * one system. One statement.
 */
export async function availability(
  em: EntityManager,
  args: {
    centerId: string | null;
    from: Date;
    to: Date;
    now: Date;
    channel: string | null;
    system: string | null;
    serviceWindows: { start: Date; end: Date }[];
  },
): Promise<AvailabilityAnswer> {
  const { rows } = await inPgTransaction(em, (client) =>
    client.query<IncidentRow>(
      `select ${COLUMNS} from system_incident
       where started_at < $3 and (ended_at is null or ended_at > $2)
         and ($1::uuid is null or center_id is null or center_id = $1::uuid)
         and ($4::text is null or cardinality(channels) = 0 or $4::text = any(channels))
         and ($5::text is null or system = $5)
       order by started_at, id`,
      [args.centerId, args.from, args.to, args.channel, args.system],
    ),
  );
  const incidents = rows.map(toIncident);
  return {
    ...systemAvailability(
      incidents.map((i) => ({ start: i.startedAt, end: i.endedAt })),
      args.serviceWindows,
      args.now,
    ),
    incidents,
  };
}
