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
export { jitCompiler, leavesAlreadySerialized, unserializedLeaves } from './compiled-queries';
export {
  startSubgraph,
  runSubgraphMain,
  migrateSubgraph,
  migrationModeFromEnv,
  type MigrationMode,
  type SubgraphDefinition,
  type SubgraphRunOptions,
  type StartedSubgraph,
} from './run-subgraph';
export { GraphQLLocalDate } from './scalars';
export { queryGateway, gatewayUrl, type GatewayQueryOptions } from './gateway-client';
export {
  CsvRecordReader,
  readCsvFile,
  readCsvText,
  isCalendarDate,
  type CsvFile,
  type CsvFileOptions,
  type CsvItem,
  type CsvLineProblem,
  type CsvReadOptions,
  type CsvRecord,
  type CsvSource,
} from './csv-records';
export { CsvRowSplitter, MAX_RECORD_LINES, splitRecord, type CsvRow } from './csv-rows';
export {
  HOLDS_NUL,
  MAX_LINE_BYTES,
  NOT_UTF8,
  TextLineSplitter,
  textLines,
  type TextLine,
} from './text-lines';
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
export {
  PERFORMANCE_KEY,
  PERFORMANCE_KEY_DIRECTIVE,
  PERFORMANCE_SCOPE_TYPES,
  PerformanceKeyFields,
  PerformanceScopeType,
  performanceFromReference,
  performanceReference,
} from './performance-protocol';
export { performancePart, type PerformancePartOptions, type PerformancePartRecord } from './performance-part';
export {
  rememberAgentSet,
  resolveAgentSet,
  type PerformanceAgentSetRef,
  type RecordWithAgentSet,
} from './performance-agent-sets';
export { requireWholeScope, seenAgents, seenEmployeeNos, visibleIn } from './scope-guards';
export {
  badUserInputMessage,
  fileImportRoute,
  ImportParameters,
  type FileImport,
  type FileImportReport,
  type RowProblem,
} from './file-import-route';
export {
  collectRows,
  fileInstant,
  INSTANT_MESSAGE,
  isRowProblem,
  ndjsonCells,
  readRecordFile,
  rowProblem,
  type RecordFile,
  type RecordFileFormat,
  type RecordFileOptions,
} from './record-files';
export { FileImportOptionsFields, RowProblemFields } from './file-import-types';
export { checkPeriod, MAX_PERIOD_DAYS, type PeriodRules } from './period';
export {
  requireReferences,
  knownReferences,
  gatewayReferenceSource,
  staticReferenceSource,
  type ReferenceKind,
  type ReferenceCheck,
  type RequireReferences,
  type ReferenceSource,
  type ReferenceAsk,
  type ReferenceAnswer,
} from './references';
export {
  configureIngestBatchRecorder,
  gatewayIngestBatchRecorder,
  importBatchRows,
  latestEventTime,
  reportImportBatch,
  type ImportBatchOrigin,
  type ImportRunFacts,
  type IngestBatchOutcome,
  type IngestBatchRecorder,
  type IngestBatchReport,
} from './ingest-batch-report';
export { startJobQueue, type JobBoss, type JobQueueOptions } from './job-queue';
