/**
 * The job an employee does in the center. Staff owns it (Agent.role); training names roles a course
 * is mandatory for and reads an agent's role through federation (@requires), and composition needs
 * the GraphQL enum identical in both: one list, each subgraph registers it.
 */
export enum AgentRole {
  AGENT = 'AGENT',
  SENIOR_AGENT = 'SENIOR_AGENT',
  TEAM_LEAD = 'TEAM_LEAD',
  QA_EVALUATOR = 'QA_EVALUATOR',
  TRAINER = 'TRAINER',
  WORKFORCE_PLANNER = 'WORKFORCE_PLANNER',
  CENTER_MANAGER = 'CENTER_MANAGER',
}
