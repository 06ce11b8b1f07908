export { careSubgraph, buildCareSchema } from './care.subgraph';
