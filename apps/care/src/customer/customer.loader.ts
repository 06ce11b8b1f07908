import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { visibleCasesSql } from '../access/care-access';
import { customersWithContacts } from '../references/traffic-contacts';
import { storedKeyForms } from './customer-key';
import { Customer } from './customer.entity';
import { CustomerType } from './customer.type';

function toCustomerType(key: string, row: Customer | undefined): CustomerType {
  return Object.assign(new CustomerType(), {
    customerKey: key,
    segment: row?.segment ?? 'STANDARD',
    createdAt: row?.createdAt ?? null,
    nameEnc: row?.nameEnc ?? null,
    phoneEnc: row?.phoneEnc ?? null,
  });
}

/**
 * Customers by live key, as the caller may see them (null: unknown, or not theirs), per batch: one
 * SQL statement for care's rows, one for the cases the caller sees, one gateway call to traffic for
 * the keys still undecided (a customer known from contacts only, or served by the caller).
 */
export function visibleCustomer(ctx: SubgraphContext): DataLoader<string, CustomerType | null> {
  return ctx.loaders.get('visibleCustomer', async (keys: readonly string[]) => {
    const scope = await ctx.scope();
    const rows = await ctx.em.find(Customer, { customerKey: { $in: [...keys] } });
    const byKey = new Map(rows.map((r) => [r.customerKey, r]));
    let visible: Set<string>;
    if (scope.all) {
      visible = new Set(byKey.keys());
    } else {
      const cases = visibleCasesSql(scope, 'c');
      const withCases = await ctx.em.execute<{ customer_key: string }[]>(
        `select distinct c.customer_key from care_case c where c.customer_key in (select jsonb_array_elements_text(?::jsonb)) and ${cases.sql}`,
        [JSON.stringify(keys), ...cases.params],
      );
      visible = new Set(withCases.map((r) => r.customer_key));
    }
    const undecided = keys.filter((k) => !visible.has(k));
    if (undecided.length && (scope.all || scope.employeeNos?.length || scope.centerIds?.length)) {
      const forms = new Map(undecided.flatMap((k) => storedKeyForms(k).map((f) => [f, k] as const)));
      const served = await customersWithContacts(
        [...forms.keys()],
        scope.all ? null : { employeeNos: scope.employeeNos ?? [], centerIds: scope.centerIds ?? [] },
      );
      for (const f of served) visible.add(forms.get(f) ?? f);
    }
    return keys.map((k) => (visible.has(k) ? toCustomerType(k, byKey.get(k)) : null));
  });
}
