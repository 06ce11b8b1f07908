import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { checkPageSize } from '@switchboard/subgraph-kit';
import { ArrayMaxSize, IsOptional, Length } from 'class-validator';
import { Args, ArgsType, Ctx, Field, ID, InputType, Int, Query, Resolver } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { contactVisibility, visibleContactsSql } from '../access/contact-visibility';
import { CONTACT_COLUMNS, toContactType, type ContactSqlRow } from './contact-lookup';
import { ContactType } from './contact.type';

/** Keys per call: a customer and the keys merged into it. */
const MAX_CUSTOMER_KEYS = 50;

@InputType('ContactCursorInput', {
  description:
    'A keyset position: contacts strictly before it, by (arrivedAt, source, externalId) descending',
})
export class ContactCursorInput {
  @Field(() => DateTimeISOResolver) arrivedAt!: Date;
  @Field(() => String) source!: string;
  @Field(() => String) externalId!: string;
}

@ArgsType()
class ContactsOfCustomerArgs {
  @Field(() => [String])
  @ArrayMaxSize(MAX_CUSTOMER_KEYS, { message: `customerKeys must hold at most ${MAX_CUSTOMER_KEYS} keys` })
  @Length(1, 200, { each: true, message: 'each key must be 1 to 200 characters' })
  customerKeys!: string[];

  @Field(() => Int, { defaultValue: 50 })
  first!: number;

  @Field(() => ContactCursorInput, { nullable: true })
  @IsOptional()
  before?: ContactCursorInput | null;
}

@ArgsType()
class ContactsOfCustomersArgs {
  @Field(() => [String])
  @ArrayMaxSize(500, { message: 'customerKeys must hold at most 500 keys' })
  @Length(1, 200, { each: true, message: 'each key must be 1 to 200 characters' })
  customerKeys!: string[];

  @Field(() => DateTimeISOResolver, { description: 'Contacts that arrived strictly after this instant' })
  arrivedAfter!: Date;

  @Field(() => Int, { defaultValue: 500 })
  first!: number;
}

@ArgsType()
class CustomersWithContactsArgs {
  @Field(() => [String])
  @ArrayMaxSize(500, { message: 'customerKeys must hold at most 500 keys' })
  customerKeys!: string[];

  @Field(() => [String], { nullable: true, description: 'Only contacts these agents handled (or…)' })
  employeeNos?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '(…) in queues of these centers' })
  centerIds?: string[] | null;
}

@Resolver(() => ContactType)
export class CustomerContactsResolver {
  /**
   * A customer's contacts on every channel, newest first, keyset-paginated (index contact_customer_time:
   * customer_key, arrived_at desc, source, external_id). Care's timeline reads it through the gateway.
   */
  @Query(() => [ContactType], {
    description:
      'The contacts of these customer keys you see, newest first (arrivedAt, source, externalId descending), strictly before `before`',
  })
  async contactsOfCustomer(
    @Args(() => ContactsOfCustomerArgs) args: ContactsOfCustomerArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContactType[]> {
    checkPageSize(args.first);
    if (!args.customerKeys.length) return [];
    const visible = visibleContactsSql(await contactVisibility(ctx), 'c.agent', 'q.center_id');
    const before = args.before
      ? {
          sql: '(c.arrived_at, c.source collate "C", c.external_id collate "C") < (?, ?, ?)',
          params: [args.before.arrivedAt, args.before.source, args.before.externalId],
        }
      : { sql: 'true', params: [] };
    // each key's newest `first` by the index, in order (a lateral limit per key), then the keys
    // merged: a customer with 20,000 contacts reads 51, never sorts them all
    const rows = await ctx.em.execute<ContactSqlRow[]>(
      `select p.* from (select distinct k from jsonb_array_elements_text(?::jsonb) as k) keys
        cross join lateral (
          select ${CONTACT_COLUMNS}
            from contact c left join queue q on q.id = c.queue_id
           where c.customer_key = keys.k and ${before.sql} and ${visible.sql}
           order by c.arrived_at desc, c.source collate "C" desc, c.external_id collate "C" desc
           limit ?) p
        order by p.arrived_at desc, p.source collate "C" desc, p.external_id collate "C" desc
        limit ?`,
      [JSON.stringify(args.customerKeys), ...before.params, ...visible.params, args.first, args.first],
    );
    return rows.map(toContactType);
  }

  /**
   * What care's commitment matcher reads (through the gateway, 500 keys a call): the contacts of the
   * customers with open commitments that arrived after its watermark, oldest first (same index).
   */
  @Query(() => [ContactType], {
    description:
      'The contacts of these customer keys you see that arrived after `arrivedAfter`, oldest first (arrivedAt, source, externalId)',
  })
  async contactsOfCustomers(
    @Args(() => ContactsOfCustomersArgs) args: ContactsOfCustomersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ContactType[]> {
    checkPageSize(args.first);
    if (!args.customerKeys.length) return [];
    const visible = visibleContactsSql(await contactVisibility(ctx), 'c.agent', 'q.center_id');
    const rows = await ctx.em.execute<ContactSqlRow[]>(
      `select ${CONTACT_COLUMNS}
         from contact c left join queue q on q.id = c.queue_id
        where c.customer_key in (select jsonb_array_elements_text(?::jsonb)) and c.arrived_at > ? and ${visible.sql}
        order by c.arrived_at, c.source collate "C", c.external_id collate "C"
        limit ?`,
      [JSON.stringify(args.customerKeys), args.arrivedAfter, ...visible.params, args.first],
    );
    return rows.map(toContactType);
  }

  @Query(() => [String], {
    description:
      'Which of these customer keys have a contact you see; with employeeNos or centerIds, handled by those agents or in queues of those centers (who served them)',
  })
  async customersWithContacts(
    @Args(() => CustomersWithContactsArgs) args: CustomersWithContactsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    if (!args.customerKeys.length) return [];
    const visible = visibleContactsSql(await contactVisibility(ctx), 'c.agent', 'q.center_id');
    const servedBy =
      args.employeeNos || args.centerIds
        ? visibleContactsSql(
            {
              employeeNos: args.employeeNos ?? [],
              centerIds: (args.centerIds ?? []).map((id) => id.toLowerCase()),
            },
            'c.agent',
            'q.center_id',
          )
        : { sql: 'true', params: [] };
    const rows = await ctx.em.execute<{ customer_key: string }[]>(
      `select k.key as customer_key from jsonb_array_elements_text(?::jsonb) as k(key)
        where exists (select 1 from contact c left join queue q on q.id = c.queue_id
                       where c.customer_key = k.key and ${visible.sql} and ${servedBy.sql})`,
      [JSON.stringify([...new Set(args.customerKeys)]), ...visible.params, ...servedBy.params],
    );
    return rows.map((r) => r.customer_key);
  }
}
