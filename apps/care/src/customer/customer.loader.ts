import { ErrorCode } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { GraphQLError } from 'graphql';
import type DataLoader from 'dataloader';
import { visibleCasesSql } from '../access/care-access';
import {
  customersWithContacts,
  customersWithContactsAndPages,
  type ContactPageAsk,
  type TrafficContact,
} from '../references/traffic-contacts';
import { expectedContactPage, keepContactPage, timelineExpected } from '../timeline/timeline-prefetch';
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
      const servedBy = scope.all
        ? null
        : { employeeNos: scope.employeeNos ?? [], centerIds: scope.centerIds ?? [] };
      // the timelines this request will read, asked in the same gateway operation (one trip, not two)
      const expected = undecided.filter((k) => timelineExpected(ctx, k));
      const merged = expected.length ? await mergedKeysOf(ctx).loadMany(expected) : [];
      const pages = expected.flatMap((k, i) => {
        const keys = merged[i];
        const ask = Array.isArray(keys) ? expectedContactPage(ctx, k, keys) : null;
        return ask ? [ask] : [];
      });
      const answer = await servedAndPages([...forms.keys()], servedBy, pages);
      answer.pages.forEach((contacts, i) => keepContactPage(ctx, pages[i], contacts));
      for (const f of answer.served) visible.add(forms.get(f) ?? f);
    }
    return keys.map((k) => (visible.has(k) ? toCustomerType(k, byKey.get(k)) : null));
  });
}

/** The served customers, with the pages fetched ahead if traffic answers them; without them otherwise. */
async function servedAndPages(
  keys: string[],
  servedBy: { employeeNos: string[]; centerIds: string[] } | null,
  pages: ContactPageAsk[],
): Promise<{ served: Set<string>; pages: TrafficContact[][] }> {
  if (!pages.length) return { served: await customersWithContacts(keys, servedBy), pages: [] };
  try {
    return await customersWithContactsAndPages(keys, servedBy, pages);
  } catch (error) {
    // traffic down or slow: the same answer as without the pages (no second wait)
    if (error instanceof GraphQLError && error.extensions.code === ErrorCode.SubgraphUnavailable) throw error;
    // a page traffic refuses must not hide the customer: the timeline asks again and reports it
    return { served: await customersWithContacts(keys, servedBy), pages: [] };
  }
}

/**
 * Each live key with the keys merged into it (itself first), per batch: one recursive statement for
 * all the keys; the customer loader and the timeline share the answer within a request.
 */
export function mergedKeysOf(ctx: SubgraphContext): DataLoader<string, string[]> {
  return ctx.loaders.get('mergedKeysOf', async (keys: readonly string[]) => {
    const rows = await ctx.em.execute<{ root: string; k: string }[]>(
      `with recursive merged(root, k) as (
         select r, r from jsonb_array_elements_text(?::jsonb) as r
         union
         select merged.root, m.from_key from customer_merge m join merged on m.into_key = merged.k)
       select root, k from merged`,
      [JSON.stringify(keys)],
    );
    const byRoot = new Map<string, string[]>(keys.map((k) => [k, [k]]));
    for (const row of rows) if (row.k !== row.root) byRoot.get(row.root)?.push(row.k);
    return keys.map((k) => byRoot.get(k) ?? [k]);
  });
}
