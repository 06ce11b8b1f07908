import { forbidden } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { readsCustomerPii } from '../access/care-access';
import { CustomerPiiAccess } from './customer.entity';
import type { CustomerType } from './customer.type';
import { decryptPii } from './pii-crypto';

export type CustomerPiiField = 'name' | 'phone';

interface Access {
  field: CustomerPiiField;
  customerKey: string;
  operation: string;
}

/** A batch of reads becomes one INSERT, written before the values leave the subgraph (as staff's PII). */
function auditLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<Access, true>('customerPiiAudit', async (accesses) => {
    await ctx.em.insertMany(
      CustomerPiiAccess,
      accesses.map((a) => ({
        subject: ctx.identity.subject,
        roles: ctx.identity.roles,
        field: a.field,
        customerKey: a.customerKey,
        operation: a.operation,
        requestId: ctx.requestId,
      })),
    );
    return accesses.map(() => true as const);
  });
}

/**
 * A customer's name or phone, decrypted, for CASE_HANDLER and ADMIN, audit-logged (even when empty:
 * the read was asked); FORBIDDEN for everyone else (masked: the field is null, the answer stands).
 */
export async function readCustomerPii(
  ctx: SubgraphContext,
  customer: CustomerType,
  field: CustomerPiiField,
  info: GraphQLResolveInfo,
): Promise<string | null> {
  if (!readsCustomerPii(ctx))
    throw forbidden(`${field}: personal data, readable by CASE_HANDLER (and ADMIN) only`);
  const operation = `${info.operation.operation} ${info.operation.name?.value ?? '(anonymous)'}`;
  await auditLoader(ctx).load({ field, customerKey: customer.customerKey, operation });
  const stored = field === 'name' ? customer.nameEnc : customer.phoneEnc;
  return stored ? decryptPii(stored, customer.customerKey) : null;
}
