export { seededRandom, pick } from './random';
export {
  demoRoster,
  DEMO_SEED,
  type DemoRoster,
  type DemoCenter,
  type DemoTeam,
  type DemoAgent,
  type DemoSkill,
} from './demo-roster';
export {
  demoContacts,
  DEMO_TRAFFIC_SOURCE,
  type DemoContact,
  type DemoTrafficOptions,
  type DemoDirection,
  type DemoOutcome,
} from './demo-traffic';
export {
  demoQueues,
  demoQueueModels,
  type DemoQueue,
  type DemoQueueModel,
  type DemoChannel,
} from './demo-traffic-queues';
export { intradayProfile, shanghaiClock, WEEKDAY_FACTOR, INTERVAL_MS, DAY_MS } from './demo-traffic-workload';
export { demoQa, type DemoQa, type DemoEvaluation, type DemoCalibration, type DemoAnswer } from './demo-qa';
export { demoHandledContacts, type DemoHandledContact } from './demo-qa-contacts';
export { demoTrafficWindow, DEMO_TRAFFIC_DAYS } from './demo-traffic-window';
export {
  demoScorecards,
  type DemoScorecard,
  type DemoSection,
  type DemoCriterion,
} from './demo-qa-scorecards';
export {
  demoTraining,
  type DemoTraining,
  type DemoAssignment,
  type DemoAttempt,
  type DemoCertification,
} from './demo-training';
export { DEMO_COURSES, type DemoCourse } from './demo-training-catalog';
export { demoCenterId } from './demo-ids';
export { DemoShiftLog, SHIFT_GAP_MS, type DemoAgentStateEvent } from './demo-agent-shifts';
export {
  demoCareCustomers,
  demoCareSegment,
  demoCareSegments,
  demoStoryContacts,
  DEMO_STORY_CUSTOMER,
  type DemoSegment,
} from './demo-care';
