import { forbidden, requireServiceOrRole } from '@switchboard/auth';
import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { careNow } from '../care-services';
import { toCommitmentType } from '../commitment/commitment.mapper';
import { CommitmentType } from '../commitment/commitment.type';
import { ServiceRecoveryInput } from './service-recovery.input';
import { ServiceRecoveryService } from './service-recovery.service';

/** The one service that recovers dissatisfied survey answers (docs/DESIGN.md, "Service identities"). */
export const SERVICE_RECOVERY_CALLERS = ['voc'];

@Resolver()
export class ServiceRecoveryResolver {
  @Mutation(() => CommitmentType, {
    description:
      "Service recovery: a call-back within one business day, owned by the team lead of the survey's agent, on the survey's contact and customer (their timeline). voc's service identity (or ADMIN); one per responseKey",
  })
  async openServiceRecovery(
    @Arg('input', () => ServiceRecoveryInput) input: ServiceRecoveryInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommitmentType> {
    const service = requireServiceOrRole(ctx.identity, ['ADMIN'], 'openServiceRecovery');
    if (service !== null && !SERVICE_RECOVERY_CALLERS.includes(service))
      throw forbidden(`openServiceRecovery: the ${service} service does not recover surveys`);
    await ctx.requireReferences([{ kind: 'center', field: 'input.centerId', values: [input.centerId] }]);
    const row = await new ServiceRecoveryService(ctx.em).open(input, ctx.identity.subject);
    return toCommitmentType(row, careNow());
  }
}
