// The benchmarking and check entry (`@switchboard/voc/bench`): what tools/bench needs to run voc's
// jobs for real (Jest cannot load pg-boss, an ES module). Never loaded by the service itself.
export { vocDatabase } from './src/voc.subgraph';
export { startServiceRecoveryJobs } from './src/service-recovery/service-recovery.jobs';
