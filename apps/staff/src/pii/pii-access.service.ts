import { forbidden, hasRole } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import type { AgentType } from '../agent/agent.type';
import { PiiAccess } from './pii-access.entity';

export const PII_FIELDS = ['email', 'phone', 'nationalId'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

interface Access {
  field: PiiField;
  agent: AgentType;
  operation: string;
}

/** A batch of reads becomes one INSERT, written before the values leave the subgraph. */
function auditLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<Access, true>('piiAudit', async (accesses) => {
    const { identity } = ctx;
    await ctx.em.insertMany(
      PiiAccess,
      accesses.map((access) => ({
        subject: identity.subject,
        roles: identity.roles,
        field: access.field,
        agentId: access.agent.id,
        employeeNo: access.agent.employeeNo,
        operation: access.operation,
        requestId: ctx.requestId,
      })),
    );
    return accesses.map(() => true as const);
  });
}

/**
 * A PII field's value for HR and ADMIN, audit-logged; FORBIDDEN for everyone else (the field is
 * null and the rest of the answer stands).
 */
export async function readPii(
  ctx: SubgraphContext,
  agent: AgentType,
  field: PiiField,
  info: GraphQLResolveInfo,
): Promise<string | null> {
  if (!hasRole(ctx.identity, 'HR', 'ADMIN'))
    throw forbidden(`${field}: personal data, readable by HR (and ADMIN) only`);
  const operation = `${info.operation.operation} ${info.operation.name?.value ?? '(anonymous)'}`;
  await auditLoader(ctx).load({ field, agent, operation });
  return agent[field];
}
