export { qaSubgraph, buildQaSchema } from './qa.subgraph';
export {
  QaSummaryService,
  type QaGroup,
  type QaSummary,
  type QaCategoryAverage,
} from './summary/qa-summary.service';
