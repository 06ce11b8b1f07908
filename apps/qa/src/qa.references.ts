import type { SubgraphContext } from '@switchboard/subgraph-kit';
import { visibleEvaluation } from './evaluation/evaluation.resolver';
import { toEvaluationType } from './evaluation/evaluation.mapper';
import type { EvaluationType } from './evaluation/evaluation.type';
import { qaPerformanceFromReference } from './performance/performance.resolver';
import { scorecardById } from './scorecard/scorecard.resolver';
import { toScorecardType } from './scorecard/scorecard.mapper';
import type { ScorecardType } from './scorecard/scorecard.type';
import { AgentQaType } from './summary/agent-qa.type';
import { CenterQaType, TeamQaType } from './summary/qa-summary.resolver';

interface GroupRef {
  id: string;
  /** Provided by staff through @requires(fields: "agents { employeeNo }"). */
  agents?: { employeeNo: string }[];
}

const members = (ref: GroupRef): AgentQaType[] =>
  (ref.agents ?? []).map((a) => Object.assign(new AgentQaType(), { employeeNo: a.employeeNo }));

/**
 * Entity reference resolvers: scorecards and evaluations through DataLoaders (one statement per
 * batch; an evaluation outside the caller's scope is null); agents, teams and centers need no
 * lookup: their QA fields are computed, batched by the summary loader, and null out of scope.
 */
export const qaReferenceResolvers = {
  Scorecard: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<ScorecardType | null> => {
      const scorecard = await scorecardById(ctx).load(ref.id);
      return scorecard ? toScorecardType(scorecard) : null;
    },
  },
  Evaluation: {
    __resolveReference: async (ref: { id: string }, ctx: SubgraphContext): Promise<EvaluationType | null> => {
      const evaluation = await visibleEvaluation(ctx, ref.id);
      return evaluation ? toEvaluationType(evaluation) : null;
    },
  },
  Agent: {
    __resolveReference: (ref: { employeeNo: string }): AgentQaType =>
      Object.assign(new AgentQaType(), { employeeNo: ref.employeeNo }),
  },
  Team: {
    __resolveReference: (ref: GroupRef): TeamQaType =>
      Object.assign(new TeamQaType(), { id: ref.id, agents: members(ref) }),
  },
  Center: {
    __resolveReference: (ref: GroupRef): CenterQaType =>
      Object.assign(new CenterQaType(), { id: ref.id, agents: members(ref) }),
  },
  // The key and staff's agents (@requires) are all the QA part needs.
  Performance: { __resolveReference: qaPerformanceFromReference },
};
