import { AgentRole } from '@switchboard/contracts';

/**
 * Staff's model floor: enums its entities, GraphQL types and services share. It imports no feature
 * (a lint rule keeps it so), so every feature may import it.
 */

/** Owned by libs/contracts: training needs it value for value. */
export { AgentRole };

export enum AgentStatus {
  ACTIVE = 'ACTIVE',
  ON_LEAVE = 'ON_LEAVE',
  TERMINATED = 'TERMINATED',
}
