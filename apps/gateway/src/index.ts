export { startGateway, type GatewayOptions } from './gateway';
export { subgraphNames, subgraphUrlsFromEnv } from './subgraph-urls';
