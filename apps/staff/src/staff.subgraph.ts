import { resolve } from 'node:path';
import {
  buildFederatedSchema,
  type FederatedSchema,
  type SubgraphDefinition,
} from '@switchboard/subgraph-kit';
import { AccessScopeResolver } from './access/access-scope.resolver';
import { staffScopeSource } from './access/access-scope.source';
import { AgentSkill } from './agent/agent-skill.entity';
import { Agent } from './agent/agent.entity';
import { AgentResolver } from './agent/agent.resolver';
import { TeamAssignmentResolver } from './agent/team-assignment.resolver';
import { Center } from './center/center.entity';
import { CenterResolver } from './center/center.resolver';
import { PiiAccess } from './pii/pii-access.entity';
import { PiiAccessLogResolver } from './pii/pii-access-log.resolver';
import { AgentPiiResolver } from './pii/pii.resolver';
import { staffMigrations } from './migrations';
import { staffPerformanceFromReference } from './extends/performance/performance.mapper';
import { StaffPerformanceResolver } from './extends/performance/performance.resolver';
import { StaffPerformanceType } from './extends/performance/performance.type';
import { ReferenceLookupResolver } from './reference-lookup/reference-lookup.resolver';
import { RosterResolver } from './roster/roster.resolver';
import { seedStaffDemo } from './seed/demo-seed';
import { Skill } from './skill/skill.entity';
import { SkillResolver } from './skill/skill.resolver';
import { staffReferenceResolvers } from './staff.references';
import { TeamLeadPeriod } from './team/team-lead-period.entity';
import { TeamMembership } from './team/team-membership.entity';
import { Team } from './team/team.entity';
import { TeamResolver } from './team/team.resolver';
import { rosterImportRoute } from './roster/roster.route';

export const STAFF_SUBGRAPH = 'staff';

export const staffEntities = [
  Center,
  Team,
  Agent,
  AgentSkill,
  Skill,
  TeamMembership,
  TeamLeadPeriod,
  PiiAccess,
];

export const staffDatabase = {
  entities: staffEntities,
  migrations: staffMigrations,
  migrationsPath: resolve(__dirname, 'migrations'),
  snapshotName: '.snapshot-staff',
  // The PII audit trail: the service role reads and inserts, never edits or deletes (issue 17).
  appendOnlyTables: ['pii_access'],
};

/** The committed SDL that composition reads; a test keeps it equal to what the code prints. */
export const STAFF_SDL_PATH = resolve(__dirname, '..', 'schema.graphql');

export function buildStaffSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema({
    resolvers: [
      CenterResolver,
      TeamResolver,
      AgentResolver,
      TeamAssignmentResolver,
      SkillResolver,
      RosterResolver,
      AgentPiiResolver,
      PiiAccessLogResolver,
      StaffPerformanceResolver,
      AccessScopeResolver,
      ReferenceLookupResolver,
    ],
    // reachable only through _entities: the gateway asks staff for Performance's agents by key
    orphanedTypes: [StaffPerformanceType],
    referenceResolvers: {
      ...staffReferenceResolvers,
      // Computed from the key: who is in the scope is looked up per field, batched.
      Performance: { __resolveReference: staffPerformanceFromReference },
    },
  });
}

export const staffSubgraph: SubgraphDefinition = {
  name: STAFF_SUBGRAPH,
  database: staffDatabase,
  buildSchema: buildStaffSchema,
  seedDemo: seedStaffDemo,
  scopeSource: ({ orm }) => staffScopeSource(orm),
  routes: rosterImportRoute,
};
