export { createTestDatabase, testServerUrl, type TestDatabase } from './test-database';
export { SqlCounter } from './sql-counter';
export { postGraphQL, type GraphQLResponse } from './graphql-client';
export { startTestSubgraph, type TestSubgraph } from './test-subgraph';
export {
  TEST_ADMIN,
  ensureTestKeys,
  registerTestEndpoint,
  clientToken,
  subgraphToken,
  authorizationFor,
} from './test-auth';
export {
  invalid,
  checkBadInputs,
  badInputProperties,
  databaseFingerprint,
  type MutationCase,
} from './adversarial';
export { caller, accessMatrix, checkOutcome, type AccessCell, type AccessOutcome } from './access-matrix';
export { everyMutationRefused, mutationNames, type MutationCall } from './mutation-guard';
export {
  SAME_AS_FIRST_ROW,
  invalidCell,
  checkBadRows,
  toCsv,
  UNREADABLE_BYTES,
  type ImportAnswer,
  type ImportCase,
} from './adversarial-import';
export { postImportFile, strictImportAnswer, type ImportEvent } from './import-file';
export { accessCallers, INJECTION_ATTEMPTS, type AccessCaller, type AccessLevel } from './access-callers';
export { accessLayout, cellsPerCaller, callerCell, writesInCenter } from './access-layout';
export { KnownReferences } from './known-references';
export { freePort } from './free-port';
export { keepIngestBatchesInMemory, reportedIngestBatches } from './ingest-batches';
export { IngestBatchGatewayDouble, type ReceivedIngestBatch } from './ingest-batch-double';
export {
  startGatewayDouble,
  type GatewayDouble,
  type GatewayDoubleOptions,
  type GatewayDoubleRequest,
} from './gateway-double';
export { randomTestPort, TEST_PORT_RANGES } from './ports';
