import { Gauge } from 'prom-client';
import { metricsRegistry } from './registry';

/** One value of a sampled gauge, with the labels that tell it apart (beside `service`). */
export interface GaugeReading {
  labels?: Record<string, string>;
  value: number;
}

/** Reads a service's current values at scrape time; none read means no series (never a made-up 0). */
export type GaugeReader = () => Promise<GaugeReading[]> | GaugeReading[];

export interface SampledGauge {
  readonly name: string;
  /** Registers the reader of `service`'s values (one per service; a later one replaces it); returns its removal. */
  register: (service: string, read: GaugeReader) => () => void;
}

/**
 * A gauge whose values are read when Prometheus scrapes (a pool's connections, how far a watermark
 * trails), from readers the owning code registers. A reader that fails leaves its series out of
 * that scrape rather than failing the scrape.
 */
export function sampledGauge(options: { name: string; help: string; labelNames?: string[] }): SampledGauge {
  const readers = new Map<string, GaugeReader>();
  new Gauge({
    name: options.name,
    help: options.help,
    labelNames: ['service', ...(options.labelNames ?? [])],
    registers: [metricsRegistry],
    async collect() {
      this.reset();
      await Promise.all(
        [...readers].map(async ([service, read]) => {
          let readings: GaugeReading[];
          try {
            readings = await read();
          } catch {
            return;
          }
          for (const { labels, value } of readings) this.set({ ...labels, service }, value);
        }),
      );
    },
  });
  return {
    name: options.name,
    register: (service, read) => {
      readers.set(service, read);
      return () => {
        if (readers.get(service) === read) readers.delete(service);
      };
    },
  };
}

/** A lag in seconds: `read` answers undefined while there is nothing to lag behind. */
export function lagReader(read: () => Promise<number | undefined>): GaugeReader {
  return async () => {
    const seconds = await read();
    return seconds === undefined ? [] : [{ value: seconds }];
  };
}

export const databasePoolConnections = sampledGauge({
  name: 'switchboard_db_pool_connections',
  help: "The database pool's connections: used, free, and pending (requests waiting for one)",
  labelNames: ['state'],
});

export const rollupLag = sampledGauge({
  name: 'switchboard_rollup_lag_seconds',
  help: 'How far the 15-minute rollup watermark trails the newest stored contact',
  labelNames: [],
});

/**
 * Escalation lag, defined and registered by the subgraph that owns escalations
 * (`escalationLag.register(service, lagReader(...))`); no series until one does.
 */
export const escalationLag = sampledGauge({
  name: 'switchboard_escalation_lag_seconds',
  help: 'How far escalation handling lags, in seconds, as the subgraph owning escalations measures it',
  labelNames: [],
});
