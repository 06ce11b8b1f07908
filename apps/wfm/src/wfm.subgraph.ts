import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { SpecialDay } from './special-day/special-day.entity';
import { specialDayById } from './special-day/special-day.loader';
import { toSpecialDayType } from './special-day/special-day.mapper';
import { SpecialDayResolver } from './special-day/special-day.resolver';
import { CalendarHolidaysResolver } from './special-day/calendar-holidays.resolver';
import type { SpecialDayType } from './special-day/special-day.type';
import { AdherenceResolver } from './adherence/adherence.resolver';
import { CoverageResolver } from './coverage/coverage.resolver';
import { ForecastRun } from './forecast/forecast-run.entity';
import { ForecastResolver } from './forecast/forecast.resolver';
import { IntradayForecastResolver } from './intraday/intraday-forecast.resolver';
import { IntervalVolume } from './volume/interval-volume.entity';
import { volumeImportRoute } from './volume/volume-import.route';
import { forecastImportRoute } from './forecast/forecast-import.route';
import { VolumeResolver } from './volume/volume.resolver';
import {
  WfmPerformanceResolver,
  wfmPerformanceFromReference,
} from './extends/performance/performance.resolver';
import { WfmPerformanceType } from './extends/performance/performance.type';
import { StaffingPlanResolver } from './staffing/staffing-plan.resolver';
import { StaffingPlanType } from './staffing/staffing-plan.type';
import { StaffingResolver } from './staffing/staffing.resolver';
import { seesAgentRecord, seesSpecialDay } from './access/wfm-access';
import { Schedule } from './schedule/schedule.entity';
import { scheduleImportRoute } from './schedule/schedule-import.route';
import { scheduleById } from './schedule/schedule.loader';
import { toScheduleType } from './schedule/schedule.mapper';
import { ScheduleResolver } from './schedule/schedule.resolver';
import type { ScheduleType } from './schedule/schedule.type';
import { wfmMigrations } from './migrations';
import { seedWfmDemo } from './seed/demo-seed';

export const WFM_SUBGRAPH = 'wfm';

export const wfmDatabase = {
  entities: [SpecialDay, Schedule, IntervalVolume, ForecastRun],
  migrations: wfmMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-wfm',
};

export function buildWfmSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      SpecialDayResolver,
      CalendarHolidaysResolver,
      ScheduleResolver,
      AdherenceResolver,
      CoverageResolver,
      VolumeResolver,
      ForecastResolver,
      IntradayForecastResolver,
      StaffingResolver,
      StaffingPlanResolver,
      WfmPerformanceResolver,
    ],
    // kpi's Performance is reached only through _entities: listed so that it is in the schema.
    orphanedTypes: [WfmPerformanceType],
    referenceResolvers: {
      Performance: { __resolveReference: wfmPerformanceFromReference },
      SpecialDay: {
        // outside the caller's scope: null, as for an unknown id
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<SpecialDayType | null> => {
          const row = await specialDayById(ctx).load(ref.id);
          return row && seesSpecialDay(await ctx.scope(), row) ? toSpecialDayType(row) : null;
        },
      },
      // The key and traffic's history (required) are all a plan's intervals need.
      StaffingPlan: {
        __resolveReference: (ref: Record<string, unknown>): StaffingPlanType =>
          Object.assign(new StaffingPlanType(), ref),
      },
      Schedule: {
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<ScheduleType | null> => {
          const row = await scheduleById(ctx).load(ref.id);
          return row && seesAgentRecord(await ctx.scope(), row) ? toScheduleType(row) : null;
        },
      },
    },
  });
}

export const wfmSubgraph: SubgraphDefinition = {
  name: WFM_SUBGRAPH,
  database: wfmDatabase,
  buildSchema: buildWfmSchema,
  seedDemo: seedWfmDemo,
  routes: (services) => ({
    ...scheduleImportRoute(services),
    ...volumeImportRoute(services),
    ...forecastImportRoute(services),
  }),
};
