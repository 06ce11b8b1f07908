export { qaSubgraph, buildQaSchema } from './qa.subgraph';
export {
  QaSummaryService,
  type QaGroup,
  type QaSummary,
  type QaCategoryAverage,
} from './summary/qa-summary.service';
// Test data builders for end-to-end tests (tools/e2e) that drive QA through the gateway.
export { QaFactory, standardScorecard, toAnswerInputs, type Answers } from './testing/qa-factories';
