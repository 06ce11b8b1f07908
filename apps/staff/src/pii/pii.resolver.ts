import type { SubgraphContext } from '@switchboard/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { AgentType } from '../agent/agent.type';
import { readPii } from './pii-access.service';

const PII = 'PII: HR and ADMIN only; every read is audit-logged (piiAccessLog)';

@Resolver(() => AgentType)
export class AgentPiiResolver {
  @FieldResolver(() => String, { nullable: true, description: PII })
  email(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    return readPii(ctx, agent, 'email', info);
  }

  @FieldResolver(() => String, { nullable: true, description: PII })
  phone(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    return readPii(ctx, agent, 'phone', info);
  }

  @FieldResolver(() => String, { nullable: true, description: PII })
  nationalId(@Root() agent: AgentType, @Ctx() ctx: SubgraphContext, @Info() info: GraphQLResolveInfo) {
    return readPii(ctx, agent, 'nationalId', info);
  }
}
