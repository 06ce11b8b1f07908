import { forbidden, hasRole } from '@switchboard/auth';
import { checkPageSize, decodeCursor, encodeCursor, type SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { PiiAccess } from './pii-access.entity';
import { PiiAccessConnectionType, PiiAccessFilterInput } from './pii-access.type';

@Resolver()
export class PiiAccessLogResolver {
  @Query(() => PiiAccessConnectionType, {
    description: 'Who read which PII field of which agent, newest first (ADMIN only)',
  })
  async piiAccessLog(
    @Arg('filter', () => PiiAccessFilterInput, { nullable: true }) filter: PiiAccessFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 100, description: 'Page size, 1-500' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page' })
    after: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PiiAccessConnectionType> {
    if (!hasRole(ctx.identity, 'ADMIN')) throw forbidden('piiAccessLog: ADMIN only');
    checkPageSize(first);
    const [afterId] = after ? decodeCursor(after) : [];
    const rows = await ctx.em.find(
      PiiAccess,
      {
        ...(filter?.from || filter?.to
          ? {
              accessedAt: {
                ...(filter.from ? { $gte: filter.from } : {}),
                ...(filter.to ? { $lt: filter.to } : {}),
              },
            }
          : {}),
        ...(filter?.employeeNo ? { employeeNo: filter.employeeNo } : {}),
        ...(filter?.subject ? { subject: filter.subject } : {}),
        ...(afterId !== undefined ? { id: { $lt: String(afterId) } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    const page = rows.slice(0, first);
    const last = page.at(-1);
    return {
      nodes: page.map(({ accessedAt, subject, roles, field, employeeNo, operation, requestId }) => ({
        accessedAt,
        subject,
        roles,
        field,
        employeeNo,
        operation,
        requestId,
      })),
      pageInfo: { endCursor: last ? encodeCursor([last.id]) : null, hasNextPage: rows.length > first },
    };
  }
}
