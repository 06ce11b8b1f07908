export { trafficSubgraph, buildTrafficSchema } from './traffic.subgraph';
