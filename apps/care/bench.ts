// The benchmarking entry (`@switchboard/care/bench`): what tools/bench needs to run care's escalation
// sweep on a database of its own. Never loaded by the service itself.
export { careDatabase } from './src/care.subgraph';
export { configureCare } from './src/care-services';
export { sweepEscalations, SWEEP_SELECT } from './src/escalation/escalation.sweeper';
export { startEscalationJobs } from './src/escalation/escalation.jobs';
export { complaintStats, type ComplaintDimension } from './src/complaint/complaint-stats';
export { CareWorldDouble } from './src/testing/care-world-double';
