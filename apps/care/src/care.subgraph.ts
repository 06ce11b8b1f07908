import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { Case } from './case/case.entity';
import { caseById } from './case/case.loader';
import { toCaseType } from './case/case.mapper';
import { CaseResolver } from './case/case.resolver';
import type { CaseType } from './case/case.type';
import { seesCase, seesCommitment } from './access/care-access';
import { BusinessCalendarRow } from './calendar/business-calendar.entity';
import { CalendarResolver } from './calendar/calendar.resolver';
import { Commitment } from './commitment/commitment.entity';
import { CommitmentKpiResolver } from './commitment/commitment-kpi.resolver';
import { commitmentById } from './commitment/commitment.loader';
import { toCommitmentType } from './commitment/commitment.mapper';
import { CommitmentResolver } from './commitment/commitment.resolver';
import type { CommitmentType } from './commitment/commitment.type';
import { careNow } from './care-services';
import { EscalationNotificationRows } from './escalation/escalation.entity';
import { startEscalationJobs } from './escalation/escalation.jobs';
import { EscalationResolver } from './escalation/escalation.resolver';
import { EscalationPolicyResolver } from './escalation/escalation-policy.resolver';
import { careMigrations } from './migrations';
import { seedCareDemo } from './seed/demo-seed';

export const CARE_SUBGRAPH = 'care';

export const careDatabase = {
  entities: [Case, BusinessCalendarRow, Commitment, ...EscalationNotificationRows],
  migrations: careMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-care',
};

export function buildCareSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      CaseResolver,
      CalendarResolver,
      CommitmentResolver,
      CommitmentKpiResolver,
      EscalationResolver,
      EscalationPolicyResolver,
    ],
    referenceResolvers: {
      Commitment: {
        // batched; outside the caller's scope: null, as for an unknown id
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<CommitmentType | null> => {
          const row = await commitmentById(ctx).load(ref.id);
          return row && seesCommitment(await ctx.scope(), row) ? toCommitmentType(row, careNow()) : null;
        },
      },
      Case: {
        // outside the caller's scope: null, as for an unknown id
        __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<CaseType | null> => {
          const row = await caseById(ctx).load(ref.id);
          return row && seesCase(await ctx.scope(), row) ? toCaseType(row) : null;
        },
      },
    },
  });
}

export const careSubgraph: SubgraphDefinition = {
  name: CARE_SUBGRAPH,
  database: careDatabase,
  buildSchema: buildCareSchema,
  seedDemo: seedCareDemo,
  background: startEscalationJobs,
};
