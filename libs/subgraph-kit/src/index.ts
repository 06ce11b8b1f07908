export { buildFederatedSchema, type FederatedSchema, type FederatedSchemaOptions } from './federated-schema';
export {
  LoaderRegistry,
  createRequestContext,
  byKeys,
  groupByKeys,
  type SubgraphContext,
} from './request-context';
export { PageInfoType, encodeCursor, decodeCursor, checkPageSize, MAX_PAGE_SIZE } from './pagination';
export {
  startSubgraphServer,
  type SubgraphServerOptions,
  type RunningSubgraph,
  type RouteHandler,
} from './subgraph-server';
export {
  startSubgraph,
  runSubgraphMain,
  type SubgraphDefinition,
  type SubgraphRunOptions,
  type StartedSubgraph,
} from './run-subgraph';
export { GraphQLLocalDate } from './scalars';
export { queryGateway, gatewayUrl, type GatewayQueryOptions } from './gateway-client';
export { parseCsvRecords, isCalendarDate, type CsvRecord } from './csv-records';
export { isUuid, isTimeZone } from './identifiers';
export {
  DataScope,
  resolveDataScope,
  cachedScopeSource,
  gatewayScopeSource,
  staticScopeSource,
  type ScopeMembers,
  type ScopeSource,
} from './data-scope';
export { seesPerformanceRecord, type PerformanceRecordRef } from './performance-scope';
export { requireWholeScope, seenAgents, seenEmployeeNos, visibleIn } from './scope-guards';
export {
  requireReferences,
  gatewayReferenceSource,
  staticReferenceSource,
  type ReferenceKind,
  type ReferenceCheck,
  type RequireReferences,
  type ReferenceSource,
  type ReferenceAsk,
  type ReferenceAnswer,
} from './references';
