import type { TrainingMetrics } from '@switchboard/metrics';
import { seenEmployeeNos, type SubgraphContext } from '@switchboard/subgraph-kit';
import { checkDayPeriod, type DayPeriod } from '../../common/dates';
import type { AgentTrainingType } from './agent-training.type';
import { TrainingSummaryType } from './training-summary.type';
import {
  TrainingSummaryService,
  type AgentProfile,
  type PeriodGroup,
  type TrainingGroup,
} from './training-summary.service';

/** An agent as staff sends it through @requires -> the profile training's requirements read. */
export function profileOf(agent: AgentTrainingType): AgentProfile | undefined {
  if (!agent.role) return undefined;
  return { role: agent.role, skillCodes: (agent.skills ?? []).map((s) => s.skill.code) };
}

export function groupOf(key: string, agents: readonly AgentTrainingType[]): TrainingGroup {
  const profiles: Record<string, AgentProfile> = {};
  for (const agent of agents) {
    const profile = profileOf(agent);
    if (profile) profiles[agent.employeeNo] = profile;
  }
  return { key, employeeNos: agents.map((a) => a.employeeNo), profiles };
}

/**
 * A summary field of a team, center or agent, over the group's members the caller sees: every group of the request asking for the same period
 * is answered by one statement (the gateway sends all of a batch's entities in one _entities call).
 */
export async function loadTrainingSummary(
  ctx: SubgraphContext,
  kind: string,
  group: TrainingGroup,
  period: DayPeriod,
): Promise<TrainingSummaryType> {
  checkDayPeriod(period);
  // Only the members the caller sees count: a summary outside the scope is one over nobody.
  const employeeNos = seenEmployeeNos(await ctx.scope(), group.employeeNos);
  // One loader for every period: a trend's buckets are one statement, not one per bucket.
  const loader = ctx.loaders.get<PeriodGroup, TrainingMetrics>('trainingSummary', (groups) =>
    new TrainingSummaryService().summarize(ctx.em, groups),
  );
  // Keys are made unique per kind and period: a team and a center may share nothing but an id format.
  const metrics = await loader.load({
    ...group,
    employeeNos,
    period,
    key: `${kind}:${group.key}:${period.from}:${period.to}`,
  });
  return Object.assign(new TrainingSummaryType(), metrics);
}
