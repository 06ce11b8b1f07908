import { queryGateway } from '@switchboard/subgraph-kit';

export interface TrafficVolumeRow {
  intervalStart: string;
  queueId: string | null;
  channel: string | null;
  offered: number;
  ahtSeconds: number | null;
}

const GRANULARITY: Record<number, string> = { 15: 'FIFTEEN_MINUTES', 30: 'THIRTY_MINUTES', 60: 'HOUR' };
/** Days per request: a request stays well inside the gateway's cost limits. */
const DAYS_PER_REQUEST = 7;

const STATS = `query TrafficVolumes($f: StatsFilter!, $g: Granularity!) {
  trafficStats(filter: $f, granularity: $g, groupBy: [QUEUE, CHANNEL]) { intervalStart queueId channel offered ahtSeconds } }`;

/**
 * Interval volumes of queues from traffic's rollups through the gateway (`trafficStats`, never
 * traffic's tables): one request per week of the period for all the queues at once.
 */
export async function fetchTrafficVolumes(
  queueIds: readonly string[],
  from: Date,
  to: Date,
  intervalMinutes: 15 | 30 | 60,
): Promise<TrafficVolumeRow[]> {
  const rows: TrafficVolumeRow[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += DAYS_PER_REQUEST * 86_400_000) {
    const end = Math.min(to.getTime(), start + DAYS_PER_REQUEST * 86_400_000);
    const data = await queryGateway<{ trafficStats: TrafficVolumeRow[] }>(
      STATS,
      {
        f: { from: new Date(start).toISOString(), to: new Date(end).toISOString(), queueIds },
        g: GRANULARITY[intervalMinutes],
      },
      { purpose: 'interval volumes from traffic' },
    );
    rows.push(...data.trafficStats);
  }
  return rows;
}
