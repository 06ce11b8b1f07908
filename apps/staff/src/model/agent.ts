/**
 * Staff's model floor: enums its entities, GraphQL types and services share. It imports no feature
 * (a lint rule keeps it so), so every feature may import it.
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

export enum AgentStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
  TERMINATED = 'TERMINATED',
}
