export { startGateway, type GatewayOptions, type RunningGateway } from './gateway';
export { OPERATION_CACHE_LIMITS } from './operation-caches';
export { subgraphNames, subgraphUrlsFromEnv } from './subgraph-urls';
