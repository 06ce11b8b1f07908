import { requireRole, type Role } from '@switchboard/auth';
import { GraphQLLocalDate, groupByKeys, type SubgraphContext } from '@switchboard/subgraph-kit';
import type DataLoader from 'dataloader';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { toAssignmentType } from '../assignment/assignment.mapper';
import { AssignmentService } from '../assignment/assignment.service';
import { AssignmentType } from '../assignment/assignment.type';
import { AssignmentFollowUpService, type FollowUpRow } from './assignment-follow-up.service';
import { AssignmentFollowUpKind, AssignmentFollowUpType } from './assignment-follow-up.type';

/** Who may remind agents of overdue training: HR and trainers, and leads and managers of their people. */
export const REMINDERS: readonly Role[] = ['HR', 'TRAINER', 'ADMIN', 'CENTER_MANAGER', 'TEAM_LEAD'];
/** Who may give an assignment a new due date: HR (compliance is theirs) and trainers. */
export const DUE_DATE_SETTERS: readonly Role[] = ['HR', 'TRAINER', 'ADMIN'];

function trailOf(ctx: SubgraphContext): DataLoader<string, FollowUpRow[]> {
  return ctx.loaders.get('assignmentFollowUps', async (ids: readonly string[]) =>
    groupByKeys(ids, await new AssignmentFollowUpService(ctx.em).trails(ids), (r) => r.assignmentId),
  );
}

async function visibility(ctx: SubgraphContext) {
  const scope = await ctx.scope();
  return { all: scope.all, agent: (employeeNo: string) => scope.seesAgent(employeeNo) };
}

const actorOf = (ctx: SubgraphContext) => ({
  subject: ctx.identity.subject,
  employeeNo: ctx.identity.employeeNo ?? null,
});

/**
 * Issue 25: from HR's overdue list, remind or give a new due date in one step; the trail shows on
 * the assignment (one statement per batch of assignments).
 */
@Resolver(() => AssignmentType)
export class AssignmentFollowUpResolver {
  @FieldResolver(() => [AssignmentFollowUpType], {
    description: 'Reminders and due-date changes, newest first',
  })
  async followUps(
    @Root() assignment: AssignmentType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentFollowUpType[]> {
    return (await trailOf(ctx).load(assignment.id)).map((r) =>
      Object.assign(new AssignmentFollowUpType(), { ...r, kind: r.kind as AssignmentFollowUpKind }),
    );
  }

  @FieldResolver(() => DateTimeISOResolver, {
    nullable: true,
    description: 'When the agent was last reminded',
  })
  async lastRemindedAt(
    @Root() assignment: AssignmentType,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Date | null> {
    return (await trailOf(ctx).load(assignment.id)).find((r) => r.kind === 'REMINDER')?.at ?? null;
  }

  @FieldResolver(() => Int, { description: 'How many times the agent was reminded' })
  async reminders(@Root() assignment: AssignmentType, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await trailOf(ctx).load(assignment.id)).filter((r) => r.kind === 'REMINDER').length;
  }

  @Mutation(() => [AssignmentType], {
    description:
      'Reminds the agents of open assignments (HR, trainers, leads and managers of their people), up to 500 at ' +
      'once; a reminder within the hour before is not repeated. Returns the assignments.',
  })
  async remindAssignments(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('note', () => String, { nullable: true, description: 'Up to 500 characters' }) note: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType[]> {
    requireRole(ctx.identity, REMINDERS, 'remindAssignments');
    const done = await new AssignmentFollowUpService(ctx.em).remind(
      ids,
      note,
      actorOf(ctx),
      await visibility(ctx),
    );
    return (await new AssignmentService(ctx.em).byIds(done)).map((a) => toAssignmentType(a));
  }

  @Mutation(() => AssignmentType, {
    description:
      'Gives an open assignment a new due date, with the reason (HR and trainers); kept in its trail',
  })
  async setAssignmentDueDate(
    @Arg('id', () => ID) id: string,
    @Arg('dueDate', () => GraphQLLocalDate, { description: 'Not in the past' }) dueDate: string,
    @Arg('reason', () => String, { description: 'Why, up to 500 characters' }) reason: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssignmentType> {
    requireRole(ctx.identity, DUE_DATE_SETTERS, 'setAssignmentDueDate');
    const changed = await new AssignmentFollowUpService(ctx.em).setDueDate(
      id,
      dueDate,
      reason,
      actorOf(ctx),
      await visibility(ctx),
    );
    const [assignment] = await new AssignmentService(ctx.em).byIds([changed]);
    return toAssignmentType(assignment);
  }
}
