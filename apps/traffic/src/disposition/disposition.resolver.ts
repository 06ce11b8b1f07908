import { requireRole, WRITERS } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { DispositionCodeInput } from './disposition-code.input';
import { saveDispositionCode } from './disposition-code.service';
import { DispositionCodeType, ProductType } from './disposition.type';
import { ProductInput, ProductMarginInput } from './product.input';
import { createProduct, products, setProductMargin } from './product.service';

/** The code list and the products: reference data, readable by every signed-in caller (like queues). */
@Resolver()
export class DispositionResolver {
  @Query(() => [DispositionCodeType], {
    nullable: true,
    description: 'Every version of every disposition code, by code and version, with the queues requiring it',
  })
  async dispositionCodes(@Ctx() ctx: SubgraphContext): Promise<DispositionCodeType[]> {
    const rows = await ctx.em.execute<
      {
        code: string;
        version: number;
        parent_code: string | null;
        name_zh: string;
        name_en: string;
        outcome_class: string;
        requires_amount: boolean;
        requires_product: boolean;
        valid_from: string;
        valid_to: string | null;
        queues: string[];
      }[]
    >(
      `select d.code, d.version, d.parent_code, d.name_zh, d.name_en, d.outcome_class, d.requires_amount,
              d.requires_product, d.valid_from::text, d.valid_to::text,
              coalesce(array_agg(q.code order by q.code) filter (where q.code is not null), '{}') as queues
       from disposition_code d
       left join queue_disposition qd on qd.code = d.code and qd.required
       left join queue q on q.id = qd.queue_id
       group by d.code, d.version order by d.code collate "C", d.version`,
    );
    return rows.map((r) => ({
      code: r.code,
      version: r.version,
      parentCode: r.parent_code,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      outcomeClass: r.outcome_class,
      requiresAmount: r.requires_amount,
      requiresProduct: r.requires_product,
      validFrom: r.valid_from,
      validTo: r.valid_to,
      requiredByQueues: r.queues,
    }));
  }

  @Query(() => [ProductType], { nullable: true, description: 'Every product, by code' })
  async products(@Ctx() ctx: SubgraphContext): Promise<ProductType[]> {
    return products(ctx.em);
  }

  @Mutation(() => ProductType, {
    description: 'A new product (its code unused), with the margin rate its sales are priced at',
  })
  async createProduct(
    @Arg('input', () => ProductInput) input: ProductInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProductType> {
    requireRole(ctx.identity, WRITERS.traffic, 'createProduct');
    return createProduct(ctx.em, input);
  }

  @Mutation(() => ProductType, {
    description:
      'A new margin rate of a product from a later day on (a new version; the days before keep their rate, so past revenue does not move)',
  })
  async setProductMargin(
    @Arg('input', () => ProductMarginInput) input: ProductMarginInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProductType> {
    requireRole(ctx.identity, WRITERS.traffic, 'setProductMargin');
    return setProductMargin(ctx.em, input);
  }

  @Mutation(() => DispositionCodeType, {
    description:
      "A new version of a disposition code from validFrom on (the version in force until then ends that day); outcomes keep the version valid on their contact's arrival",
  })
  async saveDispositionCode(
    @Arg('input', () => DispositionCodeInput) input: DispositionCodeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispositionCodeType> {
    requireRole(ctx.identity, WRITERS.traffic, 'saveDispositionCode');
    const saved = await saveDispositionCode(ctx.em, input);
    const all = await this.dispositionCodes(ctx);
    return all.find((c) => c.code === saved.code && c.version === saved.version) as DispositionCodeType;
  }
}
