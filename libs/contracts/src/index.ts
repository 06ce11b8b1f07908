export { ROLES, type Role } from './roles';
export {
  GATEWAY_PORT,
  SUBGRAPH_REGISTRY,
  subgraphContract,
  WRITERS,
  type SubgraphContract,
  type SubgraphName,
} from './subgraph-registry';
