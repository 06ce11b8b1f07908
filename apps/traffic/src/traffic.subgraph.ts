import { catchUpRollups } from './ingest/roll-up-behind';
import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { AgentStateEventRow } from './agent-state/agent-state-event.entity';
import { AgentStateHour } from './agent-state/agent-state-hour.entity';
import { AgentStateInterval } from './agent-state/agent-state-interval.entity';
import { AgentTrafficResolver } from './agent-state/agent-traffic.resolver';
import type { AgentTrafficType } from './agent-state/agent-traffic.type';
import { Contact } from './contact/contact.entity';
import { ContactKeyRow, ContactRetention } from './contact/contact-key.entity';
import { CostRate } from './disposition/cost-rate.entity';
import { DispositionCode } from './disposition/disposition-code.entity';
import { CostRateResolver } from './disposition/cost-rate.resolver';
import { DispositionResolver } from './disposition/disposition.resolver';
import { Product } from './disposition/product.entity';
import { ProductMargin } from './disposition/product-margin.entity';
import { AgentGrade } from './team-directory/agent-grade.entity';
import { QueueDisposition } from './disposition/queue-disposition.entity';
import { ContactOutcome } from './outcome/contact-outcome.entity';
import { outcomeImportRoute } from './outcome/outcome-import.route';
import { CenterTrafficResolver } from './extends/center/center-traffic.resolver';
import type { CenterTrafficType } from './extends/center/center-traffic.type';
import { ContactResolver } from './contact/contact.resolver';
import { contactByKey, type ContactKey } from './contact/contact-lookup';
import { ContactKeysResolver } from './contact/contact-keys.resolver';
import { ContactRepeatResolver } from './contact/contact-repeat.resolver';
import { CustomerContactsResolver } from './contact/customer-contacts.resolver';
import { FrequentContacterResolver } from './frequent-contacter/frequent-contacter.resolver';
import { ContactSampleResolver } from './contact/contact-sample.resolver';
import type { ContactType } from './contact/contact.type';
import { contactImportRoute } from './ingest/import.route';
import { CenterLiveResolver } from './live/center-live.resolver';
import { LiveAgentEntity, LiveContactEntity, LiveEventRow } from './live/live.entities';
import { liveEventsRoute } from './live/live-events.route';
import { LiveQueuesResolver } from './live/live-queues.resolver';
import { liveQueuesRoute } from './live/live-queues.route';
import { trafficStatsExportRoute } from './stats/traffic-stats-export.route';
import { trafficMigrations } from './migrations';
import {
  TrafficPerformanceResolver,
  trafficPerformanceFromReference,
} from './performance/performance.resolver';
import { TrafficPerformanceType } from './performance/performance.type';
import { TrafficSegmentPerformanceResolver } from './performance/performance-segments';
import { TrafficStaffingPlanResolver } from './performance/staffing-history.resolver';
import { TrafficStaffingPlanType } from './performance/staffing-history.type';
import { Queue } from './queue/queue.entity';
import { toQueueType } from './queue/queue.mapper';
import { QueueResolver, queueById } from './queue/queue.resolver';
import { seedTrafficDemo } from './seed/demo-seed';
import type { QueueType } from './queue/queue.type';
import { IntervalStat } from './stats/interval-stat.entity';
import { QueueIntervalStat } from './stats/queue-interval-stat.entity';
import { RollupWatermark } from './stats/rollup-watermark.entity';
import { registerRollupLag } from './stats/rollup-lag';
import { TrafficStatsResolver } from './stats/traffic-stats.resolver';
import { SegmentStatsResolver } from './stats/segment-stats.resolver';
import { TrafficStatsRowResolver } from './stats/traffic-stats-row.resolver';
import { SERIALIZED_STATS_TYPES } from './stats/traffic-stats.type';
import { DataSourceEntity, IngestBatchEntity, SystemIncidentEntity } from './timeliness/timeliness.entities';
import { TimelinessResolver } from './timeliness/timeliness.resolver';
import { AlertNotificationEntity, AlertRuleEntity, AlertStateEntity } from './alert/alert.entities';
import { AlertResolver } from './alert/alert.resolver';
import { startTrafficJobs } from './traffic.jobs';
import { AgentTeamPeriod } from './team-directory/agent-team-period.entity';
import { TeamDirectoryResolver } from './team-directory/team-directory.resolver';
import { refreshTeamDirectory } from './team-directory/team-directory.timer';

export const TRAFFIC_SUBGRAPH = 'traffic';

export const trafficDatabase = {
  entities: [
    Queue,
    Contact,
    ContactKeyRow,
    ContactRetention,
    IntervalStat,
    QueueIntervalStat,
    RollupWatermark,
    AgentStateEventRow,
    AgentStateInterval,
    AgentStateHour,
    AgentTeamPeriod,
    LiveEventRow,
    LiveContactEntity,
    LiveAgentEntity,
    DataSourceEntity,
    IngestBatchEntity,
    SystemIncidentEntity,
    AlertRuleEntity,
    AlertStateEntity,
    AlertNotificationEntity,
    DispositionCode,
    QueueDisposition,
    Product,
    ProductMargin,
    CostRate,
    ContactOutcome,
    AgentGrade,
  ],
  migrations: trafficMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-traffic',
};

export function buildTrafficSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      QueueResolver,
      DispositionResolver,
      CostRateResolver,
      TrafficStatsResolver,
      SegmentStatsResolver,
      TrafficStatsRowResolver,
      ContactResolver,
      ContactSampleResolver,
      ContactKeysResolver,
      ContactRepeatResolver,
      TimelinessResolver,
      AlertResolver,
      CustomerContactsResolver,
      FrequentContacterResolver,
      AgentTrafficResolver,
      TeamDirectoryResolver,
      CenterTrafficResolver,
      TrafficPerformanceResolver,
      TrafficSegmentPerformanceResolver,
      TrafficStaffingPlanResolver,
      LiveQueuesResolver,
      CenterLiveResolver,
    ],
    // reachable only through _entities: the gateway asks traffic for Performance.traffic by key
    orphanedTypes: [TrafficPerformanceType, TrafficStaffingPlanType],
    referenceResolvers: {
      Queue: {
        __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<QueueType | null> => {
          const queue = await queueById(ctx).load(ref.id);
          return queue ? toQueueType(queue) : null;
        },
      },
      Contact: {
        __resolveReference: (ref: ContactKey, ctx: SubgraphContext): Promise<ContactType | null> =>
          contactByKey(ctx).load({ source: ref.source, externalId: ref.externalId }),
      },
      Center: {
        __resolveReference: (ref: { id: string; timeZone?: string | null }): CenterTrafficType => ({
          id: ref.id,
          timeZone: ref.timeZone ?? null,
        }),
      },
      // Any employee number has traffic (possibly none): the fields are computed, nothing to look up.
      Agent: {
        __resolveReference: (ref: { employeeNo: string }): AgentTrafficType => ({
          employeeNo: ref.employeeNo,
        }),
      },
      // The key and staff's agents are all traffic needs; the metrics load in the request's batch.
      Performance: { __resolveReference: trafficPerformanceFromReference },
      StaffingPlan: {
        __resolveReference: (ref: TrafficStaffingPlanType): TrafficStaffingPlanType =>
          Object.assign(new TrafficStaffingPlanType(), ref),
      },
    },
  });
}

export const trafficSubgraph: SubgraphDefinition = {
  name: TRAFFIC_SUBGRAPH,
  database: trafficDatabase,
  buildSchema: buildTrafficSchema,
  seedDemo: (em) => seedTrafficDemo(em),
  routes: (services) => ({
    ...contactImportRoute(services),
    ...outcomeImportRoute(services),
    ...liveEventsRoute(services),
    ...liveQueuesRoute(services),
    ...trafficStatsExportRoute(services),
  }),
  // BI tools pull trafficStats by the tens of thousands of rows; traffic's queries never write.
  compiledQueries: true,
  // ... and copies the stats rows' leaves as they are (the service gives them as GraphQL writes them)
  serializedTypes: SERIALIZED_STATS_TYPES,
  metrics: registerRollupLag,
  background: (services) => {
    catchUpRollups(services);
    const stopDirectory = refreshTeamDirectory(services);
    const stopJobs = startTrafficJobs(services);
    return () => {
      stopJobs();
      stopDirectory();
    };
  },
};
