import { outsideScope } from '@switchboard/auth';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import {
  requireSurveyFormCenter,
  requireVocWriter,
  seesSurveyForm,
  visibleCenters,
} from '../access/voc-access';
import { ImprovementItem, type ImprovementStatus } from './improvement-item.entity';
import { CreateImprovementItemInput } from './improvement-item.input';
import { ImprovementItemService, type ItemWithEvidence } from './improvement-item.service';
import { ImprovementClosureType, ImprovementItemType, ImprovementStatusEnum } from './improvement-item.type';

const toType = ({ item, feedbackIds }: ItemWithEvidence): ImprovementItemType =>
  Object.assign(new ImprovementItemType(), {
    id: item.id,
    centerId: item.centerId,
    title: item.title,
    ownerDepartment: item.ownerDepartment,
    dueDate: item.dueDate,
    status: item.status,
    closedAt: item.closedAt,
    feedbackIds,
  });

@Resolver(() => ImprovementItemType)
export class ImprovementItemResolver {
  @Query(() => [ImprovementItemType], {
    description: 'Improvement items of the centers you see, soonest due first',
  })
  async improvementItems(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ImprovementItemType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return [];
    const visible = visibleCenters(await ctx.scope());
    const centers = centerId
      ? [centerId.toLowerCase()].filter((c) => !visible || visible.includes(c))
      : visible;
    const items = await ctx.em.find(ImprovementItem, centers === null ? {} : { centerId: centers }, {
      orderBy: { dueDate: 'asc', id: 'asc' },
      limit: first,
    });
    return (await new ImprovementItemService(ctx.em).evidenceOf(items)).map(toType);
  }

  @Query(() => ImprovementClosureType, {
    description: 'Closure rate of improvement items due in [from, to) (dates), cancelled ones left out',
  })
  async improvementClosure(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ImprovementClosureType> {
    const { due, closedOnTime } = await new ImprovementItemService(ctx.em).closure(
      from,
      to,
      visibleCenters(await ctx.scope()),
    );
    return Object.assign(new ImprovementClosureType(), {
      due,
      closedOnTime,
      rate: due ? closedOnTime / due : null,
    });
  }

  @Mutation(() => ImprovementItemType, {
    description: 'Opens an improvement item in a center you see, with feedback of that center as evidence',
  })
  async createImprovementItem(
    @Arg('input', () => CreateImprovementItemInput) input: CreateImprovementItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ImprovementItemType> {
    requireVocWriter(ctx, 'createImprovementItem');
    await requireSurveyFormCenter(ctx, input.centerId, 'createImprovementItem');
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    return toType(await new ImprovementItemService(ctx.em).create(input, ctx.identity.subject));
  }

  @Mutation(() => ImprovementItemType, {
    description: 'Moves an item along OPEN → IN_PROGRESS → DONE (or CANCELLED); DONE records when',
  })
  async setImprovementItemStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => ImprovementStatusEnum) status: ImprovementStatus,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ImprovementItemType> {
    requireVocWriter(ctx, 'setImprovementItemStatus');
    const item = isUuid(id) ? await ctx.em.findOne(ImprovementItem, { id: id.toLowerCase() }) : null;
    // unknown or outside the scope: refused alike
    if (!item || !seesSurveyForm(await ctx.scope(), item)) throw outsideScope('setImprovementItemStatus');
    return toType(await new ImprovementItemService(ctx.em).setStatus(item, status, new Date()));
  }
}
