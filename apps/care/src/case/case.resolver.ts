import { outsideScope } from '@switchboard/auth';
import { badUserInput } from '@switchboard/server';
import { checkPageSize, isUuid, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireCareWriter, requireCaseCenter, seesCase, visibleCasesSql } from '../access/care-access';
import { reassignTarget, requireReassigner } from '../access/reassign-access';
import { careServices } from '../care-services';
import { contactKeyOf, trafficContacts, type TrafficContact } from '../references/traffic-contacts';
import { Case, CaseCategory } from './case.entity';
import { CareContactKeyInput, ChangeCaseInput, OpenCaseInput } from './case.input';
import { caseById, contactsOfCase, eventsOfCase, visibleCase } from './case.loader';
import { toCaseContactType, toCaseEventType, toCaseType } from './case.mapper';
import { CaseService } from './case.service';
import { CaseCategoryType } from './case-category.type';
import { CaseContactType, CaseEventType, CaseType } from './case.type';

/** The case with this id the caller may change: FORBIDDEN outside their scope, BAD_USER_INPUT on `field` when unknown to an all-seeing caller. */
async function caseForWrite(ctx: SubgraphContext, id: string, field: string, action: string): Promise<Case> {
  requireCareWriter(ctx, action);
  const scope = await ctx.scope();
  const row = await visibleCase(ctx, id, (r, agents) => seesCase(scope, r, agents));
  // a restricted caller is refused alike whether the case is missing or not theirs (no existence leak)
  if (!row && !scope.all) throw outsideScope(action);
  if (!row) throw badUserInput({ field, message: `no case "${id}"` });
  await requireCaseCenter(ctx, row.centerId, action);
  return row;
}

/** The contact in traffic (through the gateway), with its customer key; BAD_USER_INPUT otherwise. */
async function knownContact(key: CareContactKeyInput, field: string): Promise<TrafficContact> {
  // the key's own form first, named by the argument it came in (linkContact's `contact` is not
  // validated by type-graphql, whose messages would name `source` alone)
  const malformed = (['source', 'externalId'] as const).filter(
    (part) => typeof key[part] !== 'string' || !key[part].trim() || key[part].length > 200,
  );
  if (malformed.length)
    throw badUserInput(
      malformed.map((part) => ({ field: `${field}.${part}`, message: 'must be 1 to 200 characters' })),
    );
  const found = (await trafficContacts([key])).get(contactKeyOf(key));
  // an unknown key: its id is what names nothing (the source is one of a few)
  if (!found)
    throw badUserInput({
      field: `${field}.externalId`,
      message: `no contact ${key.source}/${key.externalId} in traffic`,
    });
  if (!found.customerKey) throw badUserInput({ field, message: 'the contact has no customer key' });
  return found;
}

@Resolver(() => CaseType)
export class CaseResolver {
  @Query(() => CaseType, { nullable: true, description: 'One case; null if unknown or not visible to you' })
  async case(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<CaseType | null> {
    const scope = await ctx.scope();
    const row = await visibleCase(ctx, id, (r, agents) => seesCase(scope, r, agents));
    return row ? toCaseType(row) : null;
  }

  @Query(() => [CaseType], { description: 'The newest cases you see (optionally of one center)' })
  async cases(
    @Arg('centerId', () => ID, { nullable: true }) centerId: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType[]> {
    checkPageSize(first);
    if (centerId != null && !isUuid(centerId)) return []; // an id that cannot exist: nothing
    const visible = visibleCasesSql(await ctx.scope(), 'c');
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      `select c.* from care_case c where ${visible.sql} and (?::uuid is null or c.center_id = ?::uuid)
       order by c.opened_at desc, c.id desc limit ?`,
      [...visible.params, centerId, centerId, first],
    );
    return rows.map((r) => toCaseType(ctx.em.map(Case, r)));
  }

  @Query(() => [CaseCategoryType], { description: 'The current case category taxonomy' })
  async caseCategories(@Ctx() ctx: SubgraphContext): Promise<CaseCategoryType[]> {
    const rows = await ctx.em.find(CaseCategory, { current: true }, { orderBy: { code: 'asc' } });
    return rows.map((r) => ({ version: r.version, code: r.code, name: r.name, parentCode: r.parentCode }));
  }

  @FieldResolver(() => [CaseContactType], { description: 'The traffic contacts linked to it, oldest first' })
  async contacts(@Root() c: CaseType, @Ctx() ctx: SubgraphContext): Promise<CaseContactType[]> {
    return (await contactsOfCase(ctx).load(c.id)).map(toCaseContactType);
  }

  @FieldResolver(() => [CaseEventType], { description: 'Its append-only history, oldest first' })
  async events(@Root() c: CaseType, @Ctx() ctx: SubgraphContext): Promise<CaseEventType[]> {
    return (await eventsOfCase(ctx).load(c.id)).map(toCaseEventType);
  }

  @Mutation(() => CaseType, {
    description:
      "Opens a case from a traffic contact in a center you see; the customer is the contact's (created if new)",
  })
  async openCase(
    @Arg('input', () => OpenCaseInput) input: OpenCaseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    requireCareWriter(ctx, 'openCase');
    await requireCaseCenter(ctx, input.centerId, 'openCase');
    // staff's records (one batch) and traffic's contact, asked together before anything is written
    const [, contact] = await Promise.all([
      ctx.requireReferences([
        { kind: 'center', field: 'input.centerId', values: [input.centerId] },
        { kind: 'team', field: 'input.ownerTeamId', values: input.ownerTeamId ? [input.ownerTeamId] : [] },
        {
          kind: 'agent',
          field: 'input.ownerAgentNo',
          values: input.ownerAgentNo ? [input.ownerAgentNo] : [],
        },
      ]),
      knownContact(input.contact, 'input.contact'),
      ownerInCenter(input.ownerAgentNo, input.centerId, 'input.ownerAgentNo'),
    ]);
    const row = await new CaseService(ctx.em).open(
      {
        contact,
        type: input.type,
        categoryCode: input.categoryCode,
        title: input.title,
        priority: input.priority,
        ownerAgentNo: input.ownerAgentNo ?? null,
        ownerTeamId: input.ownerTeamId ?? null,
        department: input.department,
        centerId: input.centerId,
      },
      ctx.identity.subject,
    );
    return toCaseType(row);
  }

  @Mutation(() => CaseType, {
    description: "Links a further contact of the case's customer; a contact belongs to one case at most",
  })
  async linkContact(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('contact', () => CareContactKeyInput, { validate: false }) contact: CareContactKeyInput,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    const row = await caseForWrite(ctx, caseId, 'caseId', 'linkContact');
    const found = await knownContact(contact, 'contact');
    return toCaseType(
      await new CaseService(ctx.em).link(row.id, expectedVersion, found, ctx.identity.subject),
    );
  }

  @Mutation(() => CaseType, {
    description:
      'Moves the case (state machine), reassigns it (owner, team, department: a hand-off) or adds a note',
  })
  async changeCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('change', () => ChangeCaseInput) change: ChangeCaseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    const row = await caseForWrite(ctx, caseId, 'caseId', 'changeCase');
    await Promise.all([
      ctx.requireReferences([
        { kind: 'team', field: 'change.ownerTeamId', values: change.ownerTeamId ? [change.ownerTeamId] : [] },
        {
          kind: 'agent',
          field: 'change.ownerAgentNo',
          values: change.ownerAgentNo ? [change.ownerAgentNo] : [],
        },
      ]),
      ownerInCenter(change.ownerAgentNo, row.centerId, 'change.ownerAgentNo'),
    ]);
    return toCaseType(
      await new CaseService(ctx.em).change(
        row.id,
        expectedVersion,
        {
          status: change.status,
          ownerAgentNo: change.ownerAgentNo,
          ownerTeamId: change.ownerTeamId,
          department: change.department,
          note: change.note,
        },
        ctx.identity.subject,
      ),
    );
  }

  @Mutation(() => CaseType, { description: 'Resolves the case (changeCase with status RESOLVED)' })
  resolveCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    return this.changeCase(
      caseId,
      expectedVersion,
      Object.assign(new ChangeCaseInput(), { status: 'RESOLVED' }),
      ctx,
    );
  }

  @Mutation(() => CaseType, {
    description:
      "Gives the case to another agent (and their team): a team lead within their team, a center manager within their center, CASE_HANDLER within theirs, ADMIN anywhere; the new owner must work in the case's center. An OWNER event on the case's log.",
  })
  async reassignCase(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('ownerAgentNo', () => String) ownerAgentNo: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseType> {
    requireReassigner(ctx, 'reassignCase');
    const scope = await ctx.scope();
    const row = isUuid(caseId) ? await caseById(ctx).load(caseId) : null;
    // the case's own center, team or owner in reach (seeing a linked contact is not enough to give it away)
    if (!row && scope.all) throw badUserInput({ field: 'caseId', message: `no case "${caseId}"` });
    if (!row || !seesCase(scope, row)) throw outsideScope('reassignCase');
    if (note != null && (note.length < 1 || note.length > 2000))
      throw badUserInput({ field: 'note', message: 'must be 1 to 2000 characters' });
    const target = await reassignTarget(scope, ownerAgentNo, 'ownerAgentNo', 'reassignCase');
    if (target.centerId !== row.centerId)
      throw badUserInput({ field: 'ownerAgentNo', message: "works in another center than the case's" });
    if (target.employeeNo === row.ownerAgentNo && target.teamId === row.ownerTeamId)
      throw badUserInput({ field: 'ownerAgentNo', message: 'already owns the case' });
    return toCaseType(
      await new CaseService(ctx.em).change(
        row.id,
        expectedVersion,
        { ownerAgentNo: target.employeeNo, ownerTeamId: target.teamId, note },
        ctx.identity.subject,
      ),
    );
  }
}

/**
 * A case's owner works in the case's center (as reassignCase requires): staff's placement, one call
 * through the gateway beside the other checks; BAD_USER_INPUT on `field` when staff places the agent
 * in another center (an agent staff does not know is refused by the reference check).
 */
async function ownerInCenter(employeeNo: string | null | undefined, centerId: string, field: string) {
  if (!employeeNo) return;
  const [placement] = await careServices().agents([employeeNo]);
  if (placement?.centerId && placement.centerId !== centerId.toLowerCase())
    throw badUserInput({ field, message: `${employeeNo} works in another center than the case's` });
}
