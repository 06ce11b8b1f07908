export { ROLES, type Role } from './roles';
export { AgentRole } from './agent-role';
export {
  GATEWAY_PORT,
  SUBGRAPH_REGISTRY,
  subgraphContract,
  WRITERS,
  type SubgraphContract,
  type SubgraphName,
} from './subgraph-registry';
export {
  AGENT_STATES,
  CANONICAL_CONTACT_COLUMNS,
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  type AgentState,
  type CanonicalContactColumn,
  type Channel,
  type Direction,
  type Outcome,
} from './contact';
export { SEGMENT_METRIC_SOURCE, SEGMENT_METRICS, type SegmentMetric } from './segment-metrics';
export { packStateSpans, unpackStateSpans, type PackedStateSpan } from './packed-state-spans';
