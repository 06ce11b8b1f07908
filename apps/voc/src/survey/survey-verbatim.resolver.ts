import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { SurveyResponseType } from './survey.type';
import { VerbatimAccess } from './verbatim-access.entity';

interface Access {
  responseId: string;
  operation: string;
}

/** The reads of one request become one INSERT, written before the verbatims leave the subgraph. */
function auditLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<Access, true>('verbatimAudit', async (accesses) => {
    await ctx.em.insertMany(
      VerbatimAccess,
      accesses.map((a) => ({
        subject: ctx.identity.subject,
        roles: ctx.identity.roles,
        responseId: a.responseId,
        operation: a.operation,
        requestId: ctx.requestId,
      })),
    );
    return accesses.map(() => true as const);
  });
}

@Resolver(() => SurveyResponseType)
export class SurveyVerbatimResolver {
  /**
   * The verbatim as the query put it on the row (null for anyone but VERBATIM_READERS, see
   * surveyResponses), its read audit-logged when there is one to read.
   */
  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The customer's words (PII): CASE_HANDLER, VOC_ANALYST, QA_EVALUATOR and ADMIN only, every read audit-logged",
  })
  async verbatim(
    @Root() row: SurveyResponseType,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    if (row.verbatim == null) return null;
    const operation = `${info.operation.operation} ${info.operation.name?.value ?? '(anonymous)'}`;
    await auditLoader(ctx).load({ responseId: row.id, operation });
    return row.verbatim;
  }
}
