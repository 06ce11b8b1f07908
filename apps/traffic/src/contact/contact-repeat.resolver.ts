import { badUserInput } from '@switchboard/server';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ContactType } from './contact.type';

/** The longest repeat window asked (the FCR window's bound). */
export const MAX_REPEAT_WINDOW_DAYS = 30;

interface RepeatKey {
  customerKey: string;
  arrivedAt: Date;
}

/**
 * Whether each contact's customer came back (any channel, any queue) within `days` days strictly after
 * its arrival: the repeat rule of FCR (METRICS.md), for one batch of contacts in one statement on
 * contact_customer_time.
 */
async function repeated(ctx: SubgraphContext, days: number, keys: readonly RepeatKey[]): Promise<boolean[]> {
  const rows = await ctx.em.execute<{ i: number; repeated: boolean }[]>(
    `select v.i, exists (select 1 from contact n where n.customer_key = v.k and n.arrived_at > v.a
                            and n.arrived_at <= v.a + ? * interval '1 day') as repeated
       from jsonb_to_recordset(?::jsonb) as v(i int, k text, a timestamptz) order by v.i`,
    [days, JSON.stringify(keys.map((k, i) => ({ i, k: k.customerKey, a: k.arrivedAt.toISOString() })))],
  );
  return rows.map((r) => r.repeated);
}

@Resolver(() => ContactType)
export class ContactRepeatResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      "Whether the same customer had another contact (any channel, any queue, whoever handled it) arriving within `days` days strictly after this one: FCR's repeat rule; null without a customer key",
  })
  async repeatedWithin(
    @Root() contact: ContactType,
    @Arg('days', () => Int, { defaultValue: 7, description: `1 to ${MAX_REPEAT_WINDOW_DAYS}` }) days: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<boolean | null> {
    if (!Number.isInteger(days) || days < 1 || days > MAX_REPEAT_WINDOW_DAYS)
      throw badUserInput({ field: 'days', message: `must be 1 to ${MAX_REPEAT_WINDOW_DAYS}` });
    if (!contact.customerKey) return null;
    // one loader per window: every contact of the request asked with it costs one statement
    const loader = ctx.loaders.get<RepeatKey, boolean>(`contactRepeat:${days}`, (keys) =>
      repeated(ctx, days, keys),
    );
    return loader.load({ customerKey: contact.customerKey, arrivedAt: new Date(contact.arrivedAt) });
  }
}
