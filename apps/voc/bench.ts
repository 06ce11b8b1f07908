// The benchmarking entry (`@switchboard/voc/bench`): what tools/bench needs to build voc's survey
// rollup after a bulk COPY, as the import keeps it. Never loaded by the service itself.
export { vocDatabase } from './src/voc.subgraph';
export { rebuildSurveyRollup } from './src/rollup/survey-rollup.writer';
export { startServiceRecoveryJobs } from './src/service-recovery/service-recovery.jobs';
export { SurveyStatsService, surveyStatsStatement, type SurveyGroup } from './src/stats/survey-stats.service';
export { buildVocSchema, vocSubgraph } from './src/voc.subgraph';
