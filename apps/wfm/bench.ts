// The benchmarking entry (`@switchboard/wfm/bench`): what tools/bench needs to plan forecasts on a
// database of its own. Never loaded by the service itself.
export { wfmDatabase } from './src/wfm.subgraph';
export { planForecasts, PLAN_HISTORY_DAYS } from './src/staffing/plan-forecast';
