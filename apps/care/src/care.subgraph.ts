import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphContext,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { Case, CaseCategory, CaseContact, CaseEvent } from './case/case.entity';
import { visibleCase } from './case/case.loader';
import { toCaseType } from './case/case.mapper';
import { CaseResolver } from './case/case.resolver';
import { CaseImport } from './case-import/case-import.entity';
import { caseImportRoute } from './case-import/case-import.route';
import type { CaseType } from './case/case.type';
import { Customer, CustomerMerge, CustomerPiiAccess } from './customer/customer.entity';
import { visibleCustomer } from './customer/customer.loader';
import { CustomerResolver } from './customer/customer.resolver';
import { CustomerOpenCasesResolver } from './customer/customer-open-cases.resolver';
import { CustomerSegmentsResolver } from './customer/customer-segments.resolver';
import type { CustomerType } from './customer/customer.type';
import { seesCase, seesCommitment } from './access/care-access';
import { BusinessCalendarRow } from './calendar/business-calendar.entity';
import { CalendarResolver } from './calendar/calendar.resolver';
import { CommitmentEvent } from './commitment/commitment-event.entity';
import { Commitment } from './commitment/commitment.entity';
import { Complaint, ComplaintCode } from './complaint/complaint.entity';
import { complaintByCase } from './complaint/complaint.loader';
import { complaintExportRoute } from './complaint/complaint-report.route';
import { toComplaintType } from './complaint/complaint.mapper';
import { CaseComplaintResolver, ComplaintResolver } from './complaint/complaint.resolver';
import { ComplaintStatsResolver } from './complaint/complaint-stats.resolver';
import type { ComplaintType } from './complaint/complaint.type';
import { seesComplaint } from './access/complaint-access';
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
import {
  carePerformanceFromReference,
  CarePerformanceResolver,
} from './extends/performance/performance.resolver';
import { CarePerformanceType } from './extends/performance/performance.type';
import { seedCareDemo } from './seed/demo-seed';
import { ServiceRecoveryResolver } from './service-recovery/service-recovery.resolver';

export const CARE_SUBGRAPH = 'care';

export const careDatabase = {
  entities: [
    Case,
    CaseContact,
    CaseEvent,
    CaseCategory,
    CaseImport,
    Customer,
    CustomerMerge,
    CustomerPiiAccess,
    BusinessCalendarRow,
    Commitment,
    CommitmentEvent,
    Complaint,
    ComplaintCode,
    ...EscalationNotificationRows,
  ],
  /** Read and insert only for the service's role: the case history, merges and the PII audit trail. */
  appendOnlyTables: ['case_event', 'customer_merge', 'customer_pii_access', 'care_commitment_event'],
  migrations: careMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-care',
};

export function buildCareSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      CaseResolver,
      CustomerResolver,
      CustomerOpenCasesResolver,
      CustomerSegmentsResolver,
      CalendarResolver,
      CommitmentResolver,
      CommitmentKpiResolver,
      EscalationResolver,
      EscalationPolicyResolver,
      CarePerformanceResolver,
      ComplaintResolver,
      CaseComplaintResolver,
      ComplaintStatsResolver,
      ServiceRecoveryResolver,
    ],
    // kpi's Performance is extended here but reached from no care query.
    orphanedTypes: [CarePerformanceType],
    referenceResolvers: {
      Performance: { __resolveReference: carePerformanceFromReference },
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
          const scope = await ctx.scope();
          const row = await visibleCase(ctx, ref.id, (r, agents) => seesCase(scope, r, agents));
          return row ? toCaseType(row) : null;
        },
      },
      Complaint: {
        // batched; outside the caller's scope (or role): null, as for an unknown id
        __resolveReference: async (
          ref: { id: string },
          ctx: SubgraphContext,
        ): Promise<ComplaintType | null> => {
          const row = await complaintByCase(ctx).load(ref.id);
          return row && seesComplaint(ctx, await ctx.scope(), row.centerId)
            ? toComplaintType(row, careNow())
            : null;
        },
      },
      Customer: {
        // batched (one statement per batch, one gateway call for the undecided keys); null outside the scope
        __resolveReference: (
          ref: { customerKey: string },
          ctx: SubgraphContext,
        ): Promise<CustomerType | null> => visibleCustomer(ctx).load(ref.customerKey),
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
  routes: (services) => ({ ...complaintExportRoute(), ...caseImportRoute(services) }),
};
